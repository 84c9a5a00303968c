//! `GET /regions` (countries, or with `parentRegion` a country's states and
//! provinces) and `/regions/{id}` (a country adds its address form and currency).

use axum::extract::{Path, State};
use axum::Json;
use mobproc::model::{self, Page, RegionType};

use super::Named;
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
) -> Result<Json<Named<Page<model::Region>>>> {
    let seed = state.seed();
    let present = Presenter::new(seed, &links);
    let items: Vec<model::Region> = match params.get("parentRegion") {
        Some(parent) => {
            let country = seed
                .region(parent)
                .ok_or_else(|| Error::not_found("Region", parent))?;
            seed.children_of(&country.id)
                .map(|r| present.region_item(&r.id, r))
                .collect()
        }
        None => seed
            .regions
            .iter()
            .filter(|r| r.region_type == RegionType::Country)
            .map(|r| present.region_item(&r.id, r))
            .collect(),
    };
    Ok(Json(Named::new(
        "regions",
        paginate(items, &params, &links, "/regions")?,
    )))
}

pub async fn detail(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<model::Region>> {
    let seed = state.seed();
    let region = seed
        .region(&id)
        .ok_or_else(|| Error::not_found("Region", &id))?;
    Ok(Json(
        Presenter::new(seed, &links).region_detail(&id, region),
    ))
}
