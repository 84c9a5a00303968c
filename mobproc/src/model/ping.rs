//! `GET /ping`.

use serde::{Deserialize, Serialize};

/// The liveness answer, echoing the `echoText` parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ping {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echo_text: Option<String>,
}
