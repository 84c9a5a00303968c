use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    catalog_query::filter_from_query,
    components::catalog::{
        add_to_cart::CartNotice,
        filter_form::CatalogFilterForm,
        load_error::CatalogLoadError,
        results::{CatalogResults, ListingKind},
    },
    links,
    model::cart::{ItemKind, OrderKind},
    server_fns::catalog::list_accessories,
};

const ACCESSORIES: ListingKind = ListingKind {
    noun: "accessories",
    order: OrderKind::Accessories,
    item_kind: ItemKind::Accessory,
    add_label: "Add to cart",
};

/// `/lines/:service_id/accessories`: accessories that fit the line's device, searched,
/// filtered, sorted and paged by the URL's query.
#[component]
pub fn AccessoriesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let service_id = move || params.read().get("service_id").unwrap_or_default();
    let filter = move || query.with(|q| filter_from_query(|name| q.get(name)));
    let listing = Resource::new(
        move || (service_id(), filter()),
        |(service_id, filter)| list_accessories(service_id, filter),
    );
    view! {
        <Transition fallback=|| view! { <p aria-busy="true">"Loading accessories…"</p> }>
            {move || Suspend::new(async move {
                let filter = filter();
                match listing.await {
                    Err(error) => view! {
                        <CatalogLoadError
                            error
                            not_found="Line not found"
                            explanation="This phone line is not one of yours, or it no longer exists."
                        />
                    }
                    .into_any(),
                    Ok(listing) => {
                        let path = links::line(&listing.line.service_id, "accessories");
                        let heading = format!("Accessories for {}", listing.line.number);
                        view! {
                            <Title text=heading.clone()/>
                            <h1>{heading}</h1>
                            {listing.line.device_name.clone().map(|device| view! {
                                <p class="lede">{format!("Accessories that fit your {device}.")}</p>
                            })}
                            <CartNotice/>
                            <CatalogFilterForm
                                filter=filter.clone()
                                path=path.clone()
                                hidden=&[]
                                manufacturers=listing.manufacturers.clone()
                                carriers=listing.carriers.clone()
                            />
                            <CatalogResults listing filter kind=ACCESSORIES path leading=&[]/>
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}
