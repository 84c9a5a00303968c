use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::{error_notice::ErrorNotice, order_list::OrderCards},
    links,
    model::order::{OrdersScope, StatusFilter},
    server_fns::orders::list_orders,
};

/// `/orders?view=&status=&page=`: the actor's orders, newest first, or (for people who
/// order for others) those they placed for others; filtered by status and paged by
/// MOBPROC's links, all in the URL so the back button and shared links work.
#[component]
pub fn OrdersPage() -> impl IntoView {
    let query = use_query_map();
    let scope = move || query.with(|q| OrdersScope::parse(q.get_str("view").unwrap_or_default()));
    let status =
        move || query.with(|q| StatusFilter::parse(q.get_str("status").unwrap_or_default()));
    let page = move || query.with(|q| q.get("page"));
    let orders = Resource::new(
        move || (scope(), status(), page()),
        |(scope, status, page)| list_orders(scope, status, page),
    );
    view! {
        <Title text="My orders"/>
        <h1>"My orders"</h1>
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading your orders…"</p> }>
            {move || Suspend::new(async move {
                let (scope, status) = (scope(), status());
                match orders.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) => {
                        let tabs = list.offers_placed_for_others.then(|| view! { <ScopeTabs scope status/> });
                        let page_href = Callback::new(move |token: String| {
                            href(scope, status, Some(&token))
                        });
                        let empty = match status {
                            StatusFilter::All => "No orders yet.".to_owned(),
                            other => format!("No {} orders here.", other.label().to_lowercase()),
                        };
                        let label = match scope {
                            OrdersScope::Mine => "Your orders",
                            OrdersScope::PlacedForOthers => "Orders you placed for others",
                        };
                        view! {
                            {tabs}
                            <StatusTabs scope status/>
                            <OrderCards list label empty page_href/>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The address of a list of orders.
fn href(scope: OrdersScope, status: StatusFilter, page: Option<&str>) -> String {
    let mut pairs = Vec::new();
    if scope != OrdersScope::Mine {
        pairs.push(format!("view={}", scope.as_str()));
    }
    if status != StatusFilter::All {
        pairs.push(format!("status={}", status.as_str()));
    }
    if let Some(page) = page {
        pairs.push(format!("page={}", links::encode(page)));
    }
    if pairs.is_empty() {
        "/orders".to_owned()
    } else {
        format!("/orders?{}", pairs.join("&"))
    }
}

#[component]
fn ScopeTabs(scope: OrdersScope, status: StatusFilter) -> impl IntoView {
    let current = move |tab: OrdersScope| (tab == scope).then_some("page");
    view! {
        <nav class="tabs" aria-label="Whose orders">
            <a href=href(OrdersScope::Mine, status, None) aria-current=current(OrdersScope::Mine)>"My orders"</a>
            <a href=href(OrdersScope::PlacedForOthers, status, None) aria-current=current(OrdersScope::PlacedForOthers)>
                "Placed by me for others"
            </a>
        </nav>
    }
}

#[component]
fn StatusTabs(scope: OrdersScope, status: StatusFilter) -> impl IntoView {
    let tabs = <StatusFilter as strum::VariantArray>::VARIANTS
        .iter()
        .map(|&filter| {
            let current = (filter == status).then_some("page");
            view! { <a href=href(scope, filter, None) aria-current=current>{filter.label()}</a> }
        })
        .collect_view();
    view! { <nav class="tabs status-filter" aria-label="Orders by status">{tabs}</nav> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_keep_the_filter_and_leave_out_defaults() {
        assert_eq!(href(OrdersScope::Mine, StatusFilter::All, None), "/orders");
        assert_eq!(
            href(
                OrdersScope::PlacedForOthers,
                StatusFilter::Open,
                Some("a=1&b")
            ),
            "/orders?view=placed-for-others&status=open&page=a%3D1%26b"
        );
    }
}
