use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    components::{
        care_fields::{FeatureChanges, NewDeviceFields},
        catalog::load_error::CatalogLoadError,
        checkout_fields::{AcknowledgementField, InfoBlockSection, PropertyField},
        pending::PendingScope,
    },
    error::AppError,
    model::{care::CareView, cart::OrderKind},
    server_fns::care::{get_care_form, ReviewCare},
};

/// `/lines/:service_id/{suspend,reconnect,cancel,features,swap,transfer-out}`: the form
/// of one care order for the line. Reviewing it gets MOBPROC's priced confirmation; a
/// problem brings the form back with what was typed and a message beside each field.
#[component]
pub fn CarePage(order: OrderKind) -> impl IntoView {
    let service_id = use_params_map().with_untracked(|p| p.get("service_id").unwrap_or_default());
    let review = ServerAction::<ReviewCare>::new();
    let value = review.value();
    let errors = Signal::derive(move || value.get().and_then(Result::err));
    let form = Resource::new(|| (), move |_| get_care_form(service_id.clone(), order));
    view! {
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match form.await {
                    Err(error) => view! {
                        <CatalogLoadError
                            error
                            not_found="Line not found"
                            explanation="This phone line is not one of yours, or it no longer exists."
                        />
                    }
                    .into_any(),
                    Ok(view) => view! { <CareFormView view review errors/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CareFormView(
    view: CareView,
    review: ServerAction<ReviewCare>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let CareView {
        order,
        service_id,
        heading,
        lede,
        warning,
        facts,
        properties,
        features,
        comment,
        device,
        info_blocks,
        acknowledgements,
        ..
    } = view;
    view! {
        <Title text=heading.clone()/>
        <h1>{heading}</h1>
        <p class="lede">{lede}</p>
        {warning.map(|w| view! { <p class="banner rejected" role="note">{w}</p> })}
        {(!facts.is_empty()).then(|| view! {
            <dl class="facts line-facts">
                {facts.into_iter().map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        })}
        {move || errors.get().map(|error| {
            let count = match &error {
                AppError::Invalid { fields, .. } if !fields.is_empty() => Some(fields.len()),
                _ => None,
            };
            view! {
                <div class="alert care-alert" role="alert">
                    <p>{error.to_string()}</p>
                    {count.map(|n| view! { <p>{format!("{n} field(s) need attention: see the messages below.")}</p> })}
                </div>
            }
        })}
        <PendingScope busy="Checking with MOBPROC…".to_string()>
        <ActionForm action=review attr:class="checkout-form care-form">
            <input type="hidden" name="service_id" value=service_id/>
            <input type="hidden" name="order" value=order.as_str()/>
            {(!features.is_empty()).then(|| view! {
                <FeatureChanges features comment=comment.clone().unwrap_or_default() errors/>
            })}
            {device.map(|input| view! { <NewDeviceFields input errors/> })}
            <fieldset id="properties">
                <legend>"Order details"</legend>
                <p class="note">"Fields marked * are required."</p>
                {properties.into_iter().map(|input| view! { <PropertyField input errors/> }).collect_view()}
            </fieldset>
            {(!acknowledgements.is_empty() || !info_blocks.is_empty()).then(|| view! {
                <fieldset id="acknowledgements">
                    <legend>"Before the line leaves the company"</legend>
                    {info_blocks.into_iter().map(|block| view! { <InfoBlockSection block/> }).collect_view()}
                    {acknowledgements.into_iter().map(|input| view! { <AcknowledgementField input errors/> }).collect_view()}
                </fieldset>
            })}
            <button type="submit">"Review"</button>
        </ActionForm>
        </PendingScope>
    }
}
