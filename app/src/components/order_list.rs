use leptos::prelude::*;

use super::{catalog::pager::PageLinks, order_status::StatusBadge};
use crate::{
    links,
    model::order::{OrderList, OrderRow},
};

/// A list of orders as cards, each leading to its page, with the list's pager.
/// `page_href` turns a pager token into this list's address.
#[component]
pub fn OrderCards(
    list: OrderList,
    /// What the list is called, for screen readers, e.g. "Your orders".
    label: &'static str,
    /// What to say when the list is empty.
    empty: String,
    page_href: Callback<String, String>,
) -> impl IntoView {
    let OrderList {
        rows,
        pager,
        notice,
        ..
    } = list;
    view! {
        {notice.map(|n| view! { <p class="notice">{n}</p> })}
        {if rows.is_empty() {
            view! { <p class="empty">{empty}</p> }.into_any()
        } else {
            view! {
                <ul class="cards orders" aria-label=label>
                    {rows.into_iter().map(|row| view! { <OrderCard row/> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {(!pager.is_empty()).then(|| view! { <PageLinks pager href=page_href/> })}
    }
}

#[component]
fn OrderCard(row: OrderRow) -> impl IntoView {
    let heading_id = format!("order-{}", row.order_id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="card order" aria-labelledby=labelled_by>
            <div class="order-body">
                <h2 id=heading_id>
                    <a href=links::order(&row.order_id)>{format!("Order {}", row.order_id)}</a>
                </h2>
                <p class="order-summary">{row.summary}</p>
                <p><StatusBadge status=row.status/></p>
                <dl class="facts">
                    {row.submitted.map(|d| view! { <dt>"Submitted"</dt><dd>{d}</dd> })}
                    {row.account_holder.map(|p| view! { <dt>"For"</dt><dd>{p}</dd> })}
                    {row.requested_by.map(|p| view! { <dt>"Ordered by"</dt><dd>{p}</dd> })}
                    <dt>"One-time"</dt>
                    <dd>{row.one_time_total}</dd>
                    <dt>"Monthly"</dt>
                    <dd>{row.monthly_total}</dd>
                </dl>
            </div>
        </li>
    }
}
