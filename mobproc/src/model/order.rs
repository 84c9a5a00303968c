//! A placed order (`POST /orders`, `GET /orders`), split into one segment per vendor.

use serde::{Deserialize, Serialize};

use super::{
    Employee, FeatureChange, Manufacturer, Meta, Money, OrderError, Page, PlanSummary,
    PropertyValueGroup, ResponseStatus, ShipTo, TransactionType, Vendor,
};

crate::open_enum! {
    /// Where an order or segment stands. MOBPROC documents `ORDER_SUBMITTED` and
    /// `AWAITING_APPROVAL`; the others are this project's choice (undocumented).
    pub enum OrderStatus {
        OrderSubmitted = "ORDER_SUBMITTED",
        AwaitingApproval = "AWAITING_APPROVAL",
        Approved = "APPROVED",
        Rejected = "REJECTED",
        InProgress = "IN_PROGRESS",
        Shipped = "SHIPPED",
        Completed = "COMPLETED",
        Cancelled = "CANCELLED",
    }
}

/// `{"order":{…},"status":"SUCCESS"}`, or `"status":"ERROR"` with `errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    pub status: ResponseStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<OrderError>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub order_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    pub transaction_type: TransactionType,
    pub status: OrderStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_submitted: Option<String>,
    /// When the order last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_holder: Option<Employee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<Employee>,
    /// The line the order is about, for care orders and upgrades.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<PropertyValueGroup>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_segments: Option<Page<OrderSegment>>,
}

/// The part of an order one vendor fulfils; history and shipments are per segment
/// (`_meta.hrefHistory`, `_meta.hrefShipments`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderSegment {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub order_segment_id: String,
    pub status: OrderStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Vendor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<OrderedItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessories: Option<Vec<OrderedItem>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<FeatureChange>>,
}

/// A device or accessory as an order segment lists it: what was bought, without ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<Manufacturer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
}
