//! What the sandbox keeps of a submitted order (the `details` of a
//! [`StoredOrder`]), and how it is shown: the `Order` of API.md §8.
//!
//! Only ids and decisions are kept; names, prices, images and links are looked up in
//! the seed each time the order is read, so links follow the host the client used,
//! and the status is computed from the clock ([`super::progress`]).

use chrono::{DateTime, Utc};
use mobproc::model::{
    self, ApprovalAction, FeatureChange, Meta, Order, OrderSegment, OrderedItem, Page, PlanSummary,
    PropertyValueGroup, ShipTo,
};
use serde::{Deserialize, Serialize};

use super::expand::{self, WIRE_DATE};
use super::progress;
use super::validate::RegionRef;
use crate::error::Result;
use crate::links::segment;
use crate::present::{ImageFor, Presenter};
use crate::seed::Seed;
use crate::store::StoredOrder;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRecord {
    /// The line's number when the order was placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_number: Option<String>,
    /// As confirmed: labelled, dates in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<PropertyValueGroup>>,
    pub segments: Vec<SegmentRecord>,
    /// Present when the order needs an approver's decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
}

/// The part of an order one vendor fulfils, by catalog ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentRecord {
    pub id: String,
    pub vendor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default)]
    pub optional_features: Vec<String>,
    #[serde(default)]
    pub accessories: Vec<String>,
    /// Feature changes by id and action only.
    #[serde(default)]
    pub features: Vec<FeatureChange>,
    /// Whether a parcel goes out (device, accessories, or a SIM card).
    pub ships: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    /// The employee who must decide.
    pub approver: String,
    /// Why the order needs approval, for the history.
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub action: ApprovalAction,
    /// Who decided.
    pub by: String,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl OrderRecord {
    pub fn of(stored: &StoredOrder) -> Result<Self> {
        Ok(Self::deserialize(&stored.details)?)
    }

    pub fn segment(&self, id: &str) -> Option<&SegmentRecord> {
        self.segments.iter().find(|s| s.id == id)
    }
}

/// The order as `GET /orders/{id}` and `POST /orders` show it at `now`.
pub fn show(
    stored: &StoredOrder,
    record: &OrderRecord,
    p: &Presenter,
    now: DateTime<Utc>,
) -> Order {
    let seed = p.seed;
    let request = &stored.request;
    let last_change = progress::last_change(stored, record, seed, now);
    Order {
        meta: Some(Meta {
            href: Some(p.links.item("/orders", &stored.order_id)),
            ..Meta::default()
        }),
        order_id: stored.order_id.clone(),
        external_order_number: request.external_order_number.clone(),
        transaction_type: request.transaction_type.clone(),
        status: progress::order_status(stored, record, seed, now),
        date_submitted: Some(stored.submitted_at.format(WIRE_DATE).to_string()),
        // Shown once something happened after submission, as the later examples show.
        updated: (last_change > stored.submitted_at)
            .then(|| last_change.format(WIRE_DATE).to_string()),
        account_holder: seed
            .employee(&stored.account_holder_id)
            .map(|e| p.employee(e)),
        requested_by: seed
            .employee(&stored.requested_by_id)
            .map(|e| p.employee(e)),
        service_number: record.service_number.clone(),
        properties: record.properties.clone(),
        ship_to: Some(ship_to(p, request.ship_to.as_ref())),
        order_segments: Some(Page {
            meta: None,
            items: record
                .segments
                .iter()
                .map(|s| show_segment(stored, record, s, p, now))
                .collect(),
        }),
    }
}

/// Orders that ship nothing answer `{"address":[]}`.
fn ship_to(p: &Presenter, ship_to: Option<&ShipTo>) -> ShipTo {
    let Some(ship_to) = ship_to else {
        return ShipTo {
            name: None,
            region_id: None,
            region: None,
            address: Vec::new(),
            expedite: None,
        };
    };
    let region_id = ship_to
        .region_id
        .as_deref()
        .or(ship_to.region.as_ref().map(|r| r.id.as_str()));
    let region = region_id.and_then(|id| {
        p.seed.region(id).map(|region| RegionRef {
            id: id.to_owned(),
            region,
        })
    });
    ShipTo {
        region_id: None,
        ..expand::ship_to_shown(p, ship_to, region.as_ref())
    }
}

fn show_segment(
    stored: &StoredOrder,
    record: &OrderRecord,
    s: &SegmentRecord,
    p: &Presenter,
    now: DateTime<Utc>,
) -> OrderSegment {
    let seed = p.seed;
    let link = |what: &str| {
        p.links.api(&format!(
            "/orders/{}/{what}?orderSegment={}",
            segment(&stored.order_id),
            segment(&s.id)
        ))
    };
    OrderSegment {
        meta: Some(Meta {
            href_history: Some(link("history")),
            href_shipments: Some(link("shipments")),
            ..Meta::default()
        }),
        order_segment_id: s.id.clone(),
        status: progress::segment_status(stored, record, s, seed, now),
        vendor: p.vendor_by_id(&s.vendor),
        device: s
            .device
            .as_deref()
            .and_then(|id| seed.devices.get(id))
            .map(|d| {
                let shown = p.catalog_device(d, ImageFor::Order);
                ordered(shown.name, shown.image_url, shown.manufacturer, shown.price)
            }),
        plan: Some(plan(seed, p, s)),
        accessories: Some(
            s.accessories
                .iter()
                .filter_map(|id| seed.accessories.get(id))
                .map(|a| {
                    let shown = p.accessory(a, ImageFor::Order);
                    ordered(shown.name, shown.image_url, shown.manufacturer, shown.price)
                })
                .collect(),
        ),
        features: Some(
            s.features
                .iter()
                .filter_map(|c| {
                    seed.features
                        .get(&c.id)
                        .map(|f| expand::feature_change(f, &c.action))
                })
                .collect(),
        ),
    }
}

fn ordered(
    name: String,
    image_url: Option<String>,
    manufacturer: Option<model::Manufacturer>,
    price: Option<model::Money>,
) -> OrderedItem {
    OrderedItem {
        name: Some(name),
        image_url,
        manufacturer,
        price,
    }
}

/// The segment's plan by name, its optional features sorted by description as the
/// docs list them; segments without a plan show `{"optionalFeatures":[]}`.
fn plan(seed: &Seed, p: &Presenter, s: &SegmentRecord) -> PlanSummary {
    let mut features: Vec<_> = s
        .optional_features
        .iter()
        .filter_map(|id| seed.features.get(id))
        .collect();
    features.sort_by(|a, b| a.description.cmp(&b.description));
    let plan = s.plan.as_deref().and_then(|id| seed.plans.get(id));
    PlanSummary {
        id: None,
        name: plan.map(|plan| plan.name.clone()),
        price: plan.map(|plan| {
            crate::present::money(plan.price, &plan.currency, model::Recurrence::Monthly)
        }),
        included_features: None,
        optional_features: Some(
            features
                .into_iter()
                .map(|f| model::Feature {
                    id: None,
                    ..p.feature(f)
                })
                .collect(),
        ),
    }
}
