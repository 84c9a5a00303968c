//! The checkout form, built from MOBPROC's definitions in their order, filled with
//! what was typed last or else the defaults.

use app::model::checkout::{
    AcknowledgementInput, AddressInput, CheckoutForm, CheckoutView, ChoiceOption, InfoBlock,
    PropertyInput, PropertyKind, SelectOption, ShipToInput,
};
use mobproc::model::{Employee, PropertyDefinition, PropertyType, Validation};

use super::{definitions::Definitions, draft::Draft};
use crate::bff::{
    cart::{rules, store::Cart},
    present::full_name,
};

pub fn view(cart: &Cart, definitions: &Definitions, draft: Option<&Draft>) -> CheckoutView {
    let typed = draft.map(|d| &d.form);
    // Properties differ per order; what was typed for another one does not apply.
    let typed_properties = draft.filter(|d| d.is_for(cart));
    let properties = definitions
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .map(|definition| {
            let typed = typed_properties.map(|d| &d.form);
            property(definition, typed, &definitions.actor, cart)
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
        info_blocks: definitions
            .info_blocks
            .iter()
            .map(|block| InfoBlock {
                header: block.header.clone(),
                paragraphs: block.paragraphs.iter().map(|p| p.text.clone()).collect(),
            })
            .collect(),
        acknowledgements: definitions
            .acknowledgements
            .iter()
            .map(|definition| AcknowledgementInput {
                id: definition.id.clone(),
                label: definition
                    .label
                    .clone()
                    .unwrap_or_else(|| definition.id.clone()),
                required: definition.validation == Some(Validation::Required),
                checked: typed_properties
                    .is_some_and(|d| d.form.acknowledgements.contains_key(&definition.id)),
            })
            .collect(),
    }
}

fn property(
    definition: &PropertyDefinition,
    typed: Option<&CheckoutForm>,
    actor: &Employee,
    cart: &Cart,
) -> PropertyInput {
    let kind = match definition.property_type {
        PropertyType::Date => PropertyKind::Date,
        PropertyType::Choice => PropertyKind::Choice,
        _ => PropertyKind::Text,
    };
    let value = match typed {
        Some(form) => form
            .properties
            .get(&definition.id)
            .cloned()
            .unwrap_or_default(),
        None => default_value(definition, actor, cart),
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
            .and_then(|f| f.other.get(&definition.id).cloned())
            .unwrap_or_default(),
    }
}

/// MOBPROC's default, else what the profile, the line and the place say.
fn default_value(definition: &PropertyDefinition, actor: &Employee, cart: &Cart) -> String {
    if let Some(text) = &definition.text {
        return text.clone();
    }
    let current_carrier = cart.place.as_ref().and_then(|p| p.from.as_ref());
    match definition.id.as_str() {
        "CONTACT_NUMBER" => actor.office_phone.clone().unwrap_or_default(),
        "SERVICE_NUMBER" => cart.line_number.replace('-', ""),
        "NAME_ON_INVOICE" => full_name(actor),
        "CURRENT_CARRIER" => current_carrier.map(|c| c.name.clone()).unwrap_or_default(),
        _ => String::new(),
    }
}
