use leptos::prelude::*;

use crate::{error::AppError, model::MyLines};

/// The phone lines of the person the session acts for.
#[server]
pub async fn list_lines() -> Result<MyLines, AppError> {
    crate::backend::backend()?.lines().await
}
