use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    components::{error_notice::ErrorNotice, item_row::ItemRow, on_behalf::OnBehalf},
    model::order::{OrderSegmentView, OrderView},
    server_fns::orders::get_order,
};

/// A placed order: its id, status, date and what each vendor will deliver.
#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let order_id = move || params.read().get("order_id").unwrap_or_default();
    let order = Resource::new(order_id, get_order);
    view! {
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading the order…"</p> }>
            {move || Suspend::new(async move {
                match order.await {
                    Err(error) => view! {
                        <Title text="Order"/>
                        <h1>"Order"</h1>
                        <ErrorNotice error/>
                    }
                    .into_any(),
                    Ok(order) => view! { <Order order/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Order(order: OrderView) -> impl IntoView {
    let title = format!("Order {}", order.order_id);
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        {order.notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <dl class="facts">
            <dt>"Order id"</dt>
            <dd>{order.order_id}</dd>
            <dt>"Status"</dt>
            <dd class="status">{order.status}</dd>
            {order.date_submitted.map(|d| view! { <dt>"Submitted"</dt><dd>{d}</dd> })}
            {order.external_order_number.map(|n| view! { <dt>"Your reference"</dt><dd>{n}</dd> })}
            {order.account_holder.clone().map(|p| view! { <dt>"Ordered for"</dt><dd>{p}</dd> })}
            {order.requested_by.clone().map(|p| view! { <dt>"Requested by"</dt><dd>{p}</dd> })}
        </dl>
        <OnBehalf account_holder=order.account_holder requested_by=order.requested_by/>
        {order.segments.into_iter().map(|segment| view! { <Segment segment/> }).collect_view()}
        <p><a href="/">"Back to My lines"</a></p>
    }
}

#[component]
fn Segment(segment: OrderSegmentView) -> impl IntoView {
    let heading_id = format!("segment-{}", segment.segment_id);
    let labelled_by = heading_id.clone();
    let vendor = segment.vendor.unwrap_or_else(|| "Vendor".into());
    view! {
        <section class="segment" aria-labelledby=labelled_by>
            <h2 id=heading_id>{format!("From {vendor}")}</h2>
            <p>"Status: " <span class="status">{segment.status}</span></p>
            <ul class="cart-items" aria-label=format!("Items from {vendor}")>
                {segment.items.into_iter().chain(segment.plan).chain(segment.features).map(|item| view! {
                    <ItemRow name=item.name vendor=None image=item.image price=item.price/>
                }).collect_view()}
            </ul>
        </section>
    }
}
