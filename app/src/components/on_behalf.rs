use leptos::prelude::*;

/// "Ordered by <requester> for <account holder>", when someone ordered for another
/// employee; nothing when they ordered for themselves.
#[component]
pub fn OnBehalf(account_holder: Option<String>, requested_by: Option<String>) -> impl IntoView {
    match (requested_by, account_holder) {
        (Some(by), Some(holder)) if by != holder => Some(view! {
            <p class="on-behalf">"Ordered by " <strong>{by}</strong> " for " <strong>{holder}</strong> "."</p>
        }),
        _ => None,
    }
}
