//! The answer to `POST /orders?confirm=true`: the request with every id expanded,
//! plus the totals. Nothing is ordered yet.

use serde::{Deserialize, Serialize};

use super::{
    AccessMethod, Accessory, AcknowledgementAnswer, CatalogDevice, DescribedDevice, Employee,
    FeatureChange, Manufacturer, Meta, Money, OrderError, Plan, PropertyValueGroup, Region,
    ResponseStatus, SerialNumber, ServiceAsset, ShipTo, TransactionType, Vendor,
};

/// `{"orderConfirmation":{…},"status":"SUCCESS"}`, or `"status":"ERROR"` with `errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_confirmation: Option<OrderConfirmation>,
    pub status: ResponseStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<OrderError>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderConfirmation {
    pub transaction_type: TransactionType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_number: Option<String>,
    /// The actor: whose order this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_holder: Option<Employee>,
    /// The authenticated user who placed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<Employee>,
    /// One total per recurrence (ONETIME, MONTHLY).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_summary: Option<Vec<Money>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceAsset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<ConfirmedDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_device: Option<DescribedDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_device: Option<DescribedDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_vendor: Option<Vendor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shopping_cart: Option<ConfirmedCart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<PropertyValueGroup>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_to: Option<ShipTo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgements: Option<Vec<AcknowledgementAnswer>>,
}

/// The line's current device. Unlike a device asset, `model` is a plain name here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmedDevice {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<Manufacturer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<SerialNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_method: Option<AccessMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_asset_id: Option<String>,
}

/// `shoppingCart` of a confirmation: the catalog items themselves instead of ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmedCart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<CatalogDevice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessories: Option<Vec<Accessory>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<FeatureChange>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_request_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_order_reads_with_its_errors() {
        let body = r#"{"status":"ERROR","errors":[{"status":400,"id":"tghwn","errorCode":"400-Postal","message":"Postal code is invalid.","field":"shipTo.address.POSTAL_CODE"}]}"#;
        let response: ConfirmationResponse = serde_json::from_str(body).unwrap();
        assert_eq!(response.status, ResponseStatus::Error);
        assert!(response.order_confirmation.is_none());
        let errors = response.errors.as_deref().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].status, Some(400));
        assert_eq!(
            errors[0].field.as_deref(),
            Some("shipTo.address.POSTAL_CODE")
        );
        assert_eq!(serde_json::to_string(&response).unwrap(), body);
    }
}
