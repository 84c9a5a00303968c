//! Approving or rejecting an order (`POST /orders/{id}/approval`).

use serde::{Deserialize, Serialize};

crate::open_enum! {
    pub enum ApprovalAction {
        Approve = "APPROVE",
        Reject = "REJECT",
    }
}

crate::open_enum! {
    /// The decision is queued, not applied, when MOBPROC answers.
    pub enum ApprovalStatus {
        ApprovalQueued = "APPROVAL_QUEUED",
        RejectionQueued = "REJECTION_QUEUED",
        ApprovalNotNeeded = "APPROVAL_NOT_NEEDED",
        NotReadyForApproval = "NOT_READY_FOR_APPROVAL",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalRequest {
    pub action: ApprovalAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalResponse {
    pub status: ApprovalStatus,
}
