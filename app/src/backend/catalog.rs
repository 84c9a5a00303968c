//! The catalog port: what may be ordered for a line or a new line, implemented by the
//! BFF.

use std::sync::Arc;

use crate::{
    error::AppError,
    model::{
        cart::{ItemKind, OrderKind, OrderTarget},
        catalog::{CatalogFilter, CatalogListing, PlanDetail},
        new_line::{NewLineChoices, PlaceAnswer, PlaceForm},
    },
};

/// What the catalog pages ask of the BFF. Every call runs inside a request, acts for
/// the session's actor, answers `Forbidden` for an order the actor may not place and
/// `NotFound` for a line the person may not see.
#[async_trait::async_trait]
pub trait CatalogBackend: Send + Sync + 'static {
    /// One page of `items` for `target`: accessories that fit the line's device (or the
    /// new line's device in the cart), devices, or plans (each saying whether it needs
    /// a new device), filtered, sorted and paged as asked.
    async fn listing(
        &self,
        target: OrderTarget,
        items: ItemKind,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError>;
    /// One plan for `target` with its included and optional features.
    async fn plan(&self, target: OrderTarget, plan_id: String) -> Result<PlanDetail, AppError>;
    /// The ways the actor may get a new line.
    async fn new_line_choices(&self) -> Result<NewLineChoices, AppError>;
    /// The place step of `order` (for the line `service_id` when it changes one), with
    /// `answer` checked when there is one: a good one leads to the catalog.
    async fn place_form(
        &self,
        order: OrderKind,
        service_id: Option<String>,
        answer: Option<PlaceAnswer>,
    ) -> Result<PlaceForm, AppError>;
}

/// The catalog BFF of this request.
pub fn catalog() -> Result<Arc<dyn CatalogBackend>, AppError> {
    super::port()
}
