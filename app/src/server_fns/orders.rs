//! Placing the confirmed order, and the placed order.

use leptos::prelude::*;

use crate::{error::AppError, model::order::OrderView};

/// Places the confirmed order of `checkout` (only its id travels: the order itself
/// stays on the server) and goes to its result page. Repeated calls place nothing
/// new and lead to the same order.
#[server(endpoint = "orders/submit")]
pub async fn submit_order(checkout: String) -> Result<String, AppError> {
    let order_id = crate::backend::ordering::ordering()?
        .submit_order(checkout)
        .await?;
    leptos_axum::redirect(&crate::links::order(&order_id));
    Ok(order_id)
}

/// A placed order of the actor's.
#[server(endpoint = "orders/get")]
pub async fn get_order(order_id: String) -> Result<OrderView, AppError> {
    crate::backend::ordering::ordering()?.order(order_id).await
}
