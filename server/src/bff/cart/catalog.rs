//! Looks an item up in the actor's catalog for a line, so only what MOBPROC offers
//! there gets into the cart, with what the cart page shows of it.

use app::{error::AppError, model::cart::ItemKind};
use mobproc::{
    client::{envelope, CatalogQuery},
    model::{Accessory, CatalogDevice, Plan},
};
use serde::de::DeserializeOwned;

use super::store::CartEntry;
use crate::bff::{error::BffError, request::RequestScope, Bff};

/// The catalog item `item_id` of `kind` for the line, or an answer saying it is not
/// offered. A feature is looked up among the optional features of `plan`.
pub async fn entry(
    bff: &Bff,
    scope: &RequestScope,
    service_id: &str,
    kind: ItemKind,
    item_id: &str,
    plan: Option<&CartEntry>,
) -> Result<CartEntry, BffError> {
    let client = bff.client();
    let query = CatalogQuery {
        service: Some(service_id.to_owned()),
        ..CatalogQuery::default()
    };
    let query = &query;
    match kind {
        ItemKind::Accessory => {
            let item: Accessory = offered(
                bff,
                scope,
                query,
                ["catalog", "accessories"],
                envelope::ACCESSORIES,
                item_id,
                |a: &Accessory| a.id.as_str(),
            )
            .await?;
            Ok(CartEntry {
                kind,
                id: item.id,
                name: item.name,
                vendor: item.vendor.and_then(|v| v.name),
                image_url: item.image_url,
                price: item.price,
                access_method: None,
            })
        }
        ItemKind::Device => {
            let item: CatalogDevice = offered(
                bff,
                scope,
                query,
                ["catalog", "devices"],
                envelope::DEVICES,
                item_id,
                |d: &CatalogDevice| d.id.as_str(),
            )
            .await?;
            Ok(CartEntry {
                kind,
                id: item.id,
                name: item.name,
                vendor: item.vendor.and_then(|v| v.name),
                image_url: item.image_url,
                price: item.price,
                access_method: None,
            })
        }
        ItemKind::Plan => {
            let item: Plan = offered(
                bff,
                scope,
                query,
                ["catalog", "plans"],
                envelope::PLANS,
                item_id,
                |p: &Plan| p.id.as_str(),
            )
            .await?;
            // The carrier's network decides whether the line's phone can use the plan.
            let access_method = match &item.vendor {
                Some(vendor) => bff
                    .call(scope, |token, context| async move {
                        client.vendor(&token, &context, &vendor.id).await
                    })
                    .await?
                    .access_method
                    .map(|m| m.as_str().to_owned()),
                None => None,
            };
            Ok(CartEntry {
                kind,
                id: item.id,
                name: item.name,
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
            let detail = bff
                .call(scope, |token, context| async move {
                    client.catalog_plan(&token, &context, &plan.id).await
                })
                .await?;
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
                vendor: detail.vendor.and_then(|v| v.name),
                image_url: None,
                price: feature.price,
                access_method: None,
            })
        }
    }
}

/// The item `item_id` among what MOBPROC offers at `path` for the line.
async fn offered<T: DeserializeOwned>(
    bff: &Bff,
    scope: &RequestScope,
    query: &CatalogQuery,
    path: [&str; 2],
    name: &str,
    item_id: &str,
    id_of: impl Fn(&T) -> &str,
) -> Result<T, BffError> {
    let client = bff.client();
    let items: Vec<T> = bff
        .call(scope, |token, context| async move {
            client.list_all(&token, &context, &path, query, name).await
        })
        .await?;
    items
        .into_iter()
        .find(|item| id_of(item) == item_id)
        .ok_or_else(not_offered)
}

fn not_offered() -> BffError {
    BffError::User(AppError::Invalid {
        message: "That item is not offered for this line.".into(),
        fields: vec![app::error::FieldError {
            field: "item_id".into(),
            message: "Not offered for this line.".into(),
        }],
    })
}
