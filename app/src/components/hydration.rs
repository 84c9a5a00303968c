use leptos::prelude::*;
use leptos_meta::Html;

/// Renders `<html data-hydrated="false">`; the WASM flips it to `true` once it runs,
/// so tests (and CSS) can tell a page with live islands from its server HTML.
#[component]
pub fn HydrationMarker() -> impl IntoView {
    view! {
        <Html attr:data-hydrated="false"/>
        <HydrationSignal/>
    }
}

#[island]
fn HydrationSignal() -> impl IntoView {
    // Effects run only in the browser, after the islands of the page hydrated.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
