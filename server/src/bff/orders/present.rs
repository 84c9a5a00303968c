//! Placed orders as people read them: statuses in words, dates with their time, what an
//! order is for, its totals, its progress and its parcels.

use app::model::{
    checkout::{ConfirmedShipTo, LabelledValue},
    order::{
        HistoryEntryView, OrderBanner, OrderRow, OrderSegmentView, OrderView, OrderedItemView,
        ShipmentView, StatusView,
    },
};
use mobproc::model::{
    Money, Order, OrderHistoryEntry, OrderSegment, OrderStatus, OrderedItem, PropertyGroup,
    Recurrence, Shipment, TransactionType,
};
use rust_decimal::Decimal;

use crate::bff::{media, money, present, transactions};

/// An order's or segment's status in words; one MOBPROC does not document shows its code.
pub fn status(status: &OrderStatus) -> StatusView {
    let words = match status {
        OrderStatus::OrderSubmitted => "Submitted",
        OrderStatus::AwaitingApproval => "Awaiting approval",
        OrderStatus::Approved => "Approved",
        OrderStatus::Rejected => "Rejected",
        OrderStatus::InProgress => "In progress",
        OrderStatus::Shipped => "Shipped",
        OrderStatus::Completed => "Completed",
        OrderStatus::Cancelled => "Cancelled",
        OrderStatus::Unknown(code) => code,
    };
    StatusView {
        code: status.as_str().to_owned(),
        words: words.to_owned(),
    }
}

/// Whether nothing more will happen to an order in this status.
pub fn is_finished(status: &OrderStatus) -> bool {
    matches!(
        status,
        OrderStatus::Completed | OrderStatus::Rejected | OrderStatus::Cancelled
    )
}

/// `2016-04-29T21:04:56Z` → `April 29, 2016 at 21:04 UTC`; MOBPROC's times are UTC, and
/// so they are shown. Unreadable times are shown as sent.
pub fn when(raw: &str) -> String {
    use time::{
        format_description::well_known::Rfc3339, macros::format_description, OffsetDateTime,
        UtcOffset,
    };
    let readable =
        format_description!("[month repr:long] [day padding:none], [year] at [hour]:[minute] UTC");
    OffsetDateTime::parse(raw, &Rfc3339)
        .ok()
        .and_then(|t| t.to_offset(UtcOffset::UTC).format(&readable).ok())
        .unwrap_or_else(|| raw.to_owned())
}

/// What an order is for, in words: "Accessories for 203-555-7676", "Upgrade of
/// 203-555-7676 to Apple iPhone 5 (16GB) - Black".
pub fn summary(order: &Order) -> String {
    let line = order
        .service_number
        .as_deref()
        .map(present::phone_number)
        .unwrap_or_else(|| "a new line".to_owned());
    if order.transaction_type == TransactionType::Upgrade {
        if let Some(to) = segments(order).find_map(upgraded_to) {
            return format!("Upgrade of {line} to {to}");
        }
    }
    match transactions::of_wire(&order.transaction_type) {
        Some(transaction) => (transaction.summary)(&line),
        None => format!("{} for {line}", order.transaction_type),
    }
}

/// The new device of an upgrade segment, else its new plan.
fn upgraded_to(segment: &OrderSegment) -> Option<String> {
    segment
        .device
        .as_ref()
        .and_then(|d| d.name.clone())
        .or_else(|| segment.plan.as_ref().and_then(|p| p.name.clone()))
}

fn segments(order: &Order) -> impl Iterator<Item = &OrderSegment> {
    order.order_segments.iter().flat_map(|page| &page.items)
}

/// Everything priced in an order, for its totals.
fn prices(order: &Order) -> impl Iterator<Item = &Money> {
    segments(order).flat_map(|segment| {
        let device = segment.device.iter().filter_map(|d| d.price.as_ref());
        let accessories = segment
            .accessories
            .iter()
            .flatten()
            .filter_map(|a| a.price.as_ref());
        let plan = segment.plan.iter().filter_map(|p| p.price.as_ref());
        let features = segment
            .plan
            .iter()
            .flat_map(|p| p.optional_features.iter().flatten())
            .filter_map(|f| f.price.as_ref());
        device.chain(accessories).chain(plan).chain(features)
    })
}

/// The order's one-time and monthly totals, added up exactly from its items.
pub fn totals(order: &Order) -> (String, String) {
    let currency = prices(order)
        .next()
        .map_or("USD", |m| m.currency_code.as_str());
    let total = |recurrence: Recurrence| {
        let sum: Decimal = prices(order)
            .filter(|m| m.recurrence.as_ref() == Some(&recurrence))
            .map(|m| m.amount)
            .sum();
        money::amount(sum, currency)
    };
    (total(Recurrence::OneTime), total(Recurrence::Monthly))
}

/// One order of a list, as `viewer` (a MOBPROC employee id) sees it.
pub fn row(order: &Order, viewer: &str) -> OrderRow {
    let (one_time_total, monthly_total) = totals(order);
    let holder_id = order.account_holder.as_ref().map(|e| e.id.as_str());
    let requester_id = order.requested_by.as_ref().map(|e| e.id.as_str());
    OrderRow {
        order_id: order.order_id.clone(),
        submitted: order.date_submitted.as_deref().map(when),
        summary: summary(order),
        account_holder: order
            .account_holder
            .as_ref()
            .filter(|_| holder_id != Some(viewer))
            .map(present::person),
        requested_by: order
            .requested_by
            .as_ref()
            .filter(|_| requester_id != holder_id)
            .map(present::person),
        status: status(&order.status),
        one_time_total,
        monthly_total,
    }
}

/// A segment with what happened to it and what was sent.
pub struct Tracked {
    pub segment: OrderSegment,
    pub history: Vec<OrderHistoryEntry>,
    pub shipments: Vec<Shipment>,
}

/// The order page's view of `order`, its segments tracked; `definitions` label its
/// properties' choices when the storefront kept them.
pub fn order(order: &Order, tracked: Vec<Tracked>, definitions: &[PropertyGroup]) -> OrderView {
    let (one_time_total, monthly_total) = totals(order);
    let banner = match order.status {
        OrderStatus::AwaitingApproval => Some(OrderBanner::AwaitingApproval),
        OrderStatus::Rejected => Some(OrderBanner::Rejected {
            reason: tracked
                .iter()
                .flat_map(|t| &t.history)
                .rfind(|entry| entry.status == OrderStatus::Rejected)
                .and_then(|entry| entry.description.clone()),
        }),
        _ => None,
    };
    OrderView {
        order_id: order.order_id.clone(),
        status: status(&order.status),
        summary: summary(order),
        line: order.service_number.as_deref().map(present::phone_number),
        date_submitted: order.date_submitted.as_deref().map(when),
        external_order_number: order.external_order_number.clone(),
        account_holder: order.account_holder.as_ref().map(present::person),
        requested_by: order.requested_by.as_ref().map(present::person),
        ship_to: order.ship_to.as_ref().map(|s| ConfirmedShipTo {
            name: s.name.clone().unwrap_or_default(),
            country: s.region.as_ref().and_then(|r| r.name.clone()),
            address: s
                .address
                .iter()
                .map(|line| LabelledValue {
                    label: line.label.clone().unwrap_or_else(|| line.id.clone()),
                    value: line.value.clone(),
                })
                .collect(),
            expedite: s.expedite == Some(true),
        }),
        properties: order
            .properties
            .iter()
            .flatten()
            .flat_map(|group| &group.fields)
            .map(|field| present::property(field, definitions))
            .collect(),
        segments: tracked.into_iter().map(segment).collect(),
        one_time_total,
        monthly_total,
        banner,
        notice: None,
        decision: None,
        can_order_again: false,
    }
}

fn segment(tracked: Tracked) -> OrderSegmentView {
    let Tracked {
        segment,
        history,
        shipments,
    } = tracked;
    let plan = segment.plan.as_ref();
    let plan_item = plan.filter(|p| p.name.is_some()).map(|p| OrderedItemView {
        name: p.name.clone().unwrap_or_default(),
        image: None,
        price: p.price.as_ref().map(money::price),
    });
    let features = plan
        .and_then(|p| p.optional_features.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|f| OrderedItemView {
            name: f.description.or(f.id).unwrap_or_default(),
            image: None,
            price: f.price.as_ref().map(money::price),
        });
    let items = segment
        .device
        .clone()
        .into_iter()
        .chain(segment.accessories.clone().unwrap_or_default())
        .map(item)
        .chain(plan_item)
        .chain(features)
        .collect();
    OrderSegmentView {
        segment_id: segment.order_segment_id,
        vendor: segment.vendor.and_then(|v| v.name),
        status: status(&segment.status),
        items,
        history: history
            .into_iter()
            .map(|entry| HistoryEntryView {
                when: entry.date.as_deref().map(when),
                status: status(&entry.status),
                description: entry.description,
            })
            .collect(),
        shipments: shipments.into_iter().map(shipment).collect(),
    }
}

fn item(item: OrderedItem) -> OrderedItemView {
    OrderedItemView {
        name: item.name.unwrap_or_default(),
        image: item.image_url.as_deref().map(media::proxied),
        price: item.price.as_ref().map(money::price),
    }
}

fn shipment(shipment: Shipment) -> ShipmentView {
    let tracking_url = match (&shipment.carrier, &shipment.tracking_number) {
        (Some(carrier), Some(number)) => tracking_url(carrier, number),
        _ => None,
    };
    ShipmentView {
        carrier: shipment.carrier,
        tracking_number: shipment.tracking_number,
        tracking_url,
        shipped_on: shipment.date_shipped.as_deref().map(present::date),
        items: shipment
            .items
            .into_iter()
            .flatten()
            .filter_map(|item| {
                let name = item.name?;
                Some(match item.quantity.filter(|&q| q > 1) {
                    Some(quantity) => format!("{quantity} × {name}"),
                    None => name,
                })
            })
            .collect(),
    }
}

/// The public tracking page of a parcel, for the carriers whose address is well known.
pub fn tracking_url(carrier: &str, number: &str) -> Option<String> {
    let number = app::links::encode(number);
    let url = match carrier.trim().to_ascii_uppercase().as_str() {
        "UPS" => format!("https://www.ups.com/track?tracknum={number}"),
        "FEDEX" => format!("https://www.fedex.com/fedextrack/?trknbr={number}"),
        "USPS" => format!("https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
        "DHL" => format!("https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}"),
        _ => return None,
    };
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc::model::OrderResponse;
    use std::path::Path;

    fn documented(name: &str) -> Order {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/mobproc/examples/orders")
            .join(name)
            .join("order.json");
        let response: OrderResponse =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        response.order.unwrap()
    }

    #[test]
    fn statuses_read_as_words_and_unknown_ones_as_their_code() {
        assert_eq!(
            status(&OrderStatus::AwaitingApproval).words,
            "Awaiting approval"
        );
        assert_eq!(status(&OrderStatus::OrderSubmitted).words, "Submitted");
        let unknown = status(&OrderStatus::Unknown("ON_HOLD".into()));
        assert_eq!(
            (unknown.code.as_str(), unknown.words.as_str()),
            ("ON_HOLD", "ON_HOLD")
        );
        assert!(is_finished(&OrderStatus::Rejected));
        assert!(!is_finished(&OrderStatus::Shipped));
    }

    #[test]
    fn times_are_read_in_utc() {
        assert_eq!(when("2016-04-29T21:04:56Z"), "April 29, 2016 at 21:04 UTC");
        assert_eq!(
            when("2016-04-29T23:04:56+02:00"),
            "April 29, 2016 at 21:04 UTC"
        );
        assert_eq!(when("soon"), "soon");
    }

    #[test]
    fn orders_say_what_they_are_for() {
        assert_eq!(
            summary(&documented("order_accessories")),
            "Accessories for 203-555-7676"
        );
        let upgrade = summary(&documented("upgrade"));
        assert!(
            upgrade.starts_with("Upgrade of 203-555-7676 to "),
            "{upgrade}"
        );
    }

    #[test]
    fn totals_add_up_per_recurrence() {
        assert_eq!(
            totals(&documented("order_accessories")),
            ("$44.98".to_owned(), "$0.00".to_owned())
        );
        assert_eq!(
            totals(&documented("upgrade")),
            ("$199.99".to_owned(), "$558.67".to_owned())
        );
    }

    #[test]
    fn well_known_carriers_link_to_their_tracking_page() {
        assert_eq!(
            tracking_url("UPS", "1Z999AA10123456784").as_deref(),
            Some("https://www.ups.com/track?tracknum=1Z999AA10123456784")
        );
        assert!(tracking_url("FedEx", "1234").is_some());
        assert_eq!(tracking_url("Pigeon Post", "1"), None);
    }
}
