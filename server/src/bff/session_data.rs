//! What the BFF keeps in the server-side session, under named keys: small flags and
//! ids, never tokens (those are in `sign_ins`; a pending sign-in's PKCE verifier is
//! here until its callback). None of it is ever sent to the
//! browser; the cookie carries only the session id.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use mobproc::model::{Me, TransactionType};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tower_sessions::{session::Error, Session};

/// The id of the session's row in `sign_ins`: who is signed in, with their tokens.
pub const SIGN_IN: &str = "sign_in";
/// The employee the signed-in person orders for, while they do.
pub const ACTING_FOR: &str = "acting_for";
/// What MOBPROC's `/me` said the signed-in person may do, and when.
pub const PERMISSIONS: &str = "permissions";
/// Sign-ins started at the identity provider and not yet back: each one's `state`, PKCE
/// verifier and return path (`bff::code_sign_in`).
pub const CODE_SIGN_INS: &str = "code_sign_ins";

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

/// Removes the value under `key` and returns it. Without one, the session stays
/// unchanged: removing marks it changed, and a changed session is written back.
pub async fn take<T: DeserializeOwned>(session: &Session, key: &str) -> Result<Option<T>, Error> {
    if session.get_value(key).await?.is_none() {
        return Ok(None);
    }
    match session.remove::<String>(key).await? {
        Some(text) => Ok(Some(serde_json::from_str(&text).map_err(Error::SerdeJson)?)),
        None => Ok(None),
    }
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

fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
