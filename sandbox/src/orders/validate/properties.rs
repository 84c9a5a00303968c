//! Order properties (API.md §9) and acknowledgements (§12) of a request.

use std::collections::HashMap;

use mobproc::model::{
    check_text, OrderRequest, PropertyType, PropertyValue, PropertyValueGroup, Validation,
};

use super::{parse_date, Problems};
use crate::seed::{AcknowledgementSet, OrderPart, PropertySet, Seed};

/// The value of a filled-in property, whatever its type; blank counts as absent.
fn value_of(value: &PropertyValue) -> Option<&str> {
    match value.property_type {
        PropertyType::Choice => value.choice.as_ref().map(|c| c.id.as_str()),
        PropertyType::Date => value.date.as_deref().or(value.text.as_deref()),
        _ => value.text.as_deref(),
    }
    .filter(|v| !v.trim().is_empty())
}

/// What the order contains, for properties that only concern a device or a plan.
pub struct Includes {
    pub device: bool,
    pub plan: bool,
}

/// Checks the request's properties against the vendor's set and answers them with the
/// defaults filled in: a required property left out takes its definition's fixed
/// default (`text`), as the docs' new-activation confirmation shows a `Reason` its
/// request did not send. Defaults taken from the actor or the line (a contact number)
/// only prefill forms and must be sent.
pub fn check_properties(
    seed: &Seed,
    set: &PropertySet,
    includes: &Includes,
    request: &OrderRequest,
    problems: &mut Problems,
) -> Option<Vec<PropertyValueGroup>> {
    let mut groups = request.properties.clone();
    let given: HashMap<&str, &PropertyValue> = request
        .properties
        .iter()
        .flatten()
        .flat_map(|group| &group.fields)
        .map(|field| (field.id.as_str(), field))
        .collect();
    let wanted = set.fields.iter().filter(|f| match f.requires {
        Some(OrderPart::Device) => includes.device,
        Some(OrderPart::Plan) => includes.plan,
        None => true,
    });
    for reference in wanted {
        let Some(def) = seed.property_fields.get(&reference.key) else {
            continue;
        };
        let field = format!("properties.{}", def.id);
        let label = &def.label;
        let Some((value, text)) = given
            .get(def.id.as_str())
            .and_then(|v| value_of(v).map(|text| (*v, text)))
        else {
            if reference.validation != Validation::Required {
                continue;
            }
            match &def.text {
                Some(default) => fill(
                    groups.get_or_insert_with(Vec::new),
                    &set.group_id,
                    default_value(&def.id, &def.property_type, default),
                ),
                None => problems.missing(&field, label),
            }
            continue;
        };
        if value.property_type != def.property_type {
            problems.add(
                field,
                "Invalid-Value",
                format!("{label} must be of type {}.", def.property_type),
            );
            continue;
        }
        match &def.property_type {
            PropertyType::Choice => {
                let choices = def.choices.as_deref().unwrap_or_default();
                match choices.iter().find(|c| c.id == text) {
                    None => problems.add(
                        field,
                        "Invalid-Value",
                        format!("{text:?} is not a choice of {label}."),
                    ),
                    Some(choice) if choice.is_other == Some(true) => {
                        let typed = value
                            .choice
                            .as_ref()
                            .and_then(|c| c.other_text.as_deref())
                            .is_some_and(|t| !t.trim().is_empty());
                        if !typed {
                            problems.add(
                                format!("{field}.otherText"),
                                "Missing-Field",
                                format!(
                                    "{label}: say what \"{}\" is (otherText).",
                                    choice.label.as_deref().unwrap_or("other")
                                ),
                            );
                        }
                    }
                    Some(_) => {}
                }
            }
            PropertyType::Date => {
                if parse_date(text).is_none() {
                    problems.add(
                        field,
                        "Invalid-Value",
                        format!("{label}: {text:?} is not a date (YYYY-MM-DD or ISO 8601)."),
                    );
                }
            }
            _ => {
                if let Err(problem) = check_text(text, &def.text_rules()) {
                    problems.add(field, "Invalid-Value", format!("{label} {problem}"));
                }
            }
        }
    }
    groups
}

fn default_value(id: &str, property_type: &PropertyType, default: &str) -> PropertyValue {
    match property_type {
        PropertyType::Choice => PropertyValue::choice(id, default, None),
        PropertyType::Date => PropertyValue::date(id, default),
        _ => PropertyValue::text(id, default),
    }
}

/// Adds a filled-in default to its group, the group to the request if it has none.
fn fill(groups: &mut Vec<PropertyValueGroup>, group_id: &str, value: PropertyValue) {
    match groups.iter_mut().find(|g| g.group_id == group_id) {
        Some(group) => group.fields.push(value),
        None => groups.push(PropertyValueGroup {
            group_id: group_id.to_owned(),
            fields: vec![value],
        }),
    }
}

/// Every acknowledgement that is not optional must be sent with `boolean: true`.
pub fn check_acknowledgements(
    set: &AcknowledgementSet,
    request: &OrderRequest,
    problems: &mut Problems,
) {
    let given = request.acknowledgements.as_deref().unwrap_or_default();
    for ack in &set.acknowledgements {
        if ack.validation == Some(Validation::Optional) {
            continue;
        }
        if !given.iter().any(|a| a.id == ack.id && a.boolean) {
            problems.add(
                format!("acknowledgements.{}", ack.id),
                "Not-Acknowledged",
                format!(
                    "Acknowledgement {} must be accepted: {}",
                    ack.id,
                    ack.label.as_deref().unwrap_or_default()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_join_their_group() {
        let mut groups = vec![PropertyValueGroup {
            group_id: "MISCELLANEOUS".to_owned(),
            fields: vec![PropertyValue::text("CONTACT_NUMBER", "2035559999")],
        }];
        fill(
            &mut groups,
            "MISCELLANEOUS",
            default_value("Reason", &PropertyType::Choice, "1"),
        );
        assert_eq!(groups.len(), 1);
        assert_eq!(
            groups[0].fields[1],
            PropertyValue::choice("Reason", "1", None)
        );
        fill(&mut groups, "OTHER", PropertyValue::text("X", "y"));
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn value_of_reads_the_field_of_the_type() {
        assert_eq!(value_of(&PropertyValue::choice("R", "7", None)), Some("7"));
        assert_eq!(
            value_of(&PropertyValue::date("D", "2016-12-28")),
            Some("2016-12-28")
        );
        assert_eq!(value_of(&PropertyValue::text("T", "  ")), None);
    }
}
