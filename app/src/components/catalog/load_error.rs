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
    error.set_response_status();
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
