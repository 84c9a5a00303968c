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

/// Leptos' islands loader without its resource hints. `HydrationScripts` also preloads
/// the JS and the WASM at high priority, so on a slow connection the WASM's transfer
/// shares the bandwidth with the stylesheet and holds back the first paint (Lighthouse,
/// mobile: LCP 3.3 s with the hints, 0.75 s without, for the sign-in page served as a
/// file). Islands hydrate once the browser is idle anyway; the loader script, kept as
/// Leptos writes it, fetches both when it runs.
#[component]
pub fn IslandsLoader(options: LeptosOptions) -> impl IntoView {
    let rendered = view! { <HydrationScripts options islands=true/> }
        .into_view()
        .to_html();
    let script = match rendered.find("<script") {
        Some(start) => rendered[start..].to_owned(),
        None => rendered,
    };
    leptos::tachys::html::InertElement::new(script)
}
