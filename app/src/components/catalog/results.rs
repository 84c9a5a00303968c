use leptos::prelude::*;

use super::{add_to_cart::CartItem, item_card::CatalogItemCard, pager::CatalogPager};
use crate::{
    catalog_query::{is_filtered, query_string},
    links::encode,
    model::{
        cart::{ItemKind, OrderKind},
        catalog::{CatalogFilter, CatalogListing},
    },
};

/// What a listing holds and how it is added to the cart.
#[derive(Debug, Clone, Copy)]
pub struct ListingKind {
    /// e.g. "accessories", for "No accessories match your search."
    pub noun: &'static str,
    pub order: OrderKind,
    pub item_kind: ItemKind,
    pub add_label: &'static str,
}

/// A listing's summary, its items as cards (or why there are none), and its pager.
#[component]
pub fn CatalogResults(
    listing: CatalogListing,
    filter: CatalogFilter,
    kind: ListingKind,
    /// This page's path, for the pager and "Clear filters".
    #[prop(into)]
    path: String,
    leading: &'static [(&'static str, &'static str)],
    /// Items link to `{detail_base}{id}` when set.
    #[prop(default = None)]
    detail_base: Option<String>,
) -> impl IntoView {
    let service_id = listing.line.service_id.clone();
    let filtered = is_filtered(&filter);
    let clear = format!("{path}{}", query_string(leading, &CatalogFilter::default()));
    let body = if listing.items.is_empty() {
        let message = if filtered {
            format!("No {} match your search. ", kind.noun)
        } else {
            format!("There are no {} for this line. ", kind.noun)
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
                    service_id: service_id.clone(),
                    order: kind.order,
                    item_kind: kind.item_kind,
                    item_id: item.id.clone(),
                    name: item.name.clone(),
                };
                let detail_href = detail_base
                    .as_ref()
                    .map(|base| format!("{base}{}", encode(&item.id)));
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
