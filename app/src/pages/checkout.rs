use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{
        checkout_fields::{AcknowledgementField, AddressField, InfoBlockSection, PropertyField},
        error_notice::ErrorNotice,
        pending::PendingScope,
    },
    error::AppError,
    model::checkout::CheckoutView,
    server_fns::checkout::{get_checkout, SaveCheckout},
};

/// Checkout: the order properties MOBPROC asks for and where to ship. Posting it
/// checks everything and gets MOBPROC's priced confirmation; a problem brings the
/// form back with what was typed and a message beside each field.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    // The form posts and comes back: a refused save arrives in the URL, which the
    // action's value reads.
    let save = ServerAction::<SaveCheckout>::new();
    let checkout = Resource::new(|| (), |_| get_checkout());
    let value = save.value();
    let errors = Signal::derive(move || value.get().and_then(Result::err));
    view! {
        <Title text="Checkout"/>
        <h1>"Checkout"</h1>
        <Transition fallback=|| view! { <p aria-busy="true">"Loading the checkout…"</p> }>
            {move || Suspend::new(async move {
                match checkout.await {
                    Err(error) => view! {
                        <ErrorNotice error/>
                        <p><a href="/cart">"Back to your cart"</a></p>
                    }
                    .into_any(),
                    Ok(view) => view! { <CheckoutFormView view save errors/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CheckoutFormView(
    view: CheckoutView,
    save: ServerAction<SaveCheckout>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let ship_to = view.ship_to;
    let name_error =
        Signal::derive(move || errors.with(|e| e.as_ref().and_then(|e| e.field("shipTo.name"))));
    let region_error = Signal::derive(move || {
        errors.with(|e| e.as_ref().and_then(|e| e.field("shipTo.regionId")))
    });
    let region_id = ship_to.region_id.clone();
    view! {
        <p class="cart-summary">
            "You are ordering: " <strong>{view.summary}</strong> " "
            <a href="/cart">"Edit cart"</a>
        </p>
        {move || errors.get().map(|error| {
            let summary = match &error {
                AppError::Invalid { fields, .. } if !fields.is_empty() => Some(fields.len()),
                _ => None,
            };
            view! {
                <div class="alert" role="alert">
                    <p>{error.to_string()}</p>
                    {summary.map(|n| view! {
                        <p>{format!("{n} field(s) need attention: see the messages below.")}</p>
                    })}
                </div>
            }
        })}
        <PendingScope busy="Checking with MOBPROC…".to_string()>
        <ActionForm action=save attr:class="checkout-form">
            <fieldset id="properties">
                <legend>"Order details"</legend>
                <p class="note">"Fields marked * are required."</p>
                {view.properties.into_iter().map(|input| view! { <PropertyField input errors/> }).collect_view()}
            </fieldset>
            <fieldset id="ship-to">
                <legend>"Ship to"</legend>
                <div class="field">
                    <label for="ship-name">
                        "Name" <span class="required" aria-hidden="true">" *"</span>
                        <span class="visually-hidden">" (required)"</span>
                    </label>
                    <input
                        id="ship-name"
                        name="form[name]"
                        type="text"
                        autocomplete="name"
                        required
                        maxlength="100"
                        value=ship_to.name
                        aria-describedby=move || name_error.with(Option::is_some).then_some("ship-name-error")
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                    />
                    {move || name_error.get().map(|m| view! { <p class="field-error" id="ship-name-error">{m}</p> })}
                </div>
                <div class="field">
                    <label for="ship-country">"Country"</label>
                    <div class="inline">
                        <select id="ship-country" name="form[region_id]" autocomplete="country-name">
                            {ship_to.countries.into_iter().map(|c| {
                                let selected = c.value == region_id;
                                view! { <option value=c.value selected=selected>{c.label}</option> }
                            }).collect_view()}
                        </select>
                        <button
                            type="submit"
                            name="intent"
                            value="change_country"
                            class="secondary"
                            formnovalidate
                        >
                            "Update address form"
                        </button>
                    </div>
                    {move || region_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                {ship_to.address.into_iter().map(|input| view! { <AddressField input errors/> }).collect_view()}
                <div class="field checkbox">
                    <input
                        id="ship-expedite"
                        name="form[expedite]"
                        type="checkbox"
                        value="on"
                        checked=ship_to.expedite
                    />
                    <label for="ship-expedite">"Expedite shipping"</label>
                </div>
            </fieldset>
            {(!view.acknowledgements.is_empty() || !view.info_blocks.is_empty()).then(|| view! {
                <fieldset id="acknowledgements">
                    <legend>"Before the line moves to the company"</legend>
                    {view.info_blocks.into_iter().map(|block| view! { <InfoBlockSection block/> }).collect_view()}
                    {(!view.acknowledgements.is_empty()).then(|| view! {
                        <p class="note">"Tick each box marked * to agree."</p>
                    })}
                    {view.acknowledgements.into_iter().map(|input| view! { <AcknowledgementField input errors/> }).collect_view()}
                </fieldset>
            })}
            <button type="submit" name="intent" value="confirm">"Review order"</button>
        </ActionForm>
        </PendingScope>
    }
}
