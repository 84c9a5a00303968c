//! Line care: a care order's form and its review, and moving a line.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{
        care::{CareForm, CareView, MoveView},
        cart::OrderKind,
    },
};

/// The form of care order `order` for the line.
#[server(endpoint = "care/form")]
pub async fn get_care_form(service_id: String, order: OrderKind) -> Result<CareView, AppError> {
    crate::backend::care::care()?
        .care_form(service_id, order)
        .await
}

/// Checks the care form and gets MOBPROC's priced confirmation, then goes to it.
#[server(endpoint = "care/review")]
pub async fn review_care(
    service_id: String,
    order: OrderKind,
    form: CareForm,
) -> Result<(), AppError> {
    let checkout = crate::backend::care::care()?
        .review_care(service_id, order, form)
        .await?;
    leptos_axum::redirect(&crate::links::confirmation(&checkout));
    Ok(())
}

/// The "Move this line" page's search, or the move to confirm.
#[server(endpoint = "lines/move-view")]
pub async fn get_move_view(
    service_id: String,
    query: Option<String>,
    to: Option<String>,
) -> Result<MoveView, AppError> {
    crate::backend::care::care()?
        .move_view(service_id, query, to)
        .await
}

/// Moves the line as confirmed, then shows My lines.
#[server(endpoint = "lines/move")]
pub async fn move_line(service_id: String, move_id: String) -> Result<(), AppError> {
    crate::backend::care::care()?
        .move_line(service_id, move_id)
        .await?;
    leptos_axum::redirect("/");
    Ok(())
}
