//! The care port: orders that change a line itself, and moving a line to another
//! employee, implemented by the BFF.

use std::sync::Arc;

use crate::{
    error::AppError,
    model::{
        care::{CareForm, CareView, MoveView},
        cart::OrderKind,
    },
};

/// What the care pages ask of the BFF. Every call acts for the session's actor and
/// answers `Forbidden` for what `/me` or the line does not allow, before any other call.
#[async_trait::async_trait]
pub trait CareBackend: Send + Sync + 'static {
    /// The form of care order `order` for the line, with what was typed last.
    async fn care_form(&self, service_id: String, order: OrderKind) -> Result<CareView, AppError>;
    /// Keeps what was typed, checks it and has MOBPROC price the order; the new
    /// checkout's id, whose confirmation places it like any other order.
    async fn review_care(
        &self,
        service_id: String,
        order: OrderKind,
        form: CareForm,
    ) -> Result<String, AppError>;
    /// The "Move this line" page: the employees matching `query`, or the move to
    /// employee `to` to confirm.
    async fn move_view(
        &self,
        service_id: String,
        query: Option<String>,
        to: Option<String>,
    ) -> Result<MoveView, AppError>;
    /// Moves the line as confirmed by `move_id`, at most once however often it is asked.
    async fn move_line(&self, service_id: String, move_id: String) -> Result<(), AppError>;
}

/// The care BFF of this request.
pub fn care() -> Result<Arc<dyn CareBackend>, AppError> {
    super::port()
}
