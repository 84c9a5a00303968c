//! Info blocks and acknowledgements for ownership transfers (API.md §12).

use serde::{Deserialize, Serialize};

use super::Validation;

crate::open_enum! {
    pub enum AcknowledgementType {
        Boolean = "BOOLEAN",
    }
}

/// The `/acknowledgements` body: text to show, then boxes to tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Acknowledgements {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infoblocks: Option<Vec<InfoBlock>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgements: Option<Vec<AcknowledgementDefinition>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InfoBlock {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    pub text: String,
}

/// Something the user must agree to; every REQUIRED one must be ticked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgementDefinition {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_type: Option<AcknowledgementType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<Validation>,
}

/// An acknowledgement as sent in an order: `{"id","boolean":true}`, sometimes with `type`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgementAnswer {
    pub id: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement_type: Option<AcknowledgementType>,
    pub boolean: bool,
}
