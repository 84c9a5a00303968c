//! A feature change: the optional features of the line's plan (`/catalog/features?service=`),
//! each on the line or not, and what the person chose to add and remove.

use std::sync::Arc;

use app::{
    error::FieldError,
    model::care::{CareForm, FeatureChoice, FeatureInput},
};
use mobproc::{
    client::collection,
    model::{CartRequest, Feature, FeatureAction, FeatureChange, ServiceAsset},
};

use crate::bff::{caller::Caller, error::BffError, money, transactions::empty_cart};

/// A plan has a handful of optional features; a runaway chain of links must end.
const MAX_PAGES: usize = 10;
/// Where problems with the choice of features are shown.
pub const FIELD: &str = "shoppingCart.features";

/// The optional features of the line's plan: catalog, kept per person and actor like
/// every listing (what the line has now comes from the line, never kept).
pub async fn offered(caller: &Caller, line: &ServiceAsset) -> Result<Vec<Feature>, BffError> {
    let query = [("service", line.id.as_str())];
    let features = caller
        .kept_catalog(
            format!("features of {query:?}"),
            |features: &Vec<Feature>| features.len(),
            || async {
                let walked = caller
                    .api()
                    .walk(&collection::FEATURES, &query, MAX_PAGES)
                    .await?;
                Ok(walked.items)
            },
        )
        .await?;
    Ok(Arc::unwrap_or_clone(features))
}

/// The ids of the optional features the line has now.
fn on_line(line: &ServiceAsset) -> Vec<String> {
    line.plan
        .as_ref()
        .and_then(|p| p.optional_features.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|f| f.id.clone())
        .collect()
}

/// The features as the form shows them, with what was typed.
pub fn inputs(
    offered: &[Feature],
    line: &ServiceAsset,
    typed: Option<&CareForm>,
) -> Vec<FeatureInput> {
    let has = on_line(line);
    offered
        .iter()
        .filter_map(|feature| {
            let id = feature.id.clone()?;
            let choice = typed
                .and_then(|form| form.features.get(&id))
                .and_then(|c| c.parse().ok())
                .unwrap_or_default();
            Some(FeatureInput {
                description: feature.description.clone().unwrap_or_else(|| id.clone()),
                price: feature.price.as_ref().map(money::price),
                on_line: has.contains(&id),
                choice,
                id,
            })
        })
        .collect()
}

/// The `shoppingCart` of the change the person chose; at least one feature must be
/// added or removed, and only one the line has can be removed (or lacks, added).
pub fn cart(
    offered: &[Feature],
    line: &ServiceAsset,
    form: &CareForm,
    problems: &mut Vec<FieldError>,
) -> CartRequest {
    let has = on_line(line);
    let mut changes = Vec::new();
    for feature in offered {
        let Some(id) = feature.id.as_deref() else {
            continue;
        };
        let choice = form
            .features
            .get(id)
            .and_then(|c| c.parse::<FeatureChoice>().ok())
            .unwrap_or_default();
        let on = has.iter().any(|h| h == id);
        let action = match (choice, on) {
            (FeatureChoice::Keep, _) => continue,
            (FeatureChoice::Add, false) => FeatureAction::Add,
            (FeatureChoice::Remove, true) => FeatureAction::Remove,
            (FeatureChoice::Add, true) | (FeatureChoice::Remove, false) => {
                problems.push(FieldError {
                    field: FIELD.to_owned(),
                    message: "The line's features changed meanwhile: please choose again."
                        .to_owned(),
                });
                continue;
            }
        };
        changes.push(FeatureChange {
            id: id.to_owned(),
            action,
            description: None,
            price: None,
        });
    }
    if changes.is_empty() && problems.iter().all(|p| p.field != FIELD) {
        problems.push(FieldError {
            field: FIELD.to_owned(),
            message: "Choose at least one feature to add or remove.".to_owned(),
        });
    }
    let comment = form.comment.trim();
    CartRequest {
        features: Some(changes),
        feature_request_comment: (!comment.is_empty())
            .then(|| comment.chars().take(1000).collect()),
        ..empty_cart()
    }
}
