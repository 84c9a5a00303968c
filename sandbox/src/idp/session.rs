//! The identity provider's sign-in session: a random id in an `HttpOnly` cookie `PF`
//! (PingFederate's name), the session itself in the store, expiring by the sandbox
//! clock.

use axum::http::{header, HeaderMap, HeaderValue};
use cookie::time::Duration as CookieDuration;
use cookie::{Cookie, SameSite};

use super::SESSION_TTL;
use crate::error::Result;
use crate::oauth::random_token;
use crate::state::SandboxState;
use crate::store::IdpSession;

pub const COOKIE: &str = "PF";

/// The session id the request's cookie names, if any.
fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(std::result::Result::ok)
        .find(|c| c.name() == COOKIE)
        .map(|c| c.value().to_owned())
}

/// The request's session, if it is known, unexpired and its employee still active.
pub fn current(state: &SandboxState, headers: &HeaderMap) -> Option<IdpSession> {
    let id = session_id(headers)?;
    let now = state.now();
    state
        .read(|store| store.tokens.sessions.get(&id).cloned())
        .filter(|s| s.expires_at > now)
        .filter(|s| {
            state
                .seed()
                .employee(&s.employee_id)
                .is_some_and(|e| e.status == "ACTIVE")
        })
}

/// The `Set-Cookie` of a session: `HttpOnly`, `SameSite=Lax`, `Secure` behind https.
fn set_cookie(state: &SandboxState, value: String, max_age: CookieDuration) -> HeaderValue {
    let secure = state
        .config()
        .public_base_url
        .as_deref()
        .is_some_and(|base| base.starts_with("https://"));
    let cookie = Cookie::build((COOKIE, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(max_age)
        .build();
    // A cookie of base64url characters and fixed attributes is always a valid header.
    HeaderValue::from_str(&cookie.to_string()).unwrap_or(HeaderValue::from_static(""))
}

/// Starts a session for `employee_id`; the `Set-Cookie` that carries it.
pub fn start(state: &SandboxState, employee_id: &str, platform: &str) -> Result<HeaderValue> {
    let id = random_token();
    let now = state.now();
    let session = IdpSession {
        employee_id: employee_id.to_owned(),
        platform: platform.to_owned(),
        expires_at: now + SESSION_TTL,
    };
    state.write(|store| {
        store.tokens.sessions.retain(|_, s| s.expires_at > now);
        store.tokens.sessions.insert(id.clone(), session);
    })?;
    Ok(set_cookie(
        state,
        id,
        CookieDuration::seconds(SESSION_TTL.num_seconds()),
    ))
}

/// Ends the request's session, if any; the `Set-Cookie` that removes the cookie.
pub fn end(state: &SandboxState, headers: &HeaderMap) -> Result<HeaderValue> {
    if let Some(id) = session_id(headers) {
        state.write(|store| store.tokens.sessions.remove(&id))?;
    }
    Ok(set_cookie(state, String::new(), CookieDuration::ZERO))
}
