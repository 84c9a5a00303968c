//! Looks an item up in the actor's catalog for the order, so only what MOBPROC offers
//! there gets into the cart, with what the cart page shows of it.

use app::{error::AppError, model::cart::ItemKind};
use mobproc::{
    client::{collection, CatalogQuery, Collection},
    model::{Accessory, CatalogDevice, Plan},
};
use serde::de::DeserializeOwned;

use super::{rules, store::Cart, store::CartEntry};
use crate::bff::{caller::Caller, error::BffError, subject::Subject};

/// A line's catalog is far smaller; a runaway chain of links must still end.
const MAX_PAGES: usize = 20;

/// Where to look an item up: the line's catalog, or the catalog of where the new line
/// will be used; a new line's accessories are those that fit the device in its cart.
pub struct Query(CatalogQuery);

impl Query {
    pub fn of(subject: &Subject, cart: &Cart, kind: ItemKind) -> Result<Self, BffError> {
        let mut query = CatalogQuery::default();
        match (&subject.place, &subject.line) {
            (Some(place), _) if kind != ItemKind::Accessory => {
                query.region_id = Some(place.region_id.clone());
                query.postal_code = place.postal_code.clone();
            }
            (Some(_), _) => {
                let device = rules::device(cart).ok_or_else(|| {
                    super::invalid(
                        "Add a device to your cart first: these accessories are for it.",
                        Some("item_id"),
                    )
                })?;
                query.device = Some(device.id.clone());
            }
            (None, line) => query.service = line.as_ref().map(|l| l.id.clone()),
        }
        Ok(Self(query))
    }

    /// The line's catalog.
    pub fn line(service_id: &str) -> Self {
        Self(CatalogQuery {
            service: Some(service_id.to_owned()),
            ..CatalogQuery::default()
        })
    }
}

/// The catalog item `item_id` of `kind` where `query` looks, or an answer saying it is
/// not offered. A feature is looked up among the optional features of `plan`.
pub async fn entry(
    caller: &Caller,
    query: &Query,
    kind: ItemKind,
    item_id: &str,
    plan: Option<&CartEntry>,
) -> Result<CartEntry, BffError> {
    let query = &query.0;
    match kind {
        ItemKind::Accessory => {
            let item = offered(
                caller,
                &collection::ACCESSORIES,
                query,
                item_id,
                |a: &Accessory| &a.id,
            )
            .await?;
            Ok(accessory(item))
        }
        ItemKind::Device => {
            let item = offered(
                caller,
                &collection::DEVICES,
                query,
                item_id,
                |d: &CatalogDevice| &d.id,
            )
            .await?;
            Ok(CartEntry {
                kind,
                id: item.id,
                name: item.name,
                vendor_id: item.vendor.as_ref().map(|v| v.id.clone()),
                vendor: item.vendor.and_then(|v| v.name),
                image_url: item.image_url,
                price: item.price,
                access_method: item.access_method.map(|m| m.as_str().to_owned()),
            })
        }
        ItemKind::Plan => {
            let item =
                offered(caller, &collection::PLANS, query, item_id, |p: &Plan| &p.id).await?;
            // The carrier's network decides whether the line's phone can use the plan.
            let access_method = match &item.vendor {
                Some(vendor) => caller
                    .api()
                    .vendor(&vendor.id)
                    .await?
                    .access_method
                    .map(|m| m.as_str().to_owned()),
                None => None,
            };
            Ok(CartEntry {
                kind,
                id: item.id,
                name: item.name,
                vendor_id: item.vendor.as_ref().map(|v| v.id.clone()),
                vendor: item.vendor.and_then(|v| v.name),
                image_url: None,
                price: item.price,
                access_method,
            })
        }
        ItemKind::Feature => {
            let plan = plan.ok_or_else(|| {
                BffError::User(AppError::Invalid {
                    message: "Choose a plan before its optional features.".into(),
                    fields: Vec::new(),
                })
            })?;
            let detail = caller.api().catalog_plan(&plan.id).await?;
            let feature = detail
                .optional_features
                .unwrap_or_default()
                .into_iter()
                .find(|f| f.id.as_deref() == Some(item_id))
                .ok_or_else(not_offered)?;
            Ok(CartEntry {
                kind,
                id: item_id.to_owned(),
                name: feature.description.unwrap_or_else(|| item_id.to_owned()),
                vendor_id: detail.vendor.as_ref().map(|v| v.id.clone()),
                vendor: detail.vendor.and_then(|v| v.name),
                image_url: None,
                price: feature.price,
                access_method: None,
            })
        }
    }
}

/// Every accessory the line's catalog offers, as cart entries.
pub async fn accessories(caller: &Caller, service_id: &str) -> Result<Vec<CartEntry>, BffError> {
    let offered = caller
        .api()
        .walk(
            &collection::ACCESSORIES,
            &Query::line(service_id).0,
            MAX_PAGES,
        )
        .await?;
    Ok(offered.items.into_iter().map(accessory).collect())
}

fn accessory(item: Accessory) -> CartEntry {
    CartEntry {
        kind: ItemKind::Accessory,
        id: item.id,
        name: item.name,
        vendor_id: item.vendor.as_ref().map(|v| v.id.clone()),
        vendor: item.vendor.and_then(|v| v.name),
        image_url: item.image_url,
        price: item.price,
        access_method: None,
    }
}

/// The item `item_id` among what MOBPROC offers in `collection` where `query` looks.
async fn offered<T: DeserializeOwned>(
    caller: &Caller,
    collection: &Collection<T>,
    query: &CatalogQuery,
    item_id: &str,
    id_of: impl Fn(&T) -> &String,
) -> Result<T, BffError> {
    let offered = caller.api().walk(collection, query, MAX_PAGES).await?;
    offered
        .items
        .into_iter()
        .find(|item| id_of(item) == item_id)
        .ok_or_else(not_offered)
}

fn not_offered() -> BffError {
    BffError::User(AppError::Invalid {
        message: "That item is not offered for this order.".into(),
        fields: vec![app::error::FieldError {
            field: "item_id".into(),
            message: "Not offered for this order.".into(),
        }],
    })
}
