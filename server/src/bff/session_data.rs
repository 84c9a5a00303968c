//! What the BFF keeps in the server-side session, under named keys. None of it is
//! ever sent to the browser; the cookie carries only the session id.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mobproc::{
    client::{AccessToken, RefreshToken, TokenSet},
    model::{Me, TransactionType},
};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tower_sessions::{session::Error, Session};

/// The signed-in person and their MOBPROC tokens.
pub const SIGNED_IN: &str = "signed_in";
/// The last failed sign-in (username and message), shown once.
pub const SIGN_IN_FLASH: &str = "sign_in_flash";
/// The employee the signed-in person orders for, while they do.
pub const ACTING_FOR: &str = "acting_for";
/// What MOBPROC's `/me` said the signed-in person may do, and when.
pub const PERMISSIONS: &str = "permissions";

/// `/me` is read again after this long, so a change of rights upstream shows within it.
const PERMISSIONS_FRESH_FOR: Duration = Duration::from_secs(5 * 60);

// Values are stored as JSON text: with serde_json's `arbitrary_precision` (on for
// exact money) numbers inside a `Value` do not survive the session store's
// MessagePack encoding.

/// Reads the value under `key`.
pub async fn read<T: DeserializeOwned>(session: &Session, key: &str) -> Result<Option<T>, Error> {
    match session.get::<String>(key).await? {
        Some(text) => Ok(Some(serde_json::from_str(&text).map_err(Error::SerdeJson)?)),
        None => Ok(None),
    }
}

/// Stores `value` under `key`.
pub async fn write<T: Serialize>(session: &Session, key: &str, value: &T) -> Result<(), Error> {
    let text = serde_json::to_string(value).map_err(Error::SerdeJson)?;
    session.insert(key, text).await
}

/// Removes the value under `key` and returns it.
pub async fn take<T: DeserializeOwned>(session: &Session, key: &str) -> Result<Option<T>, Error> {
    match session.remove::<String>(key).await? {
        Some(text) => Ok(Some(serde_json::from_str(&text).map_err(Error::SerdeJson)?)),
        None => Ok(None),
    }
}

/// Reads a value of `key` from a raw session record, as [`write`] stored it.
pub fn from_record<T: DeserializeOwned>(
    record: &tower_sessions::session::Record,
    key: &str,
) -> Option<T> {
    record
        .data
        .get(key)
        .and_then(|value| value.as_str())
        .and_then(|text| serde_json::from_str(text).ok())
}

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

/// What `/me` says someone may do: the transaction types of the actor it was asked
/// for, and the signed-in person's own rights.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Permissions {
    pub transaction_types: Vec<TransactionType>,
    pub is_approver: bool,
    pub can_move_service: bool,
    pub can_act_for_others: bool,
    /// Seconds since the Unix epoch when `/me` said so.
    pub read_at: u64,
}

impl Permissions {
    pub fn of(me: &Me) -> Self {
        Self {
            transaction_types: me.transaction_types.clone(),
            is_approver: me.is_approver,
            can_move_service: me.can_move_service,
            can_act_for_others: me.can_act_for_others,
            read_at: unix_seconds(SystemTime::now()),
        }
    }

    /// Whether `/me` should be asked again.
    pub fn is_stale(&self) -> bool {
        unix_seconds(SystemTime::now())
            >= self.read_at.saturating_add(PERMISSIONS_FRESH_FOR.as_secs())
    }
}

/// The employee someone orders for (MOBPROC's context, API.md §4), as MOBPROC
/// described them when the context was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub employee_id: String,
    pub name: String,
    pub department: Option<String>,
    /// Sent as `X-TNGO-CONTEXT-ACTIVITYID` on every call while acting: one flow.
    pub activity_id: String,
    /// What `/me` said in this employee's context; `None` until asked.
    #[serde(default)]
    pub permissions: Option<Permissions>,
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
