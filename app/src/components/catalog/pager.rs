use leptos::prelude::*;

use crate::{
    catalog_query::query_string,
    model::catalog::{CatalogFilter, Pager},
};

/// Links to the first, previous, next and last page of a catalog listing, each present
/// only when MOBPROC gave that link. `path` and `leading` (e.g. `view=plans`) say which
/// page they are on.
#[component]
pub fn CatalogPager(
    pager: Pager,
    filter: CatalogFilter,
    #[prop(into)] path: String,
    leading: Vec<(&'static str, String)>,
) -> impl IntoView {
    let href = Callback::new(move |token: String| {
        let filter = CatalogFilter {
            page: Some(token),
            ..filter.clone()
        };
        format!("{path}{}", query_string(&leading, &filter))
    });
    view! { <PageLinks pager href/> }
}

/// Links to the pages of any listing paged by MOBPROC's links; `href` turns a page's
/// token into the address of that page.
#[component]
pub fn PageLinks(pager: Pager, href: Callback<String, String>) -> impl IntoView {
    let links = [
        ("First page", None, pager.first),
        ("Previous page", Some("prev"), pager.previous),
        ("Next page", Some("next"), pager.next),
        ("Last page", None, pager.last),
    ]
    .into_iter()
    .filter_map(|(label, rel, token)| {
        token.map(|token| view! { <li><a href=href.run(token) rel=rel>{label}</a></li> })
    })
    .collect::<Vec<_>>();
    view! {
        <nav class="pager" aria-label="Pages">
            <ul>{links}</ul>
        </nav>
    }
}
