//! The catalog of an order: accessories that fit a line's device, devices and plans to
//! upgrade to, a carrier change's or new line's devices, plans and accessories, a
//! plan's detail, and the steps before a new line's catalog. Implements
//! [`app::backend::catalog::CatalogBackend`].

mod items;
mod listing;
mod network;
mod new_line;
mod present;
mod refine;

use std::{collections::HashMap, sync::Arc};

use app::{
    backend::catalog::CatalogBackend,
    catalog_query::filter_from_query,
    error::AppError,
    model::{
        cart::{ItemKind, OrderKind, OrderTarget},
        catalog::{CatalogFilter, CatalogItem, CatalogListing, Pager, PlanDetail},
        new_line::{NewLineChoices, PlaceAnswer, PlaceForm},
    },
};
use mobproc::model::{AccessMethod, Accessory, CatalogDevice, Plan};

use super::{
    caller::Caller,
    cart::{rules, store::Cart},
    error::BffError,
    subject::{self, Subject},
    transactions, Bff,
};
use listing::{Fetched, Params};

#[async_trait::async_trait]
impl CatalogBackend for Bff {
    async fn listing(
        &self,
        target: OrderTarget,
        items: ItemKind,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (target, filter) = (usable_target(target)?, checked(filter));
        let caller = self.caller().await?;
        caller.answer(listing(&caller, &target, items, &filter).await)
    }

    async fn plan(&self, target: OrderTarget, plan_id: String) -> Result<PlanDetail, AppError> {
        let (target, plan_id) = (usable_target(target)?, usable_id(plan_id)?);
        let caller = self.caller().await?;
        let found = plan(&caller, &target, &plan_id).await;
        caller.answer(found.and_then(|plan| plan.ok_or(BffError::User(AppError::NotFound))))
    }

    async fn new_line_choices(&self) -> Result<NewLineChoices, AppError> {
        let caller = self.caller().await?;
        caller.answer(new_line::choices(&caller).await)
    }

    async fn place_form(
        &self,
        order: OrderKind,
        service_id: Option<String>,
        answer: Option<PlaceAnswer>,
    ) -> Result<PlaceForm, AppError> {
        let service_id = service_id.map(usable_id).transpose()?;
        let caller = self.caller().await?;
        caller.answer(new_line::place_form(&caller, order, service_id, answer).await)
    }
}

/// One listing page of `items` for `target`. A line's listing is fetched while the line
/// is checked; a new line's only once its place is.
async fn listing(
    caller: &Caller,
    target: &OrderTarget,
    items: ItemKind,
    filter: &CatalogFilter,
) -> Result<CatalogListing, BffError> {
    if transactions::of(target.order).needs_place {
        let subject = subject::check(caller, target).await?;
        return match items {
            ItemKind::Accessory => new_line_accessories(caller, target, subject, filter).await,
            ItemKind::Device => {
                let owned = subject.catalog_params();
                let base = params(&owned);
                let fetched = listing::fetch::<CatalogDevice>(caller, &base, filter).await?;
                Ok(listing_of(&subject, fetched, present::device))
            }
            ItemKind::Plan => plans(caller, subject, filter).await,
            ItemKind::Feature => Err(BffError::User(AppError::NotFound)),
        };
    }
    subject::may_order(caller, target.order).await?;
    let service_id = target.service_id.as_deref().unwrap_or_default();
    let base: Params = vec![("service", Some(service_id))];
    match items {
        ItemKind::Accessory if target.order == OrderKind::Accessories => {
            let (subject, fetched) = tokio::try_join!(
                subject::check(caller, target),
                listing::fetch::<Accessory>(caller, &base, filter),
            )?;
            Ok(listing_of(&subject, fetched, present::accessory))
        }
        ItemKind::Device if target.order == OrderKind::Upgrade => {
            let (subject, fetched) = tokio::try_join!(
                subject::check(caller, target),
                listing::fetch::<CatalogDevice>(caller, &base, filter),
            )?;
            Ok(listing_of(&subject, fetched, present::device))
        }
        ItemKind::Plan if target.order == OrderKind::Upgrade => {
            let subject = subject::check(caller, target).await?;
            plans(caller, subject, filter).await
        }
        _ => Err(BffError::User(AppError::NotFound)),
    }
}

/// Query pairs as the listing code takes them.
fn params<'a>(owned: &'a [(&'static str, String)]) -> Params<'a> {
    owned
        .iter()
        .map(|(name, value)| (*name, Some(value.as_str())))
        .collect()
}

async fn plans(
    caller: &Caller,
    subject: Subject,
    filter: &CatalogFilter,
) -> Result<CatalogListing, BffError> {
    let owned = subject.catalog_params();
    let fetched = listing::fetch::<Plan>(caller, &params(&owned), filter).await?;
    let fit = PlanFit::of(caller, &subject, &fetched.items).await?;
    Ok(listing_of(&subject, fetched, |plan| fit.present(&plan)))
}

/// A new line's accessories: those that fit the device in its cart; until there is
/// one, none, and the page says why.
async fn new_line_accessories(
    caller: &Caller,
    target: &OrderTarget,
    subject: Subject,
    filter: &CatalogFilter,
) -> Result<CatalogListing, BffError> {
    let cart = caller.bff().carts().load(caller.party()).await?;
    let device = cart
        .as_ref()
        .map(|stored| &stored.cart)
        .filter(|cart| is_cart_of(cart, target, &subject))
        .and_then(rules::device)
        .map(|device| (device.id.clone(), device.name.clone()));
    let Some((device_id, device_name)) = device else {
        return Ok(CatalogListing {
            subject: subject.summary(),
            items: Vec::new(),
            summary: String::new(),
            pager: Pager::default(),
            manufacturers: Vec::new(),
            carriers: Vec::new(),
            notice: Some(
                "Accessories are shown for the device in your cart: add a device first.".into(),
            ),
        });
    };
    let base: Params = vec![("device", Some(device_id.as_str()))];
    let fetched = listing::fetch::<Accessory>(caller, &base, filter).await?;
    let mut shown = listing_of(&subject, fetched, present::accessory);
    shown.notice = Some(format!(
        "Accessories that fit the {device_name} in your cart."
    ));
    Ok(shown)
}

/// Whether `cart` orders `target` (a transfer in may have turned into the other kind).
fn is_cart_of(cart: &Cart, target: &OrderTarget, subject: &Subject) -> bool {
    cart.service_id == target.service_id
        && transactions::same_family(cart.order, target.order)
        && cart.place == subject.place
}

/// The plan for `target`, `None` when it is not one of the plans offered for it.
async fn plan(
    caller: &Caller,
    target: &OrderTarget,
    plan_id: &str,
) -> Result<Option<PlanDetail>, BffError> {
    let subject = subject::check(caller, target).await?;
    let owned = subject.catalog_params();
    let offered_here = params(&owned);
    let detail = caller.kept_catalog(
        format!("plan {plan_id}"),
        |_| 1,
        || async { caller.api().catalog_plan(plan_id).await },
    );
    let (plan, offered) = tokio::try_join!(detail, listing::walk::<Plan>(caller, &offered_here))?;
    // `/catalog/plans/{id}` knows the actor's catalog, not the line or place: a plan
    // offered elsewhere (another country) is not one for this order.
    if !offered.0.iter().any(|p| p.id == plan.id) {
        return Ok(None);
    }
    let plan = Arc::unwrap_or_clone(plan);
    let fit = PlanFit::of(caller, &subject, std::slice::from_ref(&plan)).await?;
    let summary = fit.present(&plan);
    let optional_features = plan
        .optional_features
        .into_iter()
        .flatten()
        .filter_map(present::optional_feature)
        .collect();
    Ok(Some(PlanDetail {
        subject: subject.summary(),
        plan: summary,
        optional_features,
    }))
}

fn listing_of<T>(
    subject: &Subject,
    fetched: Fetched<T>,
    present: impl FnMut(T) -> CatalogItem,
) -> CatalogListing {
    CatalogListing {
        subject: subject.summary(),
        items: fetched.items.into_iter().map(present).collect(),
        summary: fetched.summary,
        pager: fetched.pager,
        manufacturers: fetched.manufacturers,
        carriers: fetched.carriers,
        notice: fetched.notice,
    }
}

/// What decides whether plans need a new device: the phone the order keeps (the line's,
/// or a personal line's on its carrier now) and the carriers' networks.
struct PlanFit {
    device_network: Option<AccessMethod>,
    device_name: Option<String>,
    carrier_networks: HashMap<String, AccessMethod>,
    /// A personal line onto another network is ported rather than refused.
    transfer: bool,
}

impl PlanFit {
    async fn of(caller: &Caller, subject: &Subject, plans: &[Plan]) -> Result<Self, BffError> {
        let device_network = subject.device_network(caller).await?;
        let carrier_networks = match device_network {
            Some(_) => {
                let mut carriers: Vec<String> = plans
                    .iter()
                    .filter_map(|p| p.vendor.as_ref().map(|v| v.id.clone()))
                    .collect();
                carriers.sort_unstable();
                carriers.dedup();
                network::carrier_networks(caller, carriers).await?
            }
            None => HashMap::new(),
        };
        Ok(Self {
            device_network,
            device_name: subject.device_name(),
            carrier_networks,
            transfer: subject.transaction.needs_current_vendor,
        })
    }

    fn present(&self, plan: &Plan) -> CatalogItem {
        let plan_network = plan
            .vendor
            .as_ref()
            .and_then(|v| self.carrier_networks.get(&v.id));
        let needs = if self.transfer {
            network::ports_the_number(plan_network, self.device_network.as_ref())
        } else {
            network::needs_new_device(
                plan_network,
                self.device_network.as_ref(),
                self.device_name.as_deref(),
            )
        };
        present::plan(plan, needs)
    }
}

/// The target as the browser sent it, its ids held to the URL's rules.
fn usable_target(target: OrderTarget) -> Result<OrderTarget, AppError> {
    Ok(OrderTarget {
        service_id: target.service_id.map(usable_id).transpose()?,
        ..target
    })
}

/// Ids from the URL are opaque, but one that cannot name anything is simply not found.
fn usable_id(id: String) -> Result<String, AppError> {
    let usable = !matches!(id.as_str(), "" | "." | "..")
        && id.chars().count() <= 200
        && !id.chars().any(char::is_control);
    if usable {
        Ok(id)
    } else {
        Err(AppError::NotFound)
    }
}

/// The filter as the browser sent it, held to the same rules as the page URL's.
fn checked(filter: CatalogFilter) -> CatalogFilter {
    filter_from_query(|name| match name {
        "q" => filter.q.clone(),
        "manufacturer" => filter.manufacturer.clone(),
        "vendor" => filter.vendor.clone(),
        "min_price" => filter.min_price.clone(),
        "max_price" => filter.max_price.clone(),
        "sort" => Some(filter.sort.as_str().to_owned()),
        "page" => filter.page.clone(),
        _ => None,
    })
}
