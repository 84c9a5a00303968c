use leptos::prelude::*;
use leptos_meta::Title;

/// The landing page; the signed-in pages come with the storefront issue.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Home"/>
        <h1>"Corporate mobile procurement"</h1>
        <p>
            "Order accessories, upgrades and new lines for your company phone, "
            "priced and confirmed before anything is ordered."
        </p>
    }
}
