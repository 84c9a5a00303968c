use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::Form,
    hooks::{use_params_map, use_query_map},
};

use crate::{
    components::{error_notice::ErrorNotice, pending::PendingScope},
    model::{
        cart::OrderKind,
        new_line::{PlaceAnswer, PlaceForm},
    },
    server_fns::catalog::get_place_form,
};

/// The query field the place form sends to have its answer checked; links that only
/// fill the form in leave it out.
const CHECK: &str = "step";

/// `/new-line/place?kind=…` and `/lines/:service_id/port`: where the line will be used
/// (and, for a personal line, its current carrier). A GET form: a good answer leads to
/// the catalog with the place in its URL; a wrong one comes back with what was typed
/// and a message beside the field, before any catalog call.
#[component]
pub fn PlacePage() -> impl IntoView {
    let service_id = use_params_map().with_untracked(|p| p.get("service_id"));
    let (order, answer) = use_query_map().with_untracked(|q| {
        let order = match (
            &service_id,
            q.get("kind").and_then(|k| OrderKind::parse(&k)),
        ) {
            (Some(_), _) => OrderKind::PortNumber,
            (None, Some(OrderKind::TransferIn | OrderKind::TransferInAndPort)) => {
                OrderKind::TransferIn
            }
            (None, _) => OrderKind::NewActivation,
        };
        let typed = |name: &str| q.get(name).unwrap_or_default();
        let answer = PlaceAnswer {
            region: typed("region"),
            postal_code: typed("postal_code"),
            from: typed("from"),
        };
        let answered = q.get(CHECK).is_some();
        (
            order,
            (answered || !answer.region.is_empty()).then_some((answer, answered)),
        )
    });
    let (prefill, checked) = match answer {
        Some((answer, answered)) => (Some(answer), answered),
        None => (None, false),
    };
    let form = Resource::new(
        || (),
        move |_| {
            let (service_id, prefill) = (service_id.clone(), prefill.clone());
            async move {
                let mut form = get_place_form(order, service_id, prefill).await?;
                // Only a sent form goes on; a link that fills it in shows it.
                if !checked {
                    form.next = None;
                    form.errors.clear();
                }
                Ok::<_, crate::error::AppError>(form)
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match form.await {
                    Err(error) => view! {
                        <Title text="A new line"/>
                        <h1>"A new line"</h1>
                        <ErrorNotice error/>
                        <p><a href="/">"Go to My lines"</a></p>
                    }
                    .into_any(),
                    Ok(form) => view! { <PlaceFormView form/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlaceFormView(form: PlaceForm) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(next) = &form.next {
            leptos_axum::redirect(next);
        } else if !form.errors.is_empty() {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
    }
    let action = match &form.service_id {
        Some(id) => crate::links::line(id, "port"),
        None => "/new-line/place".to_owned(),
    };
    let region_error = form.error("region");
    let postal_error = form.error("postal_code");
    let from_error = form.error("from");
    let described = |hint: bool, hint_id: &str, error: bool, error_id: &str| {
        let ids: Vec<&str> = [(hint, hint_id), (error, error_id)]
            .into_iter()
            .filter_map(|(shown, id)| shown.then_some(id))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let answer = form.answer.clone();
    let carriers = form.carriers.clone();
    view! {
        <Title text=form.heading.clone()/>
        <h1>{form.heading.clone()}</h1>
        <p class="lede">{form.lede.clone()}</p>
        {(!form.errors.is_empty()).then(|| view! {
            <div class="alert place-alert" role="alert">
                <p>"Please check the highlighted fields."</p>
            </div>
        })}
        <PendingScope busy="Checking…".to_string()>
        <Form method="get" action=action attr:class="place-form">
            <input type="hidden" name=CHECK value="check"/>
            {form.service_id.is_none().then(|| view! {
                <input type="hidden" name="kind" value=form.order.as_str()/>
            })}
            <div class="field">
                <label for="place-region">
                    "Country" <span class="required" aria-hidden="true">" *"</span>
                    <span class="visually-hidden">" (required)"</span>
                </label>
                <select
                    id="place-region"
                    name="region"
                    required
                    autocomplete="country-name"
                    aria-describedby=region_error.is_some().then_some("place-region-error")
                    aria-invalid=region_error.is_some().then_some("true")
                >
                    <option value="" selected=answer.region.is_empty()>"Choose…"</option>
                    {form.countries.iter().map(|c| {
                        let selected = c.value == answer.region;
                        view! { <option value=c.value.clone() selected=selected>{c.label.clone()}</option> }
                    }).collect_view()}
                </select>
                {region_error.clone().map(|m| view! { <p class="field-error" id="place-region-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="place-postal-code">"Postal code"</label>
                {form.postal_hint.clone().map(|hint| view! {
                    <p class="hint" id="place-postal-code-hint">{hint}</p>
                })}
                <input
                    id="place-postal-code"
                    name="postal_code"
                    type="text"
                    autocomplete="postal-code"
                    maxlength="10"
                    value=answer.postal_code.clone()
                    aria-describedby=described(
                        form.postal_hint.is_some(),
                        "place-postal-code-hint",
                        postal_error.is_some(),
                        "place-postal-code-error",
                    )
                    aria-invalid=postal_error.is_some().then_some("true")
                />
                {postal_error.clone().map(|m| view! { <p class="field-error" id="place-postal-code-error">{m}</p> })}
            </div>
            {(!carriers.is_empty()).then(|| view! {
                <div class="field">
                    <label for="place-from">
                        "Your current carrier" <span class="required" aria-hidden="true">" *"</span>
                        <span class="visually-hidden">" (required)"</span>
                    </label>
                    <select
                        id="place-from"
                        name="from"
                        required
                        aria-describedby=from_error.is_some().then_some("place-from-error")
                        aria-invalid=from_error.is_some().then_some("true")
                    >
                        <option value="" selected=answer.from.is_empty()>"Choose…"</option>
                        {carriers.iter().map(|c| {
                            let selected = c.value == answer.from;
                            view! { <option value=c.value.clone() selected=selected>{c.label.clone()}</option> }
                        }).collect_view()}
                    </select>
                    {from_error.clone().map(|m| view! { <p class="field-error" id="place-from-error">{m}</p> })}
                </div>
            })}
            <button type="submit">"Show the catalog"</button>
        </Form>
        </PendingScope>
    }
}
