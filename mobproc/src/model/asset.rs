//! Service (line) and device assets (`/assets/*`), and moving a service.

use serde::{Deserialize, Serialize};

use super::{
    AccessMethod, DeviceModel, Employee, Manufacturer, Meta, PlanSummary, SerialNumber,
    TransactionType, Vendor,
};

/// A phone line. Order confirmations embed it with only id, number, status and dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAsset {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_dates: Option<ContractDates>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_eligibility_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanSummary>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<ServiceVendors>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<DeviceAsset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee: Option<Employee>,
    /// The transaction types this line allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_actions: Option<Vec<TransactionType>>,
}

/// Contract milestones of a line, as ISO 8601 strings (kept verbatim).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractDates {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_device_upgrade: Option<String>,
}

/// A line's carrier: who bills it and who carries it now (they differ after a transfer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceVendors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing: Option<Vendor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Vendor>,
}

/// A physical device, alone or inside its service asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceAsset {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<Manufacturer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<DeviceModel>,
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
    /// Present with `includeUpgradeEligibleDate=true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_eligibility_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_actions: Option<Vec<TransactionType>>,
}

/// `POST /assets/services/{id}/move`: the new owner (either id) and what happens to
/// the charges (e.g. `MOVE_ALL_CHARGES`). The answer is the moved [`ServiceAsset`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MoveServiceRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_owner_employee_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_owner_company_employee_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub move_charges: Option<String>,
}
