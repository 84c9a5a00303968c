//! Exactly-once submission when an instance dies mid-submit (SIGKILL) or runs with a
//! clock of its own (`faketime`): instances as real processes on the harness's
//! database, next to the harness's own in-process server.

use crate::support;

use std::{sync::Arc, time::Duration};

use reqwest::cookie::Jar;
use serde_json::json;
use support::{
    location, on_postgres,
    ordering::{browser_at, seed_checkout, submit_at, PETER},
    process::ServerProcess,
    start, Harness,
};

/// Peter, signed in on the harness's server, with the seed's chargers confirmed: the
/// cookie jar and the checkout id.
async fn peter_confirms(harness: &Harness, jar: &Arc<Jar>) -> String {
    let browser = browser_at(&harness.base, jar.clone());
    assert_eq!(
        location(&harness.sign_in(&browser, PETER, "demo").await),
        "/"
    );
    harness.add_chargers(&browser).await;
    harness
        .confirm(&browser, &seed_checkout())
        .await
        .expect("confirmed")
}

/// Holds the next `POST /orders` at MOBPROC for `ms`.
async fn hold_next_submit(harness: &Harness, ms: u64) {
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders",
            "method": "POST",
            "latencyMs": ms,
            "times": 1
        }]))
        .await;
}

/// Waits (up to 2.5 s) until the checkout's order is being sent: whether it is.
async fn is_sending(harness: &Harness, checkout: &str) -> bool {
    for _ in 0..50 {
        if harness.checkout_state(checkout).await.as_deref() == Some("sending") {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// MOBPROC's orders with the checkout's `externalOrderNumber`, found by the order id.
async fn orders_like(harness: &Harness, order_id: &str) -> usize {
    let orders = harness.sandbox_orders().await;
    let number = orders
        .iter()
        .find(|o| o["orderId"] == order_id)
        .and_then(|o| o["externalOrderNumber"].as_str())
        .expect("the order is at MOBPROC")
        .to_owned();
    orders
        .iter()
        .filter(|o| o["externalOrderNumber"] == number.as_str())
        .count()
}

#[tokio::test]
async fn an_instance_killed_mid_submit_leaves_one_order_which_the_retry_elsewhere_names() {
    let harness = start().await;
    // Its MOBPROC calls time out after 5 s, so its `sending` lease lapses after 15 s.
    let mut killed = ServerProcess::start(
        &harness.sandbox,
        harness.data_dir(),
        &[],
        &[("STOREFRONT_MOBPROC_TIMEOUT_SECS", "5")],
    )
    .await;
    let jar = Arc::new(Jar::default());
    let checkout = peter_confirms(&harness, &jar).await;
    hold_next_submit(&harness, 3_000).await;

    let doomed = browser_at(&killed.base, jar.clone());
    let (base, id) = (killed.base.clone(), checkout.clone());
    let in_flight = tokio::spawn(async move {
        doomed
            .post(format!("{base}/api/orders/submit"))
            .form(&[("checkout", id.as_str())])
            .send()
            .await
    });
    assert!(
        is_sending(&harness, &checkout).await,
        "the doomed instance is sending the order"
    );
    killed.kill().await;
    assert!(
        in_flight.await.expect("request task").is_err(),
        "the killed instance never answered"
    );

    let retry = browser_at(&harness.base, jar);
    let order_id = submit_at(&harness.base, &retry, &checkout)
        .await
        .expect("the retry names the order");
    assert_eq!(
        orders_like(&harness, &order_id).await,
        1,
        "exactly one order"
    );
    let page = harness.page(&retry, &format!("/orders/{order_id}")).await;
    assert!(
        page.contains(&format!("Your order went through: order {order_id}."))
            || page.contains(&format!(
                "Thank you. Your order was placed: order {order_id}."
            )),
        "the person is told about the one order"
    );
    assert_eq!(
        submit_at(&harness.base, &retry, &checkout).await.unwrap(),
        order_id
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (STOREFRONT_TEST_POSTGRES_URL), whose clock all instances share; scripts/test.sh runs it"]
async fn an_instance_ten_minutes_ahead_neither_takes_over_nor_hands_over_a_submission() {
    assert!(
        on_postgres(),
        "instances agree on the time only through PostgreSQL: set STOREFRONT_TEST_POSTGRES_URL"
    );
    let harness = start().await;
    let ahead = ServerProcess::start(
        &harness.sandbox,
        harness.data_dir(),
        &["faketime", "-f", "+10m"],
        &[],
    )
    .await;
    let jar = Arc::new(Jar::default());
    let on_time = (harness.base.clone(), browser_at(&harness.base, jar.clone()));
    let skewed = (ahead.base.clone(), browser_at(&ahead.base, jar.clone()));

    for (holder, asker) in [(&skewed, &on_time), (&on_time, &skewed)] {
        let checkout = peter_confirms(&harness, &jar).await;
        hold_next_submit(&harness, 4_000).await;
        let (base, browser, id) = (holder.0.clone(), holder.1.clone(), checkout.clone());
        let held = tokio::spawn(async move { submit_at(&base, &browser, &id).await });
        assert!(
            is_sending(&harness, &checkout).await,
            "the holding instance is sending the order"
        );
        let asked = submit_at(&asker.0, &asker.1, &checkout)
            .await
            .expect("the second instance names the order");
        let held = held.await.expect("held submit ran").expect("placed");
        assert_eq!(asked, held, "both answers name the one order");
        assert_eq!(orders_like(&harness, &held).await, 1, "exactly one order");
    }
}
