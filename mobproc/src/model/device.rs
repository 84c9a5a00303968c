//! What identifies a physical device: maker, model, serial number, network.

use serde::{Deserialize, Serialize};

use super::Meta;

crate::open_enum! {
    /// The network technology of a device or carrier; a plan needs a device that has it.
    pub enum AccessMethod {
        Gsm = "GSM",
        Cdma = "CDMA",
        CdmaPcs = "CDMA_PCS",
    }
}

crate::open_enum! {
    pub enum SerialNumberType {
        Esn = "ESN",
        Imei = "IMEI",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SerialNumber {
    #[serde(rename = "type")]
    pub kind: SerialNumberType,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manufacturer {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
}

/// A manufacturer's model as an object (assets, expanded `existingDevice`/`newDevice`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceModel {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
}

/// `existingDevice` / `newDevice` of an order request (UPGRADE, SWAP_DEVICES), by ids.
/// `otherMakeModelName` names a device whose maker and model are "Other".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceIdentity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_make_model_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<SerialNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
}

/// `existingDevice` / `newDevice` as a confirmation echoes them: ids expanded to objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribedDevice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<Manufacturer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<DeviceModel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_make_model_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<SerialNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_id: Option<String>,
}
