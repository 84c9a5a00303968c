//! The MOBPROC resources of API.md §7 other than orders, mounted under `/mobproc/v1`.
//!
//! Parameters beyond the docs (undocumented, this sandbox's choice): `q` (or `name`)
//! searches names on every catalog collection, employees, vendors and manufacturers;
//! `manufacturer` (id or name) narrows devices and accessories; `accessMethod`
//! narrows devices; `vendor` narrows accessories and features; `sort`
//! (`lastName`, `firstName`, `id`) with `sortAscending` orders employees.

pub mod acknowledgements;
pub mod assets;
pub mod catalog;
pub mod employees;
pub mod manufacturers;
pub mod me;
pub mod ping;
pub mod properties;
pub mod regions;
pub mod vendors;

use axum::routing::{get, post};
use axum::Router;
use serde::ser::SerializeMap;
use serde::Serialize;

use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::pagination::Params;
use crate::seed::{Employee, Seed};
use crate::state::SandboxState;

pub fn routes() -> Router<SandboxState> {
    Router::new()
        .route("/ping", get(ping::ping))
        .route("/me", get(me::me))
        .route("/employees", get(employees::list))
        .route("/employees/{id}", get(employees::detail))
        .route("/assets/services", get(assets::services))
        .route("/assets/services/{id}", get(assets::service))
        .route("/assets/services/{id}/move", post(assets::move_service))
        .route("/assets/devices", get(assets::devices))
        .route("/assets/devices/{id}", get(assets::device))
        .route("/catalog/devices", get(catalog::devices))
        .route("/catalog/devices/{id}", get(catalog::device))
        .route("/catalog/plans", get(catalog::plans))
        .route("/catalog/plans/{id}", get(catalog::plan))
        .route("/catalog/features", get(catalog::features))
        .route("/catalog/features/{id}", get(catalog::feature))
        .route("/catalog/accessories", get(catalog::accessories))
        .route("/catalog/accessories/{id}", get(catalog::accessory))
        .route("/regions", get(regions::list))
        .route("/regions/{id}", get(regions::detail))
        .route("/vendors", get(vendors::list))
        .route("/vendors/{id}", get(vendors::detail))
        .route("/manufacturers", get(manufacturers::list))
        .route("/manufacturers/{id}", get(manufacturers::detail))
        .route(
            "/manufacturers/{id}/models/{model}",
            get(manufacturers::model),
        )
        .route("/orders/properties", get(properties::properties))
        .route("/acknowledgements", get(acknowledgements::acknowledgements))
}

/// `{"<name>": value}`: the collection envelope of API.md §6.
pub struct Named<T> {
    pub name: &'static str,
    pub value: T,
}

impl<T> Named<T> {
    pub fn new(name: &'static str, value: T) -> Self {
        Self { name, value }
    }
}

impl<T: Serialize> Serialize for Named<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.name, &self.value)?;
        map.end()
    }
}

/// Case-insensitive "contains", for the `q` search.
pub fn matches(haystack: &str, needle: &str) -> bool {
    contains_lowercase(haystack, &needle.to_lowercase())
}

/// [`matches`] with a needle already lowercased, for searches over many items.
pub fn contains_lowercase(haystack: &str, lowercase_needle: &str) -> bool {
    haystack.to_lowercase().contains(lowercase_needle)
}

/// The employee a filter names (`employee`, else `companyEmployeeId`), if any. Like
/// the context headers: someone the caller may not see is a 403, an unknown id a 404
/// for an admin and a 403 for anyone else.
pub fn filtered_employee<'a>(
    seed: &'a Seed,
    caller: &ApiCaller,
    params: &Params,
) -> Result<Option<&'a Employee>> {
    let (named, found) = if let Some(id) = params.get("employee") {
        (id, seed.employee(id))
    } else if let Some(company_id) = params.get("companyEmployeeId") {
        (company_id, seed.employee_by_company_id(company_id))
    } else {
        return Ok(None);
    };
    match found {
        Some(e) if caller.may_see(e) => Ok(Some(e)),
        None if caller.user.admin => Err(Error::not_found("Employee", named)),
        _ => Err(Error::forbidden(
            "Filter-Not-Allowed",
            format!("You may not see the data of employee {named}."),
        )),
    }
}

/// Whose assets a collection lists: the filtered employee; else the actor when the
/// caller acts for someone else; else everyone the caller may see (`None`).
pub fn asset_owner<'a>(
    seed: &'a Seed,
    caller: &'a ApiCaller,
    params: &Params,
) -> Result<Option<&'a str>> {
    Ok(match filtered_employee(seed, caller, params)? {
        Some(e) => Some(e.id.as_str()),
        None if caller.acting_for_other() => Some(caller.actor.id.as_str()),
        None => None,
    })
}
