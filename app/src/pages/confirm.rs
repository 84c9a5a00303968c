use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::{
        error_notice::ErrorNotice, item_row::ItemRow, on_behalf::OnBehalf, pending::PendingScope,
    },
    model::checkout::{ConfirmationView, LabelledValue},
    server_fns::{checkout::get_confirmation, orders::SubmitOrder},
};

/// MOBPROC's priced confirmation, to check before placing the order. Placing sends
/// only the checkout's id: the order itself stays on the server as confirmed.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let query = use_query_map();
    let checkout_id = move || query.read().get("checkout").unwrap_or_default();
    let confirmation = Resource::new(checkout_id, get_confirmation);
    view! {
        <Title text="Confirm your order"/>
        <h1>"Confirm your order"</h1>
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading the confirmation…"</p> }>
            {move || Suspend::new(async move {
                match confirmation.await {
                    Err(error) => view! {
                        <ErrorNotice error/>
                        <p><a href="/checkout">"Back to checkout"</a></p>
                    }
                    .into_any(),
                    Ok(confirmation) => view! { <Confirmation confirmation/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Confirmation(confirmation: ConfirmationView) -> impl IntoView {
    let ConfirmationView {
        checkout_id,
        summary,
        line,
        place,
        current_carrier,
        items,
        plan,
        one_time_total,
        monthly_total,
        ship_to,
        properties,
        acknowledgements,
        feature_changes,
        feature_comment,
        devices,
        warning,
        edit,
        account_holder,
        requested_by,
        order_id,
        approval_note,
    } = confirmation;
    // A suspension or cancellation costs nothing: no totals to check.
    let priced = !items.is_empty() || plan.is_some() || !feature_changes.is_empty();
    let edit_items = edit.clone().unwrap_or_else(|| "/cart".to_owned());
    let edit_details = edit.clone().map_or_else(
        || "/checkout#properties".to_owned(),
        |e| format!("{e}#properties"),
    );
    let edit_acknowledgements = edit.clone().map_or_else(
        || "/checkout#acknowledgements".to_owned(),
        |e| format!("{e}#acknowledgements"),
    );
    view! {
        <p class="cart-summary">"You are ordering: " <strong>{summary}</strong></p>
        {warning.map(|w| view! { <p class="banner rejected" role="note">{w}</p> })}
        {approval_note.map(|note| view! { <p class="banner awaiting" role="note">{note}</p> })}
        <section aria-labelledby="confirm-items">
            <div class="section-head">
                <h2 id="confirm-items">"What you order"</h2>
                <a href=edit_items>"Edit"<span class="visually-hidden">" the order"</span></a>
            </div>
            {line.map(|l| view! { <p>"For line " {l}</p> })}
            {(place.is_some() || current_carrier.is_some()).then(|| view! {
                <dl class="facts">
                    {place.map(|p| view! { <dt>"Used in"</dt><dd>{p}</dd> })}
                    {current_carrier.map(|c| view! { <dt>"Current carrier"</dt><dd>{c}</dd> })}
                </dl>
            })}
            {(!devices.is_empty()).then(|| view! {
                <dl class="facts">
                    {devices.into_iter().map(|line| view! { <Fact line/> }).collect_view()}
                </dl>
            })}
            {(!feature_changes.is_empty()).then(|| view! {
                <ul class="feature-changes-list" aria-label="Feature changes">
                    {feature_changes.into_iter().map(|f| view! {
                        <li>
                            <strong>{f.action}</strong> " " {f.description}
                            {f.price.map(|p| view! { " " <span class="price">{p}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {feature_comment.map(|c| view! { <p>"Comment: " {c}</p> })}
            {(!items.is_empty()).then(|| view! {
                <ul class="cart-items" aria-label="Items">
                    {items.into_iter().map(|item| view! { <ItemRow name=item.name vendor=item.vendor image=item.image price=item.price/> }).collect_view()}
                </ul>
            })}
            {plan.map(|plan| view! {
                <div class="plan">
                    <h3>{plan.name}</h3>
                    {plan.vendor.map(|v| view! { <p class="vendor">{v}</p> })}
                    {plan.price.map(|p| view! { <p class="price">{p}</p> })}
                    {(!plan.included.is_empty()).then(|| view! {
                        <p>"Included: " {plan.included.iter().map(|f| f.description.clone()).collect::<Vec<_>>().join(", ")}</p>
                    })}
                    {(!plan.optional.is_empty()).then(|| view! {
                        <p>"Chosen features:"</p>
                        <ul>
                            {plan.optional.into_iter().map(|f| view! {
                                <li>{f.description} " " {f.price.unwrap_or_default()}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            })}
            {priced.then(|| view! {
                <dl class="totals">
                    <dt>"One-time total"</dt>
                    <dd>{one_time_total}</dd>
                    <dt>"Monthly total"</dt>
                    <dd>{monthly_total}</dd>
                </dl>
            })}
        </section>
        {ship_to.map(|ship_to| view! {
            <section aria-labelledby="confirm-ship-to">
                <div class="section-head">
                    <h2 id="confirm-ship-to">"Ship to"</h2>
                    <a href="/checkout#ship-to">"Edit"<span class="visually-hidden">" the address"</span></a>
                </div>
                <dl class="facts">
                    <dt>"Name"</dt>
                    <dd>{ship_to.name}</dd>
                    {ship_to.address.into_iter().map(|line| view! { <Fact line/> }).collect_view()}
                    {ship_to.country.map(|c| view! { <dt>"Country"</dt><dd>{c}</dd> })}
                    <dt>"Expedite"</dt>
                    <dd>{if ship_to.expedite { "Yes" } else { "No" }}</dd>
                </dl>
            </section>
        })}
        {(!acknowledgements.is_empty()).then(|| view! {
            <section aria-labelledby="confirm-acknowledgements">
                <div class="section-head">
                    <h2 id="confirm-acknowledgements">"You agreed"</h2>
                    <a href=edit_acknowledgements>"Edit"<span class="visually-hidden">" what you agreed to"</span></a>
                </div>
                <ul class="acknowledged">
                    {acknowledgements.into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="confirm-details">
            <div class="section-head">
                <h2 id="confirm-details">"Order details"</h2>
                <a href=edit_details>"Edit"<span class="visually-hidden">" the order details"</span></a>
            </div>
            <dl class="facts">
                {properties.into_iter().map(|line| view! { <Fact line/> }).collect_view()}
                {account_holder.clone().map(|p| view! { <dt>"Ordered for"</dt><dd>{p}</dd> })}
                {requested_by.clone().map(|p| view! { <dt>"Requested by"</dt><dd>{p}</dd> })}
            </dl>
            <OnBehalf account_holder requested_by/>
        </section>
        {match order_id {
            Some(order_id) => view! {
                <p class="notice" role="status">
                    "This order was placed: "
                    <a href=crate::links::order(&order_id)>{format!("order {order_id}")}</a>
                </p>
            }
            .into_any(),
            None => view! { <PlaceOrder checkout_id/> }.into_any(),
        }}
    }
}

#[component]
fn Fact(line: LabelledValue) -> impl IntoView {
    view! {
        <dt>{line.label}</dt>
        <dd>{line.value}</dd>
    }
}

/// The one button that places the order; a second press while it is placed is
/// ignored, and the server places it at most once however often it is pressed.
#[component]
fn PlaceOrder(checkout_id: String) -> impl IntoView {
    let submit = ServerAction::<SubmitOrder>::new();
    let failed = move || submit.value().get().and_then(Result::err);
    view! {
        {move || failed().map(|error| {
            let fields = match &error {
                crate::error::AppError::Invalid { fields, .. } => fields.clone(),
                _ => Vec::new(),
            };
            view! {
                <div class="alert" role="alert">
                    <p>{error.to_string()}</p>
                    {(!fields.is_empty()).then(|| view! {
                        <ul>{fields.into_iter().map(|f| view! { <li>{f.message}</li> }).collect_view()}</ul>
                        <p><a href="/checkout">"Correct the order at checkout"</a></p>
                    })}
                </div>
            }
        })}
        <PendingScope busy="Placing your order…".to_string()>
            <ActionForm action=submit attr:class="place-order">
                <input type="hidden" name="checkout" value=checkout_id/>
                <button type="submit">"Place order"</button>
            </ActionForm>
        </PendingScope>
    }
}
