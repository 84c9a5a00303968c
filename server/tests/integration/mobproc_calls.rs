//! The one way through to MOBPROC, as MOBPROC sees it: every call with a correlation id
//! of its own, the calls of one checkout flow sharing an activity id, and no call at all
//! for what the person may not do.

use crate::support;

use std::collections::HashSet;

use app::model::cart::{ItemKind, OrderKind};
use sandbox::journal::CallFilter;
use support::{
    api_calls,
    ordering::{seed_checkout, LINE},
    start,
};

#[tokio::test]
async fn each_mobproc_call_of_a_page_view_has_its_own_correlation_id() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.forget_mobproc_calls();

    let response = browser
        .get(harness.url(&format!("/lines/{LINE}/accessories")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let request_id = response.headers()["x-correlation-id"]
        .to_str()
        .unwrap()
        .to_owned();

    let calls = harness.mobproc_calls(&api_calls());
    assert!(calls.len() >= 2, "the page needs several calls: {calls:?}");
    let ids: HashSet<String> = calls
        .iter()
        .map(|call| call.correlation_id.clone().expect("a correlation id"))
        .collect();
    assert_eq!(
        ids.len(),
        calls.len(),
        "no two calls share an id: {calls:?}"
    );
    assert!(
        !ids.contains(&request_id),
        "the browser's request has an id of its own"
    );
}

#[tokio::test]
async fn confirm_and_submit_of_one_checkout_share_an_activity_id() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let orders = CallFilter::default()
        .method("POST")
        .path("/mobproc/v1/orders*");

    let first = harness.confirm(&browser, &seed_checkout()).await.unwrap();
    harness.submit(&browser, &first).await.unwrap();
    harness.add_chargers(&browser).await;
    harness.confirm(&browser, &seed_checkout()).await.unwrap();

    let calls = harness.mobproc_calls(&orders);
    let kinds: Vec<Option<&str>> = calls.iter().map(|c| c.query.as_deref()).collect();
    assert_eq!(
        kinds,
        [Some("confirm=true"), None, Some("confirm=true")],
        "confirm, submit, confirm"
    );
    let activity = |i: usize| calls[i].activity_id.clone().expect("an activity id");
    assert_eq!(activity(0), activity(1), "one checkout, one activity");
    assert_ne!(
        activity(0),
        activity(2),
        "another checkout, another activity"
    );
}

#[tokio::test]
async fn an_order_type_the_person_may_not_place_is_refused_without_asking_mobproc() {
    let harness = start().await;
    let noah = harness.browser();
    let signed_in = harness
        .sign_in(&noah, "noah.patel@example.com", "demo")
        .await;
    assert_eq!(support::location(&signed_in), "/");
    const NOAH_LINE: &str = "38382727";

    let home = harness.page(&noah, "/").await;
    assert!(home.contains(&format!("/lines/{NOAH_LINE}/accessories")));
    assert!(
        !home.contains(&format!("/lines/{NOAH_LINE}/upgrade")),
        "no upgrade button: his /me does not allow UPGRADE"
    );

    harness.forget_mobproc_calls();
    let refused = harness
        .page_answering(&noah, &format!("/lines/{NOAH_LINE}/upgrade"), 403)
        .await;
    assert!(
        refused.contains("You are not allowed to do that."),
        "{refused}"
    );
    assert!(
        harness.mobproc_calls(&api_calls()).is_empty(),
        "nothing asked of MOBPROC"
    );

    let mut form = vec![
        ("service_id", NOAH_LINE),
        ("order", OrderKind::Upgrade.as_str()),
        ("item_kind", ItemKind::Device.as_str()),
        ("item_id", "9194713904"),
    ];
    let by_hand = harness.call(&noah, "cart/add", &form).await;
    assert_eq!(by_hand.status(), 403, "a hand-made add is refused");
    assert!(
        harness.mobproc_calls(&api_calls()).is_empty(),
        "nothing asked of MOBPROC for it"
    );
    form[1].1 = OrderKind::Accessories.as_str();
    form[2].1 = ItemKind::Accessory.as_str();
    form[3].1 = support::ordering::CAR_CHARGER;
    let allowed = harness.call(&noah, "cart/add", &form).await;
    assert_eq!(allowed.status(), 200, "accessories he may order");
}
