//! The actor's catalog and its filters.

mod common;

use std::collections::HashSet;

use common::*;
use reqwest::{Method, StatusCode};
use sandbox::seed::Seed;

#[tokio::test]
async fn accessories_for_peters_line_fit_his_lg_cookie_plus() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, body) = sandbox
        .get(&peter, "/catalog/accessories?service=38382349&limit=100")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let found = ids(&body["accessories"]);
    assert!(found.contains(&"3628935898".to_owned()), "{found:?}");
    assert!(found.contains(&"3628939021".to_owned()), "{found:?}");

    let seed = Seed::builtin().unwrap();
    for id in &found {
        let accessory = seed.accessories.get(id).unwrap();
        assert!(seed.fits(accessory, "Cookie Plus"), "{id} does not fit");
    }
    assert!(
        !found.contains(&"3628940001".to_owned()),
        "an iPhone 5 case"
    );
    assert!(!found.contains(&"456".to_owned()), "an iPhone 6 case");

    let charger = body["accessories"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "3628935898")
        .unwrap();
    assert_eq!(
        charger["name"],
        "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)"
    );
    assert_eq!(charger["price"]["amount"].to_string(), "22.49");
    assert_eq!(charger["price"]["recurrence"], "ONETIME");
    assert_eq!(
        charger["imageUrl"],
        format!("{}//images/devices/VER/MICRDUALVPCF_m.jpg", sandbox.base())
    );
    assert_eq!(charger["vendor"]["id"], "98");
    assert_eq!(charger["manufacturer"]["id"], "Verizon Wireless");
    assert_eq!(
        charger["manufacturer"]["_meta"]["href"],
        sandbox.api("/manufacturers/Verizon%20Wireless")
    );
}

#[tokio::test]
async fn accessories_follow_a_device_or_a_device_asset_too() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (_, by_device) = sandbox
        .get(&peter, "/catalog/accessories?device=37948999&limit=100")
        .await;
    let found = ids(&by_device["accessories"]);
    assert!(found.contains(&"456".to_owned()) && found.contains(&"123".to_owned()));
    let (_, by_asset) = sandbox
        .get(
            &peter,
            "/catalog/accessories?compatibleWithDeviceAssetId=35362368&limit=100",
        )
        .await;
    let (_, by_line) = sandbox
        .get(&peter, "/catalog/accessories?service=38382349&limit=100")
        .await;
    assert_eq!(ids(&by_asset["accessories"]), ids(&by_line["accessories"]));
    let (status, body) = sandbox
        .get(&peter, "/catalog/accessories?service=38382601")
        .await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn barbaras_catalog_differs_from_the_admins() {
    let sandbox = TestSandbox::start().await;
    let admin = sandbox.token(ADMIN).await;
    let all = |request: reqwest::RequestBuilder| async move {
        let (status, body) = TestSandbox::send(request).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        ids(&body["devices"]).into_iter().collect::<HashSet<_>>()
    };
    let path = "/catalog/devices?regionId=70144640&limit=1000";
    let own = all(sandbox.request(Method::GET, &admin, path)).await;
    let barbaras = all(sandbox
        .request(Method::GET, &admin, path)
        .header("X-TNGO-CONTEXT-EMPLOYEEID", BARBARA_ID))
    .await;
    let barbara = sandbox.token(BARBARA).await;
    let her_own = all(sandbox.request(Method::GET, &barbara, path)).await;
    assert_eq!(barbaras, her_own, "context gives the actor's catalog");
    assert_ne!(own, barbaras);
    assert!(barbaras.contains("9194800106"), "Marketing's iPad");
    assert!(!own.contains("9194800106"));
    assert!(own.contains("9194800204") && !barbaras.contains("9194800204"));
    assert!(own.contains("9194713904") && barbaras.contains("9194713904"));

    let (status, body) = sandbox.get(&admin, "/catalog/devices/9194800106").await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn devices_and_plans_need_a_region_or_a_line() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    for path in ["/catalog/devices", "/catalog/plans"] {
        let (status, body) = sandbox.get(&peter, path).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST);
        assert_eq!(body["errorCode"], "400-Region_id-Account-Id-error");
        assert_eq!(
            body["message"],
            "Region ID or Service ID must be passed in."
        );
    }
    let (status, body) = sandbox
        .get(&peter, "/catalog/devices?service=38382349")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = sandbox
        .get(&peter, "/catalog/devices?regionId=70144640&postalCode=ABC")
        .await;
    assert_error(status, &body, StatusCode::BAD_REQUEST);
    let (status, body) = sandbox.get(&peter, "/catalog/plans?regionId=1").await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn filters_narrow_devices_and_plans() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let get = |path: String| {
        let sandbox = &sandbox;
        let peter = &peter;
        async move {
            let (status, body) = sandbox.get(peter, &path).await;
            assert_eq!(status, StatusCode::OK, "{path}: {body}");
            body
        }
    };
    let verizon = get("/catalog/devices?regionId=70144640&vendor=98&limit=100".into()).await;
    let items = verizon["devices"]["items"].as_array().unwrap();
    assert!(items.len() >= 5);
    assert!(items
        .iter()
        .all(|d| d["vendor"]["id"] == "98" && d["accessMethod"] == "CDMA"));

    let apple =
        get("/catalog/devices?regionId=70144640&manufacturer=apple&q=iphone%206&limit=100".into())
            .await;
    let names: Vec<_> = apple["devices"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !names.is_empty() && names.iter().all(|n| n.starts_with("Apple iPhone 6")),
        "{names:?}"
    );

    let gsm = get("/catalog/devices?regionId=70144640&accessMethod=GSM&limit=100".into()).await;
    assert!(gsm["devices"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["accessMethod"] == "GSM"));

    let chicago = get("/catalog/plans?regionId=70144640&postalCode=60601&limit=100".into()).await;
    let boston = get("/catalog/plans?regionId=70144640&postalCode=02110&limit=100".into()).await;
    assert!(
        ids(&chicago["plans"]).contains(&"6568887201".to_owned()),
        "U.S. Cellular serves Chicago"
    );
    assert!(!ids(&boston["plans"]).contains(&"6568887201".to_owned()));

    let canada = get("/catalog/plans?regionId=70144700".into()).await;
    assert_eq!(canada["plans"]["items"][0]["price"]["currencyCode"], "CAD");

    let for_device =
        get("/catalog/plans?regionId=70144640&device=9194713904&limit=100".into()).await;
    assert!(for_device["plans"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["vendor"]["id"] == "98"));
}

#[tokio::test]
async fn a_plan_detail_lists_its_optional_features() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, plan) = sandbox.get(&peter, "/catalog/plans/6568886698").await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["name"], "Nationwide for Business Talk Share Plan");
    assert_eq!(plan["price"]["amount"].to_string(), "58.67");
    assert_eq!(plan["price"]["recurrence"], "MONTHLY");
    let included: Vec<_> = plan["includedFeatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["description"].as_str().unwrap())
        .collect();
    assert_eq!(
        included,
        ["Total Equipment Coverage", "VZ Navigator", "Base Package"]
    );
    let optional = &plan["optionalFeatures"];
    assert_eq!(optional[0]["id"], "122");
    assert_eq!(optional[0]["price"]["amount"].to_string(), "300");
    assert_eq!(optional[1]["description"], "Roadside Assistance");

    let (_, features) = sandbox
        .get(&peter, "/catalog/features?plan=6568886698")
        .await;
    assert_eq!(ids(&features["features"]), ["122", "293"]);
    let (_, for_line) = sandbox
        .get(&peter, "/catalog/features?service=38382335")
        .await;
    assert!(ids(&for_line["features"]).contains(&"518".to_owned()));
    let (status, body) = sandbox.get(&peter, "/catalog/plans/0").await;
    assert_error(status, &body, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_tutorials_items_are_as_documented() {
    let sandbox = TestSandbox::start().await;
    let peter = sandbox.token(PETER).await;
    let (status, device) = sandbox.get(&peter, "/catalog/devices/9194713904").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(device["name"], "Apple iPhone 5 (16GB) - Black");
    assert_eq!(device["price"]["amount"].to_string(), "199.99");
    assert_eq!(
        device["imageUrl"],
        format!("{}//images/devices/VER/iphone5_blk_l.jpg", sandbox.base())
    );
    assert_eq!(
        device["manufacturer"]["logoUrl"],
        format!("{}//images/manufacturers/Apple.gif", sandbox.base())
    );
    assert_eq!(
        device["vendor"]["logoUrl"],
        format!("{}//images/carrier/logo_VER.gif", sandbox.base())
    );
    assert_eq!(
        device["_meta"]["href"],
        sandbox.api("/catalog/devices/9194713904")
    );
}
