//! Regions, address formats and currencies (API.md §11).

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::Value;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/mobproc/examples");

fn example(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{path}")).expect("example exists");
    serde_json::from_str(&text).expect("example is JSON")
}

/// The example with our base instead of the docs' host.
fn rebased(value: &Value, sandbox: &TestSandbox) -> Value {
    let text = value.to_string().replace(
        "https://tngo-mobproc.cloudhub.io/mobproc/v1",
        &sandbox.api(""),
    );
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn the_us_address_format_is_the_documented_one() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, us) = sandbox.get(&peter, "/regions/70144640").await;
    assert_eq!(status, StatusCode::OK, "{us}");
    let mut documented = rebased(
        &example("regions/region_us_with_address_format.json"),
        &sandbox,
    );

    // The docs elide the states to Alabama and Wyoming; ours lists all 50 and DC.
    let options = us["addressFormat"][4]["options"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(options.len(), 51);
    assert_eq!(options[0], documented["addressFormat"][4]["options"][0]);
    assert_eq!(options[50], documented["addressFormat"][4]["options"][1]);
    assert!(options
        .iter()
        .any(|o| o["value"] == "DC" && o["label"] == "District of Columbia"));
    documented["addressFormat"][4]["options"] = Value::Array(options);
    assert_eq!(us, documented);
}

#[tokio::test]
async fn states_are_children_of_their_country() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, body) = sandbox
        .get(&peter, "/regions?parentRegion=70144640&limit=100")
        .await;
    assert_eq!(status, StatusCode::OK);
    let states = body["regions"]["items"].as_array().unwrap();
    assert_eq!(states.len(), 51);
    for documented in example("regions/states_of_us.json")["regions"]
        .as_array()
        .unwrap()
    {
        let ours = states
            .iter()
            .find(|s| s["id"] == documented["id"])
            .unwrap_or_else(|| panic!("{documented}"));
        for field in ["abbreviation", "name", "parentId", "type"] {
            assert_eq!(ours[field], documented[field], "{field}");
        }
        assert_eq!(
            ours["_meta"]["hrefParent"],
            sandbox.api("/regions/70144640")
        );
    }

    let (_, countries) = sandbox.get(&peter, "/regions").await;
    let names: Vec<_> = countries["regions"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["United States", "Canada", "United Kingdom"]);
    assert_eq!(
        countries["regions"]["items"][0]["_meta"]["hrefChildren"],
        sandbox.api("/regions?parentRegion=70144640")
    );
}

#[tokio::test]
async fn canada_and_the_uk_have_their_own_forms_and_currencies() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (_, canada) = sandbox.get(&peter, "/regions/70144700").await;
    assert_eq!(canada["currency"]["code"], "CAD");
    let province = canada["addressFormat"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "STATE")
        .unwrap();
    assert_eq!(province["label"], "Province");
    assert_eq!(province["options"].as_array().unwrap().len(), 13);

    let (_, uk) = sandbox.get(&peter, "/regions/70144800").await;
    assert_eq!(
        uk["currency"],
        serde_json::json!({"code": "GBP", "name": "British Pounds", "symbol": "£"})
    );
    let postcode = uk["postalCodeRegEx"].as_str().unwrap();
    let check = regex::Regex::new(postcode).unwrap();
    for valid in ["SW1A 1AA", "M1 1AE", "EC1A1BB"] {
        assert!(check.is_match(valid), "{valid}");
    }
    assert!(!check.is_match("06477"));
}

#[tokio::test]
async fn the_transfer_examples_united_states_id_answers_as_the_us() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, alias) = sandbox.get(&peter, "/regions/70144222").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(alias["id"], "70144222");
    assert_eq!(alias["name"], "United States");
    let (_, countries) = sandbox.get(&peter, "/regions").await;
    assert!(!ids(&countries["regions"]).contains(&"70144222".to_owned()));
    let (status, body) = sandbox.get(&peter, "/regions/1").await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}
