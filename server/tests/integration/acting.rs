//! Ordering on behalf of other employees through real HTTP against the
//! sandbox: who may switch, finding someone, the context on every call, the banner
//! and titles, carts and checkouts per person ordered for, and sign-out.

use crate::support;

use std::sync::Arc;

use app::{error::AppError, model::cart::CartView};
use reqwest::{cookie::Jar, StatusCode};
use serde_json::json;
use support::{
    acting::{
        acting_banner, barbara_checkout, element_labelled, text, title, ADMIN, ADMIN_EMAIL,
        ADMIN_ID, ADMIN_LINE, ADMIN_LINE_NUMBER, ADMIN_NAME, BARBARA, BARBARA_EMAIL, BARBARA_ID,
        BARBARA_LINE, BARBARA_LINE_NUMBER, BARBARA_NAME, CORPORATE_ONLY_DEVICE, EARPODS,
        EARPODS_NAME, JAMES_ID, JAMES_LINE_NUMBER, JAMES_NAME, MARKETING, MARKETING_ONLY_DEVICE,
        ORDERING_FOR_BARBARA,
    },
    location,
    ordering::{browser_at, CAR_CHARGER},
    start, Harness,
};

const NOT_ALLOWED: &str = "You are not allowed to do that.";
const REFUSED_BY_MOBPROC: &str = "MOBPROC does not let you order for that person.";
const NOT_FOUND: &str = "That person was not found.";
const CONFIRMED_FOR_SOMEONE_ELSE: &str = "This order was confirmed for someone else";

/// Asserts that "My lines" is the admin's own, with no banner and the plain title.
async fn expect_own_lines(harness: &Harness, browser: &reqwest::Client) {
    let html = harness.page(browser, "/").await;
    assert!(html.contains(ADMIN_LINE_NUMBER), "the admin's line: {html}");
    assert!(!html.contains(BARBARA_LINE_NUMBER), "not Barbara's: {html}");
    assert_eq!(acting_banner(&html), None, "no banner: {html}");
    assert_eq!(title(&html), "My lines · MOBPROC storefront");
}

/// Whether `shown` says "Ordered by <by> for <holder>" (each maybe with an email).
fn says_ordered_by_for(shown: &str, by: &str, holder: &str) -> bool {
    let pattern = format!(
        r"Ordered by {}( \([^)]*\))? for {}",
        regex::escape(by),
        regex::escape(holder)
    );
    regex::Regex::new(&pattern).unwrap().is_match(shown)
}

fn cart_count(count: Result<usize, AppError>) -> usize {
    count.expect("cart count")
}

#[tokio::test]
async fn only_people_mobproc_lets_act_for_others_are_offered_the_switch() {
    let harness = start().await;
    let admin = harness.admin().await;
    let home = harness.page(&admin, "/").await;
    let account = element_labelled(&home, "Account").expect("the Account navigation");
    assert!(account.contains("href=\"/act-for\""), "{account}");
    assert!(
        text(account).contains("Order for someone else"),
        "{account}"
    );
    let act_for = harness.page(&admin, "/act-for").await;
    assert!(text(&act_for).contains("Order for someone else"));
    assert_eq!(
        title(&act_for),
        "Order for someone else · MOBPROC storefront"
    );
    assert!(act_for.contains("role=\"search\""), "{act_for}");
    assert!(act_for.contains("name=\"q\""), "{act_for}");
    assert!(
        text(&act_for).contains("Name, email or employee id"),
        "{act_for}"
    );

    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    assert!(!home.contains("/act-for"), "no link for Peter: {home}");
    assert!(!text(&home).contains("Order for someone else"), "{home}");
    let (status, html) = harness.page_with_status(&peter, "/act-for").await;
    assert_eq!(status, 403, "{html}");
    assert!(text(&html).contains(NOT_ALLOWED), "{html}");
    assert!(
        !html.contains("/api/acting/start"),
        "no switch form: {html}"
    );
}

#[tokio::test]
async fn a_switch_request_from_someone_not_allowed_is_refused_without_asking_mobproc() {
    let harness = start().await;
    let peter = harness.peter().await;
    // A rule that changes nothing but counts down every call MOBPROC receives.
    harness
        .set_faults(json!([{ "path": "/mobproc/v1/*", "times": 1000 }]))
        .await;

    let response = harness
        .call(&peter, "acting/start", &[("employee_id", BARBARA_ID)])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body = response.text().await.unwrap();
    let error: AppError =
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("an AppError, not {body:?}: {e}"));
    assert_eq!(error, AppError::Forbidden);
    // The same request as a form post without JavaScript (a switch would lead to "/").
    let posted = harness
        .post_form(
            &peter,
            "/api/acting/start",
            &[("employee_id", BARBARA_ID)],
            "/act-for",
        )
        .await;
    assert_ne!(location(&posted), "/", "not switched");

    let faults = harness.faults().await;
    assert_eq!(
        faults[0]["times"], 1000,
        "MOBPROC received no call: {faults}"
    );

    // Peter still orders for himself; and the counter does count calls.
    let html = harness.page(&peter, "/").await;
    assert!(html.contains("203-555-7676"), "{html}");
    assert!(!html.contains(BARBARA_LINE_NUMBER), "{html}");
    assert_eq!(acting_banner(&html), None);
    let faults = harness.faults().await;
    assert!(
        faults[0]["times"].as_u64().is_some_and(|left| left < 1000),
        "the page's calls were counted: {faults}"
    );
}

#[tokio::test]
async fn searching_finds_people_by_part_of_their_name_email_or_company_id() {
    let harness = start().await;
    let admin = harness.admin().await;

    let html = harness.page(&admin, "/act-for?q=barb").await;
    assert_eq!(title(&html), "Order for someone else · MOBPROC storefront");
    let list = element_labelled(&html, "Employees").expect("the Employees list");
    let shown = text(list);
    for fact in [BARBARA_NAME, MARKETING, BARBARA_EMAIL] {
        assert!(shown.contains(fact), "{fact}: {shown}");
    }
    assert!(
        shown.contains(&format!("Order for {BARBARA_NAME}")),
        "{shown}"
    );
    assert!(!shown.contains(JAMES_NAME), "{shown}");
    // The switch posts Barbara's MOBPROC id and nothing else.
    assert!(list.contains("action=\"/api/acting/start\""), "{list}");
    assert_eq!(list.matches("<input").count(), 1, "one field: {list}");
    assert!(list.contains("type=\"hidden\""), "{list}");
    assert!(list.contains("name=\"employee_id\""), "{list}");
    assert!(list.contains(&format!("value=\"{BARBARA_ID}\"")), "{list}");

    for (query, name) in [
        ("ANDREWS", BARBARA_NAME),
        ("carp", JAMES_NAME),
        // The company employee id (the sign-in name), not in the name or email.
        ("edwards.acme", "Peter Edwards"),
        // The email, not the company employee id.
        ("diane.foster%40", "Diane Foster"),
        // The seed's last employee.
        ("hughes", "Oliver Hughes"),
    ] {
        let html = harness.page(&admin, &format!("/act-for?q={query}")).await;
        let list = element_labelled(&html, "Employees")
            .unwrap_or_else(|| panic!("{query}: the Employees list in {html}"));
        assert!(text(list).contains(name), "{query} finds {name}: {list}");
    }
    // The searcher is not someone to switch to.
    let html = harness.page(&admin, "/act-for?q=admin.acme").await;
    assert!(text(&html).contains("No one matches"), "{html}");
    let html = harness.page(&admin, "/act-for?q=nobody-at-all").await;
    assert!(text(&html).contains("No one matches"), "{html}");
    assert!(!html.contains("/api/acting/start"), "{html}");
}

#[tokio::test]
async fn switching_to_barbara_shows_her_lines_and_catalog_under_her_name() {
    let harness = start().await;
    let admin = harness.admin().await;
    expect_own_lines(&harness, &admin).await;
    // The admin's own catalog is the corporate one.
    let own = harness
        .page(&admin, &format!("/lines/{ADMIN_LINE}/upgrade?q=Passport"))
        .await;
    assert!(own.contains(CORPORATE_ONLY_DEVICE), "{own}");
    let own = harness
        .page(
            &admin,
            &format!("/lines/{ADMIN_LINE}/upgrade?q=Galaxy%20Tab"),
        )
        .await;
    assert!(!own.contains(MARKETING_ONLY_DEVICE), "{own}");

    // Picked on the search page, without JavaScript.
    let switched = harness
        .post_form(
            &admin,
            "/api/acting/start",
            &[("employee_id", BARBARA_ID)],
            "/act-for?q=barb",
        )
        .await;
    assert!(switched.status().is_redirection(), "{}", switched.status());
    assert_eq!(location(&switched), "/");

    let home = harness.page(&admin, "/").await;
    assert!(home.contains(BARBARA_LINE_NUMBER), "Barbara's line: {home}");
    assert!(!home.contains(ADMIN_LINE_NUMBER), "not the admin's: {home}");
    assert_eq!(
        title(&home),
        format!("My lines · for {BARBARA_NAME} · MOBPROC storefront")
    );
    let banner = element_labelled(&home, "Acting for").expect("the banner");
    let said = text(banner);
    assert!(said.contains(ORDERING_FOR_BARBARA), "{said}");
    assert!(said.contains(&format!("({MARKETING})")), "{said}");
    assert!(said.contains("Switch back"), "{said}");
    assert!(banner.contains("action=\"/api/acting/stop\""), "{banner}");

    // Her catalog: the marketing one.
    let upgrade = harness
        .page(
            &admin,
            &format!("/lines/{BARBARA_LINE}/upgrade?q=Galaxy%20Tab"),
        )
        .await;
    assert!(upgrade.contains(MARKETING_ONLY_DEVICE), "{upgrade}");
    assert!(acting_banner(&upgrade).is_some_and(|b| b.contains(ORDERING_FOR_BARBARA)));
    let upgrade = harness
        .page(&admin, &format!("/lines/{BARBARA_LINE}/upgrade?q=Passport"))
        .await;
    assert!(!upgrade.contains(CORPORATE_ONLY_DEVICE), "{upgrade}");
    let accessories = harness
        .page(&admin, &format!("/lines/{BARBARA_LINE}/accessories"))
        .await;
    assert!(accessories.contains(EARPODS_NAME), "{accessories}");
    assert_eq!(
        title(&accessories),
        format!("Accessories for {BARBARA_LINE_NUMBER} · for {BARBARA_NAME} · MOBPROC storefront")
    );

    // The 404 page too.
    let (status, missing) = harness.page_with_status(&admin, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(acting_banner(&missing).is_some_and(|b| b.contains(ORDERING_FOR_BARBARA)));

    // Switch back, without JavaScript.
    let back = harness
        .post_form(&admin, "/api/acting/stop", &(), "/")
        .await;
    assert!(back.status().is_redirection(), "{}", back.status());
    assert_eq!(location(&back), "/");
    expect_own_lines(&harness, &admin).await;
}

#[tokio::test]
async fn a_switch_mobproc_refuses_shows_a_message_and_changes_nothing() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness
        .set_faults(json!([{
            "path": format!("/mobproc/v1/employees/{BARBARA_ID}"),
            "method": "GET",
            "errorRate": 1,
            "errorStatus": 403
        }]))
        .await;

    // Without JavaScript: back to the search, which says why.
    let refused = harness
        .post_form(
            &admin,
            "/api/acting/start",
            &[("employee_id", BARBARA_ID)],
            "/act-for?q=barb",
        )
        .await;
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let back = harness.path_of(location(&refused));
    assert!(back.starts_with("/act-for?"), "{back}");
    let html = harness.page_answering(&admin, &back, 403).await;
    assert!(text(&html).contains(REFUSED_BY_MOBPROC), "{html}");
    assert!(html.contains("role=\"alert\""), "{html}");
    // As the hydrated page calls it.
    let refused = harness.start_acting(&admin, BARBARA_ID).await;
    assert!(refused.is_err(), "{refused:?}");
    expect_own_lines(&harness, &admin).await;

    // Acting for James, a refused switch to Barbara leaves James in place.
    harness.start_acting(&admin, JAMES_ID).await.unwrap();
    let refused = harness.start_acting(&admin, BARBARA_ID).await;
    assert!(refused.is_err(), "{refused:?}");
    let home = harness.page(&admin, "/").await;
    assert!(home.contains(JAMES_LINE_NUMBER), "{home}");
    assert!(!home.contains(BARBARA_LINE_NUMBER), "{home}");
    let banner = acting_banner(&home).expect("still acting for James");
    assert!(
        banner.contains(&format!("You are ordering for {JAMES_NAME}")),
        "{banner}"
    );

    // Someone MOBPROC does not know.
    let unknown = harness
        .post_form(
            &admin,
            "/api/acting/start",
            &[("employee_id", "99999999")],
            "/act-for?q=nobody",
        )
        .await;
    let html = harness
        .page_answering(&admin, &harness.path_of(location(&unknown)), 404)
        .await;
    assert!(text(&html).contains(NOT_FOUND), "{html}");
    let home = harness.page(&admin, "/").await;
    assert!(home.contains(JAMES_LINE_NUMBER), "{home}");
}

#[tokio::test]
async fn an_order_for_barbara_names_her_as_account_holder_and_the_admin_as_requester() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    harness
        .add_accessory(&admin, BARBARA_LINE, EARPODS)
        .await
        .expect("EarPods for Barbara's line");

    // The checkout is prefilled with Barbara's details, not the admin's.
    let checkout = harness.page(&admin, "/checkout").await;
    for value in ["4155550140", "4155550142", BARBARA_NAME] {
        assert!(
            checkout.contains(&format!("value=\"{value}\"")),
            "{value}: {checkout}"
        );
    }
    assert!(!checkout.contains("value=\"2035550100\""), "{checkout}");
    assert!(!checkout.contains(&format!("value=\"{ADMIN_NAME}\"")));

    let checkout_id = harness.confirm(&admin, &barbara_checkout()).await.unwrap();
    let confirmation = harness
        .page(&admin, &format!("/checkout/confirm?checkout={checkout_id}"))
        .await;
    assert_eq!(
        title(&confirmation),
        format!("Confirm your order · for {BARBARA_NAME} · MOBPROC storefront")
    );
    let shown = text(&confirmation);
    assert!(
        shown.contains(&format!("Ordered for {BARBARA_NAME} ({BARBARA_EMAIL})")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("Requested by {ADMIN_NAME} ({ADMIN_EMAIL})")),
        "{shown}"
    );
    assert!(
        says_ordered_by_for(&shown, ADMIN_NAME, BARBARA_NAME),
        "{shown}"
    );

    let order_id = harness.submit(&admin, &checkout_id).await.unwrap();
    let order = harness.page(&admin, &format!("/orders/{order_id}")).await;
    let shown = text(&order);
    assert!(
        says_ordered_by_for(&shown, ADMIN_NAME, BARBARA_NAME),
        "{shown}"
    );
    assert!(shown.contains(EARPODS_NAME), "{shown}");
    assert_eq!(
        title(&order),
        format!("Order {order_id} · for {BARBARA_NAME} · MOBPROC storefront")
    );
    assert_eq!(
        cart_count(harness.call_for(&admin, "cart/count", &()).await),
        0
    );

    let orders = harness
        .sandbox_orders_seen_by(BARBARA, Some(BARBARA_ID))
        .await;
    assert_eq!(orders.len(), 1, "{orders:#?}");
    assert_eq!(orders[0]["orderId"], order_id.as_str());
    assert_eq!(orders[0]["transactionType"], "ORDER_ACCESSORIES");
    assert_eq!(orders[0]["accountHolder"]["id"], BARBARA_ID);
    assert_eq!(orders[0]["requestedBy"]["id"], ADMIN_ID);
    let admins_own = harness.sandbox_orders_seen_by(ADMIN, Some(ADMIN_ID)).await;
    assert!(
        admins_own.is_empty(),
        "not the admin's order: {admins_own:#?}"
    );
}

#[tokio::test]
async fn a_checkout_confirmed_for_barbara_cannot_be_placed_for_james() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    harness
        .add_accessory(&admin, BARBARA_LINE, EARPODS)
        .await
        .unwrap();
    let checkout_id = harness.confirm(&admin, &barbara_checkout()).await.unwrap();

    harness.start_acting(&admin, JAMES_ID).await.unwrap();
    let refused = harness.submit(&admin, &checkout_id).await.unwrap_err();
    assert!(
        refused.to_string().contains(CONFIRMED_FOR_SOMEONE_ELSE),
        "{refused}"
    );
    let confirmation = harness
        .page_answering(
            &admin,
            &format!("/checkout/confirm?checkout={checkout_id}"),
            422,
        )
        .await;
    assert!(
        text(&confirmation).contains(CONFIRMED_FOR_SOMEONE_ELSE),
        "{confirmation}"
    );
    let everyone = harness.sandbox_orders_seen_by(ADMIN, None).await;
    assert!(everyone.is_empty(), "nothing was ordered: {everyone:#?}");
    assert_eq!(
        cart_count(harness.call_for(&admin, "cart/count", &()).await),
        0,
        "James's cart is his own, and empty"
    );

    // For Barbara again, her confirmed checkout goes through, for her.
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let order_id = harness.submit(&admin, &checkout_id).await.unwrap();
    let everyone = harness.sandbox_orders_seen_by(ADMIN, None).await;
    assert_eq!(everyone.len(), 1, "{everyone:#?}");
    assert_eq!(everyone[0]["orderId"], order_id.as_str());
    assert_eq!(everyone[0]["accountHolder"]["id"], BARBARA_ID);
}

#[tokio::test]
async fn carts_belong_to_the_person_ordered_for_and_switching_back_restores_the_admins() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness
        .add_accessory(&admin, ADMIN_LINE, CAR_CHARGER)
        .await
        .expect("a charger for the admin's own line");
    assert_eq!(
        cart_count(harness.call_for(&admin, "cart/count", &()).await),
        1
    );

    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let cart: Option<CartView> = harness.call_for(&admin, "cart/get", &()).await.unwrap();
    assert_eq!(cart, None, "Barbara's cart starts empty");
    harness
        .add_accessory(&admin, BARBARA_LINE, EARPODS)
        .await
        .unwrap();
    let cart: Option<CartView> = harness.call_for(&admin, "cart/get", &()).await.unwrap();
    let cart = cart.expect("Barbara's cart");
    assert_eq!(cart.service_id.as_deref(), Some(BARBARA_LINE));
    assert_eq!(cart.items.len(), 1);
    assert_eq!(cart.items[0].id, EARPODS);

    harness.stop_acting(&admin).await.unwrap();
    let cart: Option<CartView> = harness.call_for(&admin, "cart/get", &()).await.unwrap();
    let cart = cart.expect("the admin's own cart is back");
    assert_eq!(cart.service_id.as_deref(), Some(ADMIN_LINE));
    assert_eq!(cart.items.len(), 1);
    assert_eq!(cart.items[0].id, CAR_CHARGER);
    let html = harness.page(&admin, "/cart").await;
    assert_eq!(title(&html), "Your cart · MOBPROC storefront");
    assert_eq!(acting_banner(&html), None);

    // And Barbara's is kept for the next time.
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let cart: Option<CartView> = harness.call_for(&admin, "cart/get", &()).await.unwrap();
    let cart = cart.expect("Barbara's cart again");
    assert_eq!(cart.service_id.as_deref(), Some(BARBARA_LINE));
    assert_eq!(cart.items[0].id, EARPODS);
}

#[tokio::test]
async fn signing_out_ends_the_context() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let home = harness.page(&admin, "/").await;
    assert!(acting_banner(&home).is_some_and(|b| b.contains(ORDERING_FOR_BARBARA)));

    let out = admin
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&out), "/sign-in");

    let response = harness.sign_in(&admin, ADMIN, "demo").await;
    assert_eq!(location(&response), "/");
    expect_own_lines(&harness, &admin).await;
}

#[tokio::test]
async fn the_context_survives_a_server_restart() {
    let harness = start().await;
    let jar = Arc::new(Jar::default());
    let first = browser_at(&harness.base, jar.clone());
    assert_eq!(location(&harness.sign_in(&first, ADMIN, "demo").await), "/");
    harness.start_acting(&first, BARBARA_ID).await.unwrap();

    let (base, server) = harness.second_server().await;
    let second = browser_at(&base, jar);
    let home = second.get(format!("{base}/")).send().await.unwrap();
    let status = home.status();
    let html = home.text().await.unwrap();
    server.abort();
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains(BARBARA_LINE_NUMBER), "{html}");
    assert!(acting_banner(&html).is_some_and(|b| b.contains(ORDERING_FOR_BARBARA)));
}
