use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    catalog_query::filter_from_query,
    components::catalog::{
        add_to_cart::CartNotice,
        filter_form::CatalogFilterForm,
        load_error::CatalogLoadError,
        place_facts::PlaceFacts,
        results::CatalogResults,
        route::{CatalogRoute, CatalogView},
    },
    links,
    model::cart::OrderTarget,
    server_fns::catalog::list_catalog,
};

/// A catalog: accessories for a line, devices and plans to upgrade it, a carrier
/// change's devices and plans, or a new line's devices, plans and accessories. The
/// listing (`?view=`), search, filters, sort and page live in the URL.
#[component]
pub fn CatalogPage(route: CatalogRoute) -> impl IntoView {
    let query = use_query_map();
    let target = route.target();
    let view_of = move || query.with(|q| route.view(q.get_str("view")));
    let filter = move || query.with(|q| filter_from_query(|name| q.get(name)));
    let asked = target.clone();
    let listing = Resource::new(
        move || (view_of(), filter()),
        move |(view, filter)| list_catalog(asked.clone(), view.kind().item_kind, filter),
    );
    view! {
        <Transition fallback=|| view! { <p aria-busy="true">"Loading the catalog…"</p> }>
            {move || {
                let target = target.clone();
                Suspend::new(async move {
                    let (view, filter) = (view_of(), filter());
                    match listing.await {
                        Err(error) => view! { <LoadError error route target/> }.into_any(),
                        Ok(listing) => {
                            let path = links::catalog(&target);
                            let (title, heading) = route.headings(&target, &listing.subject, view);
                            let lede = route.lede(&target, &listing.subject);
                            let leading = route.leading(&target, view);
                            view! {
                                <Title text=title/>
                                <h1>{heading}</h1>
                                {lede.map(|lede| view! { <p class="lede">{lede}</p> })}
                                {listing.subject.place.clone().map(|place| view! {
                                    <PlaceFacts place target=target.clone()/>
                                })}
                                <Tabs route target=target.clone() view/>
                                <CartNotice/>
                                <CatalogFilterForm
                                    filter=filter.clone()
                                    path=path.clone()
                                    hidden=leading.clone()
                                    manufacturers=listing.manufacturers.clone()
                                    carriers=listing.carriers.clone()
                                />
                                <CatalogResults listing filter kind=view.kind() target path leading/>
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

/// The page's listings as tabs, when it has more than one.
#[component]
fn Tabs(route: CatalogRoute, target: OrderTarget, view: CatalogView) -> impl IntoView {
    let views = route.views();
    (views.len() > 1).then(|| {
        let path = links::catalog(&target);
        let tabs = views
            .iter()
            .map(|&tab| {
                let href = format!("{path}{}", links::query(&route.leading(&target, tab)));
                let current = (tab == view).then_some("page");
                view! { <a href=href aria-current=current>{tab.label()}</a> }
            })
            .collect_view();
        view! { <nav class="tabs" aria-label="Catalog">{tabs}</nav> }
    })
}

/// Why the catalog could not be shown; a refused place leads back to its step.
#[component]
fn LoadError(
    error: crate::error::AppError,
    route: CatalogRoute,
    target: OrderTarget,
) -> impl IntoView {
    let (not_found, explanation) = match route {
        CatalogRoute::NewLine => (
            "Catalog not found",
            "This catalog is not one you may order from.",
        ),
        _ => (
            "Line not found",
            "This phone line is not one of yours, or it no longer exists.",
        ),
    };
    let back = matches!(route, CatalogRoute::NewLine | CatalogRoute::Port)
        .then(|| links::place_step(target.order, target.service_id.as_deref()));
    view! {
        <CatalogLoadError error not_found explanation/>
        {back.map(|href| view! { <p><a href=href>"Choose where the line will be used"</a></p> })}
    }
}
