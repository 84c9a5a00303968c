//! What MOBPROC sees of page views once the BFF's caches are warm: at most one call
//! per page (the line, lines or order, which are never kept), and each actor's own
//! catalog.

use crate::support;

use support::{
    acting::{BARBARA_ID, CORPORATE_ONLY_DEVICE, MARKETING_ONLY_DEVICE},
    api_calls,
    ordering::{seed_checkout, LINE, TALK_SHARE_PLAN},
    start, Harness,
};

const US: &str = "70144640";
/// Long enough for an order of chargers to ship.
const DAY_SECS: u64 = 24 * 60 * 60;

/// The MOBPROC calls of one view of `path`, as `METHOD path?query` lines.
async fn calls_of_view(harness: &Harness, browser: &reqwest::Client, path: &str) -> Vec<String> {
    harness.forget_mobproc_calls();
    harness.page(browser, path).await;
    harness
        .mobproc_calls(&api_calls())
        .into_iter()
        .map(|call| match call.query {
            Some(query) => format!("{} {}?{query}", call.method, call.path),
            None => format!("{} {}", call.method, call.path),
        })
        .collect()
}

#[tokio::test]
async fn a_second_view_of_each_main_page_asks_mobproc_at_most_once() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.add_chargers(&peter).await;
    let pages = [
        "/".to_owned(),
        format!("/lines/{LINE}/accessories"),
        format!("/lines/{LINE}/upgrade"),
        format!("/lines/{LINE}/upgrade?view=plans"),
        format!("/lines/{LINE}/upgrade/plans/{TALK_SHARE_PLAN}"),
        "/new-line".to_owned(),
        format!("/new-line/catalog?kind=new_activation&region={US}&postal_code=06477"),
        "/cart".to_owned(),
        "/checkout".to_owned(),
        "/orders".to_owned(),
        format!("/lines/{LINE}/suspend"),
        format!("/lines/{LINE}/features"),
        format!("/lines/{LINE}/swap"),
        format!("/lines/{LINE}/cancel"),
    ];
    let mut asked_again = Vec::new();
    for path in &pages {
        let cold = calls_of_view(&harness, &peter, path).await;
        let warm = calls_of_view(&harness, &peter, path).await;
        eprintln!("{path}: {} calls cold, {} warm", cold.len(), warm.len());
        if warm.len() > 1 {
            asked_again.push((path, warm));
        }
    }
    assert!(asked_again.is_empty(), "{asked_again:#?}");
}

#[tokio::test]
async fn a_warm_order_page_asks_for_the_order_alone_until_the_order_changes() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.add_chargers(&peter).await;
    let checkout = harness.confirm(&peter, &seed_checkout()).await.unwrap();
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let page = format!("/orders/{order_id}");
    let the_order = format!("GET /mobproc/v1/orders/{order_id}");
    let tracking = |calls: &[String]| {
        calls
            .iter()
            .filter(|c| c.contains("/history") || c.contains("/shipments"))
            .count()
    };

    let cold = calls_of_view(&harness, &peter, &page).await;
    assert!(tracking(&cold) >= 2, "history and shipments: {cold:?}");
    let warm = calls_of_view(&harness, &peter, &page).await;
    assert_eq!(warm, std::slice::from_ref(&the_order), "the order alone");

    // A day on the order has shipped (and the tokens have expired: Peter signs in again).
    harness.advance_sandbox_clock(DAY_SECS).await;
    let peter = harness.peter().await;
    harness.forget_mobproc_calls();
    let shipped = harness.page(&peter, &page).await;
    let calls: Vec<String> = harness
        .mobproc_calls(&api_calls())
        .into_iter()
        .map(|call| format!("{} {}", call.method, call.path))
        .collect();
    assert!(
        tracking(&calls) >= 2,
        "a changed order is asked again: {calls:?}"
    );
    assert!(shipped.contains("1Z999AA1"), "its parcel's tracking number");
    let warm = calls_of_view(&harness, &peter, &page).await;
    assert_eq!(warm, [the_order], "the order alone again");
}

#[tokio::test]
async fn the_upgrade_plans_ask_each_carrier_once_per_cache_period() {
    let harness = start().await;
    let peter = harness.peter().await;
    let plans = format!("/lines/{LINE}/upgrade?view=plans");
    let first = calls_of_view(&harness, &peter, &plans).await;
    let vendors = |calls: &[String]| {
        calls
            .iter()
            .filter(|c| c.starts_with("GET /mobproc/v1/vendors/"))
            .count()
    };
    assert!(vendors(&first) > 0, "the carriers' networks: {first:?}");
    let search = calls_of_view(&harness, &peter, &format!("{plans}&q=Talk")).await;
    assert_eq!(vendors(&search), 0, "carriers known already: {search:?}");
}

#[tokio::test]
async fn a_catalog_kept_for_one_actor_is_never_shown_for_another() {
    let harness = start().await;
    let admin = harness.admin().await;
    let catalog = format!("/new-line/catalog?kind=new_activation&region={US}&postal_code=06477");
    let passport = format!("{catalog}&q=Passport");
    let tablet = format!("{catalog}&q=Galaxy%20Tab");
    let shows = |html: &str, device: &str| html.contains(device);

    let own = harness.page(&admin, &passport).await;
    assert!(shows(&own, CORPORATE_ONLY_DEVICE), "{own}");
    let own = harness.page(&admin, &tablet).await;
    assert!(!shows(&own, MARKETING_ONLY_DEVICE), "{own}");

    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let hers = harness.page(&admin, &passport).await;
    assert!(!shows(&hers, CORPORATE_ONLY_DEVICE), "{hers}");
    let hers = harness.page(&admin, &tablet).await;
    assert!(shows(&hers, MARKETING_ONLY_DEVICE), "{hers}");

    harness.stop_acting(&admin).await.unwrap();
    let own = harness.page(&admin, &passport).await;
    assert!(shows(&own, CORPORATE_ONLY_DEVICE), "{own}");
}
