//! The orders port: the lists of placed orders, one order, approvals, "Order again".

use std::sync::Arc;

use crate::{
    error::AppError,
    model::order::{DecisionAction, OrderList, OrderView, OrderedAgain, OrdersQuery},
};

/// What the pages after "Place order" ask of the BFF. Every call runs inside a request.
#[async_trait::async_trait]
pub trait OrdersBackend: Send + Sync + 'static {
    /// A page of the actor's orders, or of those placed for others.
    async fn orders(&self, query: OrdersQuery) -> Result<OrderList, AppError>;
    /// One order MOBPROC lets the person see, with its progress and shipments.
    async fn order(&self, order_id: String) -> Result<OrderView, AppError>;
    /// A page of the orders waiting for the signed-in approver.
    async fn approvals(&self, page: Option<String>) -> Result<OrderList, AppError>;
    /// Approves or rejects an order, once however often it is asked.
    async fn decide(
        &self,
        order_id: String,
        action: DecisionAction,
        reason: String,
    ) -> Result<(), AppError>;
    /// Puts a finished accessories order's items into the cart again.
    async fn order_again(&self, order_id: String, replace: bool) -> Result<OrderedAgain, AppError>;
}

/// The orders BFF of this request.
pub fn orders() -> Result<Arc<dyn OrdersBackend>, AppError> {
    super::port()
}
