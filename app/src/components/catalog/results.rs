use leptos::prelude::*;

use super::{add_to_cart::CartItem, item_card::CatalogItemCard, pager::CatalogPager};
use crate::{
    catalog_query::{is_filtered, query_string},
    links,
    model::{
        cart::{ItemKind, OrderTarget},
        catalog::{CatalogFilter, CatalogListing},
    },
};

/// What a listing holds and how it is added to the cart.
#[derive(Debug, Clone, Copy)]
pub struct ListingKind {
    /// e.g. "accessories", for "No accessories match your search."
    pub noun: &'static str,
    pub item_kind: ItemKind,
    pub add_label: &'static str,
}

/// A listing's summary, its items as cards (or why there are none), and its pager.
#[component]
pub fn CatalogResults(
    listing: CatalogListing,
    filter: CatalogFilter,
    kind: ListingKind,
    /// What the items are ordered for.
    target: OrderTarget,
    /// This page's path, for the pager and "Clear filters".
    #[prop(into)]
    path: String,
    leading: Vec<(&'static str, String)>,
) -> impl IntoView {
    let filtered = is_filtered(&filter);
    let clear = format!(
        "{path}{}",
        query_string(&leading, &CatalogFilter::default())
    );
    let body = if listing.items.is_empty() {
        let message = if filtered {
            format!("No {} match your search. ", kind.noun)
        } else {
            format!("There are no {} for {}. ", kind.noun, listing.subject.name)
        };
        view! {
            <p class="empty">
                {message}
                {filtered.then(|| view! { <a href=clear>"Clear the filters"</a> })}
            </p>
        }
        .into_any()
    } else {
        let cards = listing
            .items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                let cart = CartItem {
                    target: target.clone(),
                    item_kind: kind.item_kind,
                    item_id: item.id.clone(),
                    name: item.name.clone(),
                };
                // Plans have their own page, with their optional features.
                let detail_href =
                    (kind.item_kind == ItemKind::Plan).then(|| links::plan(&target, &item.id));
                view! {
                    <CatalogItemCard item index cart add_label=kind.add_label detail_href/>
                }
            })
            .collect::<Vec<_>>();
        view! { <ul class="cards catalog-items" aria-label=format!("Results: {}", kind.noun)>{cards}</ul> }
            .into_any()
    };
    view! {
        <p class="listing-summary" role="status">{listing.summary}</p>
        {listing.notice.map(|notice| view! { <p class="notice">{notice}</p> })}
        {body}
        {(!listing.pager.is_empty()).then(|| view! {
            <CatalogPager pager=listing.pager filter path leading/>
        })}
    }
}
