//! Reading orders: `GET /orders`, `/orders/{id}`, `/orders/{id}/history`,
//! `/orders/{id}/shipments`.
//!
//! A caller sees the orders of every employee it may see (its own, its approvees',
//! everyone's for an admin) and the orders it placed for others. `GET /orders` lists
//! them newest first and narrows them within those rights by `employee` /
//! `companyEmployeeId` (the account holder; someone the caller may not see is a 403,
//! as for assets), `eligibleToApproveEmployeeId` (orders awaiting that employee's
//! approval) and `dateTimeUpdated` (changed at or after; also
//! `dateTimeUpdatedOnOrAfter`). History and shipments are per segment
//! (`?orderSegment=`); without it, of every segment.

use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, Utc};
use mobproc::model::{Order, OrderHistoryEntry, OrderStatus, Page, Shipment};
use serde::Serialize;

use super::progress;
use super::record::{self, OrderRecord, SegmentRecord};
use super::validate::parse_date;
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::links::{segment, Links};
use crate::pagination::{paginate, Params};
use crate::present::Presenter;
use crate::resources::filtered_employee;
use crate::seed::Seed;
use crate::state::SandboxState;
use crate::store::StoredOrder;

#[derive(Serialize)]
pub struct Orders {
    orders: Page<Order>,
}

#[derive(Serialize)]
pub struct History {
    history: Page<OrderHistoryEntry>,
}

#[derive(Serialize)]
pub struct Shipments {
    shipments: Page<Shipment>,
}

/// Whether the caller may see this order.
pub fn visible(caller: &ApiCaller, seed: &Seed, order: &StoredOrder) -> bool {
    order.requested_by_id == caller.user.id || caller.may_see_id(seed, &order.account_holder_id)
}

/// The filters of `GET /orders`, read from the query string.
struct Filters {
    employee: Option<String>,
    approver: Option<String>,
    updated_since: Option<DateTime<Utc>>,
}

impl Filters {
    fn read(params: &Params, seed: &Seed, caller: &ApiCaller) -> Result<Self> {
        let employee = filtered_employee(seed, caller, params)?.map(|e| e.id.clone());
        let updated_since = params
            .get_any(&["dateTimeUpdated", "dateTimeUpdatedOnOrAfter"])
            .map(|raw| {
                parse_date(raw).ok_or_else(|| {
                    Error::bad_request(
                        "Invalid-Date",
                        format!("dateTimeUpdated must be ISO 8601 (e.g. 2016-04-29T21:04:56Z), not {raw:?}."),
                    )
                })
            })
            .transpose()?;
        Ok(Self {
            employee,
            approver: params.get("eligibleToApproveEmployeeId").map(str::to_owned),
            updated_since,
        })
    }

    fn keep(
        &self,
        order: &StoredOrder,
        record: &OrderRecord,
        seed: &Seed,
        now: DateTime<Utc>,
    ) -> bool {
        if self
            .employee
            .as_ref()
            .is_some_and(|e| *e != order.account_holder_id)
        {
            return false;
        }
        if let Some(approver) = &self.approver {
            let awaits_them = record
                .approval
                .as_ref()
                .is_some_and(|a| a.approver == *approver)
                && progress::order_status(order, record, seed, now)
                    == OrderStatus::AwaitingApproval;
            if !awaits_them {
                return false;
            }
        }
        self.updated_since
            .is_none_or(|since| progress::last_change(order, record, seed, now) >= since)
    }
}

/// The caller's visible orders with their records, newest first.
fn visible_orders(
    state: &SandboxState,
    caller: &ApiCaller,
) -> Result<Vec<(StoredOrder, OrderRecord)>> {
    let seed = state.seed();
    let mut orders = state.read(|store| {
        store
            .orders
            .iter()
            .filter(|o| visible(caller, seed, o))
            .cloned()
            .collect::<Vec<_>>()
    });
    orders.sort_by(|a, b| {
        (b.submitted_at, number(&b.order_id)).cmp(&(a.submitted_at, number(&a.order_id)))
    });
    orders
        .into_iter()
        .map(|o| OrderRecord::of(&o).map(|r| (o, r)))
        .collect()
}

/// Order ids are numeric strings: the shorter is the smaller.
fn number(id: &str) -> (usize, &str) {
    (id.len(), id)
}

pub async fn list(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Orders>> {
    let seed = state.seed();
    let now = state.now();
    let filters = Filters::read(&params, seed, &caller)?;
    let matching: Vec<_> = visible_orders(&state, &caller)?
        .into_iter()
        .filter(|(o, r)| filters.keep(o, r, seed, now))
        .collect();
    let page = paginate(matching, &params, &links, "/orders")?;
    let p = Presenter::new(seed, &links);
    Ok(Json(Orders {
        orders: Page {
            meta: page.meta,
            items: page
                .items
                .iter()
                .map(|(o, r)| record::show(o, r, &p, now))
                .collect(),
        },
    }))
}

/// A visible order and its record, or 404.
fn find(state: &SandboxState, caller: &ApiCaller, id: &str) -> Result<(StoredOrder, OrderRecord)> {
    let seed = state.seed();
    let stored = state
        .read(|store| {
            store
                .order(id)
                .filter(|o| visible(caller, seed, o))
                .cloned()
        })
        .ok_or_else(|| Error::not_found("Order", id))?;
    let record = OrderRecord::of(&stored)?;
    Ok((stored, record))
}

pub async fn detail(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<Order>> {
    let (stored, record) = find(&state, &caller, &id)?;
    let p = Presenter::new(state.seed(), &links);
    Ok(Json(record::show(&stored, &record, &p, state.now())))
}

/// The segments `?orderSegment=` picks: that one (404 if it is not the order's), or all.
fn segments<'r>(
    record: &'r OrderRecord,
    params: &Params,
    order_id: &str,
) -> Result<Vec<&'r SegmentRecord>> {
    match params.get("orderSegment") {
        Some(id) => record
            .segment(id)
            .map(|s| vec![s])
            .ok_or_else(|| Error::not_found("Order segment", &format!("{id} of order {order_id}"))),
        None => Ok(record.segments.iter().collect()),
    }
}

pub async fn history(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
    Path(id): Path<String>,
) -> Result<Json<History>> {
    let (stored, record) = find(&state, &caller, &id)?;
    let (seed, now) = (state.seed(), state.now());
    let mut steps: Vec<_> = segments(&record, &params, &id)?
        .into_iter()
        .flat_map(|s| progress::steps(&stored, &record, s, seed, now))
        .collect();
    steps.sort_by_key(|s| s.at);
    let entries: Vec<OrderHistoryEntry> = steps.iter().map(progress::Step::entry).collect();
    let path = format!("/orders/{}/history", segment(&id));
    Ok(Json(History {
        history: paginate(entries, &params, &links, &path)?,
    }))
}

pub async fn shipments(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
    Path(id): Path<String>,
) -> Result<Json<Shipments>> {
    let (stored, record) = find(&state, &caller, &id)?;
    let (seed, now) = (state.seed(), state.now());
    let parcels: Vec<Shipment> = segments(&record, &params, &id)?
        .into_iter()
        .flat_map(|s| progress::shipments(&stored, &record, s, seed, now))
        .collect();
    let path = format!("/orders/{}/shipments", segment(&id));
    Ok(Json(Shipments {
        shipments: paginate(parcels, &params, &links, &path)?,
    }))
}
