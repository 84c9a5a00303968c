//! Checkout and confirmation as the UI sees them: the form built from MOBPROC's
//! definitions (order properties, address format) and the priced confirmation.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How an order property is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PropertyKind {
    Text,
    Date,
    Choice,
}

/// One option of a CHOICE property; picking one with `is_other` asks for free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub is_other: bool,
}

/// One order property as an input, with its current value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertyInput {
    pub id: String,
    pub label: String,
    pub kind: PropertyKind,
    pub required: bool,
    pub min_length: Option<u32>,
    pub max_length: Option<u32>,
    /// A regular expression for the browser's `pattern` check.
    pub pattern: Option<String>,
    /// What a valid value looks like, for people (e.g. `YYYY-MM-DD`).
    pub hint: Option<String>,
    pub choices: Vec<ChoiceOption>,
    /// The text, the date, or the chosen option's id.
    pub value: String,
    /// What the person typed for an "other" choice.
    pub other_text: String,
}

impl PropertyInput {
    /// The name of the form field holding this property's value (see [`CheckoutForm`]).
    pub fn field_name(&self) -> String {
        format!("form[properties][{}]", self.id)
    }

    /// The name of the form field holding the "other" text.
    pub fn other_field_name(&self) -> String {
        format!("form[other][{}]", self.id)
    }

    /// The error key MOBPROC and the BFF use for this property.
    pub fn error_key(&self) -> String {
        format!("properties.{}", self.id)
    }

    pub fn other_error_key(&self) -> String {
        format!("properties.{}.otherText", self.id)
    }
}

/// An option of a select (a country, a state).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectOption {
    pub value: String,
    pub label: String,
}

/// One component of the country's address form (LINE_1, CITY, STATE, …), in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressInput {
    pub id: String,
    pub label: String,
    pub required: bool,
    pub min_length: Option<u32>,
    pub max_length: Option<u32>,
    pub pattern: Option<String>,
    pub hint: Option<String>,
    /// Non-empty: the component is a select (e.g. US states).
    pub options: Vec<SelectOption>,
    pub value: String,
}

impl AddressInput {
    pub fn field_name(&self) -> String {
        format!("form[address][{}]", self.id)
    }

    pub fn error_key(&self) -> String {
        format!("shipTo.address.{}", self.id)
    }
}

/// Where the order ships.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipToInput {
    pub name: String,
    pub region_id: String,
    pub countries: Vec<SelectOption>,
    pub address: Vec<AddressInput>,
    pub expedite: bool,
}

/// A section of text MOBPROC asks to show before the acknowledgements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfoBlock {
    pub header: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Something to agree to, as a checkbox with its full label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcknowledgementInput {
    pub id: String,
    pub label: String,
    pub required: bool,
    pub checked: bool,
}

impl AcknowledgementInput {
    pub fn field_name(&self) -> String {
        format!("form[acknowledgements][{}]", self.id)
    }

    pub fn error_key(&self) -> String {
        format!("acknowledgements.{}", self.id)
    }
}

/// The checkout form: what the cart orders, the order properties, the ship-to and,
/// for a transfer, what to read and agree to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutView {
    /// E.g. "Accessories for 203-555-7676".
    pub summary: String,
    pub properties: Vec<PropertyInput>,
    pub ship_to: ShipToInput,
    pub info_blocks: Vec<InfoBlock>,
    pub acknowledgements: Vec<AcknowledgementInput>,
}

/// What the checkout form posts, keyed by MOBPROC's ids. Every field defaults, so a
/// form without a section (or an unticked checkbox) still reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutForm {
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
    #[serde(default)]
    pub other: BTreeMap<String, String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub region_id: String,
    #[serde(default)]
    pub address: BTreeMap<String, String>,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub expedite: Option<String>,
    /// The ticked acknowledgements' ids (each a checkbox).
    #[serde(default)]
    pub acknowledgements: BTreeMap<String, String>,
}

/// What the checkout form's buttons ask for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckoutIntent {
    /// Check the form and get MOBPROC's priced confirmation.
    #[default]
    Confirm,
    /// Keep what was typed and show the address form of the newly picked country.
    ChangeCountry,
}

/// A label and its value, e.g. "Zip Code" / "06477".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelledValue {
    pub label: String,
    pub value: String,
}

/// A device or accessory as MOBPROC confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedItem {
    pub name: String,
    pub vendor: Option<String>,
    pub image: Option<String>,
    pub price: Option<String>,
}

/// A feature of the confirmed plan; included ones have no price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedFeature {
    pub description: String,
    pub price: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedPlan {
    pub name: String,
    pub vendor: Option<String>,
    pub price: Option<String>,
    pub included: Vec<ConfirmedFeature>,
    pub optional: Vec<ConfirmedFeature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedShipTo {
    pub name: String,
    pub country: Option<String>,
    pub address: Vec<LabelledValue>,
    pub expedite: bool,
}

/// A feature a feature change adds or removes, with its monthly price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmedFeatureChange {
    /// "Add" or "Remove".
    pub action: String,
    pub description: String,
    pub price: Option<String>,
}

/// MOBPROC's priced confirmation, for the person to check before placing the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationView {
    /// The only thing the browser sends back to place the order.
    pub checkout_id: String,
    pub summary: String,
    /// The line, e.g. `203-555-7676`.
    pub line: Option<String>,
    /// Where a new line will be used, e.g. "United States, 06477".
    pub place: Option<String>,
    /// The carrier a transferred number comes from.
    pub current_carrier: Option<String>,
    pub items: Vec<ConfirmedItem>,
    pub plan: Option<ConfirmedPlan>,
    pub one_time_total: String,
    pub monthly_total: String,
    pub ship_to: Option<ConfirmedShipTo>,
    pub properties: Vec<LabelledValue>,
    /// The acknowledgements agreed to, by their labels.
    pub acknowledgements: Vec<String>,
    /// A feature change's features, and its comment.
    pub feature_changes: Vec<ConfirmedFeatureChange>,
    pub feature_comment: Option<String>,
    /// A swap's phones: the new one and the one it replaces.
    pub devices: Vec<LabelledValue>,
    /// What placing it does that cannot be undone, e.g. a number that stops working.
    pub warning: Option<String>,
    /// Where the order is changed: the care form it came from (else the cart and the
    /// checkout).
    pub edit: Option<String>,
    /// Whose order it is.
    pub account_holder: Option<String>,
    /// Who places it.
    pub requested_by: Option<String>,
    /// Set once the order was placed: the page links to it instead of offering to submit.
    pub order_id: Option<String>,
    /// Why the order will need approval, when MOBPROC's data says so.
    pub approval_note: Option<String>,
}
