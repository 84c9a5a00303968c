//! Placing the order exactly once through real HTTP against the
//! sandbox, with its fault injection for lost answers and failures.

use crate::support;

use app::{error::AppError, model::cart::CartView};
use serde_json::json;
use support::{
    ordering::{seed_checkout, CAR_CHARGER, CAR_CHARGER_NAME, WALL_CHARGER, WALL_CHARGER_NAME},
    start, Harness,
};

/// Peter with the seed's chargers in his cart, confirmed: his browser and the
/// checkout id.
async fn confirmed(harness: &Harness) -> (reqwest::Client, String) {
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let checkout_id = harness.confirm(&browser, &seed_checkout()).await.unwrap();
    (browser, checkout_id)
}

fn accessory_ids(order: &serde_json::Value) -> Vec<String> {
    order["orderSegments"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|segment| {
            segment["accessories"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|a| a["name"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn placing_the_order_shows_it_and_empties_the_cart() {
    let harness = start().await;
    let (browser, checkout_id) = confirmed(&harness).await;
    let order_id = harness.submit(&browser, &checkout_id).await.unwrap();

    let html = harness.page(&browser, &format!("/orders/{order_id}")).await;
    for text in [
        format!("Order {order_id}"),
        "ORDER_SUBMITTED".into(),
        "Verizon Wireless".into(),
        CAR_CHARGER_NAME.into(),
        WALL_CHARGER_NAME.into(),
        format!("Your order was placed: order {order_id}."),
    ] {
        assert!(html.contains(&text), "order page shows {text:?}");
    }
    let again = harness.page(&browser, &format!("/orders/{order_id}")).await;
    assert!(
        !again.contains("Your order was placed"),
        "the notice is shown once"
    );

    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    assert_eq!(cart, None, "the cart is empty once MOBPROC took the order");
    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0]["orderId"], order_id.as_str());
    assert_eq!(orders[0]["transactionType"], "ORDER_ACCESSORIES");
    let number = orders[0]["externalOrderNumber"]
        .as_str()
        .unwrap_or_default();
    assert!(number.starts_with("SF-") && number.len() <= 20, "{number}");
}

#[tokio::test]
async fn concurrent_and_repeated_submits_place_one_order() {
    let harness = start().await;
    let (browser, checkout_id) = confirmed(&harness).await;
    let (first, second) = tokio::join!(
        harness.submit(&browser, &checkout_id),
        harness.submit(&browser, &checkout_id),
    );
    let first = first.unwrap();
    assert_eq!(second.unwrap(), first, "both show the same order");
    let again = harness.submit(&browser, &checkout_id).await.unwrap();
    assert_eq!(again, first, "a later submit shows the first order");

    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1, "exactly one order: {orders:#?}");

    let confirmation = harness
        .page(
            &browser,
            &format!("/checkout/confirm?checkout={checkout_id}"),
        )
        .await;
    assert!(
        confirmation.contains("This order was placed"),
        "back on the confirmation, the order is shown instead of the button"
    );
}

#[tokio::test]
async fn the_browser_cannot_change_the_confirmed_order() {
    let harness = start().await;
    let (browser, checkout_id) = confirmed(&harness).await;
    // The cart changes after the confirmation, and the post carries extra fields:
    // the order placed is still exactly the confirmed one.
    let _: app::model::cart::CartChange = harness
        .call_for(
            &browser,
            "cart/remove",
            &[("item_kind", "accessory"), ("item_id", CAR_CHARGER)],
        )
        .await
        .unwrap();
    let order_id: String = harness
        .call_for(
            &browser,
            "orders/submit",
            &[
                ("checkout", checkout_id.as_str()),
                ("accessory_ids", WALL_CHARGER),
                ("shipTo", "somewhere else"),
            ],
        )
        .await
        .unwrap();
    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0]["orderId"], order_id.as_str());
    assert_eq!(
        accessory_ids(&orders[0]),
        [CAR_CHARGER_NAME, WALL_CHARGER_NAME]
    );
    assert_eq!(orders[0]["shipTo"]["name"], "Peter Edwards");
    let count: usize = harness.call_for(&browser, "cart/count", &()).await.unwrap();
    assert_eq!(
        count, 1,
        "the changed cart is not the one ordered: it is kept"
    );

    // Another person cannot place (or see) Peter's checkout.
    let barbara = harness.browser();
    harness
        .sign_in(&barbara, "barbara.andrews@example.com", "demo")
        .await;
    let refused = harness.submit(&barbara, &checkout_id).await;
    assert!(
        matches!(refused, Err(AppError::Invalid { .. })),
        "{refused:?}"
    );
}

#[tokio::test]
async fn a_newer_confirmation_replaces_the_older_one() {
    let harness = start().await;
    let (browser, older) = confirmed(&harness).await;
    let newer = harness.confirm(&browser, &seed_checkout()).await.unwrap();
    let refused = harness.submit(&browser, &older).await.unwrap_err();
    assert!(
        refused.to_string().contains("no longer current"),
        "{refused}"
    );
    harness.submit(&browser, &newer).await.unwrap();
    assert_eq!(harness.sandbox_orders().await.len(), 1);
}

#[tokio::test]
async fn a_lost_answer_is_looked_up_and_the_order_is_not_placed_twice() {
    let harness = start().await;
    let (browser, checkout_id) = confirmed(&harness).await;
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders",
            "method": "POST",
            "dropAfterCommit": true,
            "times": 1
        }]))
        .await;
    let order_id = harness.submit(&browser, &checkout_id).await.unwrap();
    let html = harness.page(&browser, &format!("/orders/{order_id}")).await;
    assert!(
        html.contains(&format!("Your order went through: order {order_id}.")),
        "the person is told the order exists"
    );
    assert_eq!(
        harness.submit(&browser, &checkout_id).await.unwrap(),
        order_id
    );
    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1, "no second order: {orders:#?}");
    assert_eq!(orders[0]["orderId"], order_id.as_str());
    let count: usize = harness.call_for(&browser, "cart/count", &()).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_failed_submit_that_placed_nothing_may_be_tried_again() {
    let harness = start().await;
    let (browser, checkout_id) = confirmed(&harness).await;
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders",
            "method": "POST",
            "errorRate": 1.0,
            "errorStatus": 502,
            "times": 1
        }]))
        .await;
    let failed = harness.submit(&browser, &checkout_id).await.unwrap_err();
    let message = failed.to_string();
    assert!(
        message.contains("could not confirm that MOBPROC received your order")
            && message.contains("You may try again"),
        "{message}"
    );
    assert!(harness.sandbox_orders().await.is_empty());
    let count: usize = harness.call_for(&browser, "cart/count", &()).await.unwrap();
    assert_eq!(count, 2, "the cart is kept");

    let order_id = harness.submit(&browser, &checkout_id).await.unwrap();
    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0]["orderId"], order_id.as_str());
}

#[tokio::test]
async fn a_refused_token_on_submit_leads_to_a_lookup_not_a_second_post() {
    let harness = start().await;
    let (browser, checkout_id) = confirmed(&harness).await;
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders",
            "method": "POST",
            "errorRate": 1.0,
            "errorStatus": 401,
            "times": 1
        }]))
        .await;
    harness.forget_mobproc_calls();

    let looked_up = harness.submit(&browser, &checkout_id).await.unwrap_err();

    assert!(
        matches!(looked_up, AppError::NotPlaced { .. }),
        "not found among the orders, so nothing was ordered: {looked_up:?}"
    );
    let calls = harness.mobproc_calls(&support::api_calls());
    let posts: Vec<usize> = calls
        .iter()
        .enumerate()
        .filter(|(_, c)| c.method == "POST" && c.path == "/mobproc/v1/orders")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        posts.len(),
        1,
        "one POST /orders, never a second: {calls:?}"
    );
    assert!(
        calls[posts[0]..]
            .iter()
            .any(|c| c.method == "GET" && c.path == "/mobproc/v1/orders"),
        "the order was looked for after the refusal: {calls:?}"
    );
    assert!(harness.sandbox_orders().await.is_empty());

    let order_id = harness.submit(&browser, &checkout_id).await.unwrap();
    let orders = harness.sandbox_orders().await;
    assert_eq!(orders.len(), 1, "placed once when tried again");
    assert_eq!(orders[0]["orderId"], order_id.as_str());
}
