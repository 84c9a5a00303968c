//! The headers of every MOBPROC call (API.md §3), checked before anything is sent.
//!
//! Every value sent is a token, a code or an id, so only visible ASCII (0x21–0x7E) is
//! accepted: no CR/LF that could split a header, no space or tab that a proxy might trim
//! or fold, nothing outside ASCII that servers read differently. Empty values are refused
//! too: an empty context header would mean a different actor than the caller intended.

use oauth2::AccessToken;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION};

use super::context::CallContext;
use super::error::ErrorKind;

pub(crate) const TENANT: HeaderName = HeaderName::from_static("x-tngo-tenant");
pub(crate) const CLIENT_ID: HeaderName = HeaderName::from_static("client_id");
pub(crate) const EMPLOYEE_ID: HeaderName = HeaderName::from_static("x-tngo-context-employeeid");
pub(crate) const COMPANY_EMPLOYEE_ID: HeaderName =
    HeaderName::from_static("x-tngo-context-companyemployeeid");
pub(crate) const HIERARCHY_ID: HeaderName = HeaderName::from_static("x-tngo-context-hierarchyid");
pub(crate) const ACTIVITY_ID: HeaderName = HeaderName::from_static("x-tngo-context-activityid");
pub(crate) const CORRELATION_ID: HeaderName =
    HeaderName::from_static("x-tngo-context-correlationid");

/// The headers that are the same on every call, checked once when the client is built.
#[derive(Debug, Clone)]
pub(crate) struct FixedHeaders {
    pub(crate) tenant: HeaderValue,
    pub(crate) client_id: HeaderValue,
}

impl FixedHeaders {
    pub(crate) fn new(tenant: &str, client_id: &str) -> Result<Self, ErrorKind> {
        Ok(Self {
            tenant: checked(&TENANT, tenant)?,
            client_id: checked(&CLIENT_ID, client_id)?,
        })
    }
}

/// All headers of one call. `correlation_id` is passed in so the caller knows which one
/// was used, including on error.
pub(crate) fn call_headers(
    fixed: &FixedHeaders,
    token: &AccessToken,
    context: &CallContext,
    correlation_id: &str,
) -> Result<HeaderMap, ErrorKind> {
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, bearer(token)?);
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(TENANT, fixed.tenant.clone());
    headers.insert(CLIENT_ID, fixed.client_id.clone());
    // MOBPROC lets the employee id win; sending only it keeps the request unambiguous.
    let actor = match (&context.employee_id, &context.company_employee_id) {
        (Some(id), _) => Some((EMPLOYEE_ID, id)),
        (None, Some(id)) => Some((COMPANY_EMPLOYEE_ID, id)),
        (None, None) => None,
    };
    let optional = [
        actor,
        context.hierarchy_id.as_ref().map(|id| (HIERARCHY_ID, id)),
        context.activity_id.as_ref().map(|id| (ACTIVITY_ID, id)),
    ];
    for (name, value) in optional.into_iter().flatten() {
        let value = checked(&name, value)?;
        headers.insert(name, value);
    }
    headers.insert(CORRELATION_ID, checked(&CORRELATION_ID, correlation_id)?);
    Ok(headers)
}

/// Whether `value` may be sent as a header value by the rule of this module.
pub(crate) fn is_sendable(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_graphic())
}

fn checked(name: &HeaderName, value: &str) -> Result<HeaderValue, ErrorKind> {
    let invalid = || ErrorKind::InvalidHeader { name: name.clone() };
    if !is_sendable(value) {
        return Err(invalid());
    }
    HeaderValue::from_str(value).map_err(|_| invalid())
}

/// `Bearer <token>`: the one value with a space, which the scheme itself puts there.
fn bearer(token: &AccessToken) -> Result<HeaderValue, ErrorKind> {
    let invalid = || ErrorKind::InvalidHeader {
        name: AUTHORIZATION,
    };
    if !is_sendable(token.secret()) {
        return Err(invalid());
    }
    let mut value =
        HeaderValue::from_str(&format!("Bearer {}", token.secret())).map_err(|_| invalid())?;
    // Keeps the value out of hyper's and reqwest's debug output.
    value.set_sensitive(true);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_ascii_is_sendable() {
        assert!(is_sendable("abc-123_@example.com"));
        for bad in [
            "",
            "a b",
            "a\tb",
            "a\rb",
            "a\nb",
            "a\r\nX-Evil: 1",
            "é",
            "a\u{7f}",
            "\0",
        ] {
            assert!(!is_sendable(bad), "{bad:?} must be refused");
        }
    }

    #[test]
    fn bearer_allows_its_one_space_only() {
        let fixed = FixedHeaders::new("ACME", "client").unwrap();
        let context = CallContext::new();
        let ok = call_headers(&fixed, &AccessToken::new("t0k".into()), &context, "c");
        assert_eq!(ok.unwrap()[AUTHORIZATION], "Bearer t0k");
        for bad in ["t k", "t\r\nk", ""] {
            let result = call_headers(&fixed, &AccessToken::new(bad.into()), &context, "c");
            assert!(
                matches!(result, Err(ErrorKind::InvalidHeader { name }) if name == AUTHORIZATION)
            );
        }
    }
}
