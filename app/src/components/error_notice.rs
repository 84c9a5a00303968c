use leptos::prelude::*;

use crate::error::AppError;

/// A failed load or action, in words a user can act on (with the reference to quote).
/// The page showing it answers with the error's status.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    error.set_response_status();
    view! { <p class="alert" role="alert">{error.to_string()}</p> }
}
