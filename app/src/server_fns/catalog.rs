//! The catalog: listings and a plan's detail for a line or a new line, and the steps
//! before a new line's catalog.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{
        cart::{ItemKind, OrderKind, OrderTarget},
        catalog::{CatalogFilter, CatalogListing, PlanDetail},
        new_line::{NewLineChoices, PlaceAnswer, PlaceForm},
    },
};

/// Accessories, devices or plans for `target`, filtered, sorted and paged as asked.
#[server(endpoint = "catalog/list")]
pub async fn list_catalog(
    target: OrderTarget,
    items: ItemKind,
    filter: CatalogFilter,
) -> Result<CatalogListing, AppError> {
    crate::backend::catalog::catalog()?
        .listing(target, items, filter)
        .await
}

/// One plan for `target`, with its features.
#[server(endpoint = "catalog/plan")]
pub async fn get_plan(target: OrderTarget, plan_id: String) -> Result<PlanDetail, AppError> {
    crate::backend::catalog::catalog()?
        .plan(target, plan_id)
        .await
}

/// The ways the actor may get a new line.
#[server(endpoint = "new-line/choices")]
pub async fn get_new_line_choices() -> Result<NewLineChoices, AppError> {
    crate::backend::catalog::catalog()?.new_line_choices().await
}

/// The place step, with `answer` checked when the form was sent.
#[server(endpoint = "new-line/place")]
pub async fn get_place_form(
    order: OrderKind,
    service_id: Option<String>,
    answer: Option<PlaceAnswer>,
) -> Result<PlaceForm, AppError> {
    crate::backend::catalog::catalog()?
        .place_form(order, service_id, answer)
        .await
}
