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
    server_fns::catalog::{list_devices, list_plans},
};

/// The two listings of an upgrade, picked by `?view=`; anything but `plans` is devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UpgradeView {
    Devices,
    Plans,
}

impl UpgradeView {
    fn parse(value: Option<&str>) -> Self {
        match value {
            Some("plans") => Self::Plans,
            _ => Self::Devices,
        }
    }

    /// The query pairs that select this view; devices are the default.
    fn leading(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Devices => &[],
            Self::Plans => &[("view", "plans")],
        }
    }

    fn kind(self) -> ListingKind {
        match self {
            Self::Devices => ListingKind {
                noun: "devices",
                order: OrderKind::Upgrade,
                item_kind: ItemKind::Device,
                add_label: "Add to cart",
            },
            Self::Plans => ListingKind {
                noun: "plans",
                order: OrderKind::Upgrade,
                item_kind: ItemKind::Plan,
                add_label: "Add to cart",
            },
        }
    }
}

/// `/lines/:service_id/upgrade`: new devices (`?view=devices`, the default) or plans
/// (`?view=plans`) for the line, each with the accessories page's search and filters.
#[component]
pub fn UpgradePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let service_id = move || params.read().get("service_id").unwrap_or_default();
    let view_of = move || query.with(|q| UpgradeView::parse(q.get_str("view")));
    let filter = move || query.with(|q| filter_from_query(|name| q.get(name)));
    let listing = Resource::new(
        move || (service_id(), view_of(), filter()),
        |(service_id, view, filter)| async move {
            match view {
                UpgradeView::Devices => list_devices(service_id, filter).await,
                UpgradeView::Plans => list_plans(service_id, filter).await,
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <p aria-busy="true">"Loading the upgrade catalog…"</p> }>
            {move || Suspend::new(async move {
                let (view, filter) = (view_of(), filter());
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
                        let path = links::line(&listing.line.service_id, "upgrade");
                        let title = match view {
                            UpgradeView::Devices => format!("Upgrade devices for {}", listing.line.number),
                            UpgradeView::Plans => format!("Upgrade plans for {}", listing.line.number),
                        };
                        let detail_base = (view == UpgradeView::Plans).then(|| format!("{path}/plans/"));
                        let current = |tab: UpgradeView| (tab == view).then_some("page");
                        view! {
                            <Title text=title/>
                            <h1>{format!("Upgrade {}", listing.line.number)}</h1>
                            {listing.line.device_name.clone().map(|device| view! {
                                <p class="lede">{format!("Your device now: {device}.")}</p>
                            })}
                            <nav class="tabs" aria-label="Upgrade options">
                                <a href=path.clone() aria-current=current(UpgradeView::Devices)>"Devices"</a>
                                <a href=format!("{path}?view=plans") aria-current=current(UpgradeView::Plans)>"Plans"</a>
                            </nav>
                            <CartNotice/>
                            <CatalogFilterForm
                                filter=filter.clone()
                                path=path.clone()
                                hidden=view.leading()
                                manufacturers=listing.manufacturers.clone()
                                carriers=listing.carriers.clone()
                            />
                            <CatalogResults
                                listing
                                filter
                                kind=view.kind()
                                path
                                leading=view.leading()
                                detail_base
                            />
                        }
                        .into_any()
                    }
                }
            })}
        </Transition>
    }
}
