//! `/assets/services` and `/assets/devices`: lines and devices of the employees the
//! caller may see (`employee`/`companyEmployeeId` narrow them; acting for someone
//! narrows the default to the actor), and moving a line to another employee.
//!
//! Deactivated lines are no longer among an employee's lines: `/assets/services`
//! leaves them out unless `status` (undocumented: comma-separated, e.g.
//! `status=DEACTIVATED` or `status=ACTIVE,SUSPENDED,DEACTIVATED`) asks for them; their
//! detail still answers, with the status.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use mobproc::model::{MoveServiceRequest, Page, ServiceAsset};
use serde_json::Value;

use super::{asset_owner, Named};
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::links::Links;
use crate::orders::effects::DEACTIVATED;
use crate::pagination::{paginate, Params};
use crate::present::Presenter;
use crate::state::SandboxState;

/// Whether the caller may see assets owned by `owner`, within `scope` ([`asset_owner`]).
fn in_scope(caller: &ApiCaller, state: &SandboxState, scope: Option<&str>, owner: &str) -> bool {
    match scope {
        Some(only) => only == owner,
        None => caller.may_see_id(state.seed(), owner),
    }
}

/// Whether `GET /assets/services` lists a line with this status (see the module doc).
fn listed(params: &Params, status: &str) -> bool {
    match params.get("status") {
        Some(wanted) => wanted
            .split(',')
            .any(|w| w.trim().eq_ignore_ascii_case(status)),
        None => status != DEACTIVATED,
    }
}

pub async fn services(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<ServiceAsset>>>> {
    let scope = asset_owner(state.seed(), &caller, &params)?;
    let present = Presenter::new(state.seed(), &links);
    let items = state.read(|store| {
        store
            .services
            .iter()
            .filter(|s| in_scope(&caller, &state, scope, &s.employee))
            .filter(|s| listed(&params, &s.status))
            .map(|s| present.service(s, s.device.as_deref().and_then(|d| store.device_asset(d))))
            .collect()
    });
    Ok(Json(Named::new(
        "services",
        paginate(items, &params, &links, "/assets/services")?,
    )))
}

pub async fn service(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<ServiceAsset>> {
    let present = Presenter::new(state.seed(), &links);
    state
        .read(|store| {
            store
                .service(&id)
                .filter(|s| caller.may_see_id(state.seed(), &s.employee))
                .map(|s| {
                    present.service(s, s.device.as_deref().and_then(|d| store.device_asset(d)))
                })
        })
        .map(Json)
        .ok_or_else(|| Error::not_found("Service", &id))
}

/// `POST /assets/services/{id}/move`: needs `canMoveService`; the line and its device
/// go to the new owner. `moveCharges` is `MOVE_ALL_CHARGES` (default) or
/// `MOVE_FUTURE_CHARGES`.
pub async fn move_service(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<ServiceAsset>> {
    let seed = state.seed();
    let request: MoveServiceRequest = serde_json::from_slice(&body).map_err(|e| {
        Error::bad_request(
            "Invalid-Body",
            format!("The move request is not valid: {e}"),
        )
    })?;
    let visible = state.read(|store| {
        store
            .service(&id)
            .is_some_and(|s| caller.may_see_id(seed, &s.employee))
    });
    if !visible {
        return Err(Error::not_found("Service", &id));
    }
    if !caller.user.can_move_service {
        return Err(Error::forbidden(
            "Move-Not-Allowed",
            "You may not move services between employees.",
        ));
    }
    let new_owner = match (
        &request.new_owner_employee_id,
        &request.new_owner_company_employee_id,
    ) {
        (Some(id), _) => seed.employee(id),
        (None, Some(company_id)) => seed.employee_by_company_id(company_id),
        (None, None) => {
            return Err(Error::bad_request(
                "Missing-New-Owner",
                "newOwnerEmployeeId or newOwnerCompanyEmployeeId is required.",
            ))
        }
    }
    .ok_or_else(|| Error::bad_request("Unknown-New-Owner", "The new owner is not an employee."))?;
    match request.move_charges.as_deref() {
        None | Some("MOVE_ALL_CHARGES") | Some("MOVE_FUTURE_CHARGES") => {}
        Some(other) => {
            return Err(Error::bad_request(
                "Invalid-Move-Charges",
                format!(
                    "moveCharges must be MOVE_ALL_CHARGES or MOVE_FUTURE_CHARGES, not {other:?}."
                ),
            ))
        }
    }
    let present = Presenter::new(seed, &links);
    state.try_write(|store| {
        let service = store
            .service_mut(&id)
            .ok_or_else(|| Error::not_found("Service", &id))?;
        service.employee = new_owner.id.clone();
        let device_id = service.device.clone();
        if let Some(device) = device_id.as_deref().and_then(|d| store.device_asset_mut(d)) {
            device.employee = new_owner.id.clone();
        }
        let service = store
            .service(&id)
            .ok_or_else(|| Error::not_found("Service", &id))?;
        let device = device_id.as_deref().and_then(|d| store.device_asset(d));
        Ok(Json(present.service(service, device)))
    })
}

pub async fn devices(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<Value>>>> {
    let scope = asset_owner(state.seed(), &caller, &params)?;
    let present = Presenter::new(state.seed(), &links);
    let with_service = params.flag("includeServiceDetails");
    let with_upgrade = params.flag("includeUpgradeEligibleDate");
    let items = state.read(|store| {
        store
            .device_assets
            .iter()
            .filter(|d| in_scope(&caller, &state, scope, &d.employee))
            .map(|d| {
                let service = with_service
                    .then(|| store.service_of_device(&d.id))
                    .flatten();
                device_json(&present, d, service, with_upgrade)
            })
            .collect::<Result<Vec<_>>>()
    })?;
    Ok(Json(Named::new(
        "devices",
        paginate(items, &params, &links, "/assets/devices")?,
    )))
}

pub async fn device(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
    Path(id): Path<String>,
) -> Result<Json<Value>> {
    let present = Presenter::new(state.seed(), &links);
    state
        .read(|store| {
            store
                .device_asset(&id)
                .filter(|d| caller.may_see_id(state.seed(), &d.employee))
                .map(|d| {
                    let service = params
                        .flag("includeServiceDetails")
                        .then(|| store.service_of_device(&d.id))
                        .flatten();
                    device_json(&present, d, service, true)
                })
        })
        .ok_or_else(|| Error::not_found("Device", &id))?
        .map(Json)
}

/// A device asset; with `includeServiceDetails`, plus its line as `service`
/// (**undocumented** shape: the line as confirmations embed it, with its number).
fn device_json(
    present: &Presenter<'_>,
    device: &crate::seed::DeviceAsset,
    service: Option<&crate::seed::Service>,
    with_upgrade: bool,
) -> Result<Value> {
    let mut json = serde_json::to_value(present.device_asset(device, with_upgrade))?;
    if let (Some(service), Value::Object(map)) = (service, &mut json) {
        map.insert(
            "service".to_owned(),
            serde_json::to_value(present.service_summary(service))?,
        );
    }
    Ok(json)
}
