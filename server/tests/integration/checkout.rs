//! Checkout and confirmation through real HTTP: the form from
//! MOBPROC's definitions, every problem beside its field with what was typed kept
//! (with and without JavaScript), and MOBPROC's priced confirmation.

use crate::support;

use app::{
    error::AppError,
    model::{
        cart::{ItemKind, OrderKind},
        checkout::{CheckoutView, ConfirmationView},
    },
};
use reqwest::header;
use serde_json::json;
use support::{
    location,
    ordering::{seed_checkout, with, CAR_CHARGER_NAME, WALL_CHARGER_NAME},
    start,
};

#[tokio::test]
async fn the_form_is_built_from_mobprocs_definitions_with_the_defaults() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let view: CheckoutView = harness
        .call_for(&browser, "checkout/get", &())
        .await
        .unwrap();
    assert_eq!(view.summary, "Accessories for 203-555-7676");
    let ids: Vec<&str> = view.properties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "CONTACT_NUMBER",
            "SERVICE_NUMBER",
            "ADDITIONAL_INSTRUCTIONS"
        ]
    );
    assert_eq!(view.properties[0].value, "2035559999");
    assert!(view.properties[0].required);
    assert_eq!(view.properties[1].value, "2035557676");
    assert_eq!(view.ship_to.name, "Peter Edwards");
    assert_eq!(view.ship_to.region_id, "70144640");
    let components: Vec<&str> = view.ship_to.address.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        components,
        ["LINE_1", "LINE_2", "LINE_3", "CITY", "STATE", "POSTAL_CODE"]
    );
    let state = &view.ship_to.address[4];
    assert!(state
        .options
        .iter()
        .any(|o| o.value == "CT" && o.label == "Connecticut"));

    let html = harness.page(&browser, "/checkout").await;
    for text in [
        "Contact Phone Number",
        r#"value="2035559999""#,
        r#"value="2035557676""#,
        r#"value="Peter Edwards""#,
        "Connecticut",
        "Postal Code",
        "Format: [99999] or [99999-9999]",
        r#"name="form[address][POSTAL_CODE]""#,
        "Expedite shipping",
    ] {
        assert!(html.contains(text), "checkout page shows {text:?}");
    }
}

#[tokio::test]
async fn a_wrong_postal_code_and_a_missing_property_come_back_beside_their_fields() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let form = with(
        &seed_checkout(),
        "form[address][POSTAL_CODE]",
        Some("ABCDE"),
    );
    let form = with(&form, "form[properties][CONTACT_NUMBER]", Some(""));
    let refused = harness.confirm(&browser, &form).await.unwrap_err();
    assert_eq!(
        refused.field("shipTo.address.POSTAL_CODE").as_deref(),
        Some("Postal Code must look like [99999] or [99999-9999].")
    );
    assert_eq!(
        refused.field("properties.CONTACT_NUMBER").as_deref(),
        Some("Contact Phone Number is required.")
    );

    // What was typed comes back, wrong values included.
    let view: CheckoutView = harness
        .call_for(&browser, "checkout/get", &())
        .await
        .unwrap();
    assert_eq!(view.properties[0].value, "");
    let postal = view.ship_to.address.iter().find(|a| a.id == "POSTAL_CODE");
    assert_eq!(postal.map(|a| a.value.as_str()), Some("ABCDE"));
    assert!(view.ship_to.expedite);

    // Without JavaScript: a plain form post comes back to the page with the messages.
    let response = browser
        .post(harness.url("/api/checkout/save"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, harness.url("/checkout"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 302);
    let back = location(&response).to_owned();
    assert!(
        back.contains("/checkout?") && back.contains("__err="),
        "{back}"
    );
    let html = harness
        .page(&browser, &back.replace(&harness.base, ""))
        .await;
    assert!(html.contains("Postal Code must look like [99999] or [99999-9999]."));
    assert!(
        html.contains(r#"id="addr-POSTAL_CODE-error""#),
        "beside the field"
    );
    assert!(html.contains("Contact Phone Number is required."));
    assert!(html.contains(r#"value="ABCDE""#), "the typed value is kept");
    assert!(html.contains(r#"value="35 Executive Blvd""#));
}

#[tokio::test]
async fn an_other_choice_needs_its_text() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness
        .add(
            &browser,
            OrderKind::Upgrade,
            ItemKind::Device,
            "9194713904",
            false,
        )
        .await
        .unwrap();
    let view: CheckoutView = harness
        .call_for(&browser, "checkout/get", &())
        .await
        .unwrap();
    let reason = view
        .properties
        .iter()
        .find(|p| p.id == "Reason")
        .expect("Reason");
    assert!(reason.choices.iter().any(|c| c.id == "7" && c.is_other));
    let html = harness.page(&browser, "/checkout").await;
    assert!(
        html.contains(r#"name="form[other][Reason]""#),
        "without JavaScript the box for the other text is always there"
    );

    let form = with(&seed_checkout(), "form[properties][Reason]", Some("7"));
    let refused = harness.confirm(&browser, &form).await.unwrap_err();
    assert!(
        refused.field("properties.Reason.otherText").is_some(),
        "{refused:?}"
    );
    let form = with(
        &form,
        "form[other][Reason]",
        Some("My phone does not fit my job"),
    );
    let checkout_id = harness.confirm(&browser, &form).await.unwrap();
    let confirmation: ConfirmationView = harness
        .call_for(
            &browser,
            "checkout/confirmation",
            &[("checkout", &checkout_id)],
        )
        .await
        .unwrap();
    let reason = confirmation.properties.iter().find(|p| p.label == "Reason");
    assert_eq!(
        reason.map(|r| r.value.as_str()),
        Some("Other: My phone does not fit my job")
    );
}

#[tokio::test]
async fn the_confirmation_shows_mobprocs_prices_ship_to_and_properties() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    let checkout_id = harness.confirm(&browser, &seed_checkout()).await.unwrap();
    let confirmation: ConfirmationView = harness
        .call_for(
            &browser,
            "checkout/confirmation",
            &[("checkout", &checkout_id)],
        )
        .await
        .unwrap();
    assert_eq!(confirmation.one_time_total, "$44.98");
    assert_eq!(confirmation.monthly_total, "$0.00");
    let names: Vec<&str> = confirmation.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, [CAR_CHARGER_NAME, WALL_CHARGER_NAME]);
    assert_eq!(confirmation.order_id, None);

    let html = harness
        .page(
            &browser,
            &format!("/checkout/confirm?checkout={checkout_id}"),
        )
        .await;
    for text in [
        "$44.98",
        "$0.00",
        CAR_CHARGER_NAME,
        WALL_CHARGER_NAME,
        "Verizon Wireless",
        "$22.49 one-time",
        "35 Executive Blvd",
        "Zip Code",
        "06477",
        "Contact Phone Number",
        "2035559999",
        "Service Number",
        "Peter Edwards (peter.edwards@acme.com)",
        r#"href="/checkout#ship-to""#,
        r#"href="/cart""#,
        "Place order",
    ] {
        assert!(html.contains(text), "confirmation page shows {text:?}");
    }
}

#[tokio::test]
async fn the_upgrade_seed_is_confirmed_at_the_tutorials_prices() {
    let harness = start().await;
    let browser = harness.peter().await;
    for (kind, id) in [
        (ItemKind::Device, "9194713904"),
        (ItemKind::Plan, "6568886698"),
        (ItemKind::Feature, "122"),
        (ItemKind::Feature, "293"),
    ] {
        harness
            .add(&browser, OrderKind::Upgrade, kind, id, false)
            .await
            .unwrap();
    }
    let form = with(&seed_checkout(), "form[properties][Reason]", Some("21"));
    let checkout_id = harness.confirm(&browser, &form).await.unwrap();
    let confirmation: ConfirmationView = harness
        .call_for(
            &browser,
            "checkout/confirmation",
            &[("checkout", &checkout_id)],
        )
        .await
        .unwrap();
    assert_eq!(confirmation.one_time_total, "$199.99");
    assert_eq!(confirmation.monthly_total, "$558.67");
    assert_eq!(confirmation.items[0].name, "Apple iPhone 5 (16GB) - Black");
    let plan = confirmation.plan.expect("the plan");
    assert_eq!(plan.name, "Nationwide for Business Talk Share Plan");
    let features: Vec<&str> = plan
        .optional
        .iter()
        .map(|f| f.description.as_str())
        .collect();
    assert_eq!(features, ["Voice Mail", "Roadside Assistance"]);
    let reason = confirmation.properties.iter().find(|p| p.label == "Reason");
    assert_eq!(
        reason.map(|r| r.value.as_str()),
        Some("Eligible for upgrade")
    );
}

#[tokio::test]
async fn a_mobproc_failure_on_confirm_keeps_the_cart_and_what_was_typed() {
    let harness = start().await;
    let browser = harness.peter().await;
    harness.add_chargers(&browser).await;
    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/orders?confirm=true",
            "method": "POST",
            "errorRate": 1.0,
            "errorStatus": 503
        }]))
        .await;
    let form = with(&seed_checkout(), "form[address][LINE_2]", Some("Suite 200"));
    let failed = harness.confirm(&browser, &form).await.unwrap_err();
    let AppError::Upstream { correlation_id } = &failed else {
        panic!("an upstream failure, not {failed:?}");
    };
    assert!(!correlation_id.is_empty());
    assert!(
        failed.to_string().contains(correlation_id.as_str()),
        "{failed}"
    );

    let count: usize = harness.call_for(&browser, "cart/count", &()).await.unwrap();
    assert_eq!(count, 2, "the cart is kept");
    let view: CheckoutView = harness
        .call_for(&browser, "checkout/get", &())
        .await
        .unwrap();
    let line_2 = view.ship_to.address.iter().find(|a| a.id == "LINE_2");
    assert_eq!(line_2.map(|a| a.value.as_str()), Some("Suite 200"));

    harness.set_faults(json!([])).await;
    assert!(
        harness.confirm(&browser, &form).await.is_ok(),
        "works again"
    );
}

#[tokio::test]
async fn an_empty_cart_has_no_checkout() {
    let harness = start().await;
    let browser = harness.peter().await;
    let refused = harness
        .call_for::<CheckoutView, _>(&browser, "checkout/get", &())
        .await
        .unwrap_err();
    assert_eq!(refused.to_string(), "Your cart is empty.");
    assert!(harness
        .page_answering(&browser, "/checkout", 422)
        .await
        .contains("Your cart is empty."));
}
