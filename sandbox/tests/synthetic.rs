//! Synthetic seed sizes: deterministic extra employees (visible to the admin,
//! approved by Diane Foster, found by the documented `/employees` filters and pages)
//! and extra accessories for Peter Edwards's line; flags and `Config` both.

mod common;

use clap::Parser;
use common::{ids, TestSandbox, ADMIN, APPROVER, PETER};
use reqwest::StatusCode;
use sandbox::Config;
use serde_json::Value;

const SEEDED_EMPLOYEES: u64 = 17;

fn config(employees: usize, accessories: usize) -> Config {
    Config {
        synthetic_employees: employees,
        synthetic_accessories: accessories,
        ..Config::ephemeral()
    }
}

async fn get_ok(sandbox: &TestSandbox, token: &str, path: &str) -> Value {
    let (status, body) = sandbox.get(token, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

fn total(body: &Value, name: &str) -> u64 {
    body[name]["_meta"]["totalCount"]
        .as_u64()
        .expect("totalCount")
}

#[tokio::test]
async fn synthetic_employees_are_deterministic_and_found_by_the_documented_filters() {
    let sandbox = TestSandbox::with(config(25, 0)).await;
    let admin = sandbox.token(ADMIN).await;
    let all = get_ok(&sandbox, &admin, "/employees?limit=100").await;
    assert_eq!(total(&all, "employees"), SEEDED_EMPLOYEES + 25);

    let found = get_ok(
        &sandbox,
        &admin,
        "/employees?companyEmployeeId=EMPLOYEE.00007@example.com",
    )
    .await;
    let items = found["employees"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{found}");
    let seventh = &items[0];
    assert_eq!(seventh["id"], "70000007");
    assert_eq!(seventh["companyEmployeeId"], "employee.00007@example.com");
    assert_eq!(seventh["email"], "employee.00007@example.com");
    assert!(seventh["firstName"].is_string() && seventh["lastName"].is_string());
    let by_id = get_ok(&sandbox, &admin, "/employees?employee=70000007").await;
    assert_eq!(ids(&by_id["employees"]), ["70000007"]);
    let detail = get_ok(&sandbox, &admin, "/employees/70000007").await;
    assert_eq!(&detail["lastName"], &seventh["lastName"]);

    // Spread over the departments.
    let departments: std::collections::BTreeSet<String> = all["employees"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["id"].as_str().is_some_and(|id| id.starts_with('7')))
        .filter_map(|e| e["department"]["id"].as_str().map(str::to_owned))
        .collect();
    assert!(departments.len() >= 4, "{departments:?}");

    // Pages by limit and offset, the page containing the offset.
    let page = get_ok(&sandbox, &admin, "/employees?limit=10&offset=35").await;
    let meta = &page["employees"]["_meta"];
    assert_eq!(
        (meta["offset"].as_u64(), meta["limit"].as_u64()),
        (Some(30), Some(10))
    );
    assert_eq!(
        page["employees"]["items"].as_array().map(Vec::len),
        Some(10)
    );
    let last = get_ok(&sandbox, &admin, "/employees?limit=10&offset=40").await;
    assert_eq!(last["employees"]["items"].as_array().map(Vec::len), Some(2));
    assert!(last["employees"]["_meta"]["hrefNext"].is_null());

    // Diane approves them, so she sees them; Peter does not.
    let diane = sandbox.token(APPROVER).await;
    let hers = get_ok(
        &sandbox,
        &diane,
        "/employees?companyEmployeeId=employee.00025@example.com",
    )
    .await;
    assert_eq!(ids(&hers["employees"]), ["70000025"]);
    let peter = sandbox.token(PETER).await;
    let (status, _) = sandbox
        .get(
            &peter,
            "/employees?companyEmployeeId=employee.00025@example.com",
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The same names on every run.
    let again = TestSandbox::with(config(25, 0)).await;
    let admin_again = again.token(ADMIN).await;
    let same = get_ok(&again, &admin_again, "/employees?limit=100").await;
    let rebased = |v: &Value, base: &str| v.to_string().replace(base, "BASE");
    assert_eq!(
        rebased(&same["employees"]["items"], again.base()),
        rebased(&all["employees"]["items"], sandbox.base())
    );
}

#[tokio::test]
async fn synthetic_accessories_fit_peters_line() {
    let plain = TestSandbox::start().await;
    let peter = plain.token(PETER).await;
    let path = "/catalog/accessories?service=38382349&limit=1000";
    let before = total(&get_ok(&plain, &peter, path).await, "accessories");

    let sandbox = TestSandbox::with(config(0, 12)).await;
    let peter = sandbox.token(PETER).await;
    let fitting = get_ok(&sandbox, &peter, path).await;
    assert_eq!(total(&fitting, "accessories"), before + 12);
    let synthetic: Vec<&Value> = fitting["accessories"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|a| a["id"].as_str().is_some_and(|id| id.starts_with("9000")))
        .collect();
    assert_eq!(synthetic.len(), 12);
    let first = &synthetic[0];
    assert_eq!(first["id"], "9000000001");
    assert!(first["name"]
        .as_str()
        .is_some_and(|n| n.contains("for LG Cookie Plus") && n.ends_with("No. 00001")));
    for accessory in &synthetic {
        let amount = accessory["price"]["amount"].to_string();
        let (units, cents) = amount.split_once('.').expect("two decimals");
        assert!(
            cents.len() == 2 && (5..=99).contains(&units.parse::<u32>().unwrap_or(0)),
            "{amount}"
        );
        let image = accessory["imageUrl"].as_str().expect("imageUrl");
        let picture = sandbox.http.get(image).send().await.expect("image");
        assert_eq!(picture.status(), StatusCode::OK, "{image}");
    }
    // They can be ordered for the line.
    let mut body: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/mobproc/examples/orders/order_accessories/request.json"
        ))
        .expect("the example"),
    )
    .expect("JSON");
    body["orderRequest"]["shoppingCart"]["accessoryIds"] = serde_json::json!(["9000000003"]);
    let (status, answer) = TestSandbox::send(
        sandbox
            .request(reqwest::Method::POST, &peter, "/orders?confirm=true")
            .json(&body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

#[test]
fn the_flags_set_the_sizes() {
    let config = Config::try_parse_from([
        "mobproc-sandbox",
        "--synthetic-employees",
        "20000",
        "--synthetic-accessories",
        "300",
    ])
    .expect("flags parse");
    assert_eq!(
        (config.synthetic_employees, config.synthetic_accessories),
        (20_000, 300)
    );
    let default = Config::ephemeral();
    assert_eq!(
        (default.synthetic_employees, default.synthetic_accessories),
        (0, 0)
    );
}

#[tokio::test]
async fn twenty_thousand_employees_still_answer_the_filters() {
    let sandbox = TestSandbox::with(config(20_000, 0)).await;
    let admin = sandbox.token(ADMIN).await;
    let first = get_ok(&sandbox, &admin, "/employees").await;
    assert_eq!(total(&first, "employees"), SEEDED_EMPLOYEES + 20_000);
    assert_eq!(
        first["employees"]["items"].as_array().map(Vec::len),
        Some(10)
    );
    let found = get_ok(
        &sandbox,
        &admin,
        "/employees?companyEmployeeId=employee.19999@example.com",
    )
    .await;
    assert_eq!(ids(&found["employees"]), ["70019999"]);
    let end = get_ok(&sandbox, &admin, "/employees?limit=1000&offset=20005").await;
    assert_eq!(end["employees"]["items"].as_array().map(Vec::len), Some(17));
}
