//! Line care through real HTTP against the sandbox: suspending and reconnecting a line
//! with the documented requests, a preferred date in the past refused, a feature
//! change, a swap to a phone typed in with its IMEI checked, a cancellation for
//! someone else with its warning and audit line, moving a line to another employee,
//! who may not do any of it, and one order however often a confirmation is placed.

mod support;

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{Arc, Mutex, OnceLock},
};

use app::{
    error::AppError,
    model::{
        care::CareView,
        cart::OrderKind,
        checkout::{ConfirmationView, ConfirmedFeatureChange},
    },
};
use reqwest::Client;
use sandbox::journal::CallFilter;
use serde_json::{json, Value};
use support::{
    acting::{
        text, ADMIN, ADMIN_ID, ADMIN_LINE, ADMIN_LINE_NUMBER, ADMIN_NAME, BARBARA_ID, BARBARA_LINE,
        BARBARA_LINE_NUMBER, BARBARA_NAME, JAMES, JAMES_ID, JAMES_NAME,
    },
    api_calls, location,
    ordering::{LINE, PETER, PETER_ID},
    Harness,
};
use tracing::field::{Field, Visit};
use tracing_subscriber::{layer::Context, prelude::*, Layer};

const NUMBER: &str = "203-555-7676";
/// Peter's LG Cookie Plus, the line's device asset.
const PETERS_DEVICE: &str = "35362368";
/// Peter's Sprint line 203-555-4468, active, whose `orderActions` list UNSUSPEND too.
const SPRINT_LINE: &str = "38382335";
const NOAH: &str = "noah.patel@example.com";
/// Noah's line 203-555-0727: it offers every care order; his `/me` allows few.
const NOAHS_LINE: &str = "38382727";
const DAY_SECS: u64 = 24 * 60 * 60;
const NOT_ALLOWED: &str = "You are not allowed to do that.";
/// An IMEI whose check digit checks (the documented swap's do not).
const GOOD_IMEI: &str = "123456789001233";
const NEW_PHONE_MODEL: &str = "iPhone 6 (64GB) - Space Gray";

/// An audit event: its fields, as text.
type AuditLine = BTreeMap<String, String>;

/// Every `audit` event of this test binary, whichever test caused it.
#[derive(Clone, Default)]
struct AuditLog(Arc<Mutex<Vec<AuditLine>>>);

struct Fields(AuditLine);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl<S: tracing::Subscriber> Layer<S> for AuditLog {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "audit" {
            return;
        }
        let mut fields = Fields(AuditLine::new());
        event.record(&mut fields);
        self.0.lock().unwrap().push(fields.0);
    }
}

impl AuditLog {
    /// The audit lines whose `field` is `value`.
    fn lines_with(&self, field: &str, value: &str) -> Vec<AuditLine> {
        let lines = self.0.lock().unwrap();
        lines
            .iter()
            .filter(|line| line.get(field).is_some_and(|v| v == value))
            .cloned()
            .collect()
    }
}

/// The audit log, recorded by the process's subscriber, installed before any server
/// starts (the harness's own subscriber then finds one in place and leaves it).
fn audit() -> &'static AuditLog {
    static AUDIT: OnceLock<AuditLog> = OnceLock::new();
    AUDIT.get_or_init(|| {
        let log = AuditLog::default();
        let filter =
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into());
        let subscriber = tracing_subscriber::registry().with(log.clone()).with(
            tracing_subscriber::fmt::layer()
                .with_test_writer()
                .with_filter(filter),
        );
        tracing::subscriber::set_global_default(subscriber).expect("the first subscriber");
        log
    })
}

async fn start() -> Harness {
    audit();
    support::start().await
}

/// Today plus `days`, as a date input sends it.
fn date_in(days: i64) -> String {
    let date = time::OffsetDateTime::now_utc().date() + time::Duration::days(days);
    date.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap()
}

/// A date input's value as people read it, e.g. "December 22, 2016".
fn in_words(date: &str) -> String {
    let date = time::Date::parse(
        date,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    date.format(time::macros::format_description!(
        "[month repr:long] [day padding:none], [year]"
    ))
    .unwrap()
}

/// A care form for `order` on `line` as the page posts it: `fields` are its
/// `form[...]` names without the `form` prefix, e.g. `[properties][CONTACT_NUMBER]`.
fn care_form(line: &str, order: OrderKind, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form = vec![
        ("service_id".to_owned(), line.to_owned()),
        ("order".to_owned(), order.as_str().to_owned()),
    ];
    form.extend(
        fields
            .iter()
            .map(|(name, value)| (format!("form{name}"), (*value).to_owned())),
    );
    form
}

/// Peter's suspension of his line from `date`, with every documented property.
fn suspend_form(date: &str) -> Vec<(String, String)> {
    care_form(
        LINE,
        OrderKind::Suspend,
        &[
            ("[properties][CONTACT_NUMBER]", "2035559999"),
            ("[properties][SERVICE_NUMBER]", "2035557676"),
            (
                "[properties][ADDITIONAL_INSTRUCTIONS]",
                "Phone lost on the train",
            ),
            ("[properties][HOLD_SERVICE]", "peter.edwards.acme"),
            ("[properties][PREFERRED_SUSPENSION_DATE]", date),
        ],
    )
}

/// Posts a care form as the hydrated page does; the checkout its confirmation shows.
async fn review(
    harness: &Harness,
    browser: &Client,
    form: &[(String, String)],
) -> Result<String, AppError> {
    let response = harness.call(browser, "care/review", form).await;
    let led_to = location(&response).to_owned();
    let status = response.status();
    let body = response.text().await.unwrap();
    if !status.is_success() {
        return Err(serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("unexpected error {status} {body:?}: {e}")));
    }
    let checkout = led_to
        .strip_prefix("/checkout/confirm?checkout=")
        .unwrap_or_else(|| panic!("led to the confirmation, not {led_to:?}"));
    Ok(checkout.to_owned())
}

async fn care_view(
    harness: &Harness,
    browser: &Client,
    line: &str,
    order: OrderKind,
) -> Result<CareView, AppError> {
    harness
        .call_for(
            browser,
            "care/form",
            &[("service_id", line), ("order", order.as_str())],
        )
        .await
}

async fn confirmation(harness: &Harness, browser: &Client, checkout: &str) -> ConfirmationView {
    harness
        .call_for(browser, "checkout/confirmation", &[("checkout", checkout)])
        .await
        .unwrap()
}

/// The line card of `service_id` on My lines (cards hold no list of their own).
fn line_card<'a>(html: &'a str, service_id: &str) -> Option<&'a str> {
    let at = html.find(&format!(r#"aria-labelledby="line-{service_id}""#))?;
    let start = html[..at].rfind("<li")?;
    let end = at + html[at..].find("</li>")? + "</li>".len();
    Some(&html[start..end])
}

/// The status badge of a line card, in words.
fn status_of(card: &str) -> String {
    let at = card.find("line-status").expect("a status badge");
    let open = at + card[at..].find('>').unwrap() + 1;
    let close = open + card[open..].find("</span>").unwrap();
    text(&card[open..close])
}

fn links_to(card: &str, line: &str, page: &str) -> bool {
    card.contains(&format!(r#"href="/lines/{line}/{page}""#))
}

/// What the sandbox received for `order_id`.
async fn sandbox_request(harness: &Harness, order_id: &str) -> Value {
    let url = format!(
        "{}/_sandbox/orders/{order_id}/request",
        harness.sandbox.base_url()
    );
    let response = reqwest::get(url).await.unwrap();
    assert_eq!(response.status(), 200, "the sandbox has order {order_id}");
    response.json().await.unwrap()
}

/// `GET {path}` of MOBPROC's API as `username` sees it, straight from the sandbox.
async fn sandbox_get(harness: &Harness, username: &str, path: &str) -> Value {
    let http = Client::new();
    let token: Value = http
        .post(harness.sandbox.token_url())
        .form(&[
            ("grant_type", "password"),
            ("client_id", "storefront"),
            ("client_secret", "storefront-secret"),
            ("scope", "MOBPROC"),
            ("username", username),
            ("password", "demo"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    http.get(format!("{}{path}", harness.sandbox.api_url()))
        .bearer_auth(token["access_token"].as_str().expect("a token"))
        .header("X-TNGO-TENANT", "ACME")
        .header("client_id", "storefront")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn documented(path: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/mobproc/examples/orders")
        .join(path);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The JSON paths of `value`'s object keys, arrays' items as `[]`: its shape.
fn shape(value: &Value, at: &str, into: &mut BTreeSet<String>) {
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

fn shape_of(value: &Value) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    shape(value, "", &mut paths);
    paths
}

/// The request's properties by id: their type, and the keys their value is under.
fn property_kinds(request: &Value) -> BTreeMap<String, (String, BTreeSet<String>)> {
    request["orderRequest"]["properties"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|group| group["fields"].as_array().cloned().unwrap_or_default())
        .map(|field| {
            let keys = field
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| *k != "id" && *k != "type")
                .cloned()
                .collect();
            (
                field["id"].as_str().unwrap().to_owned(),
                (field["type"].as_str().unwrap_or_default().to_owned(), keys),
            )
        })
        .collect()
}

/// The value of property `id` of a request.
fn property<'a>(request: &'a Value, id: &str) -> &'a Value {
    request["orderRequest"]["properties"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|group| group["fields"].as_array().into_iter().flatten())
        .find(|field| field["id"] == id)
        .unwrap_or_else(|| panic!("property {id} in {request}"))
}

/// Asserts that `sent` is shaped as the documented request of `kind`: the same
/// properties of the same types, dates at midnight UTC as the examples write them.
fn assert_documented_shape(sent: &Value, kind: &str) {
    let documented = documented(&format!("{kind}/request.json"));
    assert_eq!(shape_of(sent), shape_of(&documented), "{sent}");
    assert_eq!(
        property_kinds(sent),
        property_kinds(&documented),
        "the documented properties: {sent}"
    );
    assert_eq!(
        sent["orderRequest"]["transactionType"],
        documented["orderRequest"]["transactionType"]
    );
    let date = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T00:00:00\+00:00$").unwrap();
    for (id, (kind, _)) in property_kinds(sent) {
        if kind == "DATE" {
            let value = property(sent, &id)["date"].as_str().unwrap_or_default();
            assert!(date.is_match(value), "{id} is sent as {value:?}");
        }
    }
}

/// The orders MOBPROC was asked to place (not to confirm).
fn submits(harness: &Harness) -> usize {
    let orders = CallFilter::default()
        .method("POST")
        .path("/mobproc/v1/orders");
    harness
        .mobproc_calls(&orders)
        .iter()
        .filter(|c| c.query.is_none())
        .count()
}

#[tokio::test]
async fn peter_suspends_his_line_and_reconnects_it_with_the_documented_requests() {
    let harness = start().await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    let card = line_card(&home, LINE).expect("Peter's line");
    assert_eq!(status_of(card), "Active");
    assert!(
        text(card).contains("Lost or stolen? Suspend this line"),
        "{card}"
    );
    assert!(links_to(card, LINE, "suspend"));
    assert!(!links_to(card, LINE, "reconnect"), "an active line");
    assert!(text(card).contains("Manage line"), "grouped: {card}");
    // MOBPROC offers reconnecting an active line; the storefront does not.
    let sprint = line_card(&home, SPRINT_LINE).expect("Peter's Sprint line");
    assert_eq!(status_of(sprint), "Active");
    assert!(links_to(sprint, SPRINT_LINE, "suspend"), "{sprint}");
    assert!(!links_to(sprint, SPRINT_LINE, "reconnect"), "{sprint}");
    harness
        .page_answering(&peter, &format!("/lines/{SPRINT_LINE}/reconnect"), 403)
        .await;

    // From My lines, the form, then the confirmation: two steps.
    let page = harness
        .page(&peter, &format!("/lines/{LINE}/suspend"))
        .await;
    let said = text(&page);
    assert!(said.contains(&format!("Suspend {NUMBER}")), "{said}");
    assert!(said.contains("Lost or stolen?"), "{said}");
    assert!(
        page.contains(r#"name="form[properties][PREFERRED_SUSPENSION_DATE]" type="date""#),
        "a date input: {page}"
    );
    assert!(said.contains("Format: YYYY-MM-DD"), "the pattern as hint");
    assert!(!said.contains("Ship to"), "no ship-to");
    let date = date_in(7);
    let checkout = review(&harness, &peter, &suspend_form(&date))
        .await
        .unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    assert_eq!(confirmed.summary, format!("Suspension of {NUMBER}"));
    assert_eq!(confirmed.line.as_deref(), Some(NUMBER));
    assert!(confirmed.ship_to.is_none());
    assert_eq!(
        confirmed.edit.as_deref(),
        Some(format!("/lines/{LINE}/suspend").as_str())
    );
    assert!(
        confirmed
            .properties
            .iter()
            .any(|p| p.label == "Preferred Suspension Date" && p.value == in_words(&date)),
        "{:?}",
        confirmed.properties
    );
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    assert_documented_shape(&sent, "suspend");
    assert_eq!(sent["orderRequest"]["serviceId"], LINE);
    assert_eq!(
        property(&sent, "PREFERRED_SUSPENSION_DATE")["date"],
        format!("{date}T00:00:00+00:00")
    );
    assert_eq!(
        property(&sent, "HOLD_SERVICE")["choice"]["id"],
        "peter.edwards.acme"
    );

    // A day on the order is complete, and the tokens have long expired.
    harness.advance_sandbox_clock(DAY_SECS).await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    let card = line_card(&home, LINE).expect("Peter's line");
    assert_eq!(status_of(card), "Suspended", "{card}");
    assert!(links_to(card, LINE, "reconnect"), "{card}");
    assert!(text(card).contains("Reconnect"));
    assert!(!links_to(card, LINE, "suspend"), "not suspended twice");
    harness
        .page_answering(&peter, &format!("/lines/{LINE}/suspend"), 403)
        .await;
    assert!(!links_to(card, LINE, "accessories"), "{card}");

    let reconnect: CareView = care_view(&harness, &peter, LINE, OrderKind::Unsuspend)
        .await
        .unwrap();
    assert_eq!(reconnect.heading, format!("Reconnect {NUMBER}"));
    let user = reconnect.properties.iter().find(|p| p.id == "USER");
    assert_eq!(
        user.map(|p| p.value.as_str()),
        Some(PETER),
        "whose line it is, as documented"
    );
    let form = care_form(
        LINE,
        OrderKind::Unsuspend,
        &[
            ("[properties][CONTACT_NUMBER]", "2035559999"),
            ("[properties][SERVICE_NUMBER]", "2035557676"),
            ("[properties][ADDITIONAL_INSTRUCTIONS]", "Phone found"),
            ("[properties][PREFERRED_UNSUSPEND_DATE]", &date_in(1)),
            ("[properties][USER]", PETER),
        ],
    );
    let checkout = review(&harness, &peter, &form).await.unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    assert_eq!(confirmed.summary, format!("Reconnection of {NUMBER}"));
    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    assert_documented_shape(&sent, "unsuspend");
    assert_eq!(property(&sent, "USER")["text"], PETER);

    harness.advance_sandbox_clock(DAY_SECS).await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    let card = line_card(&home, LINE).expect("Peter's line");
    assert_eq!(status_of(card), "Active", "{card}");
    assert!(links_to(card, LINE, "suspend"));
    assert!(!links_to(card, LINE, "reconnect"));
}

#[tokio::test]
async fn a_preferred_date_in_the_past_is_refused_beside_its_field_with_what_was_typed() {
    let harness = start().await;
    let peter = harness.peter().await;
    harness.forget_mobproc_calls();
    let refused = review(&harness, &peter, &suspend_form("2016-12-22"))
        .await
        .unwrap_err();
    assert_eq!(
        refused
            .field("properties.PREFERRED_SUSPENSION_DATE")
            .as_deref(),
        Some("Preferred Suspension Date cannot be in the past.")
    );
    let orders = CallFilter::default()
        .method("POST")
        .path("/mobproc/v1/orders");
    assert!(harness.mobproc_calls(&orders).is_empty(), "nothing priced");
    let form = care_view(&harness, &peter, LINE, OrderKind::Suspend)
        .await
        .unwrap();
    let value = |id: &str| {
        form.properties
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.value.clone())
    };
    assert_eq!(
        value("PREFERRED_SUSPENSION_DATE").as_deref(),
        Some("2016-12-22")
    );
    assert_eq!(
        value("ADDITIONAL_INSTRUCTIONS").as_deref(),
        Some("Phone lost on the train")
    );

    // Without JavaScript: the post comes back to the form, the message beside the field.
    let from = format!("/lines/{LINE}/suspend");
    let response = harness
        .post_form(
            &peter,
            "/api/care/review",
            &suspend_form("2016-12-22"),
            &from,
        )
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let back = harness.path_of(location(&response));
    assert!(back.starts_with(&format!("{from}?")), "{back}");
    let (_, page) = harness.page_with_status(&peter, &back).await;
    assert!(
        page.contains(r#"id="prop-PREFERRED_SUSPENSION_DATE-error""#),
        "beside the field: {page}"
    );
    assert!(text(&page).contains("Preferred Suspension Date cannot be in the past."));
    assert!(page.contains(r#"value="2016-12-22""#), "the date is kept");
    assert!(page.contains(r#"value="Phone lost on the train""#));
    assert!(harness.mobproc_calls(&orders).is_empty(), "still nothing");

    // A date that is not one.
    let refused = review(&harness, &peter, &suspend_form("22/12/2099"))
        .await
        .unwrap_err();
    assert_eq!(
        refused
            .field("properties.PREFERRED_SUSPENSION_DATE")
            .as_deref(),
        Some("Preferred Suspension Date must be a date like YYYY-MM-DD.")
    );
}

#[tokio::test]
async fn peter_adds_a_feature_and_removes_another_and_the_line_has_them_once_completed() {
    let harness = start().await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    let card = line_card(&home, LINE).expect("Peter's line");
    assert!(text(card).contains("Visual Voice Mail"), "{card}");
    assert!(links_to(card, LINE, "features"));

    let form = care_view(&harness, &peter, LINE, OrderKind::UpdateFeatures)
        .await
        .unwrap();
    let offered: Vec<(&str, bool)> = form
        .features
        .iter()
        .map(|f| (f.id.as_str(), f.on_line))
        .collect();
    assert_eq!(
        offered,
        [
            ("2082", true),
            ("1399", false),
            ("951", false),
            ("88", false)
        ],
        "the plan's optional features, and which the line has"
    );
    let voice_mail = &form.features[0];
    assert_eq!(voice_mail.description, "Visual Voice Mail");
    assert_eq!(voice_mail.price.as_deref(), Some("$2.99 / month"));
    let page = text(
        &harness
            .page(&peter, &format!("/lines/{LINE}/features"))
            .await,
    );
    assert!(page.contains("On the line now"), "{page}");
    assert!(page.contains("Unlimited Push to Talk"), "{page}");

    let properties = [
        ("[properties][CONTACT_NUMBER]", "2035559999"),
        ("[properties][SERVICE_NUMBER]", "2035557676"),
    ];
    let nothing = care_form(LINE, OrderKind::UpdateFeatures, &properties);
    let refused = review(&harness, &peter, &nothing).await.unwrap_err();
    assert_eq!(
        refused.field("shoppingCart.features").as_deref(),
        Some("Choose at least one feature to add or remove.")
    );

    let mut fields = properties.to_vec();
    fields.extend([
        ("[features][951]", "add"),
        ("[features][2082]", "remove"),
        ("[features][88]", "keep"),
        ("[comment]", "Push to talk for the site visits"),
    ]);
    let change = care_form(LINE, OrderKind::UpdateFeatures, &fields);
    let checkout = review(&harness, &peter, &change).await.unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    assert_eq!(confirmed.summary, format!("Feature changes for {NUMBER}"));
    let change_of = |action: &str, description: &str, price: &str| ConfirmedFeatureChange {
        action: action.to_owned(),
        description: description.to_owned(),
        price: Some(price.to_owned()),
    };
    let mut changes = confirmed.feature_changes.clone();
    changes.sort_by(|a, b| a.action.cmp(&b.action));
    assert_eq!(
        changes,
        [
            change_of("Add", "Unlimited Push to Talk", "$300.25 / month"),
            change_of("Remove", "Visual Voice Mail", "$2.99 / month"),
        ]
    );
    assert_eq!(
        confirmed.feature_comment.as_deref(),
        Some("Push to talk for the site visits")
    );
    let shown = text(
        &harness
            .page(&peter, &format!("/checkout/confirm?checkout={checkout}"))
            .await,
    );
    assert!(
        shown.contains("Add Unlimited Push to Talk $300.25 / month"),
        "{shown}"
    );
    assert!(
        shown.contains("Remove Visual Voice Mail $2.99 / month"),
        "{shown}"
    );

    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    let documented = documented("update_features/request.json");
    assert_eq!(shape_of(&sent), shape_of(&documented), "{sent}");
    let mut features = sent["orderRequest"]["shoppingCart"]["features"]
        .as_array()
        .cloned()
        .unwrap();
    features.sort_by_key(|f| f["id"].as_str().map(str::to_owned));
    assert_eq!(
        features,
        [
            json!({"id": "2082", "action": "REMOVE"}),
            json!({"id": "951", "action": "ADD"}),
        ]
    );

    harness.advance_sandbox_clock(DAY_SECS).await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    let card = text(line_card(&home, LINE).expect("Peter's line"));
    assert!(card.contains("Unlimited Push to Talk"), "{card}");
    assert!(!card.contains("Visual Voice Mail"), "{card}");
}

/// A swap to an Apple phone Peter describes, with serial number `imei`.
fn swap_form(imei: &str) -> Vec<(String, String)> {
    care_form(
        LINE,
        OrderKind::SwapDevices,
        &[
            ("[device][source]", "described"),
            ("[device][catalog_device]", ""),
            ("[device][manufacturer]", "Apple"),
            ("[device][model]", NEW_PHONE_MODEL),
            ("[device][other_name]", ""),
            ("[device][serial_type]", "IMEI"),
            ("[device][serial]", imei),
            ("[device][sim]", ""),
            ("[properties][CONTACT_NUMBER]", "2035559999"),
            ("[properties][SERVICE_NUMBER]", "2035557676"),
            (
                "[properties][ADDITIONAL_INSTRUCTIONS]",
                "Please confirm serial number for new device",
            ),
            ("[properties][PREFERRED_AREA_CODE]", "203"),
        ],
    )
}

#[tokio::test]
async fn peter_swaps_to_a_phone_he_types_in_whose_imei_must_check() {
    let harness = start().await;
    let peter = harness.peter().await;
    let page = text(&harness.page(&peter, &format!("/lines/{LINE}/swap")).await);
    assert!(
        page.contains("It replaces the phone on the line now: LG Cookie Plus, ESN ending 7832."),
        "{page}"
    );
    harness.forget_mobproc_calls();

    for (imei, message) in [
        ("12345678900123", "An IMEI has 15 digits."),
        (
            "123456789001230",
            "This IMEI's last digit does not check: please type it again.",
        ),
    ] {
        let refused = review(&harness, &peter, &swap_form(imei))
            .await
            .unwrap_err();
        assert_eq!(
            refused.field("newDevice.serialNumber.value").as_deref(),
            Some(message),
            "{imei}: {refused:?}"
        );
        let form = care_view(&harness, &peter, LINE, OrderKind::SwapDevices)
            .await
            .unwrap();
        let typed = form.device.expect("the new phone").typed;
        assert_eq!(typed.serial, imei, "kept");
        assert_eq!(typed.model, NEW_PHONE_MODEL, "kept");
        assert_eq!(typed.manufacturer, "Apple", "kept");
    }
    // Without JavaScript, the message is beside the field, the values in the form.
    let from = format!("/lines/{LINE}/swap");
    let response = harness
        .post_form(&peter, "/api/care/review", &swap_form("12345"), &from)
        .await;
    let (_, page) = harness
        .page_with_status(&peter, &harness.path_of(location(&response)))
        .await;
    assert!(page.contains(r#"id="device-serial-error""#), "{page}");
    assert!(text(&page).contains("An IMEI has 15 digits."));
    assert!(page.contains(r#"value="12345""#), "{page}");
    assert!(page.contains(&format!(r#"value="{NEW_PHONE_MODEL}""#)));
    assert_eq!(submits(&harness), 0);
    let orders = CallFilter::default()
        .method("POST")
        .path("/mobproc/v1/orders");
    assert!(harness.mobproc_calls(&orders).is_empty(), "nothing priced");

    let checkout = review(&harness, &peter, &swap_form(GOOD_IMEI))
        .await
        .unwrap();
    let confirmed = confirmation(&harness, &peter, &checkout).await;
    assert_eq!(confirmed.summary, format!("Device swap for {NUMBER}"));
    let device = |label: &str| {
        confirmed
            .devices
            .iter()
            .find(|d| d.label == label)
            .map(|d| d.value.clone())
            .unwrap_or_else(|| panic!("{label}: {:?}", confirmed.devices))
    };
    assert!(device("New phone").contains(GOOD_IMEI), "{confirmed:?}");
    assert!(device("New phone").contains(NEW_PHONE_MODEL));
    assert!(
        device("Replaces").contains("4289183847832"),
        "{confirmed:?}"
    );

    let order_id = harness.submit(&peter, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    let request = &sent["orderRequest"];
    assert_eq!(request["transactionType"], "SWAP_DEVICES");
    assert_eq!(
        request["newDevice"],
        json!({
            "manufacturerId": "Apple",
            "modelId": NEW_PHONE_MODEL,
            "serialNumber": {"type": "IMEI", "value": GOOD_IMEI}
        })
    );
    let asset = sandbox_get(&harness, PETER, &format!("/assets/devices/{PETERS_DEVICE}")).await;
    assert_eq!(
        request["existingDevice"],
        json!({
            "manufacturerId": asset["manufacturer"]["id"],
            "modelId": asset["model"]["id"],
            "serialNumber": asset["serialNumber"],
            "simId": asset["simId"],
        }),
        "the line's device asset: {asset}"
    );
    assert_eq!(
        request["existingDevice"]["serialNumber"]["value"],
        "4289183847832"
    );
    let documented = documented("swap_devices/request.json");
    assert_eq!(
        property_kinds(&sent),
        property_kinds(&documented),
        "the documented properties"
    );
    let documented_keys = shape_of(&documented);
    let unknown: Vec<String> = shape_of(&sent)
        .into_iter()
        .filter(|path| !documented_keys.contains(path))
        .collect();
    assert!(unknown.is_empty(), "undocumented fields: {unknown:?}");

    harness.advance_sandbox_clock(DAY_SECS).await;
    let peter = harness.peter().await;
    let home = harness.page(&peter, "/").await;
    let card = text(line_card(&home, LINE).expect("Peter's line"));
    assert!(card.contains("IMEI ending 1233"), "the new phone: {card}");
}

#[tokio::test]
async fn the_admin_cancels_barbaras_line_told_the_number_stops_working_and_audited() {
    let harness = start().await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let home = harness.page(&admin, "/").await;
    let card = line_card(&home, BARBARA_LINE).expect("Barbara's line");
    assert!(links_to(card, BARBARA_LINE, "cancel"), "{card}");
    assert!(text(card).contains("Cancel the line"));

    let warning = format!(
        "Once the cancellation is placed, {BARBARA_LINE_NUMBER} stops working from the chosen \
         date and the number is given up. It cannot be reconnected."
    );
    let page = text(
        &harness
            .page(&admin, &format!("/lines/{BARBARA_LINE}/cancel"))
            .await,
    );
    assert!(
        page.contains(&warning),
        "said before anything is typed: {page}"
    );
    assert!(
        page.contains("Employee left the company"),
        "the reasons: {page}"
    );

    let form = care_form(
        BARBARA_LINE,
        OrderKind::Deactivate,
        &[
            ("[properties][CONTACT_NUMBER]", "4155550140"),
            ("[properties][SERVICE_NUMBER]", "4155550142"),
            ("[properties][PREFERRED_DEACTIVATION_DATE]", &date_in(14)),
            ("[properties][Reason]", "1"),
            ("[properties][ADDITIONAL_INSTRUCTIONS]", ""),
        ],
    );
    let checkout = review(&harness, &admin, &form).await.unwrap();
    let confirmed = confirmation(&harness, &admin, &checkout).await;
    assert_eq!(confirmed.warning.as_deref(), Some(warning.as_str()));
    assert!(confirmed.account_holder.unwrap().contains(BARBARA_NAME));
    assert!(confirmed.requested_by.unwrap().contains(ADMIN_NAME));
    let shown = text(
        &harness
            .page(&admin, &format!("/checkout/confirm?checkout={checkout}"))
            .await,
    );
    assert!(shown.contains(&warning), "on the confirmation: {shown}");
    assert!(shown.contains("Employee left the company"), "{shown}");

    let order_id = harness.submit(&admin, &checkout).await.unwrap();
    let sent = sandbox_request(&harness, &order_id).await;
    let mut documented = documented("deactivate/request.json");
    // The documented cancellation sends instructions; this one leaves them out.
    for group in documented["orderRequest"]["properties"]
        .as_array_mut()
        .unwrap()
    {
        group["fields"]
            .as_array_mut()
            .unwrap()
            .retain(|f| f["id"] != "ADDITIONAL_INSTRUCTIONS");
    }
    assert_eq!(property_kinds(&sent), property_kinds(&documented), "{sent}");
    assert_eq!(shape_of(&sent), shape_of(&documented), "{sent}");

    let audited: Vec<AuditLine> = audit()
        .lines_with("order_id", &order_id)
        .into_iter()
        .filter(|line| line.get("event").map(String::as_str) == Some("order_on_behalf"))
        .collect();
    assert_eq!(audited.len(), 1, "{audited:?}");
    let line = &audited[0];
    assert_eq!(line.get("admin").map(String::as_str), Some(ADMIN_ID));
    assert_eq!(line.get("actor").map(String::as_str), Some(BARBARA_ID));
    assert_eq!(line.get("step").map(String::as_str), Some("submit"));
    assert_eq!(line.get("outcome").map(String::as_str), Some("placed"));

    // Once complete, the line is no longer among hers.
    harness.advance_sandbox_clock(DAY_SECS).await;
    let admin = harness.admin().await;
    harness.start_acting(&admin, BARBARA_ID).await.unwrap();
    let home = harness.page(&admin, "/").await;
    assert!(line_card(&home, BARBARA_LINE).is_none(), "{home}");
}

#[tokio::test]
async fn the_admin_moves_his_line_to_james_once_and_it_shows_among_james_lines() {
    let harness = start().await;
    let admin = harness.admin().await;
    let home = harness.page(&admin, "/").await;
    let card = line_card(&home, ADMIN_LINE).expect("the admin's line");
    assert!(links_to(card, ADMIN_LINE, "move"), "{card}");
    assert!(text(card).contains("Move to another employee"), "{card}");

    let move_page = format!("/lines/{ADMIN_LINE}/move");
    let page = harness.page(&admin, &move_page).await;
    assert!(
        text(&page).contains(&format!("Move {ADMIN_LINE_NUMBER} to another employee")),
        "{page}"
    );
    let found = harness
        .page(&admin, &format!("{move_page}?q=carpenter"))
        .await;
    assert!(text(&found).contains(JAMES_NAME), "{found}");
    let choose = format!("{move_page}?to={JAMES_ID}");
    assert!(found.contains(&format!(r#"href="{choose}""#)), "{found}");
    let confirm = harness.page(&admin, &choose).await;
    assert!(
        text(&confirm).contains(&format!("{ADMIN_LINE_NUMBER} moves to {JAMES_NAME}")),
        "{confirm}"
    );
    let move_id = regex::Regex::new(r#"name="move_id" value="([^"]+)""#)
        .unwrap()
        .captures(&confirm)
        .unwrap_or_else(|| panic!("the move to confirm: {confirm}"))[1]
        .to_owned();

    // MOBPROC takes its time, so both presses arrive while the move is under way.
    let moves = CallFilter::default()
        .method("POST")
        .path(format!("/mobproc/v1/assets/services/{ADMIN_LINE}/move"));
    harness
        .set_faults(json!([{
            "path": format!("/mobproc/v1/assets/services/{ADMIN_LINE}/move"),
            "method": "POST",
            "latencyMs": 300
        }]))
        .await;
    let form = [("service_id", ADMIN_LINE), ("move_id", move_id.as_str())];
    let (first, second) = tokio::join!(
        harness.call(&admin, "lines/move", &form),
        harness.call(&admin, "lines/move", &form),
    );
    for pressed in [first, second] {
        assert_eq!(pressed.status(), 200, "both presses show the move");
        assert_eq!(location(&pressed), "/", "back to My lines");
    }
    let again = harness.call(&admin, "lines/move", &form).await;
    assert_eq!(again.status(), 200, "a later press shows the move");
    assert_eq!(harness.mobproc_calls(&moves).len(), 1, "moved once");

    let home = harness.page(&admin, "/").await;
    assert!(line_card(&home, ADMIN_LINE).is_none(), "not his: {home}");
    assert!(!home.contains(ADMIN_LINE_NUMBER), "{home}");
    let audited: Vec<AuditLine> = audit()
        .lines_with("service", ADMIN_LINE)
        .into_iter()
        .filter(|line| line.get("event").map(String::as_str) == Some("line_move"))
        .collect();
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert_eq!(audited[0].get("user").map(String::as_str), Some(ADMIN_ID));
    assert_eq!(
        audited[0].get("new_owner").map(String::as_str),
        Some(JAMES_ID)
    );
    assert_eq!(audited[0].get("outcome").map(String::as_str), Some("moved"));

    let james = harness.signed_in(JAMES).await;
    let home = harness.page(&james, "/").await;
    assert!(
        line_card(&home, ADMIN_LINE).is_some(),
        "James's now: {home}"
    );
    assert!(home.contains(ADMIN_LINE_NUMBER));
    assert_eq!(
        sandbox_get(&harness, ADMIN, &format!("/assets/services/{ADMIN_LINE}")).await["employee"]
            ["id"],
        JAMES_ID
    );
}

#[tokio::test]
async fn noah_sees_only_the_care_his_rights_allow_and_the_rest_is_refused_without_mobproc() {
    let harness = start().await;
    let noah = harness.signed_in(NOAH).await;
    let home = harness.page(&noah, "/").await;
    let card = line_card(&home, NOAHS_LINE).expect("Noah's line");
    assert!(links_to(card, NOAHS_LINE, "suspend"), "{card}");
    assert!(links_to(card, NOAHS_LINE, "accessories"), "{card}");
    let refused_pages = [
        "cancel",
        "features",
        "swap",
        "transfer-out",
        "move",
        "upgrade",
        "port",
    ];
    for page in refused_pages {
        assert!(!links_to(card, NOAHS_LINE, page), "no {page}: {card}");
    }
    for label in [
        "Cancel the line",
        "Change features",
        "Put another phone on this line",
        "Let the holder keep the number",
    ] {
        assert!(!text(card).contains(label), "no {label}: {card}");
    }

    harness.forget_mobproc_calls();
    for page in refused_pages.iter().take(5) {
        let path = format!("/lines/{NOAHS_LINE}/{page}");
        let html = harness.page_answering(&noah, &path, 403).await;
        assert!(text(&html).contains(NOT_ALLOWED), "{path}: {html}");
    }
    for order in [
        OrderKind::Deactivate,
        OrderKind::UpdateFeatures,
        OrderKind::SwapDevices,
        OrderKind::TransferOut,
    ] {
        let form = care_view(&harness, &noah, NOAHS_LINE, order).await;
        assert_eq!(form, Err(AppError::Forbidden), "{order:?}");
        let posted = care_form(
            NOAHS_LINE,
            order,
            &[("[properties][CONTACT_NUMBER]", "2035550127")],
        );
        let response = harness.call(&noah, "care/review", &posted).await;
        assert_eq!(response.status(), 403, "{order:?}");
    }
    let moved = harness
        .call(
            &noah,
            "lines/move",
            &[("service_id", NOAHS_LINE), ("move_id", "whatever")],
        )
        .await;
    assert_eq!(moved.status(), 403);
    assert!(
        harness.mobproc_calls(&api_calls()).is_empty(),
        "nothing asked of MOBPROC: {:?}",
        harness.mobproc_calls(&api_calls())
    );

    // What his rights do allow, he may start.
    let suspend = care_view(&harness, &noah, NOAHS_LINE, OrderKind::Suspend).await;
    assert!(suspend.is_ok(), "{suspend:?}");
}

#[tokio::test]
async fn a_care_confirmation_placed_twice_at_once_and_again_later_is_one_order() {
    let harness = start().await;
    let peter = harness.peter().await;
    let checkout = review(&harness, &peter, &suspend_form(&date_in(3)))
        .await
        .unwrap();
    // MOBPROC takes its time over the submit, so both presses arrive while it is under way.
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders",
            "method": "POST",
            "latencyMs": 300
        }]))
        .await;
    let (first, second) = tokio::join!(
        harness.submit(&peter, &checkout),
        harness.submit(&peter, &checkout),
    );
    let first = first.unwrap();
    assert_eq!(second.unwrap(), first, "both show the same order");
    let again = harness.submit(&peter, &checkout).await.unwrap();
    assert_eq!(again, first, "a later press shows the first order");
    assert_eq!(submits(&harness), 1, "one order sent");
    let suspensions: Vec<Value> = harness
        .sandbox_orders_seen_by(PETER, Some(PETER_ID))
        .await
        .into_iter()
        .filter(|o| o["transactionType"] == "SUSPEND")
        .collect();
    assert_eq!(suspensions.len(), 1, "{suspensions:#?}");
}
