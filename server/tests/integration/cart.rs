//! The cart through real HTTP: server functions as the pages call them,
//! the cart page, and a cart that outlives sessions and servers.

use crate::support;

use std::sync::Arc;

use app::{
    error::AppError,
    model::cart::{CartChange, CartView, ItemKind, OrderKind},
};
use reqwest::cookie::Jar;
use support::{
    ordering::{
        browser_at, CAR_CHARGER, CAR_CHARGER_NAME, LINE, PETER, WALL_CHARGER, WALL_CHARGER_NAME,
    },
    start,
};

const IPHONE_5: &str = "9194713904";
const IPHONE_5_AGAIN: &str = "9194713909";
const TALK_SHARE_PLAN: &str = "6568886698";
const VOICE_MAIL: &str = "122";
const ROADSIDE: &str = "293";
/// An AT&T (GSM) plan: Peter's LG Cookie Plus is CDMA.
const GSM_PLAN: &str = "6568887001";
/// An AT&T (GSM) iPhone 7 Plus.
const AT_T_IPHONE: &str = "9194800201";

#[tokio::test]
async fn peter_adds_both_chargers_and_the_cart_page_lists_them() {
    let harness = start().await;
    let browser = harness.peter().await;
    let first = harness
        .add(
            &browser,
            OrderKind::Accessories,
            ItemKind::Accessory,
            CAR_CHARGER,
            false,
        )
        .await
        .unwrap();
    assert_eq!(
        first,
        CartChange {
            count: 1,
            summary: "Accessories for 203-555-7676".into(),
            item: CAR_CHARGER_NAME.into(),
        }
    );
    let second = harness
        .add(
            &browser,
            OrderKind::Accessories,
            ItemKind::Accessory,
            WALL_CHARGER,
            false,
        )
        .await
        .unwrap();
    assert_eq!(second.count, 2);
    let again = harness
        .add(
            &browser,
            OrderKind::Accessories,
            ItemKind::Accessory,
            WALL_CHARGER,
            false,
        )
        .await
        .unwrap();
    assert_eq!(again.count, 2, "an item already in the cart stays once");

    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    let cart = cart.expect("a cart");
    assert_eq!(cart.one_time_total, "$44.98");
    assert_eq!(cart.monthly_total, "$0.00");
    assert_eq!(cart.items[0].vendor.as_deref(), Some("Verizon Wireless"));
    assert_eq!(cart.items[0].price.as_deref(), Some("$22.49 one-time"));

    let html = harness.page(&browser, "/cart").await;
    for text in [
        "Accessories for 203-555-7676",
        CAR_CHARGER_NAME,
        WALL_CHARGER_NAME,
        "$22.49 one-time",
        "$44.98",
        "$0.00",
        "/media?src=",
        r#"href="/checkout""#,
    ] {
        assert!(html.contains(text), "cart page shows {text:?}");
    }
    assert!(
        html.contains(r#"class="badge">2</span>"#),
        "header badge counts 2"
    );
}

#[tokio::test]
async fn another_line_or_kind_asks_before_replacing_and_changes_nothing() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness
        .add(
            &browser,
            OrderKind::Accessories,
            ItemKind::Accessory,
            CAR_CHARGER,
            false,
        )
        .await
        .unwrap();
    let asked = harness
        .add(
            &browser,
            OrderKind::Upgrade,
            ItemKind::Device,
            IPHONE_5,
            false,
        )
        .await
        .unwrap_err();
    let message = "Your cart holds Accessories for 203-555-7676. \
                   Replace it with Upgrade for 203-555-7676?";
    assert_eq!(
        asked,
        AppError::Invalid {
            message: message.into(),
            fields: vec![app::error::FieldError {
                field: "replace".into(),
                message: message.into(),
            }],
        }
    );
    let count: usize = harness.call_for(&browser, "cart/count", &()).await.unwrap();
    assert_eq!(count, 1, "nothing changed");

    let replaced = harness
        .add(
            &browser,
            OrderKind::Upgrade,
            ItemKind::Device,
            IPHONE_5,
            true,
        )
        .await
        .unwrap();
    assert_eq!(replaced.count, 1);
    assert_eq!(replaced.summary, "Upgrade for 203-555-7676");
}

#[tokio::test]
async fn only_what_the_catalog_offers_for_the_line_gets_in() {
    let harness = start().await;
    let browser = harness.peter().await;
    for (order, kind, id) in [
        (OrderKind::Accessories, ItemKind::Accessory, "no-such-item"),
        (OrderKind::Accessories, ItemKind::Device, IPHONE_5),
        (OrderKind::Upgrade, ItemKind::Accessory, CAR_CHARGER),
        (OrderKind::Upgrade, ItemKind::Feature, VOICE_MAIL),
    ] {
        let refused = harness.add(&browser, order, kind, id, false).await;
        assert!(
            matches!(refused, Err(AppError::Invalid { .. })),
            "{order:?} {kind:?} {id}: {refused:?}"
        );
    }
    let count: usize = harness.call_for(&browser, "cart/count", &()).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn an_upgrade_holds_one_device_and_one_plan_with_its_features() {
    let harness = start().await;
    let browser = harness.peter().await;
    let add = |kind, id| harness.add(&browser, OrderKind::Upgrade, kind, id, false);
    add(ItemKind::Device, IPHONE_5).await.unwrap();
    add(ItemKind::Device, IPHONE_5_AGAIN).await.unwrap();
    add(ItemKind::Plan, TALK_SHARE_PLAN).await.unwrap();
    add(ItemKind::Feature, VOICE_MAIL).await.unwrap();
    let change = add(ItemKind::Feature, ROADSIDE).await.unwrap();
    assert_eq!(change.count, 4, "one device, the plan and two features");
    assert!(
        add(ItemKind::Feature, "2082").await.is_err(),
        "not a feature of the plan"
    );

    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    let cart = cart.unwrap();
    let ids: Vec<&str> = cart.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, [IPHONE_5_AGAIN, TALK_SHARE_PLAN, VOICE_MAIL, ROADSIDE]);
    assert_eq!(cart.one_time_total, "$199.99");
    assert_eq!(cart.monthly_total, "$558.67");
    assert_eq!(cart.blocker, None);

    let removed: CartChange = harness
        .call_for(
            &browser,
            "cart/remove",
            &[("item_kind", "plan"), ("item_id", TALK_SHARE_PLAN)],
        )
        .await
        .unwrap();
    assert_eq!(removed.count, 1, "the plan's features go with it");
}

#[tokio::test]
async fn a_plan_on_a_network_the_phone_lacks_needs_a_new_device() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness
        .add(
            &browser,
            OrderKind::Upgrade,
            ItemKind::Plan,
            GSM_PLAN,
            false,
        )
        .await
        .unwrap();
    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    let blocker = cart.unwrap().blocker.expect("blocked");
    assert!(blocker.contains("a new device is needed"), "{blocker}");
    let html = harness.page(&browser, "/cart").await;
    assert!(html.contains("a new device is needed"));
    assert!(!html.contains(r#"href="/checkout""#), "no way to check out");
    let checkout = harness
        .call_for::<Value, _>(&browser, "checkout/get", &())
        .await;
    assert!(
        matches!(checkout, Err(AppError::Invalid { .. })),
        "{checkout:?}"
    );

    harness
        .add(
            &browser,
            OrderKind::Upgrade,
            ItemKind::Device,
            IPHONE_5,
            false,
        )
        .await
        .unwrap();
    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    let blocker = cart
        .unwrap()
        .blocker
        .expect("a Verizon phone for an AT&T plan");
    assert!(blocker.contains("of one carrier"), "{blocker}");

    harness
        .add(
            &browser,
            OrderKind::Upgrade,
            ItemKind::Device,
            AT_T_IPHONE,
            false,
        )
        .await
        .unwrap();
    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    assert_eq!(
        cart.unwrap().blocker,
        None,
        "a new device of the plan's carrier resolves it"
    );
}

type Value = serde_json::Value;

#[tokio::test]
async fn removing_and_emptying() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let removed: CartChange = harness
        .call_for(
            &browser,
            "cart/remove",
            &[("item_kind", "accessory"), ("item_id", CAR_CHARGER)],
        )
        .await
        .unwrap();
    assert_eq!(removed.count, 1);
    assert_eq!(removed.item, CAR_CHARGER_NAME);
    harness
        .call_for::<(), _>(&browser, "cart/clear", &())
        .await
        .unwrap();
    let cart: Option<CartView> = harness.call_for(&browser, "cart/get", &()).await.unwrap();
    assert_eq!(cart, None);
    assert!(harness
        .page(&browser, "/cart")
        .await
        .contains("Your cart is empty."));
}

#[tokio::test]
async fn the_cart_survives_signing_out_and_in_again() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    browser
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    let count = harness
        .call_for::<usize, _>(&browser, "cart/count", &())
        .await;
    assert_eq!(count, Ok(0), "signed out: no cart to count");

    let again = harness.peter().await;
    let count: usize = harness.call_for(&again, "cart/count", &()).await.unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn the_cart_survives_a_server_restart() {
    let harness = start().await;
    let jar = Arc::new(Jar::default());
    let first = browser_at(&harness.base, jar.clone());
    assert_eq!(
        support::location(&harness.sign_in(&first, PETER, "demo").await),
        "/"
    );
    harness.add_chargers(&first).await;

    let (base, server) = harness.second_server().await;
    let second = browser_at(&base, jar);
    let cart: Option<CartView> = second
        .post(format!("{base}/api/cart/get"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    server.abort();
    let cart = cart.expect("the same session and cart on the new server");
    assert_eq!(cart.items.len(), 2);
    assert_eq!(cart.service_id.as_deref(), Some(LINE));
}

#[tokio::test]
async fn a_cart_is_its_owners_alone() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.add_chargers(&peter).await;
    let barbara = harness.browser();
    harness
        .sign_in(&barbara, "barbara.andrews@example.com", "demo")
        .await;
    let count: usize = harness.call_for(&barbara, "cart/count", &()).await.unwrap();
    assert_eq!(count, 0, "Barbara does not see Peter's cart");
    let refused = harness
        .add(
            &barbara,
            OrderKind::Accessories,
            ItemKind::Accessory,
            CAR_CHARGER,
            false,
        )
        .await;
    assert!(refused.is_err(), "not Barbara's line: {refused:?}");
}
