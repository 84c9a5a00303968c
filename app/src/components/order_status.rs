use leptos::prelude::*;

use crate::model::order::StatusView;

/// Where an order stands, in words, marked with MOBPROC's code for styling.
#[component]
pub fn StatusBadge(status: StatusView) -> impl IntoView {
    view! { <span class="status-badge" data-status=status.code>{status.words}</span> }
}
