//! Order properties: extra fields a vendor needs (API.md §9), as defined by
//! `/orders/properties` and as filled in inside orders.

use serde::{Deserialize, Serialize};

crate::open_enum! {
    pub enum PropertyType {
        Text = "TEXT",
        Date = "DATE",
        Choice = "CHOICE",
    }
}

crate::open_enum! {
    /// Whether an input (property, address component, acknowledgement) must be filled.
    pub enum Validation {
        Required = "REQUIRED",
        Optional = "OPTIONAL",
    }
}

/// A group of property definitions, an item of `/orders/properties`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyGroup {
    pub group_id: String,
    pub fields: Vec<PropertyDefinition>,
}

/// How to ask for one property. `pattern` is a hint for people, `regEx` the check,
/// `text` the default value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyDefinition {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(rename = "type")]
    pub property_type: PropertyType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<Validation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_ex: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<PropertyChoice>>,
}

/// One option of a CHOICE property; picking one with `isOther` asks for free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyChoice {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_other: Option<bool>,
}

/// The filled-in properties of one group, as sent in an order and echoed back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyValueGroup {
    pub group_id: String,
    pub fields: Vec<PropertyValue>,
}

/// One filled-in property: `text`, `date` or `choice` according to its type. Responses
/// add the `label`. One struct rather than a tagged enum: serde's tagged enums cannot
/// read numbers under `arbitrary_precision`, and responses may add fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertyValue {
    pub id: String,
    #[serde(rename = "type")]
    pub property_type: PropertyType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<ChosenOption>,
}

/// The picked choice; `otherText` is what the user typed for an `isOther` choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChosenOption {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_text: Option<String>,
}

impl PropertyValue {
    pub fn text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            property_type: PropertyType::Text,
            label: None,
            text: Some(text.into()),
            date: None,
            choice: None,
        }
    }

    pub fn date(id: impl Into<String>, date: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            property_type: PropertyType::Date,
            label: None,
            text: None,
            date: Some(date.into()),
            choice: None,
        }
    }

    /// A CHOICE value; `other_text` only for a choice marked `isOther`.
    pub fn choice(
        id: impl Into<String>,
        choice_id: impl Into<String>,
        other_text: Option<String>,
    ) -> Self {
        Self {
            id: id.into(),
            property_type: PropertyType::Choice,
            label: None,
            text: None,
            date: None,
            choice: Some(ChosenOption {
                id: choice_id.into(),
                other_text,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_carry_only_the_field_of_their_type() {
        let values = [
            PropertyValue::text("CONTACT_NUMBER", "2035559999"),
            PropertyValue::date("PREFERRED_DEACTIVATION_DATE", "2016-12-28T00:00:00+00:00"),
            PropertyValue::choice("URGENCY", "2", None),
            PropertyValue::choice("Carrier", "1", Some("Allied Cellular".to_owned())),
        ];
        assert_eq!(
            serde_json::to_value(values).unwrap(),
            serde_json::json!([
                {"id": "CONTACT_NUMBER", "type": "TEXT", "text": "2035559999"},
                {"id": "PREFERRED_DEACTIVATION_DATE", "type": "DATE", "date": "2016-12-28T00:00:00+00:00"},
                {"id": "URGENCY", "type": "CHOICE", "choice": {"id": "2"}},
                {"id": "Carrier", "type": "CHOICE", "choice": {"id": "1", "otherText": "Allied Cellular"}},
            ])
        );
    }

    #[test]
    fn definitions_read_with_numbers_inside_a_listing() {
        // Lengths are numbers: this fails if anything on the way buffers content.
        let listing: crate::model::Listing<PropertyGroup> = serde_json::from_str(
            r#"{"_meta":{"href":"h"},"items":[{"groupId":"G","fields":[{"id":"A","type":"TEXT","minLength":3,"maxLength":3,"validation":"REQUIRED"},{"id":"R","type":"CHOICE","choices":[{"id":"7","label":"Other","isOther":true}]}]}]}"#,
        )
        .unwrap();
        let fields = &listing.items()[0].fields;
        assert_eq!(fields[0].min_length, Some(3));
        assert_eq!(fields[0].validation, Some(Validation::Required));
        assert_eq!(fields[1].choices.as_ref().unwrap()[0].is_other, Some(true));
    }
}
