//! Fault injection for reliability tests: off by default, set by `--fault RULE` flags
//! at start and at run time by `/_sandbox/faults`.
//!
//! A rule picks requests by `path` (a [`glob`](crate::glob) where `*` matches anything,
//! `/` included; matched against the path, or against path and query when the pattern
//! has a `?`)
//! and optional `method`, and then, in this order:
//!
//! - `latencyMs` + up to `jitterMs` (uniform) delay the request;
//! - `hang`: the request is never answered (until the rules change or the sandbox
//!   shuts down; then its connection is dropped);
//! - `errorRate` (0.0–1.0; 1.0 always) answers `errorStatus` (400–599, default 503)
//!   with a §5 error body instead of running the handler: a 5xx for an outage, a 4xx
//!   such as 403 or 404 for a refusal MOBPROC would give;
//! - `dropAfterCommit`: the handler runs (an order is created and saved), then the
//!   connection breaks instead of carrying a successful answer: "did my order go
//!   through?".
//!
//! `times` limits a rule to its next N matches. The first matching rule applies.
//! `/_sandbox/*` itself is never faulted, so faults can always be cleared.
//!
//! - `GET /_sandbox/faults`: the rules in force.
//! - `POST /_sandbox/faults` `[{rule}, …]` (or `{"rules":[…]}`): replaces them; `[]` clears.
//! - `DELETE /_sandbox/faults`: clears them.
//! - `POST /_sandbox/reset` restores the rules the sandbox started with.
//!
//! Flag form: comma-separated `key=value` in kebab case, e.g.
//! `--fault 'path=/mobproc/v1/orders*,method=POST,error-rate=0.5,error-status=502'`,
//! `--fault 'path=/mobproc/v1/orders,method=POST,drop-after-commit'`.

use std::str::FromStr;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::watch;

use crate::error::{Error, Result};
use crate::glob::target_matches;
use crate::state::SandboxState;

/// One fault rule, as JSON (`/_sandbox/faults`) and as a `--fault` flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultRule {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default)]
    pub latency_ms: u64,
    #[serde(default)]
    pub jitter_ms: u64,
    #[serde(default)]
    pub error_rate: f64,
    #[serde(default = "default_error_status")]
    pub error_status: u16,
    #[serde(default)]
    pub hang: bool,
    #[serde(default)]
    pub drop_after_commit: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
}

fn default_error_status() -> u16 {
    503
}

impl FaultRule {
    /// Refuses rules that could not do what they say.
    fn check(&self) -> Result<(), String> {
        if self.path.is_empty() {
            return Err("path must not be empty".to_owned());
        }
        if !(0.0..=1.0).contains(&self.error_rate) {
            return Err(format!(
                "errorRate must be 0.0–1.0, not {}",
                self.error_rate
            ));
        }
        if !(400..=599).contains(&self.error_status) {
            return Err(format!(
                "errorStatus must be 400–599, not {}",
                self.error_status
            ));
        }
        if let Some(method) = &self.method {
            Method::from_str(method).map_err(|_| format!("{method:?} is not a method"))?;
        }
        Ok(())
    }

    fn applies_to(&self, method: &Method, uri: &Uri) -> bool {
        let method_matches = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()));
        method_matches && target_matches(&self.path, uri.path(), uri.query())
    }

    fn delay(&self) -> Duration {
        let jitter = if self.jitter_ms > 0 {
            rand::random_range(0..=self.jitter_ms)
        } else {
            0
        };
        Duration::from_millis(self.latency_ms.saturating_add(jitter))
    }

    fn fails(&self) -> bool {
        self.error_rate > 0.0 && rand::random::<f64>() < self.error_rate
    }
}

/// `key=value,…` (kebab-case keys; `hang` and `drop-after-commit` may stand alone).
impl FromStr for FaultRule {
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, String> {
        let mut rule = FaultRule {
            path: String::new(),
            method: None,
            latency_ms: 0,
            jitter_ms: 0,
            error_rate: 0.0,
            error_status: default_error_status(),
            hang: false,
            drop_after_commit: false,
            times: None,
        };
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, "true"));
            let number = |what: &str| format!("{key}: {value:?} is not {what}");
            match key.trim() {
                "path" => rule.path = value.to_owned(),
                "method" => rule.method = Some(value.to_owned()),
                "latency-ms" => rule.latency_ms = value.parse().map_err(|_| number("a number"))?,
                "jitter-ms" => rule.jitter_ms = value.parse().map_err(|_| number("a number"))?,
                "error-rate" => rule.error_rate = value.parse().map_err(|_| number("a rate"))?,
                "error-status" => {
                    rule.error_status = value.parse().map_err(|_| number("a status"))?;
                }
                "hang" => rule.hang = value.parse().map_err(|_| number("true or false"))?,
                "drop-after-commit" => {
                    rule.drop_after_commit = value.parse().map_err(|_| number("true or false"))?;
                }
                "times" => rule.times = Some(value.parse().map_err(|_| number("a count"))?),
                other => return Err(format!("unknown fault key {other:?}")),
            }
        }
        rule.check()?;
        Ok(rule)
    }
}

/// The fault rules of one sandbox.
#[derive(Debug)]
pub struct Faults {
    /// The `--fault` rules, restored by a reset.
    startup: Vec<FaultRule>,
    rules: Mutex<Vec<FaultRule>>,
    /// Bumped whenever the rules change, to release hanging requests.
    generation: watch::Sender<u64>,
}

impl Default for Faults {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

/// The rule a request matched, and how to learn that the rules changed.
struct Matched {
    rule: FaultRule,
    changed: watch::Receiver<u64>,
}

impl Faults {
    pub fn new(startup: Vec<FaultRule>) -> Self {
        Self {
            rules: Mutex::new(startup.clone()),
            startup,
            generation: watch::Sender::new(0),
        }
    }

    pub fn rules(&self) -> Vec<FaultRule> {
        self.lock().clone()
    }

    /// Replaces the rules; requests hanging under the old ones are released.
    pub fn set(&self, rules: Vec<FaultRule>) {
        *self.lock() = rules;
        self.release();
    }

    /// Ends every hanging request (their connections are dropped), rules unchanged.
    pub fn release(&self) {
        self.generation.send_modify(|g| *g = g.wrapping_add(1));
    }

    /// Back to the rules the sandbox started with.
    pub fn reset(&self) {
        self.set(self.startup.clone());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<FaultRule>> {
        self.rules.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The first rule for this request, counting it against the rule's `times`.
    fn take(&self, method: &Method, uri: &Uri) -> Option<Matched> {
        let mut rules = self.lock();
        let index = rules.iter().position(|r| r.applies_to(method, uri))?;
        let rule = rules.get(index)?.clone();
        if let Some(times) = rule.times {
            if times <= 1 {
                rules.remove(index);
            } else if let Some(left) = rules.get_mut(index) {
                left.times = Some(times - 1);
            }
        }
        Some(Matched {
            rule,
            changed: self.generation.subscribe(),
        })
    }
}

/// The fault routes, mounted under `/_sandbox`.
pub fn routes() -> Router<SandboxState> {
    Router::new().route("/faults", get(list).post(replace).delete(clear))
}

async fn list(State(state): State<SandboxState>) -> Json<Vec<FaultRule>> {
    Json(state.faults().rules())
}

async fn replace(State(state): State<SandboxState>, body: Bytes) -> Result<Json<Vec<FaultRule>>> {
    let invalid = |e: String| {
        Error::bad_request(
            "Invalid-Fault",
            format!("Expected a list of fault rules: {e}"),
        )
    };
    let value: Value = serde_json::from_slice(&body).map_err(|e| invalid(e.to_string()))?;
    // A bare list or `{"rules":[…]}`; read from the value, not through an untagged
    // enum, which cannot read numbers under `arbitrary_precision`.
    let list = match value {
        Value::Object(mut object) => object.remove("rules").unwrap_or(Value::Null),
        other => other,
    };
    let rules: Vec<FaultRule> = serde_json::from_value(list).map_err(|e| invalid(e.to_string()))?;
    for rule in &rules {
        rule.check().map_err(invalid)?;
    }
    state.faults().set(rules);
    Ok(Json(state.faults().rules()))
}

async fn clear(State(state): State<SandboxState>) -> StatusCode {
    state.faults().set(Vec::new());
    StatusCode::NO_CONTENT
}

/// Middleware around every route: applies the first matching rule.
pub async fn inject(State(state): State<SandboxState>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/_sandbox") {
        return next.run(request).await;
    }
    let Some(Matched { rule, mut changed }) = state.faults().take(request.method(), request.uri())
    else {
        return next.run(request).await;
    };
    tracing::debug!(uri = %request.uri(), ?rule, "injecting a fault");
    let delay = rule.delay();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    if rule.hang {
        // Either the rules change or the sandbox goes away; both end the wait.
        let _ = changed.changed().await;
        return broken(StatusCode::SERVICE_UNAVAILABLE.into_response());
    }
    if rule.fails() {
        let status =
            StatusCode::from_u16(rule.error_status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return Error::api(status, "Injected-Fault", "A fault injected by the sandbox.")
            .into_response();
    }
    let response = next.run(request).await;
    if rule.drop_after_commit && response.status().is_success() {
        return broken(response);
    }
    response
}

/// Marks a response whose connection an injected fault drops (for the call journal).
#[derive(Debug, Clone, Copy)]
pub struct Dropped;

/// The response with a body that fails at once, so the server drops the connection
/// instead of completing the answer.
fn broken(response: Response) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.extensions.insert(Dropped);
    let failing = futures_util::stream::iter([Err::<Bytes, std::io::Error>(std::io::Error::new(
        std::io::ErrorKind::ConnectionAborted,
        "connection dropped by an injected fault",
    ))]);
    Response::from_parts(parts, Body::from_stream(failing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_in_the_pattern_matches_the_query() {
        let rule: FaultRule = "path=/mobproc/v1/orders?confirm=true,error-rate=1"
            .parse()
            .unwrap();
        let confirm: Uri = "/mobproc/v1/orders?confirm=true".parse().unwrap();
        let submit: Uri = "/mobproc/v1/orders".parse().unwrap();
        assert!(rule.applies_to(&Method::POST, &confirm));
        assert!(!rule.applies_to(&Method::POST, &submit));
        let any: FaultRule = "path=/mobproc/v1/orders*,method=post".parse().unwrap();
        assert!(any.applies_to(&Method::POST, &confirm));
        assert!(!any.applies_to(&Method::GET, &submit));
    }

    #[test]
    fn flags_read_every_key() {
        let rule: FaultRule = "path=/x*, method=POST, latency-ms=20, jitter-ms=5, error-rate=0.5, error-status=502, hang, drop-after-commit=true, times=2"
            .parse()
            .unwrap();
        assert_eq!(rule.method.as_deref(), Some("POST"));
        assert_eq!((rule.latency_ms, rule.jitter_ms), (20, 5));
        assert_eq!((rule.error_rate, rule.error_status), (0.5, 502));
        assert!(rule.hang && rule.drop_after_commit);
        assert_eq!(rule.times, Some(2));
        for bad in [
            "method=POST",
            "path=/x,error-rate=2",
            "path=/x,error-status=399",
            "path=/x,error-status=600",
            "path=/x,speed=1",
        ] {
            assert!(bad.parse::<FaultRule>().is_err(), "{bad}");
        }
    }

    #[test]
    fn error_statuses_may_be_4xx_or_5xx() {
        for status in [400, 403, 404, 499, 500, 503, 599] {
            let rule: FaultRule = format!("path=/x,error-rate=1,error-status={status}")
                .parse()
                .unwrap_or_else(|e| panic!("{status}: {e}"));
            assert_eq!(rule.error_status, status);
        }
        for status in [200, 302, 399, 600] {
            let error = format!("path=/x,error-status={status}")
                .parse::<FaultRule>()
                .expect_err("out of range");
            assert!(error.contains("400–599"), "{error}");
        }
    }

    #[test]
    fn limited_rules_expire() {
        let faults = Faults::new(vec!["path=/x,times=2".parse().unwrap()]);
        let uri: Uri = "/x".parse().unwrap();
        assert!(faults.take(&Method::GET, &uri).is_some());
        assert_eq!(faults.rules()[0].times, Some(1));
        assert!(faults.take(&Method::GET, &uri).is_some());
        assert!(faults.take(&Method::GET, &uri).is_none());
        faults.reset();
        assert_eq!(faults.rules().len(), 1);
    }
}
