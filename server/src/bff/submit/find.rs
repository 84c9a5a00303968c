//! Looks for an order whose submission had no answer, by its `externalOrderNumber`
//! among the actor's orders.

use mobproc::{
    client::{collection, OrderQuery},
    model::Order,
};

use crate::bff::{caller::Caller, error::BffError};

/// The actor's orders are walked up to this many pages; newer orders come first.
const MAX_PAGES: usize = 50;

/// The actor's order with `external_order_number`, if MOBPROC has one; the calls belong
/// to the checkout's flow, `activity_id`.
pub async fn by_external_number(
    caller: &Caller,
    activity_id: &str,
    external_order_number: &str,
) -> Result<Option<Order>, BffError> {
    let query = OrderQuery {
        employee: Some(caller.party().actor_id.clone()),
        ..OrderQuery::default()
    };
    let orders = caller
        .api_in_activity(activity_id)
        .walk(&collection::ORDERS, &query, MAX_PAGES)
        .await?;
    Ok(orders
        .items
        .into_iter()
        .find(|o| o.external_order_number.as_deref() == Some(external_order_number)))
}
