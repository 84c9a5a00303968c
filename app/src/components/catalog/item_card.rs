use leptos::prelude::*;

use super::add_to_cart::{replace_asked, AddToCartForm, CartItem};
use crate::model::catalog::CatalogItem;

/// One accessory, device or plan: picture, name, price, facts, and "Add to cart".
/// `index` makes the heading's id unique on the page (item ids are opaque text).
#[component]
pub fn CatalogItemCard(
    item: CatalogItem,
    index: usize,
    cart: CartItem,
    #[prop(into)] add_label: String,
    /// Where the item's own page is, if it has one.
    #[prop(default = None)]
    detail_href: Option<String>,
) -> impl IntoView {
    let heading_id = format!("catalog-item-{index}");
    let labelled_by = heading_id.clone();
    let name = item.name.clone();
    let title = match detail_href {
        Some(href) => view! { <a href=href>{name.clone()}</a> }.into_any(),
        None => name.clone().into_any(),
    };
    let facts = [
        ("Manufacturer", item.manufacturer),
        ("Carrier", item.carrier),
        ("Network", item.network),
    ]
    .into_iter()
    .filter_map(|(term, value)| value.map(|v| view! { <dt>{term}</dt><dd>{v}</dd> }))
    .collect::<Vec<_>>();
    let features = (!item.included_features.is_empty()).then(|| {
        let list = item.included_features.join(", ");
        view! { <p class="included">"Includes: " {list}</p> }
    });
    view! {
        <li class="card catalog-item" aria-labelledby=labelled_by>
            {item.image.map(|src| view! {
                <img src=src alt=name.clone() width="96" height="96" loading="lazy"/>
            })}
            <div class="catalog-item-body">
                <h2 id=heading_id>{title}</h2>
                {item.price.map(|price| view! { <p class="price">{price}</p> })}
                {(!facts.is_empty()).then(|| view! { <dl class="facts">{facts}</dl> })}
                {features}
                {item.needs_new_device.map(|note| view! { <p class="needs-device">{note}</p> })}
                <AddToCartForm item=cart label=add_label offer_replace=replace_asked()/>
            </div>
        </li>
    }
}
