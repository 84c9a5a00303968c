//! Checks the checkout form against MOBPROC's definitions before anything is sent,
//! every problem beside its field (keys as MOBPROC names them, e.g.
//! `shipTo.address.POSTAL_CODE`), and turns it into the order's properties, ship-to and
//! acknowledgements.

use std::collections::BTreeMap;

use app::{error::FieldError, model::checkout::CheckoutForm};
use mobproc::model::{
    AcknowledgementAnswer, AcknowledgementDefinition, AddressLine, PropertyDefinition,
    PropertyGroup, PropertyType, PropertyValue, PropertyValueGroup, ShipTo, Validation,
};

use super::definitions::Definitions;

/// The checked parts of the order.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub properties: Vec<PropertyValueGroup>,
    pub ship_to: ShipTo,
    /// The ticked acknowledgements, as `{"id","boolean":true}`.
    pub acknowledgements: Vec<AcknowledgementAnswer>,
}

pub fn check(form: &CheckoutForm, definitions: &Definitions) -> Result<Checked, Vec<FieldError>> {
    let mut problems = Vec::new();
    let properties = properties(
        &form.properties,
        &form.other,
        &definitions.groups,
        &mut problems,
    );
    let ship_to = ship_to(form, definitions, &mut problems);
    let acknowledgements = acknowledgements(
        &form.acknowledgements,
        &definitions.acknowledgements,
        &mut problems,
    );
    if problems.is_empty() {
        Ok(Checked {
            properties,
            ship_to,
            acknowledgements,
        })
    } else {
        Err(problems)
    }
}

/// The typed `values` (and "other" texts) of the properties `groups` define, checked;
/// each problem is added to `problems` beside its field.
pub fn properties(
    values: &BTreeMap<String, String>,
    other: &BTreeMap<String, String>,
    groups: &[PropertyGroup],
    problems: &mut Vec<FieldError>,
) -> Vec<PropertyValueGroup> {
    groups
        .iter()
        .filter_map(|group| {
            let fields: Vec<PropertyValue> = group
                .fields
                .iter()
                .filter_map(|definition| property(definition, values, other, problems))
                .collect();
            (!fields.is_empty()).then(|| PropertyValueGroup {
                group_id: group.group_id.clone(),
                fields,
            })
        })
        .collect()
}

fn property(
    definition: &PropertyDefinition,
    values: &BTreeMap<String, String>,
    other: &BTreeMap<String, String>,
    problems: &mut Vec<FieldError>,
) -> Option<PropertyValue> {
    let key = format!("properties.{}", definition.id);
    let label = definition.label.as_deref().unwrap_or(&definition.id);
    let value = values
        .get(&definition.id)
        .map(|v| v.trim())
        .unwrap_or_default();
    if value.is_empty() {
        if definition.validation == Some(Validation::Required) {
            problems.push(problem(&key, format!("{label} is required.")));
        }
        return None;
    }
    match definition.property_type {
        PropertyType::Choice => {
            let choices = definition.choices.as_deref().unwrap_or_default();
            let Some(choice) = choices.iter().find(|c| c.id == value) else {
                problems.push(problem(
                    &key,
                    format!("Choose one of the listed {label} options."),
                ));
                return None;
            };
            if choice.is_other != Some(true) {
                return Some(PropertyValue::choice(&definition.id, value, None));
            }
            let other = other
                .get(&definition.id)
                .map(|t| t.trim())
                .unwrap_or_default();
            if other.is_empty() {
                let picked = choice.label.as_deref().unwrap_or("Other");
                problems.push(problem(
                    &format!("{key}.otherText"),
                    format!("{label}: say what \u{201c}{picked}\u{201d} is."),
                ));
                return None;
            }
            Some(PropertyValue::choice(
                &definition.id,
                value,
                Some(other.to_owned()),
            ))
        }
        PropertyType::Date => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let Ok(date) = time::Date::parse(value, &format) else {
                let hint = definition.pattern.as_deref().unwrap_or("YYYY-MM-DD");
                problems.push(problem(
                    &key,
                    format!("{label} must be a date like {hint}."),
                ));
                return None;
            };
            if wants_future(definition) && date < time::OffsetDateTime::now_utc().date() {
                problems.push(problem(&key, format!("{label} cannot be in the past.")));
                return None;
            }
            // As the documented requests send dates: midnight UTC.
            Some(PropertyValue::date(
                &definition.id,
                format!("{value}T00:00:00+00:00"),
            ))
        }
        _ => match definition.check(value) {
            Err(text_problem) => {
                problems.push(problem(&key, format!("{label} {text_problem}")));
                None
            }
            Ok(()) => Some(PropertyValue::text(&definition.id, value)),
        },
    }
}

fn ship_to(
    form: &CheckoutForm,
    definitions: &Definitions,
    problems: &mut Vec<FieldError>,
) -> ShipTo {
    let name = form.name.trim();
    if name.is_empty() {
        problems.push(problem(
            "shipTo.name",
            "Enter the name of the person who receives the parcel.".into(),
        ));
    }
    if !definitions.countries.iter().any(|c| c.id == form.region_id) {
        problems.push(problem("shipTo.regionId", "Choose a country.".into()));
    }
    let mut address = Vec::new();
    for component in &definitions.address {
        let key = format!("shipTo.address.{}", component.id);
        let label = component.label.as_deref().unwrap_or(&component.id);
        let value = form
            .address
            .get(&component.id)
            .map(|v| v.trim())
            .unwrap_or_default();
        if value.is_empty() {
            if component.validation == Some(Validation::Required) {
                problems.push(problem(&key, format!("{label} is required.")));
            }
            continue;
        }
        let options = component.options.as_deref().unwrap_or_default();
        let message = if !options.is_empty()
            && !options.iter().any(|o| o.value.eq_ignore_ascii_case(value))
        {
            Some(format!("Choose a {} from the list.", label.to_lowercase()))
        } else {
            component
                .check(value)
                .err()
                .map(|text_problem| format!("{label} {text_problem}"))
        };
        match message {
            Some(message) => problems.push(problem(&key, message)),
            None => address.push(AddressLine {
                id: component.id.clone(),
                label: None,
                value: value.to_owned(),
            }),
        }
    }
    ShipTo {
        name: Some(name.to_owned()),
        region_id: Some(form.region_id.clone()),
        region: None,
        address,
        expedite: Some(form.expedite.is_some()),
    }
}

/// A date asked for as a wish about when something is done (a preferred suspension or
/// cancellation date) is one still to come.
fn wants_future(definition: &PropertyDefinition) -> bool {
    let preferred = |text: &str| text.to_ascii_lowercase().contains("preferred");
    preferred(&definition.id) || definition.label.as_deref().is_some_and(preferred)
}

/// Every REQUIRED acknowledgement must be ticked; each unticked one is named beside
/// its box.
pub fn acknowledgements(
    ticked_ids: &BTreeMap<String, String>,
    definitions: &[AcknowledgementDefinition],
    problems: &mut Vec<FieldError>,
) -> Vec<AcknowledgementAnswer> {
    let mut ticked = Vec::new();
    for definition in definitions {
        if ticked_ids.contains_key(&definition.id) {
            ticked.push(AcknowledgementAnswer {
                id: definition.id.clone(),
                acknowledgement_type: None,
                boolean: true,
            });
        } else if definition.validation == Some(Validation::Required) {
            problems.push(problem(
                &format!("acknowledgements.{}", definition.id),
                "Tick this box to agree: the order cannot go ahead without it.".into(),
            ));
        }
    }
    ticked
}

fn problem(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc::model::{AddressComponent, PropertyChoice, Region};

    fn definitions() -> Definitions {
        let groups: Vec<PropertyGroup> = serde_json::from_value(serde_json::json!([{
            "groupId": "MISCELLANEOUS",
            "fields": [
                {"id": "CONTACT_NUMBER", "label": "Contact Phone Number", "type": "TEXT",
                 "validation": "REQUIRED", "minLength": 0, "maxLength": 20},
                {"id": "ADDITIONAL_INSTRUCTIONS", "label": "Additional Instructions",
                 "type": "TEXT", "validation": "OPTIONAL", "maxLength": 4000},
                {"id": "WHEN", "label": "When", "type": "DATE", "validation": "OPTIONAL",
                 "pattern": "YYYY-MM-DD"},
            ]
        }]))
        .unwrap();
        let mut groups = groups;
        groups[0].fields.push(PropertyDefinition {
            id: "Reason".into(),
            label: Some("Reason".into()),
            property_type: PropertyType::Choice,
            validation: Some(Validation::Required),
            min_length: None,
            max_length: None,
            pattern: None,
            reg_ex: None,
            text: None,
            choices: Some(vec![
                PropertyChoice {
                    id: "21".into(),
                    label: Some("Eligible for upgrade".into()),
                    is_other: Some(false),
                },
                PropertyChoice {
                    id: "7".into(),
                    label: Some("Other".into()),
                    is_other: Some(true),
                },
            ]),
        });
        let address: Vec<AddressComponent> = serde_json::from_value(serde_json::json!([
            {"id": "LINE_1", "label": "Line 1", "minLength": 1, "maxLength": 100, "validation": "REQUIRED"},
            {"id": "LINE_2", "label": "Line 2", "validation": "OPTIONAL"},
            {"id": "CITY", "label": "City", "validation": "REQUIRED"},
            {"id": "STATE", "label": "State", "validation": "REQUIRED",
             "options": [{"label": "Connecticut", "value": "CT"}]},
            {"id": "POSTAL_CODE", "label": "Postal Code", "minLength": 4, "maxLength": 10,
             "validation": "REQUIRED", "pattern": "[99999] or [99999-9999]",
             "regEx": "[0-9]{4,5}(-[0-9]{4})?"},
        ]))
        .unwrap();
        Definitions {
            groups,
            countries: vec![Region {
                meta: None,
                id: "70144640".into(),
                name: Some("United States".into()),
                abbreviation: Some("US".into()),
                region_type: None,
                parent_id: None,
                country_code: None,
                currency: None,
                address_format: None,
                postal_code_pattern: None,
                postal_code_reg_ex: None,
            }],
            region_id: "70144640".into(),
            address,
            actor: serde_json::from_value(serde_json::json!({"id": "28673732"})).unwrap(),
            info_blocks: Vec::new(),
            acknowledgements: Vec::new(),
        }
    }

    fn form() -> CheckoutForm {
        let pairs = |items: &[(&str, &str)]| {
            items
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        CheckoutForm {
            properties: pairs(&[
                ("CONTACT_NUMBER", "2035559999"),
                ("ADDITIONAL_INSTRUCTIONS", " "),
                ("Reason", "21"),
            ]),
            other: pairs(&[]),
            name: "Peter Edwards".into(),
            region_id: "70144640".into(),
            address: pairs(&[
                ("LINE_1", "35 Executive Blvd"),
                ("LINE_2", ""),
                ("CITY", "Orange"),
                ("STATE", "CT"),
                ("POSTAL_CODE", "06477"),
            ]),
            expedite: Some("on".into()),
            acknowledgements: pairs(&[]),
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_good_form_becomes_the_documented_shapes() {
        let checked = check(&form(), &definitions()).unwrap();
        assert_eq!(
            serde_json::to_value(&checked.properties).unwrap(),
            serde_json::json!([{"groupId": "MISCELLANEOUS", "fields": [
                {"id": "CONTACT_NUMBER", "type": "TEXT", "text": "2035559999"},
                {"id": "Reason", "type": "CHOICE", "choice": {"id": "21"}},
            ]}])
        );
        assert_eq!(
            serde_json::to_value(&checked.ship_to).unwrap(),
            serde_json::json!({"name": "Peter Edwards", "regionId": "70144640", "address": [
                {"id": "LINE_1", "value": "35 Executive Blvd"},
                {"id": "CITY", "value": "Orange"},
                {"id": "STATE", "value": "CT"},
                {"id": "POSTAL_CODE", "value": "06477"},
            ], "expedite": true})
        );
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let mut form = form();
        form.properties.remove("CONTACT_NUMBER");
        form.properties.insert("WHEN".into(), "28/12/2016".into());
        form.address.insert("POSTAL_CODE".into(), "ABCDE".into());
        form.address.insert("STATE".into(), "ZZ".into());
        form.name = " ".into();
        let errors = check(&form, &definitions()).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "properties.CONTACT_NUMBER",
                "properties.WHEN",
                "shipTo.name",
                "shipTo.address.STATE",
                "shipTo.address.POSTAL_CODE"
            ]
        );
        assert_eq!(
            errors[4].message,
            "Postal Code must look like [99999] or [99999-9999]."
        );
    }

    #[test]
    fn an_other_choice_needs_its_text() {
        let mut form = form();
        form.properties.insert("Reason".into(), "7".into());
        let errors = check(&form, &definitions()).unwrap_err();
        assert_eq!(fields(&errors), ["properties.Reason.otherText"]);
        form.other.insert("Reason".into(), "New role".into());
        let checked = check(&form, &definitions()).unwrap();
        assert_eq!(
            checked.properties[0].fields[1],
            PropertyValue::choice("Reason", "7", Some("New role".into()))
        );
    }

    #[test]
    fn every_required_acknowledgement_is_ticked() {
        let mut definitions = definitions();
        definitions.acknowledgements = serde_json::from_value(serde_json::json!([
            {"id": "SHARED_PLAN", "label": "No shared plan.", "type": "BOOLEAN", "validation": "REQUIRED"},
            {"id": "LIABILITY_TRANSFER", "label": "I authorize.", "type": "BOOLEAN", "validation": "REQUIRED"},
            {"id": "NEWSLETTER", "label": "Tell me more.", "type": "BOOLEAN", "validation": "OPTIONAL"},
        ]))
        .unwrap();
        let mut form = form();
        form.acknowledgements
            .insert("SHARED_PLAN".into(), "on".into());
        let errors = check(&form, &definitions).unwrap_err();
        assert_eq!(fields(&errors), ["acknowledgements.LIABILITY_TRANSFER"]);
        form.acknowledgements
            .insert("LIABILITY_TRANSFER".into(), "on".into());
        form.acknowledgements.insert("UNKNOWN".into(), "on".into());
        let checked = check(&form, &definitions).unwrap();
        assert_eq!(
            serde_json::to_value(&checked.acknowledgements).unwrap(),
            serde_json::json!([
                {"id": "SHARED_PLAN", "boolean": true},
                {"id": "LIABILITY_TRANSFER", "boolean": true},
            ])
        );
    }

    #[test]
    fn dates_go_as_the_examples_send_them_and_a_preferred_one_is_not_past() {
        let groups: Vec<PropertyGroup> = serde_json::from_value(serde_json::json!([{
            "groupId": "MISCELLANEOUS",
            "fields": [{"id": "PREFERRED_SUSPENSION_DATE", "label": "Preferred Suspension Date",
                        "type": "DATE", "validation": "OPTIONAL", "pattern": "YYYY-MM-DD"}]
        }]))
        .unwrap();
        let check = |date: &str| {
            let values = [("PREFERRED_SUSPENSION_DATE".to_owned(), date.to_owned())].into();
            let mut problems = Vec::new();
            let checked = properties(&values, &BTreeMap::new(), &groups, &mut problems);
            (checked, problems)
        };
        let (checked, problems) = check("2999-12-22");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            serde_json::to_value(&checked[0].fields[0]).unwrap(),
            serde_json::json!({"id": "PREFERRED_SUSPENSION_DATE", "type": "DATE",
                               "date": "2999-12-22T00:00:00+00:00"})
        );
        let (_, problems) = check("2016-12-22");
        assert_eq!(fields(&problems), ["properties.PREFERRED_SUSPENSION_DATE"]);
        assert_eq!(
            problems[0].message,
            "Preferred Suspension Date cannot be in the past."
        );
    }
}
