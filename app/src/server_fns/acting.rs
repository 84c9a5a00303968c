//! Ordering on behalf of another employee: find them, switch, switch back.

use leptos::prelude::*;

use crate::{error::AppError, model::acting::EmployeeSearch};

/// Employees matching `q`, page `page` (from 1).
#[server(endpoint = "acting/search")]
pub async fn search_employees(q: String, page: Option<usize>) -> Result<EmployeeSearch, AppError> {
    crate::backend::acting::acting()?
        .search_employees(q, page.unwrap_or(1))
        .await
}

/// Orders for `employee_id` from now on, starting on their lines.
#[server(endpoint = "acting/start")]
pub async fn start_acting(employee_id: String) -> Result<(), AppError> {
    crate::backend::acting::acting()?
        .start_acting(employee_id)
        .await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Orders for oneself again.
#[server(endpoint = "acting/stop")]
pub async fn stop_acting() -> Result<(), AppError> {
    crate::backend::acting::acting()?.stop_acting().await?;
    leptos_axum::redirect("/");
    Ok(())
}
