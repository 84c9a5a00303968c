//! Where a call's bearer token comes from, and who gets a fresh one when MOBPROC
//! refuses it (API.md §2: access tokens expire, or are revoked early).

use std::future::Future;

use oauth2::AccessToken;

use super::error::MobprocError;

/// The bearer token source of a caller. A server keeping tokens per session implements
/// it over its store; a plain [`AccessToken`] is a source that cannot renew.
///
/// A 401 means MOBPROC refused the token before doing anything, so a call is sent once
/// more with the renewed token, except `POST /orders` (see [`super::Api::submit_order`]).
pub trait Credentials: Sync {
    /// The caller's own error, which a MOBPROC error turns into.
    type Error: From<MobprocError> + Send;

    /// The token for the next call.
    fn token(&self) -> impl Future<Output = Result<AccessToken, Self::Error>> + Send;

    /// MOBPROC refused `rejected` with 401: a fresh token, or `None` when there is none to
    /// get (the 401 then stands).
    fn renew(
        &self,
        rejected: &AccessToken,
    ) -> impl Future<Output = Result<Option<AccessToken>, Self::Error>> + Send;
}

impl Credentials for AccessToken {
    type Error = MobprocError;

    async fn token(&self) -> Result<AccessToken, MobprocError> {
        Ok(self.clone())
    }

    async fn renew(&self, _rejected: &AccessToken) -> Result<Option<AccessToken>, MobprocError> {
        Ok(None)
    }
}
