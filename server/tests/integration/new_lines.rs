//! New lines and carrier changes, through real HTTP against the sandbox: the place step
//! (checked before any catalog call), a new line's catalog and cart, a carrier change
//! keeping the number, a personal line moved to the company with its acknowledgements
//! (ported when the networks differ), on behalf of someone else, and who may not.

use crate::support;

use app::{
    error::AppError,
    model::{
        cart::{CartChange, CartView, ItemKind, OrderKind},
        checkout::{CheckoutView, ConfirmationView},
        order::OrderList,
    },
};
use reqwest::Client;
use sandbox::journal::CallFilter;
use serde_json::Value;
use support::{
    acting::{text, ADMIN_NAME, BARBARA_ID, BARBARA_NAME},
    api_calls, location,
    ordering::{seed_checkout, with},
    start, Harness,
};

const US: &str = "70144640";
/// The documented new line: Samsung Galaxy S4 on the Talk Share plan in 06477, with
/// two optional features and two chargers.
const GALAXY_S4: &str = "9194791812";
const TALK_SHARE: &str = "6568886494";
const NEW_LINE_FEATURES: [&str; 2] = ["951", "88"];
const NEW_LINE_CHARGERS: [&str; 2] = ["3628935899", "3628939022"];
/// The documented carrier change: Peter's AT&T line 512-344-0000 onto Verizon with an
/// iPhone 5 and the Talk Share plan.
const AT_T_LINE: &str = "34415733";
const IPHONE_5: &str = "9194713909";
const PORT_FEATURES: [&str; 2] = ["2082", "1399"];
/// Carriers a personal line comes from: T-Mobile (GSM) and AT&T (GSM).
const T_MOBILE: &str = "777";
/// An AT&T (GSM) plan and phone, and Verizon's (CDMA) Talk Share plan.
const AT_T_PLAN: &str = "6568887002";
const AT_T_PHONE: &str = "9194800201";
const DIANE: &str = "diane.foster.acme";
const NOAH: &str = "noah.patel@example.com";

/// The place step's query for a new line of `kind` in `postal_code`, as its form sends it.
fn place_query(kind: OrderKind, postal_code: &str, from: Option<&str>) -> String {
    let from = from.map(|f| format!("&from={f}")).unwrap_or_default();
    format!(
        "step=check&kind={}&region={US}&postal_code={postal_code}{from}",
        kind.as_str()
    )
}

/// Adds an item for a new line (no line, a place) as the catalog's form posts it.
async fn add_for_place(
    harness: &Harness,
    browser: &Client,
    order: OrderKind,
    kind: ItemKind,
    item_id: &str,
    place: &[(&str, &str)],
) -> Result<CartChange, AppError> {
    let mut form = vec![
        ("order", order.as_str()),
        ("item_kind", kind.as_str()),
        ("item_id", item_id),
    ];
    form.extend_from_slice(place);
    harness.call_for(browser, "cart/add", &form).await
}

async fn cart(harness: &Harness, browser: &Client) -> CartView {
    let cart: Option<CartView> = harness.call_for(browser, "cart/get", &()).await.unwrap();
    cart.expect("a cart")
}

/// The documented new line in `browser`'s cart.
async fn add_new_line(harness: &Harness, browser: &Client) {
    let place = [("place[region]", US), ("place[postal_code]", "06477")];
    let new_line = OrderKind::NewActivation;
    add_for_place(
        harness,
        browser,
        new_line,
        ItemKind::Device,
        GALAXY_S4,
        &place,
    )
    .await
    .unwrap();
    add_for_place(
        harness,
        browser,
        new_line,
        ItemKind::Plan,
        TALK_SHARE,
        &place,
    )
    .await
    .unwrap();
    for feature in NEW_LINE_FEATURES {
        add_for_place(
            harness,
            browser,
            new_line,
            ItemKind::Feature,
            feature,
            &place,
        )
        .await
        .unwrap();
    }
    for charger in NEW_LINE_CHARGERS {
        add_for_place(
            harness,
            browser,
            new_line,
            ItemKind::Accessory,
            charger,
            &place,
        )
        .await
        .unwrap();
    }
}

/// The documented new line's checkout: area code 512, urgent, an "other" reason.
fn new_line_checkout() -> Vec<(String, String)> {
    let form = seed_checkout();
    let form = with(&form, "form[properties][SERVICE_NUMBER]", None);
    let form = with(&form, "form[properties][PREFERRED_AREA_CODE]", Some("512"));
    let form = with(&form, "form[properties][Reason]", Some("1"));
    let form = with(&form, "form[properties][URGENCY]", Some("2"));
    let form = with(&form, "form[properties][ORDER_REASON]", Some("7"));
    with(
        &form,
        "form[other][ORDER_REASON]",
        Some("Current phone recalled for battery issue"),
    )
}

/// What the sandbox received for `order_id`.
async fn sandbox_request(harness: &Harness, order_id: &str) -> Value {
    let url = format!(
        "{}/_sandbox/orders/{order_id}/request",
        harness.sandbox.base_url()
    );
    reqwest::get(url).await.unwrap().json().await.unwrap()
}

fn documented(path: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/mobproc/examples/orders")
        .join(path);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The JSON paths of `value`'s object keys, arrays' items as `[]`: its shape.
fn shape(value: &Value, at: &str, into: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let path = format!("{at}.{key}");
                into.insert(path.clone());
                shape(field, &path, into);
            }
        }
        Value::Array(items) => {
            for item in items {
                shape(item, &format!("{at}[]"), into);
            }
        }
        _ => {}
    }
}

fn shape_of(value: &Value) -> std::collections::BTreeSet<String> {
    let mut paths = std::collections::BTreeSet::new();
    shape(value, "", &mut paths);
    paths
}

/// The one-time and monthly sums of a documented confirmation's item prices, as the
/// storefront writes money.
fn documented_totals(cart: &Value) -> (String, String) {
    let listed = |items: &Value| -> Vec<Value> {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["price"].clone())
            .collect()
    };
    let mut prices = vec![
        cart["device"]["price"].clone(),
        cart["plan"]["price"].clone(),
    ];
    prices.extend(listed(&cart["accessories"]));
    prices.extend(listed(&cart["plan"]["optionalFeatures"]));
    let sum = |recurrence: &str| -> rust_decimal::Decimal {
        prices
            .iter()
            .filter(|p| p["recurrence"] == recurrence)
            .map(|p| {
                p["amount"]
                    .to_string()
                    .parse::<rust_decimal::Decimal>()
                    .unwrap()
            })
            .sum()
    };
    (
        format!("${:.2}", sum("ONETIME")),
        format!("${:.2}", sum("MONTHLY")),
    )
}

async fn confirmation(harness: &Harness, browser: &Client, checkout: &str) -> ConfirmationView {
    harness
        .call_for(browser, "checkout/confirmation", &[("checkout", checkout)])
        .await
        .unwrap()
}

#[tokio::test]
async fn peter_orders_the_documented_new_line_and_it_appears_once_completed() {
    let harness = start().await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    assert!(
        home.contains(r#"href="/new-line""#),
        "My lines offers a new line"
    );
    let choices = text(&harness.page(&peter, "/new-line").await);
    assert!(choices.contains("A new number"), "{choices}");
    assert!(choices.contains("Move my personal line to the company"));

    let step = format!(
        "/new-line/place?{}",
        place_query(OrderKind::NewActivation, "06477", None)
    );
    let answered = peter.get(harness.url(&step)).send().await.unwrap();
    let catalog = location(&answered).to_owned();
    assert_eq!(
        catalog,
        format!("/new-line/catalog?kind=new_activation&region={US}&postal_code=06477"),
        "a good place leads to its catalog"
    );
    let devices = text(&harness.page(&peter, &catalog).await);
    assert!(
        devices.contains("Samsung Galaxy S4 (16GB) - Black Mist"),
        "{devices}"
    );
    assert!(devices.contains("United States, 06477"));
    let accessories = text(
        &harness
            .page(&peter, &format!("{catalog}&view=accessories"))
            .await,
    );
    assert!(accessories.contains("add a device first"), "{accessories}");

    add_new_line(&harness, &peter).await;
    let cart = cart(&harness, &peter).await;
    assert_eq!(cart.summary, "New line in 06477");
    assert_eq!(cart.items.len(), 6);
    assert_eq!(cart.blocker, None);
    let accessories = text(
        &harness
            .page(&peter, &format!("{catalog}&view=accessories"))
            .await,
    );
    assert!(
        accessories.contains("fit the Samsung Galaxy S4 (16GB) - Black Mist in your cart"),
        "{accessories}"
    );

    let form: CheckoutView = harness.call_for(&peter, "checkout/get", &()).await.unwrap();
    let ids: Vec<&str> = form.properties.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.contains(&"PREFERRED_AREA_CODE"), "{ids:?}");
    assert_eq!(form.ship_to.region_id, US, "ships where the line is used");
    let checkout = harness.confirm(&peter, &new_line_checkout()).await.unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    let documented_confirmation =
        &documented("new_activation/confirmation.json")["orderConfirmation"];
    assert_eq!(confirmed.place.as_deref(), Some("United States, 06477"));
    let cart_items = &documented_confirmation["shoppingCart"];
    // The documented costSummary (244.99, 538.69) is not the sum of its own items'
    // prices; MOBPROC (and the sandbox) add them up.
    let (one_time, monthly) = documented_totals(cart_items);
    assert_eq!(confirmed.one_time_total, one_time);
    assert_eq!(confirmed.monthly_total, monthly);
    let mut names: Vec<&str> = confirmed.items.iter().map(|i| i.name.as_str()).collect();
    let mut expected = vec![cart_items["device"]["name"].as_str().unwrap()];
    expected.extend(
        cart_items["accessories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap()),
    );
    names.sort_unstable();
    expected.sort_unstable();
    assert_eq!(names, expected, "the documented items");
    let plan = confirmed.plan.expect("the plan");
    assert_eq!(plan.name, cart_items["plan"]["name"].as_str().unwrap());
    assert_eq!(plan.optional.len(), 2);
    assert!(confirmed
        .properties
        .iter()
        .any(|p| p.label == "Order Reason" && p.value.contains("recalled")));

    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    assert_eq!(sent["orderRequest"]["transactionType"], "NEW_ACTIVATION");
    assert_eq!(sent["orderRequest"]["postalCode"], "06477");
    assert!(sent["orderRequest"].get("serviceId").is_none());
    assert_eq!(
        sent["orderRequest"]["shoppingCart"],
        documented("new_activation/request.json")["orderRequest"]["shoppingCart"]
    );
    let mine: OrderList = harness
        .call_for(
            &peter,
            "orders/list",
            &[("scope", "mine"), ("status", "all")],
        )
        .await
        .unwrap();
    assert!(
        mine.rows.iter().any(|r| r.order_id == order_id),
        "in My orders"
    );

    // $538.69 a month is over the approval threshold: Diane approves, then it ships.
    harness.advance_sandbox_clock(60).await;
    let diane = harness.signed_in(DIANE).await;
    harness
        .call_for::<(), _>(
            &diane,
            "approvals/decide",
            &[
                ("order_id", order_id.as_str()),
                ("action", "approve"),
                ("reason", "New hire"),
            ],
        )
        .await
        .unwrap();
    assert!(!text(&harness.page(&peter, "/").await).contains("512-555-"));
    // Days on, the tokens have long expired: Peter signs in again.
    harness.advance_sandbox_clock(4 * 24 * 3600).await;
    let peter = harness.peter().await;
    let lines = text(&harness.page(&peter, "/").await);
    assert!(
        lines.contains("512-555-"),
        "the new line, in area code 512: {lines}"
    );
}

#[tokio::test]
async fn a_wrong_postal_code_is_refused_beside_its_field_before_any_catalog_call() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.forget_mobproc_calls();
    let step = format!(
        "/new-line/place?{}",
        place_query(OrderKind::NewActivation, "0647", None)
    );
    let page = harness.page_answering(&peter, &step, 422).await;
    assert!(
        page.contains(r#"id="place-postal-code-error""#),
        "beside the field"
    );
    assert!(text(&page).contains("0647 is not a United States postal code (format 99999)."));
    assert!(page.contains(r#"value="0647""#), "what was typed is kept");
    let catalog_calls = CallFilter::default().path("/mobproc/v1/catalog/*");
    assert!(
        harness.mobproc_calls(&catalog_calls).is_empty(),
        "no catalog call"
    );

    let missing = format!(
        "/new-line/place?{}",
        place_query(OrderKind::NewActivation, "", None)
    );
    let page = text(&harness.page_answering(&peter, &missing, 422).await);
    assert!(
        page.contains("Enter the postal code where the line will be used"),
        "{page}"
    );

    // A catalog URL naming a bad place is refused the same way, without a catalog call.
    let by_hand = format!("/new-line/catalog?kind=new_activation&region={US}&postal_code=ABCDE");
    let page = text(&harness.page_answering(&peter, &by_hand, 422).await);
    assert!(
        page.contains("Choose where the line will be used"),
        "{page}"
    );
    assert!(harness.mobproc_calls(&catalog_calls).is_empty());

    // A link that only fills the form in shows it, unchecked.
    let prefilled = format!("/new-line/place?kind=new_activation&region={US}&postal_code=0647");
    let page = harness.page(&peter, &prefilled).await;
    assert!(page.contains(r#"value="0647""#));
    assert!(!page.contains("place-postal-code-error"));
}

#[tokio::test]
async fn peter_moves_his_att_line_to_another_carrier_keeping_its_number() {
    let harness = start().await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    assert!(home.contains(&format!(r#"href="/lines/{AT_T_LINE}/port""#)));
    let step = format!("/lines/{AT_T_LINE}/port");
    assert!(text(&harness.page(&peter, &step).await).contains("Change carrier for 512-344-0000"));
    let answered = peter
        .get(harness.url(&format!("{step}?step=check&region={US}&postal_code=06477")))
        .send()
        .await
        .unwrap();
    let catalog = location(&answered).to_owned();
    assert_eq!(
        catalog,
        format!("/lines/{AT_T_LINE}/port/catalog?region={US}&postal_code=06477")
    );
    let plans = text(&harness.page(&peter, &format!("{catalog}&view=plans")).await);
    assert!(
        plans.contains("Nationwide for Business Talk Share Plan"),
        "{plans}"
    );

    let place = [
        ("service_id", AT_T_LINE),
        ("place[region]", US),
        ("place[postal_code]", "06477"),
    ];
    let port = OrderKind::PortNumber;
    add_for_place(&harness, &peter, port, ItemKind::Plan, AT_T_PLAN, &place)
        .await
        .unwrap();
    let blocked = cart(&harness, &peter).await.blocker.expect("blocked");
    assert!(blocked.contains("needs a device"), "{blocked}");
    add_for_place(&harness, &peter, port, ItemKind::Device, AT_T_PHONE, &place)
        .await
        .unwrap();
    let blocked = cart(&harness, &peter).await.blocker.expect("blocked");
    assert!(blocked.contains("with AT&T Mobility already"), "{blocked}");

    add_for_place(&harness, &peter, port, ItemKind::Device, IPHONE_5, &place)
        .await
        .unwrap();
    add_for_place(&harness, &peter, port, ItemKind::Plan, TALK_SHARE, &place)
        .await
        .unwrap();
    for feature in PORT_FEATURES {
        add_for_place(&harness, &peter, port, ItemKind::Feature, feature, &place)
            .await
            .unwrap();
    }
    let cart = cart(&harness, &peter).await;
    assert_eq!(cart.summary, "Carrier change for 512-344-0000");
    assert_eq!(cart.blocker, None);

    let form: CheckoutView = harness.call_for(&peter, "checkout/get", &()).await.unwrap();
    let value = |id: &str| {
        form.properties
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.value.clone())
            .unwrap_or_else(|| panic!("{id} asked"))
    };
    assert_eq!(value("SERVICE_NUMBER"), "5123440000", "the number to port");
    assert_eq!(value("CURRENT_CARRIER"), "AT&T Mobility");
    assert_eq!(value("NAME_ON_INVOICE"), "Peter Edwards");

    let porting = with(
        &seed_checkout(),
        "form[properties][SERVICE_NUMBER]",
        Some("5123440000"),
    );
    let porting = with(
        &porting,
        "form[properties][CONTACT_NUMBER]",
        Some("2035559360"),
    );
    let porting = with(
        &porting,
        "form[properties][NAME_ON_INVOICE]",
        Some("Peter Edwards"),
    );
    let porting = with(
        &porting,
        "form[properties][CURRENT_CARRIER]",
        Some("Formerly AT&T Wireless"),
    );
    let refused = harness.confirm(&peter, &porting).await.unwrap_err();
    assert_eq!(
        refused.field("properties.CARRIER_ACCT_NUMBER").as_deref(),
        Some("Carrier Account Number is required.")
    );
    let again: CheckoutView = harness.call_for(&peter, "checkout/get", &()).await.unwrap();
    let kept = again
        .properties
        .iter()
        .find(|p| p.id == "CURRENT_CARRIER")
        .map(|p| p.value.as_str());
    assert_eq!(kept, Some("Formerly AT&T Wireless"), "values kept");

    let porting = with(
        &porting,
        "form[properties][CARRIER_ACCT_NUMBER]",
        Some("123456789"),
    );
    let checkout = harness.confirm(&peter, &porting).await.unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    assert_eq!(confirmed.line.as_deref(), Some("512-344-0000"));
    assert_eq!(confirmed.place.as_deref(), Some("United States, 06477"));
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    let documented = documented("port_number/request.json");
    assert_eq!(shape_of(&sent), shape_of(&documented), "{sent}");
    assert_eq!(sent["orderRequest"]["serviceId"], AT_T_LINE);
    assert_eq!(
        sent["orderRequest"]["shoppingCart"],
        documented["orderRequest"]["shoppingCart"]
    );
}

/// The place of a personal line from T-Mobile in 06484, as catalog forms send it.
const FROM_T_MOBILE: [(&str, &str); 3] = [
    ("place[region]", US),
    ("place[postal_code]", "06484"),
    ("place[from]", T_MOBILE),
];

/// The transfer checkout's porting details.
fn transfer_checkout() -> Vec<(String, String)> {
    let form = with(
        &seed_checkout(),
        "form[properties][SERVICE_NUMBER]",
        Some("2035551111"),
    );
    let form = with(
        &form,
        "form[properties][CARRIER_ACCT_NUMBER]",
        Some("12345"),
    );
    let form = with(
        &form,
        "form[properties][NAME_ON_INVOICE]",
        Some("Peter Edwards"),
    );
    with(
        &form,
        "form[properties][PERSONAL_EMAIL]",
        Some("peter.edwards@example.com"),
    )
}

#[tokio::test]
async fn a_personal_line_moves_to_the_company_once_every_acknowledgement_is_ticked() {
    let harness = start().await;
    let peter = harness.peter().await;
    let step = "/new-line/place?kind=transfer_in";
    let page = text(&harness.page(&peter, step).await);
    assert!(page.contains("Your current carrier"), "{page}");
    let missing_carrier = format!(
        "/new-line/place?{}",
        place_query(OrderKind::TransferIn, "06484", None)
    );
    let page = text(&harness.page_answering(&peter, &missing_carrier, 422).await);
    assert!(
        page.contains("Choose the carrier your line is with now."),
        "{page}"
    );
    let answered = peter
        .get(harness.url(&format!(
            "/new-line/place?{}",
            place_query(OrderKind::TransferIn, "06484", Some(T_MOBILE))
        )))
        .send()
        .await
        .unwrap();
    let catalog = location(&answered).to_owned();
    let plans = text(&harness.page(&peter, &format!("{catalog}&view=plans")).await);
    assert!(
        plans.contains("T-Mobile (GSM)"),
        "the carrier it comes from: {plans}"
    );
    assert!(
        plans.contains("the number is ported, and a new phone is needed"),
        "plans on another network say so: {plans}"
    );

    let transfer = OrderKind::TransferIn;
    add_for_place(
        &harness,
        &peter,
        transfer,
        ItemKind::Plan,
        AT_T_PLAN,
        &FROM_T_MOBILE,
    )
    .await
    .unwrap();
    let cart = cart(&harness, &peter).await;
    assert_eq!(cart.order, OrderKind::TransferIn, "same network: no port");
    assert_eq!(cart.blocker, None, "the phone may stay");
    assert!(cart.explanation.unwrap().contains("without porting"));

    let form: CheckoutView = harness.call_for(&peter, "checkout/get", &()).await.unwrap();
    let headers: Vec<&str> = form
        .info_blocks
        .iter()
        .filter_map(|b| b.header.as_deref())
        .collect();
    assert_eq!(
        headers,
        [
            "Family & Shared Minute Plans",
            "Authorization of Transfer",
            "Termination Fee Notice"
        ]
    );
    assert_eq!(form.acknowledgements.len(), 3);
    assert!(form
        .acknowledgements
        .iter()
        .all(|a| a.required && !a.checked));

    let one_ticked = with(
        &transfer_checkout(),
        "form[acknowledgements][AUTHORIZATION_OF_TRANSFER]",
        Some("on"),
    );
    let refused = harness.confirm(&peter, &one_ticked).await.unwrap_err();
    for unticked in ["FAMILY_SHARED_MINUTE_PLAN", "TERMINATION_FEES"] {
        assert!(
            refused
                .field(&format!("acknowledgements.{unticked}"))
                .is_some(),
            "{unticked} named: {refused:?}"
        );
    }
    assert!(refused
        .field("acknowledgements.AUTHORIZATION_OF_TRANSFER")
        .is_none());
    let again: CheckoutView = harness.call_for(&peter, "checkout/get", &()).await.unwrap();
    let ticked: Vec<&str> = again
        .acknowledgements
        .iter()
        .filter(|a| a.checked)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        ticked,
        ["AUTHORIZATION_OF_TRANSFER"],
        "what was ticked is kept"
    );
    assert!(
        again
            .properties
            .iter()
            .any(|p| p.id == "CARRIER_ACCT_NUMBER" && p.value == "12345"),
        "values kept"
    );

    let all_ticked = with(
        &one_ticked,
        "form[acknowledgements][FAMILY_SHARED_MINUTE_PLAN]",
        Some("on"),
    );
    let all_ticked = with(
        &all_ticked,
        "form[acknowledgements][TERMINATION_FEES]",
        Some("on"),
    );
    let checkout = harness.confirm(&peter, &all_ticked).await.unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    assert_eq!(confirmed.current_carrier.as_deref(), Some("T-Mobile"));
    assert_eq!(confirmed.acknowledgements.len(), 3);
    assert!(confirmed.acknowledgements[1].starts_with("I authorize the transfer of liability"));
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    assert_eq!(sent["orderRequest"]["transactionType"], "XFER_SERVICE_IN");
    assert_eq!(sent["orderRequest"]["currentVendorId"], T_MOBILE);
    assert_eq!(
        sent["orderRequest"]["acknowledgements"],
        serde_json::json!([
            {"id": "FAMILY_SHARED_MINUTE_PLAN", "boolean": true},
            {"id": "AUTHORIZATION_OF_TRANSFER", "boolean": true},
            {"id": "TERMINATION_FEES", "boolean": true},
        ])
    );
}

#[tokio::test]
async fn a_carrier_on_another_network_ports_the_line_with_a_new_device() {
    let harness = start().await;
    let peter = harness.peter().await;
    let transfer = OrderKind::TransferIn;
    add_for_place(
        &harness,
        &peter,
        transfer,
        ItemKind::Plan,
        TALK_SHARE,
        &FROM_T_MOBILE,
    )
    .await
    .unwrap();
    let ported = cart(&harness, &peter).await;
    assert_eq!(
        ported.order,
        OrderKind::TransferInAndPort,
        "the storefront chose it"
    );
    assert_eq!(
        ported.summary,
        "Personal line moved to the company in 06484, ported to a new carrier"
    );
    assert!(ported
        .explanation
        .unwrap()
        .contains("ported to Verizon Wireless"));
    assert!(ported.blocker.unwrap().contains("needs a device"));
    let checkout = harness
        .call_for::<Value, _>(&peter, "checkout/get", &())
        .await;
    assert!(
        matches!(checkout, Err(AppError::Invalid { .. })),
        "no checkout without it"
    );

    add_for_place(
        &harness,
        &peter,
        transfer,
        ItemKind::Device,
        IPHONE_5,
        &FROM_T_MOBILE,
    )
    .await
    .unwrap();
    let cart = cart(&harness, &peter).await;
    assert_eq!(cart.order, OrderKind::TransferInAndPort);
    assert_eq!(cart.blocker, None);
    let form: CheckoutView = harness.call_for(&peter, "checkout/get", &()).await.unwrap();
    let mut ticked = transfer_checkout();
    for ack in &form.acknowledgements {
        ticked = with(
            &ticked,
            &format!("form[acknowledgements][{}]", ack.id),
            Some("on"),
        );
    }
    let checkout = harness.confirm(&peter, &ticked).await.unwrap();
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    assert_eq!(
        sent["orderRequest"]["transactionType"],
        "XFER_SERVICE_IN_AND_PORT"
    );
    assert_eq!(sent["orderRequest"]["shoppingCart"]["deviceId"], IPHONE_5);
    assert_eq!(sent["orderRequest"]["shoppingCart"]["quantity"], 1);
}

#[tokio::test]
async fn the_admin_orders_a_new_line_for_barbara() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let home = harness.page(&admin, "/").await;
    assert!(home.contains(r#"href="/new-line""#));
    add_new_line(&harness, &admin).await;
    let form: CheckoutView = harness.call_for(&admin, "checkout/get", &()).await.unwrap();
    assert_eq!(form.ship_to.name, BARBARA_NAME, "her defaults");
    let checkout = harness
        .confirm(
            &admin,
            &with(&new_line_checkout(), "form[name]", Some(BARBARA_NAME)),
        )
        .await
        .unwrap();
    let confirmed = confirmation(&harness, &admin, &checkout).await;
    assert!(confirmed.account_holder.unwrap().contains(BARBARA_NAME));
    assert!(confirmed.requested_by.unwrap().contains(ADMIN_NAME));
    let order_id = harness.submit(&admin, &checkout).await.unwrap();
    let orders = harness
        .sandbox_orders_seen_by(support::acting::ADMIN, Some(BARBARA_ID))
        .await;
    let order = orders
        .iter()
        .find(|o| o["orderId"] == order_id.as_str())
        .expect("Barbara's order at the sandbox");
    assert_eq!(order["transactionType"], "NEW_ACTIVATION");
    assert_eq!(order["accountHolder"]["id"], BARBARA_ID);
    assert_eq!(order["requestedBy"]["id"], support::acting::ADMIN_ID);
}

#[tokio::test]
async fn someone_without_new_activation_sees_no_new_line_and_is_refused_without_mobproc() {
    let harness = start().await;
    let noah = harness.signed_in(NOAH).await;
    let home = harness.page(&noah, "/").await;
    assert!(
        !home.contains(r#"href="/new-line""#),
        "no New line for Noah"
    );
    harness.forget_mobproc_calls();
    for path in [
        "/new-line".to_owned(),
        "/new-line/place?kind=new_activation".to_owned(),
        format!(
            "/new-line/place?{}",
            place_query(OrderKind::NewActivation, "06477", None)
        ),
        format!("/new-line/catalog?kind=new_activation&region={US}&postal_code=06477"),
        format!("/new-line/plans/{TALK_SHARE}?kind=new_activation&region={US}&postal_code=06477"),
    ] {
        let page = harness.page_answering(&noah, &path, 403).await;
        assert!(
            text(&page).contains("You are not allowed to do that."),
            "{path}"
        );
    }
    let add = add_for_place(
        &harness,
        &noah,
        OrderKind::NewActivation,
        ItemKind::Device,
        GALAXY_S4,
        &[("place[region]", US), ("place[postal_code]", "06477")],
    )
    .await;
    assert_eq!(add, Err(AppError::Forbidden));
    assert!(
        harness.mobproc_calls(&api_calls()).is_empty(),
        "nothing asked of MOBPROC"
    );
}
