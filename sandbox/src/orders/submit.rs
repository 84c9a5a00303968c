//! `POST /orders` without `confirm`: the request checked again and the order created
//! (API.md §8 step 3), one segment per vendor. Not idempotent, like MOBPROC: the same
//! body twice makes two orders.

use mobproc::model::{FeatureChange, OrderRequest, OrderResponse, ResponseStatus, TransactionType};

use super::expand::{self, Totals};
use super::record::{self, OrderRecord, SegmentRecord};
use super::validate::{self, Checked};
use super::{approval, progress};
use crate::auth::ApiCaller;
use crate::error::Result;
use crate::links::Links;
use crate::present::Presenter;
use crate::state::SandboxState;
use crate::store::StoredOrder;

pub fn submit(
    state: &SandboxState,
    caller: &ApiCaller,
    links: &Links,
    request: OrderRequest,
) -> Result<OrderResponse> {
    let seed = state.seed();
    let now = state.now();
    let checked = validate::check(state, caller, &request)?;
    let approval = approval::requirement(&checked, &caller.actor, &Totals::of(&checked), now);
    let drafts = segments(&checked, caller);
    let properties = checked
        .properties
        .as_ref()
        .map(|groups| expand::properties(seed, groups));
    let service_number = checked
        .line
        .as_ref()
        .map(|l| l.service.service_number.clone());
    let (stored, record) = state.try_write(|store| {
        let order_id = store.next_id();
        let segments = drafts
            .into_iter()
            .map(|segment| SegmentRecord {
                id: store.next_id(),
                ..segment
            })
            .collect();
        let record = OrderRecord {
            service_number,
            properties,
            segments,
            approval,
        };
        let mut stored = StoredOrder {
            order_id,
            account_holder_id: caller.actor.id.clone(),
            requested_by_id: caller.user.id.clone(),
            submitted_at: now,
            request,
            details: serde_json::to_value(&record)?,
            completes_at: None,
            settled: false,
        };
        stored.completes_at = progress::completes_at(&stored, &record);
        store.orders.push(stored.clone());
        Ok((stored, record))
    })?;
    tracing::info!(order = %stored.order_id, r#type = %stored.request.transaction_type, "order submitted");
    let p = Presenter::new(seed, links);
    Ok(OrderResponse {
        order: Some(record::show(&stored, &record, &p, now)),
        status: ResponseStatus::Success,
        errors: None,
    })
}

/// One segment per vendor, in the order the cart names them; an order without items
/// (care orders) has one segment for the line's carrier. Ids are given on commit.
fn segments(checked: &Checked, caller: &ApiCaller) -> Vec<SegmentRecord> {
    let mut segments = Vec::new();
    if let Some(device) = checked.device {
        let segment = segment_for(&mut segments, &device.vendor);
        segment.device = Some(device.id.clone());
        segment.ships = true;
    }
    if let Some(plan) = checked.plan {
        let segment = segment_for(&mut segments, &plan.vendor);
        segment.plan = Some(plan.id.clone());
        segment.optional_features = checked
            .optional_features
            .iter()
            .map(|f| f.id.clone())
            .collect();
        // Premium Mobile (Command) sends a SIM card for a plan-only upgrade (§13).
        segment.ships |= checked.request.transaction_type == TransactionType::Upgrade
            && caller.grant.platform == "command";
    }
    for accessory in &checked.accessories {
        let segment = segment_for(&mut segments, &accessory.vendor);
        segment.accessories.push(accessory.id.clone());
        segment.ships = true;
    }
    let carrier = checked.carrier.map_or("", |v| v.id.as_str());
    for (feature, action) in &checked.feature_changes {
        segment_for(&mut segments, carrier)
            .features
            .push(FeatureChange {
                id: feature.id.clone(),
                action: action.clone(),
                description: None,
                price: None,
            });
    }
    if segments.is_empty() {
        segment_for(&mut segments, carrier);
    }
    segments
}

fn segment_for<'s>(segments: &'s mut Vec<SegmentRecord>, vendor: &str) -> &'s mut SegmentRecord {
    let index = match segments.iter().position(|s| s.vendor == vendor) {
        Some(index) => index,
        None => {
            segments.push(SegmentRecord {
                id: String::new(),
                vendor: vendor.to_owned(),
                device: None,
                plan: None,
                optional_features: Vec::new(),
                accessories: Vec::new(),
                features: Vec::new(),
                ships: false,
            });
            segments.len() - 1
        }
    };
    &mut segments[index]
}
