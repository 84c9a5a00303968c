//! Countries and states (`/regions`), address forms and ship-to addresses.

use serde::{Deserialize, Serialize};

use super::{Meta, Validation};

crate::open_enum! {
    pub enum RegionType {
        Country = "COUNTRY",
        StateProvince = "STATE_PROVINCE",
    }
}

/// A country or state. The country detail adds `addressFormat` and `currency`;
/// orders embed only `id`, `name` and `_meta`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub region_type: Option<RegionType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The international dialling code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// The address form's components, in display order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_format: Option<Vec<AddressComponent>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code_pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code_reg_ex: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Currency {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
}

/// One input of a country's address form. `pattern` is a hint for people, `regEx`
/// the check; `options` turns the input into a dropdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressComponent {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<Validation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<AddressOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_ex: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressOption {
    pub label: String,
    pub value: String,
}

/// `shipTo`, required whenever physical items ship. Requests name the country by
/// `regionId`; responses echo it as `region` and add a `label` to each address line.
/// Orders that ship nothing answer `{"address":[]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShipTo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default)]
    pub address: Vec<AddressLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expedite: Option<bool>,
}

/// One filled-in address component; `id` is an [`AddressComponent`] id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressLine {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub value: String,
}
