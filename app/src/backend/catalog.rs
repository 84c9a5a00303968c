//! The catalog port: what a line may be sold, implemented by the BFF.

use std::sync::Arc;

use crate::{
    error::AppError,
    model::catalog::{CatalogFilter, CatalogListing, PlanDetail},
};

/// What the catalog pages ask of the BFF. Every call runs inside a request, acts for
/// the session's actor, and answers `NotFound` for a line the person may not see.
#[async_trait::async_trait]
pub trait CatalogBackend: Send + Sync + 'static {
    /// Accessories that fit the line's device.
    async fn accessories(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError>;
    /// Devices the line may be upgraded to.
    async fn devices(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError>;
    /// Plans the line may move to, each saying whether it needs a new device.
    async fn plans(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError>;
    /// One plan with its included and optional features.
    async fn plan(&self, service_id: String, plan_id: String) -> Result<PlanDetail, AppError>;
}

/// The catalog BFF of this request.
pub fn catalog() -> Result<Arc<dyn CatalogBackend>, AppError> {
    super::port()
}
