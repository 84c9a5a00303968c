//! The catalog pages (accessories, upgrade devices and plans, a plan's detail) through
//! real HTTP against the sandbox: what they list, and search, filters, sort and pages
//! driven by the page URL alone, as a browser without JavaScript drives them.

use crate::support;

use reqwest::{header, Client, StatusCode};
use support::{start, Harness};

const PETERS_LINE: &str = "38382349";
const VEHICLE_CHARGER: &str = "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)";
const WALL_CHARGER: &str =
    "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)";

async fn signed_in() -> (Harness, Client) {
    let harness = start().await;
    let browser = harness.browser();
    let response = harness
        .sign_in(&browser, "peter.edwards.acme", "demo")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    (harness, browser)
}

async fn page(harness: &Harness, browser: &Client, path: &str) -> (StatusCode, String) {
    let response = browser.get(harness.url(path)).send().await.unwrap();
    let status = response.status();
    (status, response.text().await.unwrap())
}

async fn accessories(harness: &Harness, browser: &Client, query: &str) -> String {
    let path = format!("/lines/{PETERS_LINE}/accessories{query}");
    let (status, html) = page(harness, browser, &path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {html}");
    html
}

/// The `href` of the link whose text is `label`, as the browser would follow it.
fn link(html: &str, label: &str) -> Option<String> {
    let end = html.find(&format!(">{label}</a>"))?;
    let start = html[..end].rfind("href=\"")? + "href=\"".len();
    let href = &html[start..];
    Some(href[..href.find('"')?].replace("&amp;", "&"))
}

/// Where `needle` first appears, for checking an order.
fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the page"))
}

#[tokio::test]
async fn accessories_for_peters_line_are_the_ones_that_fit_it() {
    let (harness, browser) = signed_in().await;
    let html = accessories(&harness, &browser, "").await;
    assert!(
        html.contains("<title>Accessories for 203-555-7676"),
        "{html}"
    );
    assert!(html.contains("<h1>Accessories for 203-555-7676</h1>"));
    for name in [VEHICLE_CHARGER, WALL_CHARGER] {
        assert!(html.contains(name), "{name} listed");
    }
    assert!(html.contains("$22.49 one-time"));
    for misfit in [
        "OtterBox Defender Series Case for Apple iPhone 5 - Black",
        "Samsung Galaxy S4 Extended Battery",
        "Google USB Type-C Rapid Charger",
    ] {
        assert!(
            !html.contains(misfit),
            "{misfit} does not fit an LG Cookie Plus"
        );
    }
    assert!(html.contains("Showing 10 of 11 accessories"));
    // The add form posts to the cart's server function with the item's ids.
    assert!(html.contains(r#"name="service_id" value="38382349""#));
    assert!(html.contains(r#"name="item_id" value="3628935898""#));
    assert!(html.contains(r#"name="order" value="accessories""#));
}

#[tokio::test]
async fn search_and_filters_narrow_the_listing_through_the_url() {
    let (harness, browser) = signed_in().await;

    let html = accessories(&harness, &browser, "?q=rapid+wall").await;
    assert!(html.contains(WALL_CHARGER));
    assert!(!html.contains(VEHICLE_CHARGER));
    assert!(
        html.contains(r#"value="rapid wall""#),
        "the search box keeps the search"
    );

    let html = accessories(&harness, &browser, "?manufacturer=LG").await;
    assert!(html.contains("LG Cookie Plus Standard Battery (LGIP-410A)"));
    assert!(!html.contains("Jabra Talk 45"));
    assert!(!html.contains(WALL_CHARGER));

    let html = accessories(&harness, &browser, "?vendor=5001").await;
    assert!(html.contains("Jabra Talk 45 Bluetooth Headset"));
    assert!(html.contains("Anker PowerCore 10000 Portable Charger"));
    assert!(!html.contains(VEHICLE_CHARGER));

    let html = accessories(&harness, &browser, "?min_price=30&max_price=99.99").await;
    assert!(html.contains("Plantronics Voyager Legend Bluetooth Headset"));
    assert!(html.contains("Motorola TurboPower 25 Micro USB Wall Charger"));
    assert!(!html.contains(VEHICLE_CHARGER), "$22.49 is below the range");
    assert!(
        !html.contains("Anker PowerCore"),
        "$29.99 is below the range"
    );

    let html = accessories(&harness, &browser, "?q=zzz-nothing").await;
    assert!(html.contains("No accessories match your search."));
    assert!(html.contains("No accessories found"));
}

#[tokio::test]
async fn sorting_covers_every_page_of_the_listing() {
    let (harness, browser) = signed_in().await;
    let html = accessories(&harness, &browser, "?sort=price_desc").await;
    // All eleven on one page, most expensive first; Anker is on MOBPROC's second page.
    assert!(html.contains("11 accessories"), "{html}");
    assert!(position(&html, "Plantronics Voyager") < position(&html, "Jabra Talk 45"));
    assert!(position(&html, "Jabra Talk 45") < position(&html, "Anker PowerCore"));
    assert!(position(&html, "Anker PowerCore") < position(&html, VEHICLE_CHARGER));
    assert!(link(&html, "Next page").is_none());

    let html = accessories(&harness, &browser, "?sort=name_asc").await;
    assert!(position(&html, "Anker PowerCore") < position(&html, "Jabra Talk 45"));
    assert!(position(&html, "Jabra Talk 45") < position(&html, "LG Cookie Plus Leather"));
}

#[tokio::test]
async fn pages_follow_mobprocs_links_carried_in_the_url() {
    let (harness, browser) = signed_in().await;
    let first = accessories(&harness, &browser, "").await;
    assert!(!first.contains("Anker PowerCore"));
    assert!(link(&first, "Previous page").is_none());
    let next = link(&first, "Next page").expect("a next link");
    assert!(
        next.starts_with(&format!("/lines/{PETERS_LINE}/accessories?page=")),
        "{next}"
    );
    assert!(
        !next.contains("127.0.0.1"),
        "no MOBPROC host in the page: {next}"
    );

    let (status, second) = page(&harness, &browser, &next).await;
    assert_eq!(status, StatusCode::OK);
    assert!(second.contains("Anker PowerCore 10000 Portable Charger"));
    assert!(!second.contains(VEHICLE_CHARGER));
    assert!(link(&second, "Next page").is_none());
    let previous = link(&second, "Previous page").expect("a previous link");
    let (_, back) = page(&harness, &browser, &previous).await;
    assert!(back.contains(VEHICLE_CHARGER));

    // A search keeps its own pages: the token is only good with the same filters.
    let filtered = accessories(&harness, &browser, "?q=charger").await;
    assert!(
        link(&filtered, "Next page").is_none(),
        "7 chargers fit one page"
    );
}

#[tokio::test]
async fn page_tokens_and_odd_values_fall_back_to_defaults() {
    let (harness, browser) = signed_in().await;
    for query in [
        // Barbara's line, smuggled in through a page token.
        "?page=service%3D38382601%26offset%3D0%26limit%3D10",
        "?page=service%3D38382349%26offset%3Dabc",
        "?page=%25%25%25&sort=cheapest&min_price=abc&max_price=-3",
        "?q=%00&manufacturer=&vendor=%20%20",
    ] {
        let html = accessories(&harness, &browser, query).await;
        assert!(
            html.contains("Showing 10 of 11 accessories"),
            "{query}: {html}"
        );
    }
}

#[tokio::test]
async fn images_are_same_origin_and_answer_with_images() {
    let (harness, browser) = signed_in().await;
    let html = accessories(&harness, &browser, "").await;
    let sources: Vec<String> = html
        .match_indices("<img src=\"")
        .map(|(at, _)| {
            let rest = &html[at + "<img src=\"".len()..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .collect();
    assert!(!sources.is_empty());
    for src in &sources {
        assert!(src.starts_with("/media?src="), "{src}");
    }
    assert!(html.contains(&format!(r#"alt="{VEHICLE_CHARGER}""#)));
    assert!(html.contains(r#"width="96" height="96""#));
    let response = browser.get(harness.url(&sources[0])).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()[header::CONTENT_TYPE].to_str().unwrap();
    assert!(content_type.starts_with("image/"), "{content_type}");

    // The proxy takes a path on MOBPROC's host, never a URL to fetch.
    let elsewhere = "/media?src=http%3A%2F%2F169.254.169.254%2Flatest";
    let response = browser.get(harness.url(elsewhere)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_upgrade_page_lists_devices_and_plans() {
    let (harness, browser) = signed_in().await;
    let path = format!("/lines/{PETERS_LINE}/upgrade");
    let (status, devices) = page(&harness, &browser, &path).await;
    assert_eq!(status, StatusCode::OK, "{devices}");
    assert!(devices.contains("<title>Upgrade devices for 203-555-7676"));
    assert!(devices.contains("Apple iPhone 5 (16GB) - Black"));
    assert!(devices.contains("$199.99 one-time"));
    assert!(devices.contains(r#"name="item_kind" value="device""#));

    let (_, samsung) = page(&harness, &browser, &format!("{path}?manufacturer=Samsung")).await;
    assert!(samsung.contains("Samsung Galaxy S4 (16GB) - Black Mist"));
    assert!(!samsung.contains("Apple iPhone 5"));

    let (status, plans) = page(&harness, &browser, &format!("{path}?view=plans")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(plans.contains("<title>Upgrade plans for 203-555-7676"));
    assert!(plans.contains("Nationwide for Business Talk Share Plan"));
    assert!(plans.contains("$58.67 / month"));
    assert!(plans.contains(&format!(
        r#"href="/lines/{PETERS_LINE}/upgrade/plans/6568886698""#
    )));
    // An AT&T (GSM) plan on Peter's CDMA phone needs a new device.
    assert!(plans.contains("does not work with your LG Cookie Plus (CDMA)"));
    assert!(plans.contains("network (GSM)"));

    let (_, cheap) = page(
        &harness,
        &browser,
        &format!("{path}?view=plans&max_price=45&sort=price_asc"),
    )
    .await;
    assert!(
        position(&cheap, "Nationwide for Business Talk Share Plan")
            < position(&cheap, "AT&amp;T Business Pooled Nation 450")
    );
    assert!(!cheap.contains("$58.67 / month"));
}

#[tokio::test]
async fn the_plan_detail_shows_included_and_optional_features() {
    let (harness, browser) = signed_in().await;
    let path = format!("/lines/{PETERS_LINE}/upgrade/plans/6568886698");
    let (status, html) = page(&harness, &browser, &path).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("<title>Nationwide for Business Talk Share Plan for 203-555-7676"));
    assert!(html.contains("$58.67 / month"));
    assert!(html.contains("VZ Navigator"));
    assert!(position(&html, "Voice Mail") < position(&html, "$300.00 / month"));
    assert!(position(&html, "Roadside Assistance") < position(&html, "$200.00 / month"));
    assert!(html.contains(r#"name="item_kind" value="feature""#));
    assert!(html.contains(r#"name="item_id" value="122""#));
    assert!(
        !html.contains("Needs a new device"),
        "a Verizon plan fits a CDMA phone"
    );

    let (_, gsm) = page(
        &harness,
        &browser,
        &format!("/lines/{PETERS_LINE}/upgrade/plans/6568887002"),
    )
    .await;
    assert!(gsm.contains("Needs a new device: this plan"));
}

#[tokio::test]
async fn lines_and_plans_the_person_may_not_see_are_not_found() {
    let (harness, browser) = signed_in().await;
    // 38382601 is Barbara's line.
    for path in [
        "/lines/38382601/accessories",
        "/lines/38382601/upgrade",
        "/lines/38382601/upgrade?view=plans",
        "/lines/no-such-line/accessories",
    ] {
        let (status, html) = page(&harness, &browser, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("<h1>Line not found</h1>"), "{path}: {html}");
        assert!(
            !html.contains("4155550142"),
            "nothing of Barbara's line shows"
        );
    }
    let (status, _) = page(&harness, &browser, "/lines/%2E%2E/accessories").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for path in [
        "/lines/38382601/upgrade/plans/6568886698",
        "/lines/38382349/upgrade/plans/no-such-plan",
    ] {
        let (status, html) = page(&harness, &browser, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("<h1>Plan not found</h1>"), "{path}: {html}");
    }
}
