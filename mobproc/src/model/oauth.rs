//! PingFederate's token and validation answers (API.md §2). snake_case on the wire, as
//! OAuth has it, except inside the validated `access_token`.

use serde::{Deserialize, Serialize};

/// The answer to the password and refresh grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub token_type: String,
    /// Seconds; authoritative over the nominal one-hour lifetime.
    pub expires_in: u64,
    pub access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

/// The answer to the `validate_bearer` grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenValidation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    pub expires_in: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    pub access_token: TokenIdentity,
}

/// Whom a validated token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenIdentity {
    /// The source system, e.g. `command`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// `"true"` or `"false"`: a string on the wire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multitenant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
}
