use leptos::prelude::*;

use crate::{
    catalog_query::query_string,
    model::catalog::{CatalogFilter, Pager},
};

/// Links to the first, previous, next and last page, each present only when MOBPROC
/// gave that link. `path` and `leading` (e.g. `view=plans`) say which page they are on.
#[component]
pub fn CatalogPager(
    pager: Pager,
    filter: CatalogFilter,
    #[prop(into)] path: String,
    leading: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let href = move |token: String| {
        let filter = CatalogFilter {
            page: Some(token),
            ..filter.clone()
        };
        format!("{path}{}", query_string(leading, &filter))
    };
    let links = [
        ("First page", None, pager.first),
        ("Previous page", Some("prev"), pager.previous),
        ("Next page", Some("next"), pager.next),
        ("Last page", None, pager.last),
    ]
    .into_iter()
    .filter_map(|(label, rel, token)| {
        token.map(|token| view! { <li><a href=href(token) rel=rel>{label}</a></li> })
    })
    .collect::<Vec<_>>();
    view! {
        <nav class="pager" aria-label="Pages">
            <ul>{links}</ul>
        </nav>
    }
}
