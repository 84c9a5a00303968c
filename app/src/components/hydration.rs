use std::sync::OnceLock;

use leptos::{nonce::use_nonce, prelude::*};
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
///
/// The script is rendered once per process: `HydrationScripts` reads the build's hash
/// file from disk each time, and the names in it are those of the files this server
/// read at start. Only the nonce differs between pages.
#[component]
pub fn IslandsLoader(options: LeptosOptions) -> impl IntoView {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    let script = SCRIPT.get_or_init(|| {
        let rendered = view! { <HydrationScripts options islands=true/> }
            .into_view()
            .to_html();
        script_text(&rendered).to_owned()
    });
    let nonce = use_nonce()
        .map(|nonce| format!(" nonce=\"{nonce}\""))
        .unwrap_or_default();
    leptos::tachys::html::InertElement::new(format!(
        "<script type=\"module\"{nonce}>{script}</script>"
    ))
}

/// The text of the last `<script>` element in `html`.
fn script_text(html: &str) -> &str {
    let Some(open) = html.rfind("<script") else {
        return "";
    };
    let rest = &html[open..];
    let start = rest.find('>').map_or(rest.len(), |end| end + 1);
    let end = rest.rfind("</script>").unwrap_or(rest.len()).max(start);
    &rest[start..end]
}

#[cfg(test)]
mod tests {
    use super::script_text;

    #[test]
    fn the_script_text_is_what_lies_between_the_tags() {
        let html = r#"<link rel="modulepreload" href="/pkg/a.js"><script type="module" nonce="n">run("pkg")</script>"#;
        assert_eq!(script_text(html), r#"run("pkg")"#);
        assert_eq!(script_text("<link>"), "");
    }
}
