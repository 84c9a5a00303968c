//! The audit trail of orders placed on behalf of others: one structured line per
//! confirm and submit, under the `audit` log target.

use super::{party::Party, request::RequestScope};

/// Logs `step` (`confirm`, `submit`) of an order `party` handles for someone else;
/// nothing for people ordering for themselves.
pub fn on_behalf(
    scope: &RequestScope,
    party: &Party,
    step: &str,
    external_order_number: &str,
    order_id: Option<&str>,
    outcome: &str,
) {
    let Some(acting) = &party.acting else {
        return;
    };
    tracing::info!(
        target: "audit",
        correlation_id = %scope.correlation_id,
        admin = %party.user_id,
        actor = %acting.employee_id,
        activity_id = %acting.activity_id,
        step,
        external_order_number,
        order_id = order_id.unwrap_or("-"),
        outcome,
        "order on behalf of another employee"
    );
}
