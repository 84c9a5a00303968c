use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    components::{
        error_notice::ErrorNotice, item_row::ItemRow, on_behalf::OnBehalf,
        order_status::StatusBadge, pending::PendingScope,
    },
    error::AppError,
    model::{
        checkout::LabelledValue,
        order::{
            DecisionPanel, HistoryEntryView, OrderBanner, OrderSegmentView, OrderView, ShipmentView,
        },
    },
    server_fns::orders::{get_order, DecideOrder, OrderAgain},
};

/// `/orders/:order_id`: a placed order and everything needed to follow it: what it
/// orders, for whom, where it ships, per vendor its items, progress and parcels, and for
/// an approver the decision to take.
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
                        <p><a href="/orders">"Back to My orders"</a></p>
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
    let OrderView {
        order_id,
        status,
        summary,
        line,
        date_submitted,
        external_order_number,
        account_holder,
        requested_by,
        ship_to,
        properties,
        segments,
        one_time_total,
        monthly_total,
        banner,
        notice,
        decision,
        can_order_again,
    } = order;
    let title = format!("Order {order_id}");
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {banner.map(|banner| view! { <Banner banner/> })}
        <p class="cart-summary"><strong>{summary}</strong></p>
        <dl class="facts">
            <dt>"Order id"</dt>
            <dd>{order_id.clone()}</dd>
            <dt>"Status"</dt>
            <dd class="status" data-status=status.code.clone()>{status.words.clone()}</dd>
            {line.map(|l| view! { <dt>"Line"</dt><dd>{l}</dd> })}
            {date_submitted.map(|d| view! { <dt>"Submitted"</dt><dd>{d}</dd> })}
            {external_order_number.map(|n| view! { <dt>"Your reference"</dt><dd>{n}</dd> })}
            {account_holder.clone().map(|p| view! { <dt>"Ordered for"</dt><dd>{p}</dd> })}
            {requested_by.clone().map(|p| view! { <dt>"Requested by"</dt><dd>{p}</dd> })}
        </dl>
        <OnBehalf account_holder requested_by/>
        {segments.into_iter().map(|segment| view! { <Segment segment/> }).collect_view()}
        <dl class="totals order-totals">
            <dt>"One-time total"</dt>
            <dd>{one_time_total}</dd>
            <dt>"Monthly total"</dt>
            <dd>{monthly_total}</dd>
        </dl>
        {decision.map(|panel| view! { <Decision order_id=order_id.clone() panel/> })}
        {ship_to.map(|ship_to| view! {
            <section aria-labelledby="order-ship-to">
                <h2 id="order-ship-to">"Ship to"</h2>
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
        {(!properties.is_empty()).then(|| view! {
            <section aria-labelledby="order-details">
                <h2 id="order-details">"Order details"</h2>
                <dl class="facts">
                    {properties.into_iter().map(|line| view! { <Fact line/> }).collect_view()}
                </dl>
            </section>
        })}
        {can_order_again.then(|| view! { <OrderAgainForm order_id=order_id.clone()/> })}
        <p><a href="/orders">"Back to My orders"</a></p>
    }
}

#[component]
fn Banner(banner: OrderBanner) -> impl IntoView {
    match banner {
        OrderBanner::AwaitingApproval => view! {
            <p class="banner awaiting" role="status">
                <strong>"Waiting for approval."</strong>
                " Nothing ships until it is approved."
            </p>
        }
        .into_any(),
        OrderBanner::Rejected { reason } => view! {
            <div class="banner rejected" role="status">
                <p><strong>"This order was rejected."</strong> " Nothing will be ordered."</p>
                {reason.map(|r| view! { <p>{r}</p> })}
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Fact(line: LabelledValue) -> impl IntoView {
    view! {
        <dt>{line.label}</dt>
        <dd>{line.value}</dd>
    }
}

#[component]
fn Segment(segment: OrderSegmentView) -> impl IntoView {
    let OrderSegmentView {
        segment_id,
        vendor,
        status,
        items,
        history,
        shipments,
    } = segment;
    let heading_id = format!("segment-{segment_id}");
    let labelled_by = heading_id.clone();
    let vendor = vendor.unwrap_or_else(|| "Vendor".into());
    view! {
        <section class="segment" aria-labelledby=labelled_by>
            <h2 id=heading_id>{format!("From {vendor}")}</h2>
            <p>"Status: " <StatusBadge status/></p>
            <ul class="cart-items" aria-label=format!("Items from {vendor}")>
                {items.into_iter().map(|item| view! {
                    <ItemRow name=item.name vendor=None image=item.image price=item.price/>
                }).collect_view()}
            </ul>
            {(!shipments.is_empty()).then(|| view! {
                <h3>"Shipments"</h3>
                <ul class="shipments">
                    {shipments.into_iter().map(|shipment| view! { <Shipment shipment/> }).collect_view()}
                </ul>
            })}
            {(!history.is_empty()).then(|| view! {
                <h3>"What happened"</h3>
                <ol class="history">
                    {history.into_iter().map(|entry| view! { <HistoryEntry entry/> }).collect_view()}
                </ol>
            })}
        </section>
    }
}

#[component]
fn Shipment(shipment: ShipmentView) -> impl IntoView {
    let carrier = shipment.carrier.unwrap_or_else(|| "A carrier".into());
    let number =
        shipment.tracking_number.map(|number| {
            match shipment.tracking_url {
        Some(url) => view! {
            <a href=url rel="noreferrer">
                {number}
                <span class="visually-hidden">{format!(" (track it on {carrier}'s site)")}</span>
            </a>
        }
        .into_any(),
        None => number.into_any(),
    }
        });
    view! {
        <li class="shipment">
            <dl class="facts">
                <dt>"Carrier"</dt>
                <dd>{carrier.clone()}</dd>
                {number.map(|n| view! { <dt>"Tracking number"</dt><dd>{n}</dd> })}
                {shipment.shipped_on.map(|d| view! { <dt>"Shipped"</dt><dd>{d}</dd> })}
                {(!shipment.items.is_empty()).then(|| view! {
                    <dt>"In the parcel"</dt>
                    <dd>{shipment.items.join(", ")}</dd>
                })}
            </dl>
        </li>
    }
}

#[component]
fn HistoryEntry(entry: HistoryEntryView) -> impl IntoView {
    view! {
        <li>
            {entry.when.map(|w| view! { <span class="when">{w}</span> })}
            " " <StatusBadge status=entry.status/>
            {entry.description.map(|d| view! { <span class="what">{format!(" {d}")}</span> })}
        </li>
    }
}

/// The approver's panel: approve, or reject with a reason. One decision is sent however
/// often the buttons are pressed; a refused one comes back with what was typed.
#[component]
fn Decision(order_id: String, panel: DecisionPanel) -> impl IntoView {
    let decide = ServerAction::<DecideOrder>::new();
    let error = Signal::derive(move || decide.value().get().and_then(Result::err));
    let reason_error =
        Signal::derive(move || error.with(|e| e.as_ref().and_then(|e| e.field("reason"))));
    let other_error = move || {
        error
            .get()
            .filter(|e| e.field("reason").is_none())
            .map(|error| view! { <ErrorNotice error/> })
    };
    view! {
        <section class="decision" aria-labelledby="decision-heading">
            <h2 id="decision-heading">"Your decision"</h2>
            {other_error}
            <PendingScope busy="Sending your decision…".to_string()>
                <ActionForm action=decide attr:class="decision-form">
                    <input type="hidden" name="order_id" value=order_id/>
                    <div class="field">
                        <label for="decision-reason">"Reason"</label>
                        <p class="hint" id="decision-reason-hint">
                            "Required to reject; the person who ordered sees it."
                        </p>
                        <textarea
                            id="decision-reason"
                            name="reason"
                            rows="3"
                            maxlength=panel.max_reason_chars.to_string()
                            aria-describedby=move || {
                                if reason_error.with(Option::is_some) {
                                    "decision-reason-hint decision-reason-error"
                                } else {
                                    "decision-reason-hint"
                                }
                            }
                            aria-invalid=move || reason_error.with(Option::is_some).then_some("true")
                        >
                            {panel.reason}
                        </textarea>
                        {move || reason_error.get().map(|m| view! {
                            <p class="field-error" id="decision-reason-error">{m}</p>
                        })}
                    </div>
                    <div class="actions">
                        <button type="submit" name="action" value="approve">"Approve"</button>
                        <button type="submit" name="action" value="reject" class="secondary">"Reject"</button>
                    </div>
                </ActionForm>
            </PendingScope>
        </section>
    }
}

/// "Order again": the same accessories into the cart; when the cart holds another
/// order, the person is asked first.
#[component]
fn OrderAgainForm(order_id: String) -> impl IntoView {
    let again = ServerAction::<OrderAgain>::new();
    let asked = move || {
        again
            .value()
            .get()
            .and_then(Result::err)
            .filter(|e| e.field("replace").is_some())
    };
    let refused = move || {
        again
            .value()
            .get()
            .and_then(Result::err)
            .filter(|e| e.field("replace").is_none())
            .map(|error| view! { <ErrorNotice error/> })
    };
    let replace_id = order_id.clone();
    view! {
        <section class="order-again" aria-label="Order again">
            {refused}
            <PendingScope busy="Putting the accessories back in your cart…".to_string()>
                <ActionForm action=again>
                    <input type="hidden" name="order_id" value=order_id/>
                    <button type="submit" class="secondary">"Order again"</button>
                </ActionForm>
                {move || {
                    let replace_id = replace_id.clone();
                    asked().map(move |question: AppError| view! {
                        <p class="cart-conflict" role="alert">{question.to_string()}</p>
                        <ActionForm action=again>
                            <input type="hidden" name="order_id" value=replace_id/>
                            <input type="hidden" name="replace" value="true"/>
                            <button type="submit">"Replace cart"</button>
                        </ActionForm>
                    })
                }}
            </PendingScope>
        </section>
    }
}
