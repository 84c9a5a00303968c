//! Looks for an order whose submission had no answer, by its `externalOrderNumber`
//! among the actor's orders, walking every page.

use mobproc::{
    client::{envelope, OrderQuery},
    model::Order,
};

use crate::bff::{error::BffError, party::Party, request::RequestScope, Bff};

/// The actor's order with `external_order_number`, if MOBPROC has one.
pub async fn by_external_number(
    bff: &Bff,
    scope: &RequestScope,
    party: &Party,
    external_order_number: &str,
) -> Result<Option<Order>, BffError> {
    let client = bff.client();
    let query = OrderQuery {
        employee: Some(party.actor_id.clone()),
        ..OrderQuery::default()
    };
    let query = &query;
    let orders: Vec<Order> = bff
        .call_as(scope, party, |token, context| async move {
            let path = ["orders"];
            client
                .list_all(&token, &context, &path, query, envelope::ORDERS)
                .await
        })
        .await?;
    Ok(orders
        .into_iter()
        .find(|o| o.external_order_number.as_deref() == Some(external_order_number)))
}
