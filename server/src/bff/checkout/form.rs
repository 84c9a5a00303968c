//! The checkout form, built from MOBPROC's definitions in their order, filled with
//! what was typed last or else the defaults.

use std::collections::BTreeMap;

use app::model::checkout::{
    AcknowledgementInput, AddressInput, CheckoutView, ChoiceOption, InfoBlock, PropertyInput,
    PropertyKind, SelectOption, ShipToInput,
};
use mobproc::model::{
    AcknowledgementDefinition, Employee, PropertyDefinition, PropertyType, Validation,
};

use super::{definitions::Definitions, draft::Draft};
use crate::bff::{
    cart::{rules, store::Cart},
    present::full_name,
};

pub fn view(cart: &Cart, definitions: &Definitions, draft: Option<&Draft>) -> CheckoutView {
    let typed = draft.map(|d| &d.form);
    // Properties differ per order; what was typed for another one does not apply.
    let typed_properties = draft.filter(|d| d.is_for(cart));
    let defaults = Defaults {
        actor: &definitions.actor,
        line_number: &cart.line_number,
        current_carrier: cart
            .place
            .as_ref()
            .and_then(|p| p.from.as_ref())
            .map(|c| c.name.as_str()),
    };
    let properties = definitions
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .map(|definition| {
            let typed = typed_properties.map(|d| Typed {
                values: &d.form.properties,
                other: &d.form.other,
            });
            property(definition, typed, &defaults)
        })
        .collect();
    let ship_to = ShipToInput {
        name: typed
            .map(|f| f.name.clone())
            .unwrap_or_else(|| full_name(&definitions.actor)),
        region_id: definitions.region_id.clone(),
        countries: definitions
            .countries
            .iter()
            .map(|c| SelectOption {
                value: c.id.clone(),
                label: c.name.clone().unwrap_or_else(|| c.id.clone()),
            })
            .collect(),
        address: definitions
            .address
            .iter()
            .map(|component| AddressInput {
                id: component.id.clone(),
                label: component
                    .label
                    .clone()
                    .unwrap_or_else(|| component.id.clone()),
                required: component.validation == Some(Validation::Required),
                min_length: component.min_length,
                max_length: component.max_length,
                pattern: component.reg_ex.clone(),
                hint: component.pattern.clone(),
                options: component
                    .options
                    .iter()
                    .flatten()
                    .map(|o| SelectOption {
                        value: o.value.clone(),
                        label: o.label.clone(),
                    })
                    .collect(),
                value: typed
                    .and_then(|f| f.address.get(&component.id).cloned())
                    .unwrap_or_default(),
            })
            .collect(),
        expedite: typed.is_some_and(|f| f.expedite.is_some()),
    };
    CheckoutView {
        summary: rules::summary(cart),
        properties,
        ship_to,
        info_blocks: info_blocks(&definitions.info_blocks),
        acknowledgements: acknowledgements(&definitions.acknowledgements, |id| {
            typed_properties.is_some_and(|d| d.form.acknowledgements.contains_key(id))
        }),
    }
}

/// MOBPROC's info blocks, as readable sections.
pub fn info_blocks(blocks: &[mobproc::model::InfoBlock]) -> Vec<InfoBlock> {
    blocks
        .iter()
        .map(|block| InfoBlock {
            header: block.header.clone(),
            paragraphs: block.paragraphs.iter().map(|p| p.text.clone()).collect(),
        })
        .collect()
}

/// Each acknowledgement as a checkbox, ticked when `ticked` says so.
pub fn acknowledgements(
    definitions: &[AcknowledgementDefinition],
    ticked: impl Fn(&str) -> bool,
) -> Vec<AcknowledgementInput> {
    definitions
        .iter()
        .map(|definition| AcknowledgementInput {
            id: definition.id.clone(),
            label: definition
                .label
                .clone()
                .unwrap_or_else(|| definition.id.clone()),
            required: definition.validation == Some(Validation::Required),
            checked: ticked(&definition.id),
        })
        .collect()
}

/// What a property's default comes from: the profile, the line, the place.
pub struct Defaults<'a> {
    pub actor: &'a Employee,
    /// As people read it, e.g. `203-555-7676`; empty for a new line.
    pub line_number: &'a str,
    pub current_carrier: Option<&'a str>,
}

/// What was typed for a form's properties, and for their "other" choices.
#[derive(Clone, Copy)]
pub struct Typed<'a> {
    pub values: &'a BTreeMap<String, String>,
    pub other: &'a BTreeMap<String, String>,
}

/// One property as an input: what was typed for it, else its default.
pub fn property(
    definition: &PropertyDefinition,
    typed: Option<Typed<'_>>,
    defaults: &Defaults<'_>,
) -> PropertyInput {
    let kind = match definition.property_type {
        PropertyType::Date => PropertyKind::Date,
        PropertyType::Choice => PropertyKind::Choice,
        _ => PropertyKind::Text,
    };
    let value = match typed {
        Some(typed) => typed
            .values
            .get(&definition.id)
            .cloned()
            .unwrap_or_default(),
        None => default_value(definition, defaults),
    };
    PropertyInput {
        id: definition.id.clone(),
        label: definition
            .label
            .clone()
            .unwrap_or_else(|| definition.id.clone()),
        kind,
        required: definition.validation == Some(Validation::Required),
        min_length: definition.min_length.filter(|&m| m > 0),
        max_length: definition.max_length,
        pattern: definition.reg_ex.clone(),
        hint: definition.pattern.clone(),
        choices: definition
            .choices
            .iter()
            .flatten()
            .map(|c| ChoiceOption {
                id: c.id.clone(),
                label: c.label.clone().unwrap_or_else(|| c.id.clone()),
                is_other: c.is_other == Some(true),
            })
            .collect(),
        value,
        other_text: typed
            .and_then(|t| t.other.get(&definition.id).cloned())
            .unwrap_or_default(),
    }
}

/// MOBPROC's default (a date as the date input takes it), else what the profile, the
/// line and the place say.
fn default_value(definition: &PropertyDefinition, defaults: &Defaults<'_>) -> String {
    if let Some(text) = &definition.text {
        return match definition.property_type {
            PropertyType::Date => text.chars().take(10).collect(),
            _ => text.clone(),
        };
    }
    let actor = defaults.actor;
    match definition.id.as_str() {
        "CONTACT_NUMBER" => actor.office_phone.clone().unwrap_or_default(),
        "SERVICE_NUMBER" => defaults.line_number.replace('-', ""),
        "NAME_ON_INVOICE" => full_name(actor),
        "CURRENT_CARRIER" => defaults.current_carrier.unwrap_or_default().to_owned(),
        // Whose line it is, as the documented reconnection names them.
        "USER" => actor.company_employee_id.clone().unwrap_or_default(),
        _ => String::new(),
    }
}
