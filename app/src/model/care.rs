//! Line care as the UI sees it: one form per care order (suspend, reconnect, cancel,
//! change features, put another phone on the line, let the holder keep the number),
//! and moving a line to another employee.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    acting::{EmployeeResult, EmployeeSearch},
    cart::OrderKind,
    checkout::{AcknowledgementInput, InfoBlock, PropertyInput, SelectOption},
};

/// What a feature change does to one feature.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FeatureChoice {
    #[default]
    Keep,
    Add,
    Remove,
}

impl FeatureChoice {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One optional feature of the line's plan, with whether the line has it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureInput {
    pub id: String,
    pub description: String,
    /// e.g. `$2.99 / month`.
    pub price: Option<String>,
    pub on_line: bool,
    pub choice: FeatureChoice,
}

/// Where the new phone of a swap comes from.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DeviceSource {
    /// One of the devices the company's catalog offers for the line.
    #[default]
    Catalog,
    /// Any other phone, described by its maker and model.
    Described,
}

impl DeviceSource {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The new phone of a swap as the form asks for it, with what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDeviceInput {
    /// The phone on the line now, as its device asset records it, e.g. "LG Cookie Plus,
    /// ESN ending 7832".
    pub current: String,
    pub catalog: Vec<SelectOption>,
    pub manufacturers: Vec<SelectOption>,
    pub serial_types: Vec<SelectOption>,
    pub typed: DeviceForm,
}

/// What the swap form posts about the new phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceForm {
    #[serde(default)]
    pub source: DeviceSource,
    /// A catalog device's id.
    #[serde(default)]
    pub catalog_device: String,
    /// A MOBPROC manufacturer id, or [`OTHER_MAKER`].
    #[serde(default)]
    pub manufacturer: String,
    #[serde(default)]
    pub model: String,
    /// The make and model of a phone whose maker is not listed.
    #[serde(default)]
    pub other_name: String,
    /// `IMEI` or `ESN`.
    #[serde(default)]
    pub serial_type: String,
    #[serde(default)]
    pub serial: String,
    #[serde(default)]
    pub sim: String,
}

/// The manufacturer choice for a phone whose maker is not listed (MOBPROC's own id).
pub const OTHER_MAKER: &str = "Other";

/// A care order's form: the line, what the order asks, and what was typed last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareView {
    pub order: OrderKind,
    pub service_id: String,
    /// e.g. `203-555-7676`.
    pub number: String,
    /// e.g. "Suspend 203-555-7676".
    pub heading: String,
    pub lede: String,
    /// Said before anything is typed, e.g. that a cancelled number stops working.
    pub warning: Option<String>,
    /// The line now: carrier, plan, device.
    pub facts: Vec<(String, String)>,
    pub properties: Vec<PropertyInput>,
    /// For a feature change: the plan's optional features.
    pub features: Vec<FeatureInput>,
    pub comment: Option<String>,
    /// For a swap: the new phone.
    pub device: Option<NewDeviceInput>,
    pub info_blocks: Vec<InfoBlock>,
    pub acknowledgements: Vec<AcknowledgementInput>,
}

/// What a care form posts, keyed by MOBPROC's ids; every field defaults, so a form
/// without a section still reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareForm {
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
    #[serde(default)]
    pub other: BTreeMap<String, String>,
    /// Feature id → `keep`, `add` or `remove`.
    #[serde(default)]
    pub features: BTreeMap<String, String>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub device: DeviceForm,
    #[serde(default)]
    pub acknowledgements: BTreeMap<String, String>,
}

/// The "Move this line" page: the line, and who it could go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveView {
    pub service_id: String,
    pub number: String,
    /// The employees found by the search, when there was one.
    pub found: Option<EmployeeSearch>,
    /// The one chosen, to confirm the move to, with the id that makes the move once.
    pub chosen: Option<MoveConfirmation>,
}

/// A move the person is asked to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveConfirmation {
    pub move_id: String,
    pub to: EmployeeResult,
}
