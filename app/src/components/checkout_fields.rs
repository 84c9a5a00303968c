//! Inputs of the checkout form, built from MOBPROC's definitions: a label on every
//! input, the required mark, the browser's own checks (`required`, lengths,
//! `pattern`), a format hint, and the server's message beside the field.

use leptos::{prelude::*, wasm_bindgen::JsCast};
use web_sys::HtmlSelectElement;

use crate::{
    error::AppError,
    model::checkout::{AcknowledgementInput, AddressInput, InfoBlock, PropertyInput, PropertyKind},
};

/// The message for `key` in the form's last error, if it names that field.
pub fn message(errors: Signal<Option<AppError>>, key: &str) -> Option<String> {
    errors.with(|e| e.as_ref().and_then(|e| e.field(key)))
}

/// A field's label, with the required mark.
#[component]
pub fn FieldLabel(#[prop(into)] for_id: String, label: String, required: bool) -> impl IntoView {
    view! {
        <label for=for_id>
            {label}
            {required.then(|| view! {
                <span class="required" aria-hidden="true">" *"</span>
                <span class="visually-hidden">" (required)"</span>
            })}
        </label>
    }
}

/// The server's message for a field, announced when it appears.
#[component]
pub fn FieldMessage(id: String, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <p class="field-error" id=id.clone()>{m}</p> })
    }
}

/// The ids a field's `aria-describedby` lists: its hint, and its message when shown.
pub fn described_by(hint: Option<&str>, error_id: &str, has_error: bool) -> Option<String> {
    let ids: Vec<&str> = hint
        .into_iter()
        .chain(has_error.then_some(error_id))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// One order property: a text box, a date, or a select of choices, whose "other"
/// choice asks for free text (a box always shown without JavaScript, shown on demand
/// with it).
#[component]
pub fn PropertyField(input: PropertyInput, errors: Signal<Option<AppError>>) -> impl IntoView {
    let id = format!("prop-{}", input.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let key = input.error_key();
    let error = Signal::derive(move || message(errors, &key));
    let hint = input
        .hint
        .clone()
        .filter(|_| input.kind != PropertyKind::Choice);
    let hint_ref = hint.as_ref().map(|_| hint_id.clone());
    let describe = {
        let (hint_ref, error_id) = (hint_ref.clone(), error_id.clone());
        move || described_by(hint_ref.as_deref(), &error_id, error.with(Option::is_some))
    };
    let control = match input.kind {
        PropertyKind::Choice => {
            let other_error = message(errors, &input.other_error_key());
            view! {
                <ChoiceSelect input=input.clone() id=id.clone() describe=describe() other_error/>
            }
            .into_any()
        }
        kind => view! {
            <input
                id=id.clone()
                name=input.field_name()
                type=if kind == PropertyKind::Date { "date" } else { "text" }
                value=input.value.clone()
                required=input.required
                minlength=input.min_length.map(|m| m.to_string())
                maxlength=input.max_length.map(|m| m.to_string())
                pattern=input.pattern.clone().filter(|_| kind == PropertyKind::Text)
                autocomplete=(input.id == "CONTACT_NUMBER").then_some("tel")
                aria-describedby=describe
                aria-invalid=move || error.with(Option::is_some).then_some("true")
            />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <FieldLabel for_id=id.clone() label=input.label.clone() required=input.required/>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{format!("Format: {h}")}</p> })}
            {control}
            <FieldMessage id=error_id message=error/>
        </div>
    }
}

/// A CHOICE property and, when it has an "other" choice, the box for its text, which
/// [`OtherChoice`] shows only while that choice is selected. `describe` and
/// `other_error` are what the server found when it rendered the form.
#[component]
fn ChoiceSelect(
    input: PropertyInput,
    id: String,
    describe: Option<String>,
    other_error: Option<String>,
) -> impl IntoView {
    let value = input.value.clone();
    let select = view! {
        <select id=id.clone() name=input.field_name() required=input.required aria-describedby=describe>
            <option value="" selected=value.is_empty()>"Choose…"</option>
            {input.choices.iter().map(|c| view! {
                <option value=c.id.clone() selected=c.id == value>{c.label.clone()}</option>
            }).collect_view()}
        </select>
    };
    let Some(other_label) = input
        .choices
        .iter()
        .find(|c| c.is_other)
        .map(|c| format!("If \u{201c}{}\u{201d}, please say what", c.label))
    else {
        return select.into_any();
    };
    let other_ids: Vec<String> = input
        .choices
        .iter()
        .filter(|c| c.is_other)
        .map(|c| c.id.clone())
        .collect();
    let (other_id, box_id) = other_ids_of(&id);
    let other_error_id = format!("{other_id}-error");
    let invalid = other_error.is_some();
    view! {
        <OtherChoice select_id=id other_ids>
            {select}
            <div class="other-text" id=box_id>
                <label for=other_id.clone()>{other_label}</label>
                <input
                    id=other_id
                    name=input.other_field_name()
                    type="text"
                    value=input.other_text.clone()
                    aria-describedby=invalid.then(|| other_error_id.clone())
                    aria-invalid=invalid.then_some("true")
                />
                <FieldMessage id=other_error_id message=Signal::stored(other_error)/>
            </div>
        </OtherChoice>
    }
    .into_any()
}

/// Shows the "other" box of the select `select_id` (and requires its text) only while
/// one of `other_ids` is selected. Its children stay as the server rendered them: until
/// the WASM runs, and without JavaScript, the box is always shown, since such a page
/// cannot show it on demand.
#[island]
fn OtherChoice(select_id: String, other_ids: Vec<String>, children: Children) -> impl IntoView {
    let other_ids = StoredValue::new(other_ids);
    let select_id = StoredValue::new(select_id);
    let follow = move |value: String| {
        select_id.with_value(|id| other_ids.with_value(|ids| show_other(id, ids.contains(&value))));
    };
    // Effects run only in the browser, once the island hydrated: the box follows the
    // choice the page came with.
    Effect::new(move |_| {
        let selected = select_id
            .with_value(|id| document().get_element_by_id(id))
            .and_then(|select| select.dyn_into::<HtmlSelectElement>().ok());
        if let Some(select) = selected {
            follow(select.value());
        }
    });
    view! {
        <div class="other-choice" on:change=move |event| follow(event_target_value(&event))>
            {children()}
        </div>
    }
}

/// The ids of the "other" text box of the select `select_id`, and of the box around it.
fn other_ids_of(select_id: &str) -> (String, String) {
    let text = format!("{select_id}-other");
    let around = format!("{text}-box");
    (text, around)
}

fn show_other(select_id: &str, shown: bool) {
    let document = document();
    let (text, around) = other_ids_of(select_id);
    if let Some(around) = document.get_element_by_id(&around) {
        let _ = around.toggle_attribute_with_force("hidden", !shown);
    }
    if let Some(text) = document.get_element_by_id(&text) {
        let _ = text.toggle_attribute_with_force("required", shown);
    }
}

/// One component of the country's address form: a select when it has options.
#[component]
pub fn AddressField(input: AddressInput, errors: Signal<Option<AppError>>) -> impl IntoView {
    let id = format!("addr-{}", input.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let key = input.error_key();
    let error = Signal::derive(move || message(errors, &key));
    let hint = input.hint.clone().filter(|_| input.options.is_empty());
    let hint_ref = hint.as_ref().map(|_| hint_id.clone());
    let describe = {
        let (hint_ref, error_id) = (hint_ref.clone(), error_id.clone());
        move || described_by(hint_ref.as_deref(), &error_id, error.with(Option::is_some))
    };
    let autocomplete = match input.id.as_str() {
        "LINE_1" => Some("address-line1"),
        "LINE_2" => Some("address-line2"),
        "LINE_3" => Some("address-line3"),
        "CITY" => Some("address-level2"),
        "STATE" => Some("address-level1"),
        "POSTAL_CODE" => Some("postal-code"),
        _ => None,
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if input.options.is_empty() {
        view! {
            <input
                id=id.clone()
                name=input.field_name()
                type="text"
                value=input.value.clone()
                required=input.required
                minlength=input.min_length.filter(|&m| m > 0).map(|m| m.to_string())
                maxlength=input.max_length.map(|m| m.to_string())
                pattern=input.pattern.clone()
                autocomplete=autocomplete
                aria-describedby=describe
                aria-invalid=invalid
            />
        }
        .into_any()
    } else {
        let value = input.value.clone();
        view! {
            <select
                id=id.clone()
                name=input.field_name()
                required=input.required
                autocomplete=autocomplete
                aria-describedby=describe
                aria-invalid=invalid
            >
                <option value="" selected=value.is_empty()>"Choose…"</option>
                {input.options.iter().map(|o| view! {
                    <option value=o.value.clone() selected=o.value.eq_ignore_ascii_case(&value)>
                        {o.label.clone()}
                    </option>
                }).collect_view()}
            </select>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <FieldLabel for_id=id.clone() label=input.label.clone() required=input.required/>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{format!("Format: {h}")}</p> })}
            {control}
            <FieldMessage id=error_id message=error/>
        </div>
    }
}

/// A section MOBPROC asks to show before the acknowledgements, as readable text.
#[component]
pub fn InfoBlockSection(block: InfoBlock) -> impl IntoView {
    view! {
        <section class="info-block">
            {block.header.map(|header| view! { <h3>{header}</h3> })}
            {block.paragraphs.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
        </section>
    }
}

/// One acknowledgement: a checkbox with its full label, and the server's message
/// beside it when a required one was left unticked.
#[component]
pub fn AcknowledgementField(
    input: AcknowledgementInput,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("ack-{}", input.id);
    let error_id = format!("{id}-error");
    let key = input.error_key();
    let error = Signal::derive(move || message(errors, &key));
    let describe = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="field checkbox acknowledgement">
            <input
                id=id.clone()
                name=input.field_name()
                type="checkbox"
                value="on"
                checked=input.checked
                required=input.required
                aria-describedby=describe
                aria-invalid=move || error.with(Option::is_some).then_some("true")
            />
            <FieldLabel for_id=id label=input.label required=input.required/>
            <FieldMessage id=error_id message=error/>
        </div>
    }
}
