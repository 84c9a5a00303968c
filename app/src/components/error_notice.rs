use leptos::prelude::*;

use crate::error::AppError;

/// A failed load or action, in words a user can act on (with the reference to quote).
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! { <p class="alert" role="alert">{error.to_string()}</p> }
}
