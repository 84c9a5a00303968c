//! The catalog of a line: accessories that fit its device, devices and plans to
//! upgrade to, and a plan's detail. Implements [`app::backend::catalog::CatalogBackend`].

mod items;
mod line;
mod listing;
mod network;
mod present;
mod refine;

use std::collections::HashMap;

use app::{
    backend::catalog::CatalogBackend,
    catalog_query::filter_from_query,
    error::AppError,
    model::{
        cart::OrderKind,
        catalog::{CatalogFilter, CatalogItem, CatalogListing, PlanDetail},
    },
};
use mobproc::model::{AccessMethod, Accessory, CatalogDevice, Plan};

use super::{
    caller::Caller,
    error::BffError,
    transactions::{self, Transaction},
    Bff,
};
use line::LineFacts;
use listing::{Fetched, Params};

#[async_trait::async_trait]
impl CatalogBackend for Bff {
    async fn accessories(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (service_id, filter) = (usable_id(service_id)?, checked(filter));
        let caller = self.caller().await?;
        let accessories = transactions::of(OrderKind::Accessories);
        let fetched =
            line_and_listing::<Accessory>(&caller, accessories, &service_id, &filter).await;
        caller.answer(fetched.map(|(line, fetched)| listing_of(line, fetched, present::accessory)))
    }

    async fn devices(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (service_id, filter) = (usable_id(service_id)?, checked(filter));
        let caller = self.caller().await?;
        let upgrade = transactions::of(OrderKind::Upgrade);
        let fetched =
            line_and_listing::<CatalogDevice>(&caller, upgrade, &service_id, &filter).await;
        caller.answer(fetched.map(|(line, fetched)| listing_of(line, fetched, present::device)))
    }

    async fn plans(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (service_id, filter) = (usable_id(service_id)?, checked(filter));
        let caller = self.caller().await?;
        caller.answer(plans(&caller, &service_id, &filter).await)
    }

    async fn plan(&self, service_id: String, plan_id: String) -> Result<PlanDetail, AppError> {
        let (service_id, plan_id) = (usable_id(service_id)?, usable_id(plan_id)?);
        let caller = self.caller().await?;
        let found = plan(&caller, &service_id, &plan_id).await;
        caller.answer(found.and_then(|plan| plan.ok_or(BffError::User(AppError::NotFound))))
    }
}

async fn plans(
    caller: &Caller,
    service_id: &str,
    filter: &CatalogFilter,
) -> Result<CatalogListing, BffError> {
    let upgrade = transactions::of(OrderKind::Upgrade);
    let (line, fetched) = line_and_listing::<Plan>(caller, upgrade, service_id, filter).await?;
    let fit = PlanFit::of(caller, &line, &fetched.items).await?;
    Ok(listing_of(line, fetched, |plan| fit.present(&plan)))
}

/// The plan for the line, `None` when it is not one of the line's plans.
async fn plan(
    caller: &Caller,
    service_id: &str,
    plan_id: &str,
) -> Result<Option<PlanDetail>, BffError> {
    let upgrade = transactions::of(OrderKind::Upgrade);
    may_order(caller, upgrade).await?;
    let offered_for_line: Params = vec![("service", Some(service_id))];
    let api = caller.api();
    let (line, plan, (offered, _)) = tokio::try_join!(
        line::fetch(caller, service_id, upgrade),
        api.catalog_plan(plan_id),
        listing::walk::<Plan>(caller, &offered_for_line),
    )?;
    // `/catalog/plans/{id}` knows the actor's catalog, not the line: a plan
    // offered elsewhere (another country) is not one for this line.
    if !offered.iter().any(|p| p.id == plan.id) {
        return Ok(None);
    }
    let fit = PlanFit::of(caller, &line, std::slice::from_ref(&plan)).await?;
    let summary = fit.present(&plan);
    let optional_features = plan
        .optional_features
        .into_iter()
        .flatten()
        .filter_map(present::optional_feature)
        .collect();
    Ok(Some(PlanDetail {
        line: line.summary,
        plan: summary,
        optional_features,
    }))
}

/// Refuses, before any call for the page, an order type the actor may not place at all.
async fn may_order(caller: &Caller, transaction: &Transaction) -> Result<(), BffError> {
    let permissions = caller.actor_permissions().await?;
    if transaction.offered && permissions.transaction_types.contains(&transaction.wire) {
        Ok(())
    } else {
        Err(BffError::User(AppError::Forbidden))
    }
}

/// The line and one page of its `T` catalog, fetched together.
async fn line_and_listing<T: items::Listed>(
    caller: &Caller,
    transaction: &Transaction,
    service_id: &str,
    filter: &CatalogFilter,
) -> Result<(LineFacts, Fetched<T>), BffError> {
    may_order(caller, transaction).await?;
    tokio::try_join!(
        line::fetch(caller, service_id, transaction),
        listing::fetch::<T>(caller, service_id, filter),
    )
}

fn listing_of<T>(
    line: LineFacts,
    fetched: Fetched<T>,
    present: impl FnMut(T) -> CatalogItem,
) -> CatalogListing {
    CatalogListing {
        line: line.summary,
        items: fetched.items.into_iter().map(present).collect(),
        summary: fetched.summary,
        pager: fetched.pager,
        manufacturers: fetched.manufacturers,
        carriers: fetched.carriers,
        notice: fetched.notice,
    }
}

/// What decides whether plans need a new device: the line's device and the carriers'
/// networks.
struct PlanFit {
    device_network: Option<AccessMethod>,
    device_name: Option<String>,
    carrier_networks: HashMap<String, AccessMethod>,
}

impl PlanFit {
    async fn of(caller: &Caller, line: &LineFacts, plans: &[Plan]) -> Result<Self, BffError> {
        let device_network = line.device_network(caller).await?;
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
            device_name: line.summary.device_name.clone(),
            carrier_networks,
        })
    }

    fn present(&self, plan: &Plan) -> CatalogItem {
        let plan_network = plan
            .vendor
            .as_ref()
            .and_then(|v| self.carrier_networks.get(&v.id));
        let needs = network::needs_new_device(
            plan_network,
            self.device_network.as_ref(),
            self.device_name.as_deref(),
        );
        present::plan(plan, needs)
    }
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
