//! The catalog of a line: accessories, upgrade devices and plans, a plan's detail.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::catalog::{CatalogFilter, CatalogListing, PlanDetail},
};

/// Accessories that fit the line's device, filtered, sorted and paged as asked.
#[server]
pub async fn list_accessories(
    service_id: String,
    filter: CatalogFilter,
) -> Result<CatalogListing, AppError> {
    crate::backend::catalog::catalog()?
        .accessories(service_id, filter)
        .await
}

/// Devices the line may be upgraded to.
#[server]
pub async fn list_devices(
    service_id: String,
    filter: CatalogFilter,
) -> Result<CatalogListing, AppError> {
    crate::backend::catalog::catalog()?
        .devices(service_id, filter)
        .await
}

/// Plans the line may move to.
#[server]
pub async fn list_plans(
    service_id: String,
    filter: CatalogFilter,
) -> Result<CatalogListing, AppError> {
    crate::backend::catalog::catalog()?
        .plans(service_id, filter)
        .await
}

/// One plan for the line, with its features.
#[server]
pub async fn get_plan(service_id: String, plan_id: String) -> Result<PlanDetail, AppError> {
    crate::backend::catalog::catalog()?
        .plan(service_id, plan_id)
        .await
}
