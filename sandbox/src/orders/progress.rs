//! Where an order stands, computed whenever it is read from its submission time, the
//! approver's decision and the sandbox clock: deterministic, no background tasks.
//! Tests move the clock (`POST /_sandbox/clock`) to see an order progress.
//!
//! Each segment goes through these steps; "release" is the submission, or the
//! approval when the order needs one:
//!
//! | status | when |
//! |---|---|
//! | `ORDER_SUBMITTED` | at submission |
//! | `AWAITING_APPROVAL` | [`APPROVAL_AFTER`] after submission, until the approver decides |
//! | `APPROVED` / `REJECTED` | at the decision; `REJECTED` ends the order |
//! | `IN_PROGRESS` | [`IN_PROGRESS_AFTER`] after release |
//! | `SHIPPED` | [`SHIPPED_AFTER`] after release, for segments that ship a parcel (a shipment with a tracking number appears) |
//! | `COMPLETED` | [`COMPLETED_AFTER`] after release, or [`CARE_COMPLETED_AFTER`] when nothing ships |
//!
//! The order's status is that of its least advanced segment.

use chrono::{DateTime, Duration, Utc};
use mobproc::model::{
    ApprovalAction, OrderHistoryEntry, OrderStatus, SerialNumber, SerialNumberType, Shipment,
    ShipmentItem,
};

use super::expand::WIRE_DATE;
use super::record::{OrderRecord, SegmentRecord};
use crate::seed::Seed;
use crate::store::StoredOrder;

pub const APPROVAL_AFTER: Duration = Duration::minutes(1);
pub const IN_PROGRESS_AFTER: Duration = Duration::hours(1);
pub const SHIPPED_AFTER: Duration = Duration::days(1);
pub const COMPLETED_AFTER: Duration = Duration::days(3);
pub const CARE_COMPLETED_AFTER: Duration = Duration::days(1);

/// One status change of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub status: OrderStatus,
    pub at: DateTime<Utc>,
    pub description: String,
}

impl Step {
    pub fn entry(&self) -> OrderHistoryEntry {
        OrderHistoryEntry {
            status: self.status.clone(),
            date: Some(self.at.format(WIRE_DATE).to_string()),
            description: Some(self.description.clone()),
        }
    }
}

/// When fulfilment starts: at submission, or at the approval; `None` while the order
/// awaits its approver's decision and after a rejection.
fn released_at(stored: &StoredOrder, record: &OrderRecord) -> Option<DateTime<Utc>> {
    match &record.approval {
        None => Some(stored.submitted_at),
        Some(approval) => approval
            .decision
            .as_ref()
            .filter(|d| d.action == ApprovalAction::Approve)
            .map(|d| d.at),
    }
}

/// How long after release a segment completes.
fn completion_delay(segment: &SegmentRecord) -> Duration {
    if segment.ships {
        COMPLETED_AFTER
    } else {
        CARE_COMPLETED_AFTER
    }
}

/// When the whole order is `COMPLETED` (its last segment), once that is known.
pub fn completes_at(stored: &StoredOrder, record: &OrderRecord) -> Option<DateTime<Utc>> {
    let release = released_at(stored, record)?;
    record
        .segments
        .iter()
        .map(|s| release + completion_delay(s))
        .max()
}

fn name_of(seed: &Seed, employee: &str) -> String {
    seed.employee(employee)
        .map_or_else(|| employee.to_owned(), |e| e.full_name())
}

/// The steps a segment has taken by `now`, oldest first.
pub fn steps(
    stored: &StoredOrder,
    record: &OrderRecord,
    segment: &SegmentRecord,
    seed: &Seed,
    now: DateTime<Utc>,
) -> Vec<Step> {
    let submitted = stored.submitted_at;
    let step = |status, at, description: String| Step {
        status,
        at,
        description,
    };
    let mut steps = vec![step(
        OrderStatus::OrderSubmitted,
        submitted,
        format!(
            "Submitted by {} for {}.",
            name_of(seed, &stored.requested_by_id),
            name_of(seed, &stored.account_holder_id)
        ),
    )];
    let release = match &record.approval {
        None => Some(submitted),
        Some(approval) => {
            steps.push(step(
                OrderStatus::AwaitingApproval,
                submitted + APPROVAL_AFTER,
                format!(
                    "Awaiting approval by {}: {}.",
                    name_of(seed, &approval.approver),
                    approval.reason
                ),
            ));
            approval.decision.as_ref().and_then(|decision| {
                let by = name_of(seed, &decision.by);
                let because = decision
                    .reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                let approved = decision.action == ApprovalAction::Approve;
                let (status, verb) = if approved {
                    (OrderStatus::Approved, "Approved")
                } else {
                    (OrderStatus::Rejected, "Rejected")
                };
                steps.push(step(
                    status,
                    decision.at,
                    format!("{verb} by {by}{because}."),
                ));
                approved.then_some(decision.at)
            })
        }
    };
    if let Some(release) = release {
        let vendor = seed
            .vendors
            .get(&segment.vendor)
            .map_or(segment.vendor.as_str(), |v| v.name.as_str());
        steps.push(step(
            OrderStatus::InProgress,
            release + IN_PROGRESS_AFTER,
            format!("Sent to {vendor} for fulfilment."),
        ));
        if segment.ships {
            let shipped = release + SHIPPED_AFTER;
            steps.push(step(
                OrderStatus::Shipped,
                shipped,
                format!(
                    "Shipped by {CARRIER}, tracking number {}.",
                    tracking_number(segment, express(stored))
                ),
            ));
            steps.push(step(
                OrderStatus::Completed,
                release + completion_delay(segment),
                "Delivered; the order is complete.".to_owned(),
            ));
        } else {
            steps.push(step(
                OrderStatus::Completed,
                release + completion_delay(segment),
                format!("{vendor} completed the order."),
            ));
        }
    }
    steps.retain(|s| s.at <= now);
    steps
}

pub fn segment_status(
    stored: &StoredOrder,
    record: &OrderRecord,
    segment: &SegmentRecord,
    seed: &Seed,
    now: DateTime<Utc>,
) -> OrderStatus {
    steps(stored, record, segment, seed, now)
        .pop()
        .map_or(OrderStatus::OrderSubmitted, |s| s.status)
}

/// How far along a status is, to find the least advanced segment.
fn rank(status: &OrderStatus) -> u8 {
    match status {
        OrderStatus::OrderSubmitted => 0,
        OrderStatus::AwaitingApproval => 1,
        OrderStatus::Approved => 2,
        OrderStatus::InProgress => 3,
        OrderStatus::Shipped => 4,
        _ => 5,
    }
}

pub fn order_status(
    stored: &StoredOrder,
    record: &OrderRecord,
    seed: &Seed,
    now: DateTime<Utc>,
) -> OrderStatus {
    record
        .segments
        .iter()
        .map(|s| segment_status(stored, record, s, seed, now))
        .min_by_key(rank)
        .unwrap_or(OrderStatus::OrderSubmitted)
}

/// When the order last changed (its submission at first).
pub fn last_change(
    stored: &StoredOrder,
    record: &OrderRecord,
    seed: &Seed,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    record
        .segments
        .iter()
        .filter_map(|s| steps(stored, record, s, seed, now).pop())
        .map(|s| s.at)
        .max()
        .unwrap_or(stored.submitted_at)
}

/// The parcel carrier of every shipment.
const CARRIER: &str = "UPS";

/// Expedited orders ship next day.
fn express(stored: &StoredOrder) -> bool {
    stored.request.ship_to.as_ref().and_then(|s| s.expedite) == Some(true)
}

/// A UPS-style tracking number: shipper `999AA1`, service 01 (next day) or 03 (ground).
fn tracking_number(segment: &SegmentRecord, express: bool) -> String {
    let service = if express { "01" } else { "03" };
    format!(
        "1Z999AA1{service}{:08}",
        number_of(&segment.id) % 100_000_000
    )
}

/// The IMEI of the device a segment ships: the serial number its device asset gets.
pub fn shipped_serial(segment: &SegmentRecord) -> SerialNumber {
    SerialNumber {
        kind: SerialNumberType::Imei,
        value: format!("35{:013}", number_of(&segment.id) % 10_000_000_000_000),
    }
}

/// A number derived from an id, so generated values are stable across reads.
pub fn number_of(id: &str) -> u64 {
    id.parse().unwrap_or_else(|_| {
        id.bytes()
            .fold(0u64, |n, b| n.wrapping_mul(31).wrapping_add(u64::from(b)))
    })
}

/// The parcels of a segment that has shipped by `now`: one, with everything in it.
pub fn shipments(
    stored: &StoredOrder,
    record: &OrderRecord,
    segment: &SegmentRecord,
    seed: &Seed,
    now: DateTime<Utc>,
) -> Vec<Shipment> {
    let Some(shipped) = steps(stored, record, segment, seed, now)
        .into_iter()
        .find(|s| s.status == OrderStatus::Shipped)
    else {
        return Vec::new();
    };
    let device = segment
        .device
        .as_deref()
        .and_then(|id| seed.devices.get(id))
        .map(|d| ShipmentItem {
            name: Some(d.name.clone()),
            quantity: Some(1),
            serial_number: Some(shipped_serial(segment)),
        });
    let accessories = segment
        .accessories
        .iter()
        .filter_map(|id| seed.accessories.get(id))
        .map(|a| ShipmentItem {
            name: Some(a.name.clone()),
            quantity: Some(1),
            serial_number: None,
        });
    let mut items: Vec<ShipmentItem> = device.into_iter().chain(accessories).collect();
    if items.is_empty() {
        items.push(ShipmentItem {
            name: Some("SIM card".to_owned()),
            quantity: Some(1),
            serial_number: None,
        });
    }
    vec![Shipment {
        meta: None,
        id: Some(format!("{}-1", segment.id)),
        carrier: Some(CARRIER.to_owned()),
        tracking_number: Some(tracking_number(segment, express(stored))),
        date_shipped: Some(shipped.at.format(WIRE_DATE).to_string()),
        items: Some(items),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orders::record::{Approval, Decision};

    fn segment(id: &str, ships: bool) -> SegmentRecord {
        SegmentRecord {
            id: id.to_owned(),
            vendor: "98".to_owned(),
            device: None,
            plan: None,
            optional_features: Vec::new(),
            accessories: Vec::new(),
            features: Vec::new(),
            ships,
        }
    }

    fn order(approval: Option<Approval>) -> (StoredOrder, OrderRecord) {
        let submitted_at = DateTime::parse_from_rfc3339("2016-05-02T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let record = OrderRecord {
            service_number: None,
            properties: None,
            segments: vec![segment("1", false), segment("2", true)],
            approval,
        };
        let stored = StoredOrder {
            order_id: "8712001".to_owned(),
            account_holder_id: "28673732".to_owned(),
            requested_by_id: "28673732".to_owned(),
            submitted_at,
            request: serde_json::from_str(r#"{"transactionType":"UPGRADE"}"#).unwrap(),
            details: serde_json::Value::Null,
            completes_at: None,
            settled: false,
        };
        (stored, record)
    }

    #[test]
    fn the_completion_time_is_when_the_last_segment_completes() {
        let seed = Seed::builtin().unwrap();
        let (stored, record) = order(None);
        let at = completes_at(&stored, &record).unwrap();
        assert_eq!(at, stored.submitted_at + COMPLETED_AFTER);
        let just_before = at - Duration::milliseconds(1);
        assert_ne!(
            order_status(&stored, &record, &seed, just_before),
            OrderStatus::Completed
        );
        assert_eq!(
            order_status(&stored, &record, &seed, at),
            OrderStatus::Completed
        );
    }

    #[test]
    fn orders_awaiting_or_refused_approval_never_complete() {
        let approval = |decision| Approval {
            approver: "48069010".to_owned(),
            reason: "it costs more".to_owned(),
            decision,
        };
        let (stored, waiting) = order(Some(approval(None)));
        assert_eq!(completes_at(&stored, &waiting), None);
        let decided = |action| {
            Some(Decision {
                action,
                by: "48069010".to_owned(),
                at: stored.submitted_at + Duration::hours(5),
                reason: None,
            })
        };
        let (_, rejected) = order(Some(approval(decided(ApprovalAction::Reject))));
        assert_eq!(completes_at(&stored, &rejected), None);
        let (_, approved) = order(Some(approval(decided(ApprovalAction::Approve))));
        assert_eq!(
            completes_at(&stored, &approved),
            Some(stored.submitted_at + Duration::hours(5) + COMPLETED_AFTER)
        );
    }
}
