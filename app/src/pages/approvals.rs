use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::{error_notice::ErrorNotice, order_list::OrderCards},
    links,
    server_fns::orders::list_approvals,
};

/// `/approvals?page=`: the orders waiting for the signed-in approver, each with who
/// ordered what for whom and its totals. Anyone else is refused (403).
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.with(|q| q.get("page"));
    let waiting = Resource::new(page, list_approvals);
    view! {
        <Title text="Approvals"/>
        <h1>"Approvals"</h1>
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading the orders waiting for you…"</p> }>
            {move || Suspend::new(async move {
                match waiting.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(list) => {
                        let page_href = Callback::new(|token: String| {
                            format!("/approvals?page={}", links::encode(&token))
                        });
                        view! {
                            <p>"Open an order to approve or reject it."</p>
                            <OrderCards
                                list
                                label="Orders waiting for your approval"
                                empty="No orders are waiting for your approval.".to_owned()
                                page_href
                            />
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
