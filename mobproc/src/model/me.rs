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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shape_this_project_chose() {
        let me: MeResponse = serde_json::from_str(
            r#"{"me":{"authenticatedUser":{"id":"1","firstName":"Ann"},"actor":{"id":"2"},"transactionTypes":["UPGRADE","TELEPORT"],"isApprover":true,"canMoveService":false,"canActForOthers":true}}"#,
        )
        .unwrap();
        assert_eq!(me.me.authenticated_user.id, "1");
        assert_eq!(me.me.actor.id, "2");
        assert_eq!(
            me.me.transaction_types,
            [
                TransactionType::Upgrade,
                TransactionType::Unknown("TELEPORT".to_owned())
            ]
        );
        assert!(me.me.is_approver && me.me.can_act_for_others && !me.me.can_move_service);
    }

    #[test]
    fn permissions_default_to_denied() {
        let me: MeResponse =
            serde_json::from_str(r#"{"me":{"authenticatedUser":{"id":"1"},"actor":{"id":"1"}}}"#)
                .unwrap();
        assert!(me.me.transaction_types.is_empty());
        assert!(!me.me.is_approver && !me.me.can_move_service && !me.me.can_act_for_others);
    }
}
