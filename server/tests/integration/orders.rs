//! After "Place order", through real HTTP against the sandbox: My orders, an order's
//! progress and parcels, approvals sent once per press, and "Order again".

use crate::support;

use app::{
    error::AppError,
    model::{
        cart::CartView,
        order::{OrderList, OrderView},
    },
};
use reqwest::Client;
use sandbox::journal::CallFilter;
use serde_json::json;
use support::{
    acting::{text, BARBARA_ID, BARBARA_NAME},
    ordering::{seed_checkout, upgrade_checkout, CAR_CHARGER_NAME, WALL_CHARGER},
    start, Harness,
};

const DIANE: &str = "diane.foster.acme";
const PETER_NAME: &str = "Peter Edwards";
/// When an order over the approval threshold starts waiting for its approver.
const APPROVAL_AFTER_SECS: u64 = 60;
const DAY_SECS: u64 = 24 * 60 * 60;

/// Peter's tutorial upgrade, placed and waiting for Diane Foster: his browser and the
/// order id.
async fn upgrade_awaiting_approval(harness: &Harness) -> (Client, String) {
    let peter = harness.peter().await;
    harness.add_upgrade(&peter).await;
    let checkout = harness.confirm(&peter, &upgrade_checkout()).await.unwrap();
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    harness.advance_sandbox_clock(APPROVAL_AFTER_SECS).await;
    (peter, order_id)
}

async fn order(harness: &Harness, browser: &Client, order_id: &str) -> OrderView {
    harness
        .call_for(browser, "orders/get", &[("order_id", order_id)])
        .await
        .unwrap()
}

async fn decide(
    harness: &Harness,
    browser: &Client,
    order_id: &str,
    action: &str,
    reason: &str,
) -> Result<(), AppError> {
    harness
        .call_for(
            browser,
            "approvals/decide",
            &[
                ("order_id", order_id),
                ("action", action),
                ("reason", reason),
            ],
        )
        .await
}

fn approvals_sent(harness: &Harness, order_id: &str) -> usize {
    let filter = CallFilter::default()
        .method("POST")
        .path(format!("/mobproc/v1/orders/{order_id}/approval"));
    harness.mobproc_calls(&filter).len()
}

#[tokio::test]
async fn an_upgrade_waits_for_diane_who_approves_it_and_it_ships_then_completes() {
    let harness = start().await;
    let (peter, order_id) = upgrade_awaiting_approval(&harness).await;

    let mine: OrderList = harness
        .call_for(
            &peter,
            "orders/list",
            &[("scope", "mine"), ("status", "all")],
        )
        .await
        .unwrap();
    let row = mine
        .rows
        .iter()
        .find(|r| r.order_id == order_id)
        .expect("listed");
    assert_eq!(row.status.words, "Awaiting approval");
    assert!(
        row.summary
            .starts_with("Upgrade of 203-555-7676 to Apple iPhone 5"),
        "{}",
        row.summary
    );
    assert_eq!(row.monthly_total, "$558.67");
    let page = harness.page(&peter, &format!("/orders/{order_id}")).await;
    assert!(text(&page).contains("Waiting for approval. Nothing ships until it is approved."));
    assert!(!page.contains("Your decision"), "Peter is no approver");

    let diane = harness.signed_in(DIANE).await;
    let home = harness.page(&diane, "/").await;
    assert!(
        home.contains(r#"href="/approvals""#),
        "approvers see Approvals"
    );
    let waiting: OrderList = harness
        .call_for(&diane, "approvals/list", &())
        .await
        .unwrap();
    let row = waiting
        .rows
        .iter()
        .find(|r| r.order_id == order_id)
        .expect("waiting for Diane");
    assert!(row.account_holder.as_deref().unwrap().contains(PETER_NAME));
    assert_eq!(row.monthly_total, "$558.67");
    let panel = harness.page(&diane, &format!("/orders/{order_id}")).await;
    assert!(panel.contains("Your decision"), "the approver's panel");

    decide(
        &harness,
        &diane,
        &order_id,
        "approve",
        "Within budget this quarter",
    )
    .await
    .unwrap();
    let decided = order(&harness, &diane, &order_id).await;
    assert_eq!(
        decided.notice.as_deref(),
        Some("Approved. The order goes ahead.")
    );
    assert_eq!(
        order(&harness, &peter, &order_id).await.status.words,
        "Approved"
    );

    // A day on, the tokens have long expired: Peter signs in again.
    harness.advance_sandbox_clock(DAY_SECS).await;
    let peter = harness.peter().await;
    let shipped = order(&harness, &peter, &order_id).await;
    assert_eq!(shipped.status.words, "Shipped");
    let segment = &shipped.segments[0];
    let parcel = &segment.shipments[0];
    assert_eq!(parcel.carrier.as_deref(), Some("UPS"));
    let number = parcel.tracking_number.clone().expect("a tracking number");
    assert_eq!(
        parcel.tracking_url.as_deref(),
        Some(format!("https://www.ups.com/track?tracknum={number}").as_str())
    );
    let steps: Vec<&str> = segment
        .history
        .iter()
        .map(|h| h.status.words.as_str())
        .collect();
    assert!(
        steps.starts_with(&["Submitted", "Awaiting approval", "Approved"]),
        "{steps:?}"
    );
    assert!(steps.contains(&"Shipped"), "{steps:?}");

    harness.advance_sandbox_clock(3 * DAY_SECS).await;
    let peter = harness.peter().await;
    assert_eq!(
        order(&harness, &peter, &order_id).await.status.words,
        "Completed"
    );
}

#[tokio::test]
async fn a_rejection_needs_a_reason_which_the_person_who_ordered_then_sees() {
    let harness = start().await;
    let (peter, order_id) = upgrade_awaiting_approval(&harness).await;
    let diane = harness.signed_in(DIANE).await;
    harness.forget_mobproc_calls();

    let refused = decide(&harness, &diane, &order_id, "reject", "  ")
        .await
        .unwrap_err();
    assert!(refused.field("reason").is_some(), "{refused:?}");
    assert_eq!(approvals_sent(&harness, &order_id), 0, "nothing sent");

    decide(
        &harness,
        &diane,
        &order_id,
        "reject",
        "Over the phone budget",
    )
    .await
    .unwrap();
    let rejected = order(&harness, &peter, &order_id).await;
    assert_eq!(rejected.status.words, "Rejected");
    let page = harness.page(&peter, &format!("/orders/{order_id}")).await;
    assert!(text(&page).contains("This order was rejected."));
    assert!(
        text(&page).contains("Over the phone budget"),
        "the approver's reason"
    );
}

#[tokio::test]
async fn a_double_pressed_approve_sends_one_approval() {
    let harness = start().await;
    let (_peter, order_id) = upgrade_awaiting_approval(&harness).await;
    let diane = harness.signed_in(DIANE).await;
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders/*/approval",
            "method": "POST",
            "latencyMs": 300
        }]))
        .await;

    let (first, second) = tokio::join!(
        decide(&harness, &diane, &order_id, "approve", ""),
        decide(&harness, &diane, &order_id, "approve", ""),
    );

    first.unwrap();
    second.unwrap();
    assert_eq!(approvals_sent(&harness, &order_id), 1);
    let again = decide(&harness, &diane, &order_id, "approve", "").await;
    assert!(again.is_ok(), "a reload shows the same outcome: {again:?}");
    assert_eq!(approvals_sent(&harness, &order_id), 1, "still one");
}

#[tokio::test]
async fn someone_who_approves_nothing_gets_no_approvals_and_asks_mobproc_nothing() {
    let harness = start().await;
    let (peter, order_id) = upgrade_awaiting_approval(&harness).await;
    let home = harness.page(&peter, "/").await;
    assert!(!home.contains(r#"href="/approvals""#));
    harness.forget_mobproc_calls();

    let refused = harness.page_answering(&peter, "/approvals", 403).await;
    assert!(refused.contains("You are not allowed to do that."));
    let by_hand = harness
        .call(
            &peter,
            "approvals/decide",
            &[("order_id", order_id.as_str()), ("action", "approve")],
        )
        .await;
    assert_eq!(by_hand.status(), 403);
    assert!(
        harness.mobproc_calls(&support::api_calls()).is_empty(),
        "MOBPROC was asked nothing"
    );
}

#[tokio::test]
async fn an_unknown_order_and_someone_elses_order_are_not_found() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.add_chargers(&peter).await;
    let checkout = harness.confirm(&peter, &seed_checkout()).await.unwrap();
    let order_id = harness.submit(&peter, &checkout).await.unwrap();

    harness
        .page_answering(&peter, "/orders/99999999", 404)
        .await;
    let barbara = harness.signed_in(support::acting::BARBARA).await;
    let foreign = harness
        .page_answering(&barbara, &format!("/orders/{order_id}"), 404)
        .await;
    assert!(
        !foreign.contains(CAR_CHARGER_NAME),
        "nothing of Peter's order shows"
    );
}

#[tokio::test]
async fn the_admin_finds_an_order_placed_for_barbara_and_sees_hers_while_acting() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    harness
        .add_accessory(
            &admin,
            support::acting::BARBARA_LINE,
            support::acting::EARPODS,
        )
        .await
        .unwrap();
    let checkout = harness
        .confirm(&admin, &support::acting::barbara_checkout())
        .await
        .unwrap();
    let order_id = harness.submit(&admin, &checkout).await.unwrap();

    let hers: OrderList = harness
        .call_for(
            &admin,
            "orders/list",
            &[("scope", "mine"), ("status", "all")],
        )
        .await
        .unwrap();
    assert!(hers.rows.iter().any(|r| r.order_id == order_id));
    assert!(!hers.offers_placed_for_others, "not while acting");

    harness.stop_acting(&admin).await.unwrap();
    let own: OrderList = harness
        .call_for(
            &admin,
            "orders/list",
            &[("scope", "mine"), ("status", "all")],
        )
        .await
        .unwrap();
    assert!(
        own.rows.iter().all(|r| r.order_id != order_id),
        "not his own"
    );
    let placed: OrderList = harness
        .call_for(
            &admin,
            "orders/list",
            &[("scope", "placed-for-others"), ("status", "all")],
        )
        .await
        .unwrap();
    let row = placed
        .rows
        .iter()
        .find(|r| r.order_id == order_id)
        .expect("placed by him for Barbara");
    assert!(row
        .account_holder
        .as_deref()
        .unwrap()
        .contains(BARBARA_NAME));
    let page = harness.page(&admin, "/orders?view=placed-for-others").await;
    assert!(page.contains(&format!("Order {order_id}")));
}

#[tokio::test]
async fn orders_page_by_mobprocs_links_with_the_status_filter_kept() {
    let harness = start().await;
    let peter = harness.peter().await;
    for _ in 0..22 {
        harness
            .add(
                &peter,
                app::model::cart::OrderKind::Accessories,
                app::model::cart::ItemKind::Accessory,
                WALL_CHARGER,
                false,
            )
            .await
            .unwrap();
        let checkout = harness.confirm(&peter, &seed_checkout()).await.unwrap();
        harness.submit(&peter, &checkout).await.unwrap();
    }

    let first: OrderList = harness
        .call_for(
            &peter,
            "orders/list",
            &[("scope", "mine"), ("status", "open")],
        )
        .await
        .unwrap();
    assert_eq!(first.rows.len(), 20, "a MOBPROC page");
    let next = first.pager.next.clone().expect("a next page");
    let page = harness.page(&peter, "/orders?status=open").await;
    let link = format!("/orders?status=open&amp;page={}", app::links::encode(&next));
    assert!(page.contains(&link), "the pager keeps the filter: {link}");
    let second: OrderList = harness
        .call_for(
            &peter,
            "orders/list",
            &[
                ("scope", "mine"),
                ("status", "open"),
                ("page", next.as_str()),
            ],
        )
        .await
        .unwrap();
    assert_eq!(second.rows.len(), 2);
    let completed: OrderList = harness
        .call_for(
            &peter,
            "orders/list",
            &[("scope", "mine"), ("status", "completed")],
        )
        .await
        .unwrap();
    assert!(completed.rows.is_empty(), "none finished yet");
}

#[tokio::test]
async fn a_completed_accessories_order_comes_back_into_the_cart_without_what_was_withdrawn() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.add_chargers(&peter).await;
    let checkout = harness.confirm(&peter, &seed_checkout()).await.unwrap();
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    harness.advance_sandbox_clock(4 * DAY_SECS).await;
    let peter = harness.peter().await;
    assert_eq!(
        order(&harness, &peter, &order_id).await.status.words,
        "Completed"
    );
    assert!(order(&harness, &peter, &order_id).await.can_order_again);
    let withdrawn = Client::new()
        .post(format!("{}/_sandbox/withdraw", harness.sandbox.base_url()))
        .json(&json!({"kind": "accessory", "id": WALL_CHARGER}))
        .send()
        .await
        .unwrap();
    assert!(withdrawn.status().is_success());

    let again = harness
        .call(&peter, "orders/again", &[("order_id", order_id.as_str())])
        .await;
    assert_eq!(again.status(), 200);

    let cart: Option<CartView> = harness.call_for(&peter, "cart/get", &()).await.unwrap();
    let cart = cart.expect("a cart");
    assert_eq!(
        cart.items.len(),
        1,
        "{:?}",
        cart.items.iter().map(|i| &i.name).collect::<Vec<_>>()
    );
    assert_eq!(cart.items[0].name, CAR_CHARGER_NAME);
    let notice = cart.notice.expect("what happened");
    assert!(notice.contains("No longer offered"), "{notice}");
    assert!(
        notice.contains("Rapid Wall Charger"),
        "names the withdrawn item: {notice}"
    );
    let once: Option<CartView> = harness.call_for(&peter, "cart/get", &()).await.unwrap();
    assert_eq!(once.unwrap().notice, None, "said once");
}

#[tokio::test]
async fn the_confirmation_says_when_mobprocs_data_means_the_order_needs_approval() {
    use app::model::{
        cart::{ItemKind, OrderKind},
        checkout::ConfirmationView,
    };
    /// Peter's line whose upgrade eligibility date is far ahead.
    const NOT_YET_ELIGIBLE: &str = "31647891";
    let harness = start().await;
    let peter = harness.peter().await;
    for (kind, id) in [
        (ItemKind::Device, support::ordering::IPHONE_5),
        (ItemKind::Plan, support::ordering::TALK_SHARE_PLAN),
    ] {
        let form = [
            ("service_id", NOT_YET_ELIGIBLE),
            ("order", OrderKind::Upgrade.as_str()),
            ("item_kind", kind.as_str()),
            ("item_id", id),
        ];
        harness
            .call_for::<serde_json::Value, _>(&peter, "cart/add", &form)
            .await
            .unwrap();
    }
    let form = support::ordering::with(
        &upgrade_checkout(),
        "form[properties][SERVICE_NUMBER]",
        Some("2035551111"),
    );
    let checkout = harness.confirm(&peter, &form).await.unwrap();
    let confirmation: ConfirmationView = harness
        .call_for(
            &peter,
            "checkout/confirmation",
            &[("checkout", checkout.as_str())],
        )
        .await
        .unwrap();
    let note = confirmation.approval_note.expect("it says so");
    assert!(note.contains("December 5, 2099"), "{note}");

    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    harness.advance_sandbox_clock(APPROVAL_AFTER_SECS).await;
    assert_eq!(
        order(&harness, &peter, &order_id).await.status.words,
        "Awaiting approval",
        "MOBPROC agrees"
    );

    let tutorial = harness.peter().await;
    harness.add_chargers(&tutorial).await;
    let checkout = harness.confirm(&tutorial, &seed_checkout()).await.unwrap();
    let plain: ConfirmationView = harness
        .call_for(
            &tutorial,
            "checkout/confirmation",
            &[("checkout", checkout.as_str())],
        )
        .await
        .unwrap();
    assert_eq!(plain.approval_note, None, "nothing is guessed");
}
