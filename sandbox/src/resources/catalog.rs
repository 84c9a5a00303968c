//! `/catalog/*`: the actor's catalog (API.md §4), narrowed by the parameters of §7.
//!
//! Devices and plans need `regionId` or `service` (the line's country), as MOBPROC
//! does: without either they answer the documented
//! `400-Region_id-Account-Id-error`. `postalCode` must be valid for the country and
//! keeps regional offers (prefix lists) that serve it. Accessories are narrowed to
//! those that fit a device model: the line's (`service`), a catalog device's
//! (`device`) or a device asset's (`compatibleWithDeviceAssetId`). Items withdrawn at
//! run time (`POST /_sandbox/withdraw`) are left out and answer 404.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use mobproc::model::{self, Page, RegionType};

use super::{contains_lowercase, matches, Named};
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::links::Links;
use crate::pagination::{paginate, paginate_with, Params};
use crate::present::{ImageFor, Presenter};
use crate::seed::{Availability, Region, Seed, Service};
use crate::state::SandboxState;
use crate::store::{CatalogKind, Withdrawn};

/// What was withdrawn from sale, as the store has it now.
fn withdrawn(state: &SandboxState) -> Withdrawn {
    state.read(|store| store.withdrawn.clone())
}

/// A line the caller may see, by id.
fn visible_service(state: &SandboxState, caller: &ApiCaller, id: &str) -> Result<Service> {
    state
        .read(|store| store.service(id).cloned())
        .filter(|s| caller.may_see_id(state.seed(), &s.employee))
        .ok_or_else(|| Error::not_found("Service", id))
}

/// Where devices and plans are ordered for: a country and maybe a postal code.
struct Place<'a> {
    region: &'a Region,
    postal_code: Option<&'a str>,
}

impl Place<'_> {
    fn admits(&self, available: &Availability) -> bool {
        available.in_region(&self.region.id)
            && self
                .postal_code
                .is_none_or(|p| available.serves_postal_code(p))
    }
}

fn place<'a>(state: &'a SandboxState, caller: &ApiCaller, params: &'a Params) -> Result<Place<'a>> {
    let seed = state.seed();
    let region_id = match (params.get("regionId"), params.get("service")) {
        (Some(region), _) => region.to_owned(),
        (None, Some(service)) => visible_service(state, caller, service)?.region,
        (None, None) => {
            return Err(Error::Api {
                status: StatusCode::BAD_REQUEST,
                code: "400-Region_id-Account-Id-error".to_owned(),
                message: "Region ID or Service ID must be passed in.".to_owned(),
            })
        }
    };
    let region = seed
        .region(&region_id)
        .filter(|r| r.region_type == RegionType::Country)
        .ok_or_else(|| Error::not_found("Region", &region_id))?;
    let postal_code = params.get("postalCode");
    if let Some(code) = postal_code {
        if !seed.postal_code_valid(region, code) {
            return Err(Error::bad_request(
                "Invalid-Postal-Code",
                format!("{code} is not a valid postal code in {}.", region.name),
            ));
        }
    }
    Ok(Place {
        region,
        postal_code,
    })
}

/// Whether a manufacturer filter (id or name, any case) names this manufacturer.
fn manufacturer_matches(seed: &Seed, manufacturer_id: &str, filter: &str) -> bool {
    manufacturer_id.eq_ignore_ascii_case(filter)
        || seed
            .manufacturers
            .get(manufacturer_id)
            .is_some_and(|m| m.name.eq_ignore_ascii_case(filter))
}

pub async fn devices(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<model::CatalogDevice>>>> {
    let seed = state.seed();
    let place = place(&state, &caller, &params)?;
    let catalog = caller.catalog(seed);
    let vendor = params.get("vendor");
    let manufacturer = params.get("manufacturer");
    let access_method = params.get("accessMethod");
    let q = params.get_any(&["q", "name"]);
    let withdrawn = withdrawn(&state);
    let present = Presenter::new(seed, &links);
    let items = seed
        .devices
        .iter()
        .filter(|d| !withdrawn.contains(CatalogKind::Device, &d.id))
        .filter(|d| d.available.in_catalog(catalog) && place.admits(&d.available))
        .filter(|d| vendor.is_none_or(|v| d.vendor == v))
        .filter(|d| manufacturer.is_none_or(|m| manufacturer_matches(seed, &d.manufacturer, m)))
        .filter(|d| access_method.is_none_or(|a| d.access_method.as_str().eq_ignore_ascii_case(a)))
        .filter(|d| q.is_none_or(|q| matches(&d.name, q)))
        .map(|d| present.catalog_device(d, ImageFor::Catalog))
        .collect();
    Ok(Json(Named::new(
        "devices",
        paginate(items, &params, &links, "/catalog/devices")?,
    )))
}

pub async fn device(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::CatalogDevice>> {
    let seed = state.seed();
    let device = seed
        .devices
        .get(&id)
        .filter(|d| d.available.in_catalog(caller.catalog(seed)))
        .filter(|d| !withdrawn(&state).contains(CatalogKind::Device, &d.id))
        .ok_or_else(|| Error::not_found("Device", &id))?;
    Ok(Json(
        Presenter::new(seed, &links).catalog_device(device, ImageFor::Catalog),
    ))
}

/// Plans: as devices; `device` keeps the plans of that device's carrier. Items list
/// the included features; the detail adds the optional ones.
pub async fn plans(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<model::Plan>>>> {
    let seed = state.seed();
    let place = place(&state, &caller, &params)?;
    let catalog = caller.catalog(seed);
    let withdrawn = withdrawn(&state);
    let device_vendor = match params.get("device") {
        Some(id) => Some(
            seed.devices
                .get(id)
                .filter(|d| d.available.in_catalog(catalog))
                .filter(|d| !withdrawn.contains(CatalogKind::Device, &d.id))
                .map(|d| d.vendor.as_str())
                .ok_or_else(|| Error::not_found("Device", id))?,
        ),
        None => None,
    };
    let vendor = params.get("vendor");
    let q = params.get_any(&["q", "name"]);
    let present = Presenter::new(seed, &links);
    let items = seed
        .plans
        .iter()
        .filter(|p| !withdrawn.contains(CatalogKind::Plan, &p.id))
        .filter(|p| p.available.in_catalog(catalog) && place.admits(&p.available))
        .filter(|p| vendor.is_none_or(|v| p.vendor == v))
        .filter(|p| device_vendor.is_none_or(|v| p.vendor == v))
        .filter(|p| q.is_none_or(|q| matches(&p.name, q)))
        .map(|p| present.plan(p, false))
        .collect();
    Ok(Json(Named::new(
        "plans",
        paginate(items, &params, &links, "/catalog/plans")?,
    )))
}

pub async fn plan(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::Plan>> {
    let seed = state.seed();
    let plan = seed
        .plans
        .get(&id)
        .filter(|p| p.available.in_catalog(caller.catalog(seed)))
        .filter(|p| !withdrawn(&state).contains(CatalogKind::Plan, &p.id))
        .ok_or_else(|| Error::not_found("Plan", &id))?;
    Ok(Json(Presenter::new(seed, &links).plan(plan, true)))
}

/// Features: the optional ones of a `plan`, or of a line's plan (`service`, for
/// UPDATE_FEATURES), else all; `vendor` and `q` narrow them.
pub async fn features(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<model::Feature>>>> {
    let seed = state.seed();
    let only: Option<Vec<String>> = if let Some(id) = params.get("plan") {
        let plan = seed
            .plans
            .get(id)
            .filter(|p| p.available.in_catalog(caller.catalog(seed)))
            .filter(|p| !withdrawn(&state).contains(CatalogKind::Plan, &p.id))
            .ok_or_else(|| Error::not_found("Plan", id))?;
        Some(plan.optional_features.clone())
    } else if let Some(service) = params.get("service") {
        let line = visible_service(&state, &caller, service)?;
        Some(
            line.plan
                .as_deref()
                .and_then(|p| seed.plans.get(p))
                .map(|p| p.optional_features.clone())
                .unwrap_or_default(),
        )
    } else {
        None
    };
    let vendor = params.get("vendor");
    let q = params.get_any(&["q", "name"]);
    let present = Presenter::new(seed, &links);
    let items = seed
        .features
        .iter()
        .filter(|f| only.as_ref().is_none_or(|ids| ids.contains(&f.id)))
        .filter(|f| vendor.is_none_or(|v| f.vendor == v))
        .filter(|f| q.is_none_or(|q| matches(&f.description, q)))
        .map(|f| model::Feature {
            meta: Some(model::Meta {
                href: Some(links.item("/catalog/features", &f.id)),
                ..model::Meta::default()
            }),
            ..present.feature(f)
        })
        .collect();
    Ok(Json(Named::new(
        "features",
        paginate(items, &params, &links, "/catalog/features")?,
    )))
}

pub async fn feature(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::Feature>> {
    let seed = state.seed();
    let feature = seed
        .features
        .get(&id)
        .ok_or_else(|| Error::not_found("Feature", &id))?;
    Ok(Json(model::Feature {
        meta: Some(model::Meta {
            href: Some(links.item("/catalog/features", &feature.id)),
            ..model::Meta::default()
        }),
        ..Presenter::new(seed, &links).feature(feature)
    }))
}

/// The device model accessories must fit, from `service`, `device` or
/// `compatibleWithDeviceAssetId`; `Ok(None)` when none is asked for, `Some(None)`
/// when the line has no device.
fn fitting_model(
    state: &SandboxState,
    caller: &ApiCaller,
    params: &Params,
) -> Result<Option<Option<String>>> {
    let seed = state.seed();
    if let Some(service) = params.get("service") {
        let line = visible_service(state, caller, service)?;
        let model = state.read(|store| {
            line.device
                .as_deref()
                .and_then(|d| store.device_asset(d))
                .map(|d| d.model.clone())
        });
        return Ok(Some(model));
    }
    if let Some(device) = params.get("device") {
        let device = seed
            .devices
            .get(device)
            .filter(|d| !withdrawn(state).contains(CatalogKind::Device, &d.id))
            .ok_or_else(|| Error::not_found("Device", device))?;
        return Ok(Some(Some(device.model.clone())));
    }
    if let Some(asset) = params.get("compatibleWithDeviceAssetId") {
        let model = state
            .read(|store| store.device_asset(asset).cloned())
            .filter(|d| caller.may_see_id(seed, &d.employee))
            .map(|d| d.model)
            .ok_or_else(|| Error::not_found("Device", asset))?;
        return Ok(Some(Some(model)));
    }
    Ok(None)
}

pub async fn accessories(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<model::Accessory>>>> {
    let seed = state.seed();
    let fitting = fitting_model(&state, &caller, &params)?;
    let catalog = caller.catalog(seed);
    let vendor = params.get("vendor");
    let manufacturer = params.get("manufacturer");
    let q = params.get_any(&["q", "name"]).map(str::to_lowercase);
    let withdrawn = withdrawn(&state);
    let present = Presenter::new(seed, &links);
    let items = seed
        .accessories
        .iter()
        .filter(|a| !withdrawn.contains(CatalogKind::Accessory, &a.id))
        .filter(|a| a.available.in_catalog(catalog))
        .filter(|a| match &fitting {
            None => true,
            Some(None) => false,
            Some(Some(model)) => seed.fits(a, model),
        })
        .filter(|a| vendor.is_none_or(|v| a.vendor == v))
        .filter(|a| manufacturer.is_none_or(|m| manufacturer_matches(seed, &a.manufacturer, m)))
        .filter(|a| q.as_deref().is_none_or(|q| contains_lowercase(&a.name, q)))
        .collect();
    Ok(Json(Named::new(
        "accessories",
        paginate_with(items, &params, &links, "/catalog/accessories", |a| {
            present.accessory(a, ImageFor::Catalog)
        })?,
    )))
}

pub async fn accessory(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::Accessory>> {
    let seed = state.seed();
    let accessory = seed
        .accessories
        .get(&id)
        .filter(|a| a.available.in_catalog(caller.catalog(seed)))
        .filter(|a| !withdrawn(&state).contains(CatalogKind::Accessory, &a.id))
        .ok_or_else(|| Error::not_found("Accessory", &id))?;
    Ok(Json(
        Presenter::new(seed, &links).accessory(accessory, ImageFor::Catalog),
    ))
}
