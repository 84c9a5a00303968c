use leptos::prelude::*;

use crate::{error::AppError, model::Line};

/// The phone lines of the person the session acts for.
#[server]
pub async fn list_lines() -> Result<Vec<Line>, AppError> {
    crate::backend::backend()?.lines().await
}
