//! The sections of a care form beyond its properties: the plan's features to add or
//! remove, and the new phone of a swap. Field names follow [`crate::model::care::CareForm`];
//! messages come under MOBPROC's field paths (`newDevice.serialNumber.value`).

use leptos::prelude::*;

use crate::{
    components::checkout_fields::{described_by, message, FieldLabel, FieldMessage},
    error::AppError,
    model::{
        care::{DeviceSource, FeatureChoice, FeatureInput, NewDeviceInput, OTHER_MAKER},
        checkout::SelectOption,
    },
};

/// The plan's optional features, each with its choices: keep it as it is, or add (or
/// remove) it; and the comment for the carrier.
#[component]
pub fn FeatureChanges(
    features: Vec<FeatureInput>,
    comment: String,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let error = Signal::derive(move || message(errors, "shoppingCart.features"));
    view! {
        <fieldset id="features" class="feature-changes">
            <legend>"Features of the plan"</legend>
            <FieldMessage id="features-error".to_owned() message=error/>
            {features.into_iter().map(|feature| view! { <FeatureRow feature/> }).collect_view()}
            <div class="field">
                <label for="feature-comment">"Comment for the carrier (optional)"</label>
                <textarea id="feature-comment" name="form[comment]" rows="3" maxlength="1000">{comment}</textarea>
            </div>
        </fieldset>
    }
}

#[component]
fn FeatureRow(feature: FeatureInput) -> impl IntoView {
    let name = format!("form[features][{}]", feature.id);
    let (change, change_label) = if feature.on_line {
        (FeatureChoice::Remove, "Remove")
    } else {
        (FeatureChoice::Add, "Add")
    };
    let now = if feature.on_line {
        "On the line now"
    } else {
        "Not on the line"
    };
    let base = format!("feature-{}", feature.id);
    let choice = |value: FeatureChoice, label: &'static str| {
        let id = format!("{base}-{}", value.as_str());
        view! {
            <span class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name=name.clone()
                    value=value.as_str()
                    checked=feature.choice == value
                />
                <label for=id>{label}</label>
            </span>
        }
    };
    view! {
        <fieldset class="feature-row">
            <legend>
                {feature.description.clone()}
                {feature.price.clone().map(|p| view! { <span class="price">{format!(" · {p}")}</span> })}
            </legend>
            <p class="note">{now}</p>
            <div class="choices-inline">
                {choice(FeatureChoice::Keep, "No change")}
                {choice(change, change_label)}
            </div>
        </fieldset>
    }
}

/// A text input with its label, hint and the server's message.
#[component]
fn TextField(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    value: String,
    #[prop(default = None)] hint: Option<&'static str>,
    /// The MOBPROC field path its message comes under.
    key: &'static str,
    errors: Signal<Option<AppError>>,
    #[prop(default = false)] required: bool,
    #[prop(default = None)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let error = Signal::derive(move || message(errors, key));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describe = {
        let (hint_id, error_id) = (hint.map(|_| hint_id.clone()), error_id.clone());
        move || described_by(hint_id.as_deref(), &error_id, error.with(Option::is_some))
    };
    view! {
        <div class="field">
            <FieldLabel for_id=id label=label.to_owned() required/>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                name=name
                type="text"
                value=value
                inputmode=inputmode
                autocomplete="off"
                aria-describedby=describe
                aria-invalid=move || error.with(Option::is_some).then_some("true")
            />
            <FieldMessage id=error_id message=error/>
        </div>
    }
}

/// A select of `options` with its label and the server's message.
#[component]
fn SelectField(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    options: Vec<SelectOption>,
    selected: String,
    key: &'static str,
    errors: Signal<Option<AppError>>,
    #[prop(default = None)] blank: Option<&'static str>,
) -> impl IntoView {
    let error = Signal::derive(move || message(errors, key));
    let error_id = format!("{id}-error");
    let describe = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="field">
            <FieldLabel for_id=id label=label.to_owned() required=false/>
            <select
                id=id
                name=name
                aria-describedby=describe
                aria-invalid=move || error.with(Option::is_some).then_some("true")
            >
                {blank.map(|b| view! { <option value="" selected=selected.is_empty()>{b}</option> })}
                {options.into_iter().map(|o| {
                    let chosen = o.value == selected;
                    view! { <option value=o.value selected=chosen>{o.label}</option> }
                }).collect_view()}
            </select>
            <FieldMessage id=error_id message=error/>
        </div>
    }
}

/// The phone to put on the line: one of the catalog's, or any other described by its
/// maker and model; its serial number (checked: an IMEI is 15 digits with a valid
/// check digit) and SIM. The phone it replaces is the line's, from its device asset.
#[component]
pub fn NewDeviceFields(input: NewDeviceInput, errors: Signal<Option<AppError>>) -> impl IntoView {
    let typed = input.typed;
    let source = |value: DeviceSource, label: &'static str| {
        let id = format!("device-source-{}", value.as_str());
        view! {
            <span class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="form[device][source]"
                    value=value.as_str()
                    checked=typed.source == value
                />
                <label for=id>{label}</label>
            </span>
        }
    };
    let mut manufacturers = input.manufacturers;
    if !manufacturers.iter().any(|m| m.value == OTHER_MAKER) {
        manufacturers.push(SelectOption {
            value: OTHER_MAKER.to_owned(),
            label: "Other (not listed)".to_owned(),
        });
    }
    view! {
        <fieldset id="new-device">
            <legend>"The new phone"</legend>
            <p class="note">{format!("It replaces the phone on the line now: {}.", input.current)}</p>
            <fieldset class="device-source">
                <legend>"Where the phone comes from"</legend>
                <div class="choices-inline">
                    {source(DeviceSource::Catalog, "From the company's catalog")}
                    {source(DeviceSource::Described, "Another phone")}
                </div>
            </fieldset>
            <SelectField
                id="device-catalog"
                name="form[device][catalog_device]"
                label="Phone from the catalog"
                options=input.catalog
                selected=typed.catalog_device.clone()
                key="newDevice.catalogDevice"
                errors
                blank=Some("Choose…")
            />
            <div class="described">
                <SelectField
                    id="device-manufacturer"
                    name="form[device][manufacturer]"
                    label="Manufacturer (another phone)"
                    options=manufacturers
                    selected=typed.manufacturer.clone()
                    key="newDevice.manufacturerId"
                    errors
                    blank=Some("Choose…")
                />
                <TextField
                    id="device-model"
                    name="form[device][model]"
                    label="Model (another phone)"
                    value=typed.model.clone()
                    hint=Some("As the manufacturer names it, e.g. iPhone 6 (64GB) - Space Gray.")
                    key="newDevice.modelId"
                    errors
                />
                <TextField
                    id="device-other-name"
                    name="form[device][other_name]"
                    label="Make and model, if the manufacturer is not listed"
                    value=typed.other_name.clone()
                    key="newDevice.otherMakeModelName"
                    errors
                />
            </div>
            <SelectField
                id="device-serial-type"
                name="form[device][serial_type]"
                label="Serial number type"
                options=input.serial_types
                selected=typed.serial_type.clone()
                key="newDevice.serialNumber.type"
                errors
            />
            <TextField
                id="device-serial"
                name="form[device][serial]"
                label="Serial number"
                value=typed.serial.clone()
                hint=Some("IMEI: 15 digits (dial *#06# to see it). ESN: 8 hexadecimal or 11 digits; MEID: 14 hexadecimal or 18 digits.")
                key="newDevice.serialNumber.value"
                errors
                required=true
                inputmode=Some("numeric")
            />
            <TextField
                id="device-sim"
                name="form[device][sim]"
                label="SIM card number (optional)"
                value=typed.sim.clone()
                key="newDevice.simId"
                errors
                inputmode=Some("numeric")
            />
        </fieldset>
    }
}
