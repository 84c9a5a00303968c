//! Everything after "Place order": the lists of orders (My orders, placed for others,
//! Approvals), one order with its progress and shipments, an approver's decision, and
//! "Order again". Implements [`app::backend::orders::OrdersBackend`].
//!
//! | module | what |
//! |---|---|
//! | `list` | the lists, paged by MOBPROC's links, filtered by status |
//! | `detail` | one order, with its segments' history and shipments |
//! | `present` | statuses in words, dates, totals, tracking links |
//! | `decision`, `decision_store` | approve or reject, sent at most once per press |
//! | `again` | a finished accessories order's items back in the cart |
//! | `notice` | what the order page says once after a submission or a decision |

mod again;
mod decision;
pub(crate) mod decision_store;
mod detail;
mod list;
pub(crate) mod notice;
mod present;

use app::{
    backend::orders::OrdersBackend,
    error::AppError,
    model::order::{DecisionAction, OrderList, OrderView, OrderedAgain, OrdersQuery},
};

use super::{caller::Caller, error::BffError, Bff};

#[async_trait::async_trait]
impl OrdersBackend for Bff {
    async fn orders(&self, query: OrdersQuery) -> Result<OrderList, AppError> {
        let caller = self.caller().await?;
        caller.answer(list::orders(&caller, &query).await)
    }

    async fn order(&self, order_id: String) -> Result<OrderView, AppError> {
        let caller = self.caller().await?;
        caller.answer(detail::view(&caller, &order_id).await)
    }

    async fn approvals(&self, page: Option<String>) -> Result<OrderList, AppError> {
        let caller = self.caller().await?;
        caller.answer(list::approvals(&caller, page.as_deref()).await)
    }

    async fn decide(
        &self,
        order_id: String,
        action: DecisionAction,
        reason: String,
    ) -> Result<(), AppError> {
        let caller = self.caller().await?;
        caller.answer(decision::decide(&caller, &order_id, action, reason).await)
    }

    async fn order_again(&self, order_id: String, replace: bool) -> Result<OrderedAgain, AppError> {
        let caller = self.caller().await?;
        caller.answer(again::again(&caller, &order_id, replace).await)
    }
}

/// Refuses anyone MOBPROC does not call an approver, before asking MOBPROC anything.
async fn may_approve(caller: &Caller) -> Result<(), BffError> {
    if caller.own_permissions().await?.is_approver {
        Ok(())
    } else {
        Err(BffError::User(AppError::Forbidden))
    }
}
