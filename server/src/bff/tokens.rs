//! Access tokens that stay fresh without the user noticing: refreshed shortly before
//! they expire, or when MOBPROC refuses one, exactly once per sign-in even when
//! requests on several instances notice at the same time (MOBPROC rotates refresh
//! tokens, so a second refresh with the old one would fail). The row lock in
//! [`SignInStore::refresh`] makes the others wait for the one refresh and use it.

use std::time::Duration;

use mobproc::client::{AccessToken, ErrorKind, MobprocClient, RefreshToken};
use tower_sessions::Session;

use super::{
    error::BffError,
    session_data::{self, SIGN_IN},
    sign_ins::{Ended, Method, Renewal, SignIn, SignInStore},
};

/// Refresh when the access token has less than this left.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

pub struct Tokens {
    client: MobprocClient,
    sign_ins: SignInStore,
}

impl Tokens {
    pub fn new(client: MobprocClient, sign_ins: SignInStore) -> Self {
        Self { client, sign_ins }
    }

    /// The sign-in `session` names, if it still holds; its tokens as they are.
    pub async fn signed_in(&self, session: &Session) -> Result<Option<SignIn>, BffError> {
        match session_data::read::<String>(session, SIGN_IN).await? {
            Some(id) => self.sign_ins.current(&id).await,
            None => Ok(None),
        }
    }

    /// `sign_in` itself while its access token is good for the margin; else refreshed.
    pub async fn fresh(&self, sign_in: SignIn) -> Result<SignIn, BffError> {
        if !sign_in.expires_within(REFRESH_MARGIN) {
            return Ok(sign_in);
        }
        let seen = sign_in.access_token();
        self.refresh(&sign_in.id, &seen).await
    }

    /// New tokens after MOBPROC refused `rejected` (expired or revoked early).
    pub async fn after_rejection(
        &self,
        sign_in_id: &str,
        rejected: &AccessToken,
    ) -> Result<SignIn, BffError> {
        self.refresh(sign_in_id, rejected).await
    }

    /// Records a new sign-in for `session`, which must get a new id first.
    pub async fn start(
        &self,
        employee_id: &str,
        name: &str,
        method: Method,
        tokens: &mobproc::client::TokenSet,
    ) -> Result<String, BffError> {
        self.sign_ins
            .create(employee_id, name, method, tokens)
            .await
    }

    /// Ends the sign-in `session` names (if any) and revokes its refresh token.
    pub async fn end(&self, session: &Session) -> Result<Option<Ended>, BffError> {
        let Some(id) = session_data::read::<String>(session, SIGN_IN).await? else {
            return Ok(None);
        };
        let ended = self.sign_ins.end(&id).await?;
        if let Some(refresh_token) = ended.as_ref().and_then(|e| e.refresh_token.as_ref()) {
            self.revoke(refresh_token).await;
        }
        Ok(ended)
    }

    /// Ends every sign-in of `employee_id` on every instance, revoking their tokens;
    /// how many there were.
    pub async fn end_all(&self, employee_id: &str) -> Result<usize, BffError> {
        let ended = self.sign_ins.end_all(employee_id).await?;
        for refresh_token in &ended {
            self.revoke(refresh_token).await;
        }
        Ok(ended.len())
    }

    /// Revokes a refresh token at the OAuth server, logging a failure as such.
    async fn revoke(&self, refresh_token: &RefreshToken) {
        match self.client.revoke_refresh_token(refresh_token).await {
            Ok(()) => tracing::info!("refresh token revoked"),
            Err(error) => tracing::warn!(%error, "refresh token NOT revoked at sign-out"),
        }
    }

    /// Refreshes the tokens of `sign_in_id` whose access token was `seen`, unless
    /// another request (on any instance) did meanwhile.
    async fn refresh(&self, sign_in_id: &str, seen: &AccessToken) -> Result<SignIn, BffError> {
        let client = &self.client;
        let refreshed = self
            .sign_ins
            .refresh(
                sign_in_id,
                seen.secret(),
                REFRESH_MARGIN,
                |refresh_token| async move {
                    match client.refresh_grant(&refresh_token).await {
                        Ok(tokens) => Ok(Renewal::Tokens(tokens)),
                        Err(error)
                            if matches!(
                                error.kind(),
                                ErrorKind::InvalidGrant { .. } | ErrorKind::Unauthorized(_)
                            ) =>
                        {
                            tracing::info!("refresh token refused; the user signs in again");
                            Ok(Renewal::Refused)
                        }
                        Err(error) => Err(error.into()),
                    }
                },
            )
            .await?;
        refreshed.ok_or(BffError::SignInRequired)
    }
}
