//! Placing the confirmed order, and what comes after: the lists of orders, one order,
//! approvals and "Order again".

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::order::{DecisionAction, OrderList, OrderView, OrderedAgain, OrdersScope, StatusFilter},
};

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

/// A placed order the person may see, with its progress and shipments.
#[server(endpoint = "orders/get")]
pub async fn get_order(order_id: String) -> Result<OrderView, AppError> {
    crate::backend::orders::orders()?.order(order_id).await
}

/// A page of My orders, or of the orders placed for others.
#[server(endpoint = "orders/list")]
pub async fn list_orders(
    scope: OrdersScope,
    status: StatusFilter,
    page: Option<String>,
) -> Result<OrderList, AppError> {
    let query = crate::model::order::OrdersQuery {
        scope,
        status,
        page,
    };
    crate::backend::orders::orders()?.orders(query).await
}

/// A page of the orders waiting for the signed-in approver.
#[server(endpoint = "approvals/list")]
pub async fn list_approvals(page: Option<String>) -> Result<OrderList, AppError> {
    crate::backend::orders::orders()?.approvals(page).await
}

/// Approves or rejects `order_id` and comes back to its page, which says how it went.
#[server(endpoint = "approvals/decide")]
pub async fn decide_order(
    order_id: String,
    action: DecisionAction,
    reason: Option<String>,
) -> Result<(), AppError> {
    crate::backend::orders::orders()?
        .decide(order_id.clone(), action, reason.unwrap_or_default())
        .await?;
    leptos_axum::redirect(&crate::links::order(&order_id));
    Ok(())
}

/// Puts the accessories of a finished order into the cart again and goes to the cart.
/// When the cart holds another order, it answers with a `replace` field asking first.
#[server(endpoint = "orders/again")]
pub async fn order_again(
    order_id: String,
    replace: Option<bool>,
) -> Result<OrderedAgain, AppError> {
    let again = crate::backend::orders::orders()?
        .order_again(order_id, replace == Some(true))
        .await?;
    leptos_axum::redirect("/cart");
    Ok(again)
}
