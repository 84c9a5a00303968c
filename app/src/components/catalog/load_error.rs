use leptos::prelude::*;
use leptos_meta::Title;

use crate::{components::error_notice::ErrorNotice, error::AppError};

/// A catalog page that could not be shown. A line or plan the person may not see is
/// `not_found` (404), without saying whether it exists; anything else is the plain
/// message with its reference.
#[component]
pub fn CatalogLoadError(
    error: AppError,
    /// The heading when nothing was found, e.g. "Line not found".
    not_found: &'static str,
    /// Why it might not be found, in a sentence.
    explanation: &'static str,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use http::StatusCode;
        let status = match &error {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Invalid { .. } => StatusCode::BAD_REQUEST,
            AppError::Upstream { .. } => StatusCode::BAD_GATEWAY,
            AppError::Internal { .. } | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
    }
    match error {
        AppError::NotFound => view! {
            <Title text=not_found/>
            <h1>{not_found}</h1>
            <p>{explanation} " " <a href="/">"Go to My lines"</a> "."</p>
        }
        .into_any(),
        error => view! {
            <Title text="Catalog unavailable"/>
            <h1>"Catalog unavailable"</h1>
            <ErrorNotice error/>
        }
        .into_any(),
    }
}
