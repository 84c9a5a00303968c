use leptos::prelude::*;
use leptos_meta::Html;

/// Marks `<html data-hydrated="true">` once the WASM has taken over the page, so
/// tests (and CSS) can tell a hydrated page from its server-rendered HTML.
#[component]
pub fn HydrationMarker() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| hydrated.set(true));
    view! { <Html attr:data-hydrated=move || hydrated.get().to_string()/> }
}
