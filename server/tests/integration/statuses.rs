//! Every failure answers with the status of its error, from one mapping: a server
//! function called by script, and a page that shows the failure.

use crate::support;

use app::error::AppError;
use serde_json::json;
use support::{ordering::LINE, start};

#[tokio::test]
async fn a_malformed_server_function_argument_is_a_400_with_a_clear_message() {
    let harness = start().await;
    let browser = harness.peter().await;
    let response = harness
        .call(
            &browser,
            "cart/add",
            &[
                ("service_id", LINE),
                ("order", "accessories"),
                ("item_kind", "spaceship"),
                ("item_id", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    let error: AppError = response.json().await.unwrap();
    assert_eq!(error, AppError::Malformed);
    assert_eq!(
        error.to_string(),
        "This form could not be read. Please reload the page and try again."
    );
}

#[tokio::test]
async fn pages_that_show_a_failure_answer_with_its_status() {
    let harness = start().await;
    let peter = harness.peter().await;

    let missing_order = harness
        .page_answering(&peter, "/orders/no-such-order", 404)
        .await;
    assert!(
        missing_order.contains("That was not found."),
        "{missing_order}"
    );
    let missing_line = harness
        .page_answering(&peter, "/lines/no-such-line/accessories", 404)
        .await;
    assert!(missing_line.contains("Line not found"), "{missing_line}");

    let forbidden = harness.page_answering(&peter, "/act-for", 403).await;
    assert!(forbidden.contains("You are not allowed to do that."));

    let empty = harness.page_answering(&peter, "/checkout", 422).await;
    assert!(empty.contains("Your cart is empty."));

    harness
        .set_faults(json!([{
            "path": "/mobproc/v1/assets/services",
            "errorRate": 1.0,
            "errorStatus": 503
        }]))
        .await;
    let outage = harness.page_answering(&peter, "/", 502).await;
    assert!(
        outage.contains("MOBPROC did not answer in time or failed."),
        "{outage}"
    );
}

#[tokio::test]
async fn server_functions_called_by_script_answer_with_their_status() {
    let harness = start().await;
    let peter = harness.peter().await;
    let order = harness
        .call(&peter, "orders/get", &[("order_id", "no-such-order")])
        .await;
    assert_eq!(order.status(), 404);
    let stale = harness
        .call(&peter, "checkout/confirmation", &[("checkout", "gone")])
        .await;
    assert_eq!(stale.status(), 422);
    let signed_out = harness.browser();
    let count = harness.call(&signed_out, "cart/get", &()).await;
    assert_eq!(count.status(), 401);
}
