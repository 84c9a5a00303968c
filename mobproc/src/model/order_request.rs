//! The body of `POST /orders`, for confirming and for submitting (API.md §8, §10).

use serde::{Deserialize, Serialize};

use super::{
    AcknowledgementAnswer, DeviceIdentity, FeatureChange, PropertyValueGroup, ShipTo,
    TransactionType,
};

/// `{"orderRequest":{…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRequestBody {
    pub order_request: OrderRequest,
}

/// One order of any transaction type; which optional fields are needed depends on
/// the type (API.md §10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRequest {
    /// The storefront's own reference, echoed in every response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    pub transaction_type: TransactionType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    /// The carrier a line is transferred from (XFER_SERVICE_IN*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_vendor_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_device: Option<DeviceIdentity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_device: Option<DeviceIdentity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopping_cart: Option<CartRequest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<PropertyValueGroup>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgements: Option<Vec<AcknowledgementAnswer>>,
}

/// `shoppingCart` of a request: catalog ids, or feature changes for UPDATE_FEATURES.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optional_feature_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessory_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<FeatureChange>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_request_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
}
