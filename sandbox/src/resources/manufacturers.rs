//! **Undocumented** in §7 but linked from every item's `manufacturer._meta.href`
//! (and `model._meta.href`), so served rather than left broken: `GET /manufacturers`,
//! `/manufacturers/{id}` and `/manufacturers/{id}/models/{model}`.

use axum::extract::{Path, State};
use axum::Json;
use mobproc::model::{self, DeviceModel, Page};

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
) -> Result<Json<Named<Page<model::Manufacturer>>>> {
    let seed = state.seed();
    let q = params.get_any(&["q", "name"]);
    let present = Presenter::new(seed, &links);
    let items = seed
        .manufacturers
        .iter()
        .filter(|m| q.is_none_or(|q| matches(&m.name, q)))
        .map(|m| present.manufacturer(m))
        .collect();
    Ok(Json(Named::new(
        "manufacturers",
        paginate(items, &params, &links, "/manufacturers")?,
    )))
}

pub async fn detail(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::Manufacturer>> {
    Presenter::new(state.seed(), &links)
        .manufacturer_by_id(&id)
        .map(Json)
        .ok_or_else(|| Error::not_found("Manufacturer", &id))
}

pub async fn model(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    links: Links,
    Path((manufacturer, model)): Path<(String, String)>,
) -> Result<Json<DeviceModel>> {
    let seed = state.seed();
    seed.models
        .get(&model)
        .filter(|m| m.manufacturer == manufacturer)
        .map(|m| Json(Presenter::new(seed, &links).model(&m.id)))
        .ok_or_else(|| Error::not_found("Model", &model))
}
