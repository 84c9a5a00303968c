use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    components::catalog::{
        add_to_cart::{replace_asked, AddToCartForm, CartItem, CartNotice},
        load_error::CatalogLoadError,
        route::{CatalogRoute, CatalogView},
    },
    links,
    model::{
        cart::{ItemKind, OrderTarget},
        catalog::{PlanDetail, PlanFeature},
    },
    server_fns::catalog::get_plan,
};

/// `…/plans/:plan_id` of an upgrade, a carrier change or a new line: one plan, what
/// it includes, and the optional features with their monthly prices.
#[component]
pub fn PlanDetailPage(route: CatalogRoute) -> impl IntoView {
    let params = use_params_map();
    let target = route.target();
    let plan_id = move || params.with(|p| p.get("plan_id").unwrap_or_default());
    let asked = target.clone();
    let plan = Resource::new(plan_id, move |plan_id| get_plan(asked.clone(), plan_id));
    view! {
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading the plan…"</p> }>
            {move || {
                let target = target.clone();
                Suspend::new(async move {
                match plan.await {
                    Err(error) => view! {
                        <CatalogLoadError
                            error
                            not_found="Plan not found"
                            explanation="This plan is not offered here, or the line is not one of yours."
                        />
                    }
                    .into_any(),
                    Ok(detail) => view! { <PlanView detail route target/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn PlanView(detail: PlanDetail, route: CatalogRoute, target: OrderTarget) -> impl IntoView {
    let PlanDetail {
        subject,
        plan,
        optional_features,
    } = detail;
    let plans_href = format!(
        "{}{}",
        links::catalog(&target),
        links::query(&route.leading(&target, CatalogView::Plans))
    );
    let cart_item = |item_kind, item_id: &str, name: &str| CartItem {
        target: target.clone(),
        item_kind,
        item_id: item_id.to_owned(),
        name: name.to_owned(),
    };
    let plan_item = cart_item(ItemKind::Plan, &plan.id, &plan.name);
    let features = optional_features
        .into_iter()
        .map(|feature| {
            let item = cart_item(ItemKind::Feature, &feature.id, &feature.description);
            view! { <OptionalFeature feature item/> }
        })
        .collect::<Vec<_>>();
    let included = plan
        .included_features
        .iter()
        .map(|description| view! { <li>{description.clone()}</li> })
        .collect::<Vec<_>>();
    view! {
        <Title text=format!("{} for {}", plan.name, subject.name)/>
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=plans_href>{format!("All plans for {}", subject.name)}</a>
        </nav>
        <h1>{plan.name.clone()}</h1>
        <p class="lede">{format!("A plan for {}", subject.name)}</p>
        <CartNotice/>
        <div class="card plan-summary">
            <div class="catalog-item-body">
                {plan.price.clone().map(|price| view! { <p class="price">{price}</p> })}
                {plan.carrier.clone().map(|carrier| view! {
                    <dl class="facts"><dt>"Carrier"</dt><dd>{carrier}</dd></dl>
                })}
                {plan.needs_new_device.clone().map(|note| view! { <p class="needs-device">{note}</p> })}
                <AddToCartForm item=plan_item label="Add plan to cart" offer_replace=replace_asked()/>
            </div>
        </div>
        <section aria-labelledby="included-features">
            <h2 id="included-features">"Included features"</h2>
            {if included.is_empty() {
                view! { <p>"This plan lists no included features."</p> }.into_any()
            } else {
                view! { <ul class="included-features">{included}</ul> }.into_any()
            }}
        </section>
        <section aria-labelledby="optional-features">
            <h2 id="optional-features">"Optional features"</h2>
            {if features.is_empty() {
                view! { <p>"This plan has no optional features."</p> }.into_any()
            } else {
                view! {
                    <p>"Add them with the plan; each is charged every month."</p>
                    <ul class="optional-features">{features}</ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn OptionalFeature(feature: PlanFeature, item: CartItem) -> impl IntoView {
    view! {
        <li class="optional-feature">
            <span class="feature-name">{feature.description}</span>
            {feature.price.map(|price| view! { <span class="price">{price}</span> })}
            <AddToCartForm item label="Add feature" offer_replace=replace_asked()/>
        </li>
    }
}
