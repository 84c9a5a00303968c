//! What the BFF keeps in the server-side session, under named keys. None of it is
//! ever sent to the browser; the cookie carries only the session id.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mobproc::client::{AccessToken, RefreshToken, TokenSet};
use serde::{Deserialize, Serialize};

/// The signed-in person and their MOBPROC tokens.
pub const SIGNED_IN: &str = "signed_in";
/// The last failed sign-in (username and message), shown once.
pub const SIGN_IN_FLASH: &str = "sign_in_flash";

/// The signed-in person and their tokens.
#[derive(Clone, Serialize, Deserialize)]
pub struct SignedIn {
    pub employee_id: String,
    pub name: String,
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// Seconds since the Unix epoch.
    pub expires_at: u64,
}

impl SignedIn {
    pub fn new(employee_id: String, name: String, tokens: &TokenSet) -> Self {
        Self {
            employee_id,
            name,
            access_token: tokens.access_token.secret().clone(),
            refresh_token: tokens.refresh_token.as_ref().map(|t| t.secret().clone()),
            expires_at: unix_seconds(tokens.expires_at),
        }
    }

    /// Takes fresh tokens from a refresh; a server that sends no new refresh token
    /// means the old one stays valid.
    pub fn refreshed(mut self, tokens: &TokenSet) -> Self {
        self.access_token = tokens.access_token.secret().clone();
        if let Some(refresh) = &tokens.refresh_token {
            self.refresh_token = Some(refresh.secret().clone());
        }
        self.expires_at = unix_seconds(tokens.expires_at);
        self
    }

    pub fn access_token(&self) -> AccessToken {
        AccessToken::new(self.access_token.clone())
    }

    pub fn refresh_token(&self) -> Option<RefreshToken> {
        self.refresh_token.clone().map(RefreshToken::new)
    }

    /// Whether the access token expires within `margin` from now.
    pub fn expires_within(&self, margin: Duration) -> bool {
        unix_seconds(SystemTime::now() + margin) >= self.expires_at
    }
}

// Tokens must never reach a log line.
impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("employee_id", &self.employee_id)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(expires_in: Duration, refresh: Option<&str>) -> TokenSet {
        TokenSet {
            access_token: AccessToken::new("access-secret".into()),
            refresh_token: refresh.map(|r| RefreshToken::new(r.into())),
            expires_at: SystemTime::now() + expires_in,
        }
    }

    #[test]
    fn expiry_is_judged_with_a_margin() {
        let signed_in = SignedIn::new(
            "1".into(),
            "Ann".into(),
            &tokens(Duration::from_secs(30), Some("r1")),
        );
        assert!(signed_in.expires_within(Duration::from_secs(60)));
        assert!(!signed_in.expires_within(Duration::ZERO));
    }

    #[test]
    fn a_refresh_without_a_new_refresh_token_keeps_the_old_one() {
        let signed_in = SignedIn::new(
            "1".into(),
            "Ann".into(),
            &tokens(Duration::from_secs(30), Some("r1")),
        );
        let refreshed = signed_in.refreshed(&tokens(Duration::from_secs(3600), None));
        assert_eq!(refreshed.refresh_token.as_deref(), Some("r1"));
        assert!(!refreshed.expires_within(Duration::from_secs(60)));
    }

    #[test]
    fn debug_shows_no_token() {
        let signed_in = SignedIn::new(
            "1".into(),
            "Ann".into(),
            &tokens(Duration::from_secs(30), Some("refresh-secret")),
        );
        let text = format!("{signed_in:?}");
        assert!(!text.contains("access-secret") && !text.contains("refresh-secret"));
    }
}
