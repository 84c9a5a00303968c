//! Vendors: carriers and other suppliers (`/vendors`).

use serde::{Deserialize, Serialize};

use super::{AccessMethod, Meta};

/// An item or detail of `/vendors`, also embedded wherever a carrier is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vendor {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// The vendor's kind, as filtered by `/vendors?type=`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub vendor_type: Option<String>,
    /// Detail only: the network technology of a carrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_method: Option<AccessMethod>,
}
