//! What the UI shows, as it travels between server functions and the browser. These
//! are deliberately small view models, not MOBPROC's wire types: the BFF maps one to
//! the other, and the WASM bundle carries only what pages need.

pub mod acting;
pub mod care;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod new_line;
pub mod order;

use serde::{Deserialize, Serialize};

/// The signed-in person, for the header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub employee_id: String,
    pub name: String,
    /// MOBPROC lets them order for other employees.
    pub can_act_for_others: bool,
    /// MOBPROC has them approve orders.
    pub is_approver: bool,
    /// Whom they order for now, when not for themselves.
    pub acting_for: Option<acting::Actor>,
}

/// Why the last sign-in attempt failed, and what the person typed (never the password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInFlash {
    pub username: String,
    pub message: String,
}

/// The ways of signing in this deployment offers; at least one is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInChoices {
    /// The storefront's own username and password form.
    pub password: bool,
    /// "Sign in with your company account": the identity provider's own page.
    pub company_account: bool,
}

/// Where a line action belongs on its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionGroup {
    /// Ordering something for the line: accessories, an upgrade.
    Order,
    /// Changing the line itself: suspending it, its features, cancelling it.
    Manage,
}

/// Something a person may do with a line, as `/me` and the line allow: the page that
/// starts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineAction {
    /// e.g. "Accessories".
    pub label: String,
    pub href: String,
    pub group: ActionGroup,
}

/// One of the person's phone lines, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub service_id: String,
    /// Formatted for reading, e.g. `203-555-7676`.
    pub number: String,
    /// In words, e.g. `Active`, `Suspended`.
    pub status: Option<String>,
    pub carrier: Option<String>,
    /// The plan's name, and the optional features the line has.
    pub plan: Option<String>,
    pub features: Vec<String>,
    pub device_name: Option<String>,
    /// The device's serial number type and last digits, e.g. "ESN ending 7832".
    pub device_serial: Option<String>,
    /// A same-origin URL (the BFF proxies MOBPROC's images).
    pub device_image: Option<String>,
    pub contract_start: Option<String>,
    pub contract_end: Option<String>,
    pub upgrade_eligible_on: Option<String>,
    pub actions: Vec<LineAction>,
}

/// "My lines": the actor's lines, and the way to a new one when they may order it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyLines {
    pub lines: Vec<Line>,
    /// The "New line" page, when `/me` allows a new line or a transfer in.
    pub new_line: Option<String>,
    /// Said once, e.g. that a line was moved to another employee.
    pub notice: Option<String>,
}
