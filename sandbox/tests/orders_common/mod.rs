//! Shared by the orders and faults tests: the documented examples (read at test time
//! from `../shared/mobproc/examples`, never copied), posting orders, and comparing
//! answers with the docs.
#![allow(
    dead_code,
    reason = "each test crate uses a different part of this module"
)]

use std::collections::BTreeSet;

use regex::Regex;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::common::TestSandbox;

pub const EXAMPLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/mobproc/examples/"
);

/// An example file as written.
pub fn example_text(path: &str) -> String {
    let file = format!("{EXAMPLES}{path}");
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
}

pub fn example(path: &str) -> Value {
    serde_json::from_str(&example_text(path)).expect("examples are JSON")
}

/// `examples/orders/{kind}/request.json` as written, byte for byte.
pub fn request_text(kind: &str) -> String {
    example_text(&format!("orders/{kind}/request.json"))
}

pub fn request(kind: &str) -> Value {
    example(&format!("orders/{kind}/request.json"))
}

/// `POST /orders` (`?confirm=true` when confirming) with `body` as is.
pub async fn post_order(
    sandbox: &TestSandbox,
    token: &str,
    body: impl Into<reqwest::Body>,
    confirm: bool,
) -> (StatusCode, Value) {
    let path = if confirm {
        "/orders?confirm=true"
    } else {
        "/orders"
    };
    TestSandbox::send(
        sandbox
            .request(Method::POST, token, path)
            .header("content-type", "application/json")
            .body(body),
    )
    .await
}

/// Submits `body` and returns the new order, asserting success.
pub async fn submit(sandbox: &TestSandbox, token: &str, body: &Value) -> Value {
    let (status, answer) = post_order(sandbox, token, body.to_string(), false).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["status"], "SUCCESS", "{answer}");
    answer["order"].clone()
}

pub fn order_id(order: &Value) -> String {
    order["orderId"].as_str().expect("orderId").to_owned()
}

/// The `orderId`s of a `{"orders":{…}}` page, in order.
pub fn order_ids(page: &Value) -> Vec<String> {
    page["orders"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["orderId"].as_str().map(str::to_owned))
        .collect()
}

/// Every string with its scheme and host replaced by `BASE`, and each `(from, to)`
/// replaced inside strings: generated ids become placeholders on both sides.
pub fn normalized(value: &Value, replacements: &[(String, &str)]) -> Value {
    let host = Regex::new("^https?://[^/]+").expect("regex");
    match value {
        Value::String(s) => {
            let mut s = host.replace(s, "BASE").into_owned();
            for (from, to) in replacements {
                s = s.replace(from.as_str(), to);
            }
            Value::String(s)
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| normalized(v, replacements)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), normalized(v, replacements)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Every JSON path of `value`, arrays by index: `orderConfirmation.shoppingCart.accessories[0].id`.
pub fn paths(value: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, at: String, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let path = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    out.insert(path.clone());
                    walk(v, path, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let path = format!("{at}[{i}]");
                    out.insert(path.clone());
                    walk(v, path, out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(value, String::new(), &mut out);
    out
}

/// Where two values differ, as paths, for readable assertion messages.
pub fn differences(ours: &Value, documented: &Value) -> Vec<String> {
    let (a, b) = (paths(ours), paths(documented));
    let mut out: Vec<String> = b.difference(&a).map(|p| format!("missing {p}")).collect();
    out.extend(a.difference(&b).map(|p| format!("extra {p}")));
    for path in a.intersection(&b) {
        let (x, y) = (at(ours, path), at(documented, path));
        if !x.is_object() && !x.is_array() && x != y {
            out.push(format!("{path}: ours {x}, documented {y}"));
        }
    }
    out
}

/// The value at a path of [`paths`].
pub fn at<'v>(value: &'v Value, path: &str) -> &'v Value {
    let step = Regex::new(r"([^.\[\]]+)|\[(\d+)\]").expect("regex");
    step.captures_iter(path)
        .fold(value, |v, c| match (c.get(1), c.get(2)) {
            (Some(key), _) => &v[key.as_str()],
            (_, Some(index)) => &v[index.as_str().parse::<usize>().unwrap_or(usize::MAX)],
            _ => v,
        })
}

/// Asserts a refused order: 400, `"status":"ERROR"`, and an error about each `field`.
pub fn assert_refused(status: StatusCode, body: &Value, fields: &[&str]) {
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["status"], "ERROR", "{body}");
    let errors = body["errors"].as_array().expect("errors");
    for error in errors {
        assert_eq!(error["status"], 400, "{error}");
        for key in ["id", "errorCode", "message"] {
            assert!(
                error[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} of {error}"
            );
        }
    }
    let found: Vec<&str> = errors.iter().filter_map(|e| e["field"].as_str()).collect();
    for field in fields {
        assert!(found.contains(field), "no error about {field}: {body}");
    }
}
