//! The catalog of a line: accessories that fit its device, devices and plans to
//! upgrade to, and a plan's detail. Implements [`app::backend::catalog::CatalogBackend`].

mod items;
mod line;
mod listing;
mod network;
mod page_token;
mod present;
mod refine;

use std::collections::HashMap;

use app::{
    backend::catalog::CatalogBackend,
    catalog_query::filter_from_query,
    error::AppError,
    model::catalog::{CatalogFilter, CatalogItem, CatalogListing, PlanDetail},
};
use mobproc::model::{AccessMethod, Accessory, CatalogDevice, Plan};

use super::{error::BffError, request::in_request, request::RequestScope, Bff};
use line::LineFacts;
use listing::Fetched;

#[async_trait::async_trait]
impl CatalogBackend for Bff {
    async fn accessories(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (service_id, filter) = (usable_id(service_id)?, checked(filter));
        in_request(|scope| async move {
            let (line, fetched) =
                line_and_listing::<Accessory>(self, &scope, &service_id, &filter).await?;
            Ok(listing_of(line, fetched, present::accessory))
        })
        .await
    }

    async fn devices(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (service_id, filter) = (usable_id(service_id)?, checked(filter));
        in_request(|scope| async move {
            let (line, fetched) =
                line_and_listing::<CatalogDevice>(self, &scope, &service_id, &filter).await?;
            Ok(listing_of(line, fetched, present::device))
        })
        .await
    }

    async fn plans(
        &self,
        service_id: String,
        filter: CatalogFilter,
    ) -> Result<CatalogListing, AppError> {
        let (service_id, filter) = (usable_id(service_id)?, checked(filter));
        in_request(|scope| async move {
            let (line, fetched) =
                line_and_listing::<Plan>(self, &scope, &service_id, &filter).await?;
            let fit = PlanFit::of(self, &scope, &line, &fetched.items).await?;
            Ok(listing_of(line, fetched, |plan| fit.present(&plan)))
        })
        .await
    }

    async fn plan(&self, service_id: String, plan_id: String) -> Result<PlanDetail, AppError> {
        let (service_id, plan_id) = (usable_id(service_id)?, usable_id(plan_id)?);
        in_request(|scope| async move {
            let client = self.client();
            let id = plan_id.as_str();
            let offered_for_line = vec![("service", Some(service_id.as_str()))];
            let (line, plan, (offered, _)) = tokio::try_join!(
                line::fetch(self, &scope, &service_id),
                self.call(&scope, |token, context| async move {
                    client.catalog_plan(&token, &context, id).await
                }),
                listing::walk::<Plan>(self, &scope, &offered_for_line),
            )?;
            // `/catalog/plans/{id}` knows the actor's catalog, not the line: a plan
            // offered elsewhere (another country) is not one for this line.
            if !offered.iter().any(|p| p.id == plan.id) {
                return Ok(None);
            }
            let fit = PlanFit::of(self, &scope, &line, std::slice::from_ref(&plan)).await?;
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
        })
        .await?
        .ok_or(AppError::NotFound)
    }
}

/// The line and one page of its `T` catalog, fetched together.
async fn line_and_listing<T: items::Listed>(
    bff: &Bff,
    scope: &RequestScope,
    service_id: &str,
    filter: &CatalogFilter,
) -> Result<(LineFacts, Fetched<T>), BffError> {
    tokio::try_join!(
        line::fetch(bff, scope, service_id),
        listing::fetch::<T>(bff, scope, service_id, filter),
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
    async fn of(
        bff: &Bff,
        scope: &RequestScope,
        line: &LineFacts,
        plans: &[Plan],
    ) -> Result<Self, BffError> {
        let device_network = line.device_network(bff, scope).await?;
        let carrier_networks = match device_network {
            Some(_) => {
                let mut carriers: Vec<String> = plans
                    .iter()
                    .filter_map(|p| p.vendor.as_ref().map(|v| v.id.clone()))
                    .collect();
                carriers.sort_unstable();
                carriers.dedup();
                network::carrier_networks(bff, scope, carriers).await?
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
