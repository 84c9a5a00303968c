//! The storefront UI: the HTML shell, the root component and the route table.
//! Pages live in `pages/`, shared widgets in `components/`.

pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    StaticSegment,
};

use components::hydration::HydrationMarker;
use pages::{home::HomePage, not_found::NotFoundPage};

/// The document around every page, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Stylesheet id="leptos" href="/pkg/storefront.css"/>
        <Title formatter=|page: String| format!("{page} · MOBPROC storefront")/>
        <HydrationMarker/>
        <Router>
            <header class="site-header">
                <a class="brand" href="/">"MOBPROC storefront"</a>
            </header>
            <main id="main">
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage/>
                </Routes>
            </main>
        </Router>
    }
}
