//! Access tokens that stay fresh without the user noticing: refreshed shortly before
//! they expire, once per session even when several requests notice at the same time
//! (MOBPROC rotates refresh tokens, so a second refresh with the old one would fail).

use std::{
    hash::{DefaultHasher, Hash, Hasher},
    time::Duration,
};

use mobproc::client::{AccessToken, ErrorKind, MobprocClient};
use tower_sessions::{session::Id, Session, SessionStore};

use super::{
    error::BffError,
    session_data::{self, SignedIn, SIGNED_IN},
};
use crate::session::Store;

/// Refresh when the access token has less than this left.
const REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// Refreshes of different sessions rarely share a lock, and memory stays bounded.
const LOCK_STRIPES: usize = 64;

pub struct Tokens {
    client: MobprocClient,
    store: Store,
    stripes: Vec<tokio::sync::Mutex<()>>,
}

impl Tokens {
    pub fn new(client: MobprocClient, store: Store) -> Self {
        Self {
            client,
            store,
            stripes: (0..LOCK_STRIPES)
                .map(|_| tokio::sync::Mutex::new(()))
                .collect(),
        }
    }

    /// The signed-in person with an access token good for at least the margin.
    pub async fn current(&self, session: &Session) -> Result<SignedIn, BffError> {
        let signed_in: SignedIn = session_data::read(session, SIGNED_IN)
            .await?
            .ok_or(BffError::SignInRequired)?;
        if !signed_in.expires_within(REFRESH_MARGIN) {
            return Ok(signed_in);
        }
        let seen = signed_in.access_token.clone();
        self.refresh(session, signed_in, &seen).await
    }

    /// New tokens after MOBPROC refused `rejected` (expired or revoked early).
    pub async fn after_rejection(
        &self,
        session: &Session,
        rejected: &AccessToken,
    ) -> Result<SignedIn, BffError> {
        let signed_in: SignedIn = session_data::read(session, SIGNED_IN)
            .await?
            .ok_or(BffError::SignInRequired)?;
        self.refresh(session, signed_in, rejected.secret()).await
    }

    /// Refreshes the tokens whose access token was `seen`, unless another request did.
    async fn refresh(
        &self,
        session: &Session,
        current: SignedIn,
        seen: &str,
    ) -> Result<SignedIn, BffError> {
        let id = session.id().ok_or(BffError::SignInRequired)?;
        let _turn = self.stripe(&id).lock().await;
        // A request that held the lock before us may have refreshed already; the
        // store, not this request's copy of the session, has the latest tokens.
        let latest = self.stored(&id).await?.unwrap_or(current);
        if latest.access_token != seen && !latest.expires_within(REFRESH_MARGIN) {
            session_data::write(session, SIGNED_IN, &latest).await?;
            return Ok(latest);
        }
        let refresh_token = latest.refresh_token().ok_or(BffError::SignInRequired)?;
        match self.client.refresh_grant(&refresh_token).await {
            Ok(tokens) => {
                let refreshed = latest.refreshed(&tokens);
                session_data::write(session, SIGNED_IN, &refreshed).await?;
                session.save().await?;
                Ok(refreshed)
            }
            Err(error)
                if matches!(
                    error.kind(),
                    ErrorKind::InvalidGrant { .. } | ErrorKind::Unauthorized(_)
                ) =>
            {
                tracing::info!("refresh token refused; the user signs in again");
                session.remove::<String>(SIGNED_IN).await?;
                Err(BffError::SignInRequired)
            }
            Err(error) => Err(error.into()),
        }
    }

    async fn stored(&self, id: &Id) -> Result<Option<SignedIn>, BffError> {
        let record = self
            .store
            .load(id)
            .await
            .map_err(tower_sessions::session::Error::Store)?;
        Ok(record.and_then(|record| session_data::from_record(&record, SIGNED_IN)))
    }

    fn stripe(&self, id: &Id) -> &tokio::sync::Mutex<()> {
        let mut hasher = DefaultHasher::new();
        id.hash(&mut hasher);
        &self.stripes[hasher.finish() as usize % LOCK_STRIPES]
    }
}
