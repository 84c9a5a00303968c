//! Line care: orders that change a line itself (suspend, reconnect, cancel, change
//! features, put another phone on it, let its holder keep the number), priced and
//! placed like any other order but without a cart; and moving a line to another
//! employee. Implements [`app::backend::care::CareBackend`].
//!
//! | module | what |
//! |---|---|
//! | `order` | a care order's form, checked, priced by MOBPROC |
//! | `features` | a feature change's features and choices |
//! | `device` | a swap's new phone, and `serial` its serial number check |
//! | `draft` | what was typed, kept in the session |
//! | `moves`, `move_store` | a line's move to another employee, sent once |

mod device;
mod draft;
mod features;
pub mod move_store;
pub mod moves;
pub mod order;
mod serial;

use app::{
    backend::care::CareBackend,
    error::AppError,
    model::{
        care::{CareForm, CareView, MoveView},
        cart::OrderKind,
    },
};

use super::Bff;

#[async_trait::async_trait]
impl CareBackend for Bff {
    async fn care_form(&self, service_id: String, order: OrderKind) -> Result<CareView, AppError> {
        let caller = self.caller().await?;
        caller.answer(order::view(&caller, &service_id, order).await)
    }

    async fn review_care(
        &self,
        service_id: String,
        order: OrderKind,
        form: CareForm,
    ) -> Result<String, AppError> {
        let caller = self.caller().await?;
        caller.answer(order::review(&caller, &service_id, order, form).await)
    }

    async fn move_view(
        &self,
        service_id: String,
        query: Option<String>,
        to: Option<String>,
    ) -> Result<MoveView, AppError> {
        let caller = self.caller().await?;
        let view = moves::view(&caller, &service_id, query.as_deref(), to.as_deref()).await;
        caller.answer(view)
    }

    async fn move_line(&self, service_id: String, move_id: String) -> Result<(), AppError> {
        let caller = self.caller().await?;
        caller.answer(moves::send(&caller, &service_id, &move_id).await)
    }
}
