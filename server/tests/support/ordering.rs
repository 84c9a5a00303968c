//! For the ordering tests: server functions called as the hydrated page calls them,
//! the seed's checkout, a second server on the same database, and the sandbox's own
//! view of the orders and its fault injection.

use std::{sync::Arc, time::Duration};

use app::{
    error::AppError,
    model::cart::{CartChange, ItemKind, OrderKind},
};
use reqwest::{cookie::Jar, header, redirect, Client, Response};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::task::JoinHandle;

use super::{serve, Harness};

pub const PETER: &str = "peter.edwards.acme";
pub const PETER_ID: &str = "28673732";
/// Peter's line 203-555-7676.
pub const LINE: &str = "38382349";
pub const CAR_CHARGER: &str = "3628935898";
pub const WALL_CHARGER: &str = "3628939021";
pub const CAR_CHARGER_NAME: &str =
    "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)";
pub const WALL_CHARGER_NAME: &str =
    "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)";

/// The checkout form of the ORDER_ACCESSORIES seed, as the page posts it.
pub fn seed_checkout() -> Vec<(String, String)> {
    [
        ("form[properties][CONTACT_NUMBER]", "2035559999"),
        ("form[properties][SERVICE_NUMBER]", "2035557676"),
        ("form[properties][ADDITIONAL_INSTRUCTIONS]", ""),
        ("form[name]", "Peter Edwards"),
        ("form[region_id]", "70144640"),
        ("form[address][LINE_1]", "35 Executive Blvd"),
        ("form[address][LINE_2]", ""),
        ("form[address][LINE_3]", ""),
        ("form[address][CITY]", "Orange"),
        ("form[address][STATE]", "CT"),
        ("form[address][POSTAL_CODE]", "06477"),
        ("form[expedite]", "on"),
        ("intent", "confirm"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// The tutorial's upgrade of Peter's line: the iPhone 5 on the Talk Share plan with
/// Voice Mail and Roadside Assistance, $558.67 a month.
pub const IPHONE_5: &str = "9194713904";
pub const TALK_SHARE_PLAN: &str = "6568886698";
pub const UPGRADE_FEATURES: [&str; 2] = ["122", "293"];

/// The checkout form of the UPGRADE seed, as the page posts it.
pub fn upgrade_checkout() -> Vec<(String, String)> {
    with(&seed_checkout(), "form[properties][Reason]", Some("21"))
}

/// `form` with `name` set to `value` (added when missing, removed when `None`).
pub fn with(form: &[(String, String)], name: &str, value: Option<&str>) -> Vec<(String, String)> {
    let mut form: Vec<_> = form.iter().filter(|(k, _)| k != name).cloned().collect();
    if let Some(value) = value {
        form.push((name.to_owned(), value.to_owned()));
    }
    form
}

/// A client that keeps its cookies in `jar` and speaks as a page of `base`.
pub fn browser_at(base: &str, jar: Arc<Jar>) -> Client {
    let mut headers = header::HeaderMap::new();
    headers.insert(header::ORIGIN, base.parse().expect("origin"));
    Client::builder()
        .cookie_provider(jar)
        .redirect(redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

impl Harness {
    /// A browser with Peter signed in.
    pub async fn peter(&self) -> Client {
        let browser = self.browser();
        let response = self.sign_in(&browser, PETER, "demo").await;
        assert_eq!(super::location(&response), "/", "Peter signs in");
        browser
    }

    /// POSTs server function `endpoint` (under `/api/`) as the hydrated page does:
    /// form-encoded, answered in JSON.
    pub async fn call<F: serde::Serialize + ?Sized>(
        &self,
        browser: &Client,
        endpoint: &str,
        form: &F,
    ) -> Response {
        call_at(&self.base, browser, endpoint, form).await
    }

    /// A server function's result: its value, or the error the page would show.
    pub async fn call_for<T: DeserializeOwned, F: serde::Serialize + ?Sized>(
        &self,
        browser: &Client,
        endpoint: &str,
        form: &F,
    ) -> Result<T, AppError> {
        decode(self.call(browser, endpoint, form).await).await
    }

    pub async fn add(
        &self,
        browser: &Client,
        order: OrderKind,
        kind: ItemKind,
        item_id: &str,
        replace: bool,
    ) -> Result<CartChange, AppError> {
        let mut form = vec![
            ("service_id", LINE),
            ("order", order.as_str()),
            ("item_kind", kind.as_str()),
            ("item_id", item_id),
        ];
        if replace {
            form.push(("replace", "true"));
        }
        self.call_for(browser, "cart/add", &form).await
    }

    /// The tutorial's upgrade in the cart of `browser`'s person, for Peter's line.
    pub async fn add_upgrade(&self, browser: &Client) {
        self.add(
            browser,
            OrderKind::Upgrade,
            ItemKind::Device,
            IPHONE_5,
            false,
        )
        .await
        .expect("device added");
        self.add(
            browser,
            OrderKind::Upgrade,
            ItemKind::Plan,
            TALK_SHARE_PLAN,
            false,
        )
        .await
        .expect("plan added");
        for feature in UPGRADE_FEATURES {
            self.add(
                browser,
                OrderKind::Upgrade,
                ItemKind::Feature,
                feature,
                false,
            )
            .await
            .expect("feature added");
        }
    }

    /// The seed's two chargers in Peter's cart.
    pub async fn add_chargers(&self, browser: &Client) {
        for charger in [CAR_CHARGER, WALL_CHARGER] {
            self.add(
                browser,
                OrderKind::Accessories,
                ItemKind::Accessory,
                charger,
                false,
            )
            .await
            .expect("charger added");
        }
    }

    /// Posts the checkout form; the new checkout's id, from where it leads.
    pub async fn confirm(
        &self,
        browser: &Client,
        form: &[(String, String)],
    ) -> Result<String, AppError> {
        confirm_at(&self.base, browser, form).await
    }

    /// Places the checkout's order; the order id.
    pub async fn submit(&self, browser: &Client, checkout_id: &str) -> Result<String, AppError> {
        submit_at(&self.base, browser, checkout_id).await
    }

    /// A page's HTML, which must answer 200.
    pub async fn page(&self, browser: &Client, path: &str) -> String {
        self.page_answering(browser, path, 200).await
    }

    /// The HTML of a page that must answer `status`, e.g. one showing a failure.
    pub async fn page_answering(&self, browser: &Client, path: &str, status: u16) -> String {
        let response = browser.get(self.url(path)).send().await.expect("page");
        assert_eq!(response.status(), status, "GET {path}");
        response.text().await.expect("html")
    }

    /// Every order of Peter's, as the sandbox itself lists them.
    pub async fn sandbox_orders(&self) -> Vec<Value> {
        self.sandbox_orders_seen_by(PETER, Some(PETER_ID)).await
    }

    /// Replaces the sandbox's fault rules (`[]` clears them).
    pub async fn set_faults(&self, rules: Value) {
        let response = Client::new()
            .post(format!("{}/_sandbox/faults", self.sandbox.base_url()))
            .json(&rules)
            .send()
            .await
            .expect("faults");
        assert!(response.status().is_success(), "faults accepted");
    }

    /// Moves MOBPROC's clock `secs` forward (tokens expire by it).
    pub async fn advance_sandbox_clock(&self, secs: u64) {
        let response = Client::new()
            .post(format!("{}/_sandbox/clock", self.sandbox.base_url()))
            .json(&serde_json::json!({ "advanceSecs": secs }))
            .send()
            .await
            .expect("clock");
        assert!(response.status().is_success(), "clock moved");
    }

    /// Another storefront server on this one's database and sandbox, as after a
    /// restart: its base URL and the task serving it.
    pub async fn second_server(&self) -> (String, JoinHandle<()>) {
        serve(&self.sandbox, self._data.path(), &self.setup).await
    }
}

/// [`Harness::call`] on the server at `base`.
pub async fn call_at<F: serde::Serialize + ?Sized>(
    base: &str,
    browser: &Client,
    endpoint: &str,
    form: &F,
) -> Response {
    browser
        .post(format!("{base}/api/{endpoint}"))
        .form(form)
        .send()
        .await
        .expect("server function answers")
}

/// [`Harness::confirm`] on the server at `base`.
pub async fn confirm_at(
    base: &str,
    browser: &Client,
    form: &[(String, String)],
) -> Result<String, AppError> {
    let response = call_at(base, browser, "checkout/save", form).await;
    let location = super::location(&response).to_owned();
    decode::<()>(response).await?;
    let id = location
        .strip_prefix("/checkout/confirm?checkout=")
        .unwrap_or_else(|| panic!("led to the confirmation, not {location:?}"));
    Ok(id.to_owned())
}

/// [`Harness::submit`] on the server at `base`.
pub async fn submit_at(
    base: &str,
    browser: &Client,
    checkout_id: &str,
) -> Result<String, AppError> {
    decode(call_at(base, browser, "orders/submit", &[("checkout", checkout_id)]).await).await
}

pub async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, AppError> {
    let status = response.status();
    let body = response.text().await.expect("body");
    if status.is_success() {
        Ok(serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("unexpected answer {body:?}: {e}")))
    } else {
        Err(serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("unexpected error {status} {body:?}: {e}")))
    }
}
