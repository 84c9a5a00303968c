//! `GET /vendors` (`type` narrows: `CARRIER`, `ACCESSORY`) and `/vendors/{id}`.

use axum::extract::{Path, State};
use axum::Json;
use mobproc::model::{self, Page};

use super::{matches, Named};
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::links::Links;
use crate::pagination::{paginate, Params};
use crate::present::Presenter;
use crate::state::SandboxState;

pub async fn list(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<model::Vendor>>>> {
    let seed = state.seed();
    let kind = params.get("type");
    let q = params.get_any(&["q", "name"]);
    let present = Presenter::new(seed, &links);
    let items = seed
        .vendors
        .iter()
        .filter(|v| v.listed)
        .filter(|v| kind.is_none_or(|k| v.vendor_type.eq_ignore_ascii_case(k)))
        .filter(|v| q.is_none_or(|q| matches(&v.name, q)))
        .map(|v| present.vendor_detail(v))
        .collect();
    Ok(Json(Named::new(
        "vendors",
        paginate(items, &params, &links, "/vendors")?,
    )))
}

pub async fn detail(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::Vendor>> {
    let seed = state.seed();
    let vendor = seed
        .vendors
        .get(&id)
        .ok_or_else(|| Error::not_found("Vendor", &id))?;
    Ok(Json(Presenter::new(seed, &links).vendor_detail(vendor)))
}
