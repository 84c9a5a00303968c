//! For the tests of ordering on behalf of others: the admin and the people
//! of the seed, switching as the pages do, the seed's lines and items for them, the
//! sandbox's view of anyone's orders, and reading the pages' HTML.

use app::{
    error::AppError,
    model::cart::{CartChange, ItemKind, OrderKind},
};
use reqwest::{header, Client, Response};
use serde_json::Value;

use super::{location, Harness};

/// The seed's admin, Alex Morgan of IT Procurement: MOBPROC lets him act for anyone.
pub const ADMIN: &str = "admin.acme";
pub const ADMIN_ID: &str = "28600001";
pub const ADMIN_NAME: &str = "Alex Morgan";
pub const ADMIN_EMAIL: &str = "alex.morgan@acme.com";
/// The admin's line 203-555-0100 (Verizon, Galaxy Note 4).
pub const ADMIN_LINE: &str = "38382700";
pub const ADMIN_LINE_NUMBER: &str = "203-555-0100";

/// Barbara Andrews of Marketing (the marketing catalog).
pub const BARBARA: &str = "barbara.andrews@example.com";
pub const BARBARA_ID: &str = "48068931";
pub const BARBARA_NAME: &str = "Barbara Andrews";
pub const BARBARA_EMAIL: &str = "barbara.andrews@example.com";
/// Barbara's line 415-555-0142 (AT&T, iPhone 6s).
pub const BARBARA_LINE: &str = "38382601";
pub const BARBARA_LINE_NUMBER: &str = "415-555-0142";

/// James Carpenter, also of Marketing.
pub const JAMES: &str = "james.carpenter@example.com";
pub const JAMES_ID: &str = "48068987";
pub const JAMES_NAME: &str = "James Carpenter";
/// James's line 646-555-0199 (T-Mobile, Galaxy S7).
pub const JAMES_LINE_NUMBER: &str = "646-555-0199";

pub const MARKETING: &str = "Marketing";

/// An accessory for Barbara's iPhone 6s (AT&T, $29.00).
pub const EARPODS: &str = "3628940002";
pub const EARPODS_NAME: &str = "Apple EarPods with Lightning Connector";

/// Upgrade devices only the marketing catalog (Barbara's) has, and only the
/// corporate one (the admin's) has.
pub const MARKETING_ONLY_DEVICE: &str = "Samsung Galaxy Tab S2 8.0 (32GB) LTE - Black";
pub const CORPORATE_ONLY_DEVICE: &str = "BlackBerry Passport - Black";

/// What the acting banner says for Barbara.
pub const ORDERING_FOR_BARBARA: &str = "You are ordering for Barbara Andrews";

/// The checkout form of an accessories order for Barbara's line, as the page posts it.
pub fn barbara_checkout() -> Vec<(String, String)> {
    [
        ("form[properties][CONTACT_NUMBER]", "4155550140"),
        ("form[properties][SERVICE_NUMBER]", "4155550142"),
        ("form[properties][ADDITIONAL_INSTRUCTIONS]", ""),
        ("form[name]", BARBARA_NAME),
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

impl Harness {
    /// A browser with `username` signed in.
    pub async fn signed_in(&self, username: &str) -> Client {
        let browser = self.browser();
        let response = self.sign_in(&browser, username, "demo").await;
        assert_eq!(location(&response), "/", "{username} signs in");
        browser
    }

    /// A browser with the admin signed in.
    pub async fn admin(&self) -> Client {
        self.signed_in(ADMIN).await
    }

    /// Switches to `employee_id` as the hydrated page would (a server-function call).
    pub async fn start_acting(&self, browser: &Client, employee_id: &str) -> Result<(), AppError> {
        self.call_for(browser, "acting/start", &[("employee_id", employee_id)])
            .await
    }

    /// Switches back to ordering for oneself.
    pub async fn stop_acting(&self, browser: &Client) -> Result<(), AppError> {
        self.call_for(browser, "acting/stop", &()).await
    }

    /// Posts `form` to `path` as a browser without JavaScript does, from the page
    /// `from`: it accepts HTML and names the page it came from.
    pub async fn post_form<F: serde::Serialize + ?Sized>(
        &self,
        browser: &Client,
        path: &str,
        form: &F,
        from: &str,
    ) -> Response {
        browser
            .post(self.url(path))
            .header(
                header::ACCEPT,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            )
            .header(header::REFERER, self.url(from))
            .form(form)
            .send()
            .await
            .expect("form post answers")
    }

    /// Adds an accessory for `line` to the cart of whoever the session orders for.
    pub async fn add_accessory(
        &self,
        browser: &Client,
        line: &str,
        item_id: &str,
    ) -> Result<CartChange, AppError> {
        let form = [
            ("service_id", line),
            ("order", OrderKind::Accessories.as_str()),
            ("item_kind", ItemKind::Accessory.as_str()),
            ("item_id", item_id),
        ];
        self.call_for(browser, "cart/add", &form).await
    }

    /// A `Location` as a path on this site: a form post without JavaScript that fails
    /// goes back to its (absolute) `Referer`, with the error in the query.
    pub fn path_of(&self, location: &str) -> String {
        location
            .strip_prefix(&self.base)
            .unwrap_or(location)
            .to_owned()
    }

    /// A page's HTML and status, whatever the status.
    pub async fn page_with_status(&self, browser: &Client, path: &str) -> (u16, String) {
        let response = browser.get(self.url(path)).send().await.expect("page");
        let status = response.status().as_u16();
        (status, response.text().await.expect("html"))
    }

    /// The orders `username` sees at the sandbox, those of `employee` (MOBPROC id)
    /// only when given; an admin sees everyone's.
    pub async fn sandbox_orders_seen_by(
        &self,
        username: &str,
        employee: Option<&str>,
    ) -> Vec<Value> {
        let http = Client::new();
        let token: Value = http
            .post(self.sandbox.token_url())
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
            .expect("token")
            .json()
            .await
            .expect("token json");
        let token = token["access_token"].as_str().expect("access token");
        let mut orders = Vec::new();
        let filter = employee.map_or_else(String::new, |id| format!("?employee={id}"));
        let mut next = Some(format!("{}/orders{filter}", self.sandbox.api_url()));
        while let Some(url) = next {
            let page: Value = http
                .get(&url)
                .bearer_auth(token)
                .header("X-TNGO-TENANT", "ACME")
                .header("client_id", "storefront")
                .send()
                .await
                .expect("orders")
                .json()
                .await
                .expect("orders json");
            let listing = &page["orders"];
            orders.extend(listing["items"].as_array().cloned().unwrap_or_default());
            next = listing["_meta"]["hrefNext"].as_str().map(str::to_owned);
        }
        orders
    }

    /// The sandbox's fault rules in force, as `GET /_sandbox/faults` lists them.
    pub async fn faults(&self) -> Value {
        Client::new()
            .get(format!("{}/_sandbox/faults", self.sandbox.base_url()))
            .send()
            .await
            .expect("faults")
            .json()
            .await
            .expect("faults json")
    }
}

/// The text of the page's `<title>`.
pub fn title(html: &str) -> String {
    let start = html.find("<title").expect("a <title>");
    let rest = &html[start..];
    let open = rest.find('>').expect("<title> closes") + 1;
    let close = rest.find("</title>").expect("</title>");
    text(&rest[open..close])
}

/// The text of the "Acting for" banner (the element labelled so), if the page has one.
pub fn acting_banner(html: &str) -> Option<String> {
    element_labelled(html, "Acting for").map(text)
}

/// The whole element (its tags included) whose `aria-label` is `label`.
pub fn element_labelled<'a>(html: &'a str, label: &str) -> Option<&'a str> {
    let attribute = html.find(&format!("aria-label=\"{label}\""))?;
    let start = html[..attribute].rfind('<')?;
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let next_open = html[at..].find(&open).map(|i| at + i);
        let next_close = html[at..].find(&close).map(|i| at + i)?;
        match next_open {
            // Another element of the same name opens first (`<section`, not `<sections`).
            Some(o)
                if o < next_close
                    && html[o + open.len()..]
                        .starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') =>
            {
                depth += 1;
                at = o + open.len();
            }
            Some(o) if o < next_close => at = o + open.len(),
            _ => {
                depth -= 1;
                at = next_close + close.len();
                if depth == 0 {
                    return Some(&html[start..at]);
                }
            }
        }
    }
}

/// What a person reads in `html`: tags and comments dropped (block elements' edges
/// read as a space), the common entities decoded, runs of white space made one space.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map_or(tail.len(), |e| e + 3)
        } else {
            tail.find('>').map_or(tail.len(), |e| e + 1)
        };
        // Other elements' edges read as a space; inline ones and comments as nothing.
        let name: String = tail
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let inline = name.is_empty()
            || matches!(
                name.as_str(),
                "a" | "abbr" | "b" | "code" | "em" | "i" | "small" | "span" | "strong"
            );
        if !inline {
            out.push(' ');
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    let words: Vec<&str> = decoded.split_whitespace().collect();
    words.join(" ")
}
