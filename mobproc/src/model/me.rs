//! `GET /me` (API.md §4; the shape is this project's choice).

use serde::{Deserialize, Serialize};

use super::{Employee, TransactionType};

/// The `/me` body: `{"me":{…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeResponse {
    pub me: Me,
}

/// Who is signed in, on whose behalf calls are made, and what the actor may order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub authenticated_user: Employee,
    /// The employee the context headers select; the authenticated user when none is set.
    pub actor: Employee,
    #[serde(default)]
    pub transaction_types: Vec<TransactionType>,
    #[serde(default)]
    pub is_approver: bool,
    #[serde(default)]
    pub can_move_service: bool,
    #[serde(default)]
    pub can_act_for_others: bool,
}
