//! After a form post without JavaScript fails, Leptos sends the browser back to the
//! page with the error in the URL (`?__path=…&__err=…`), and the page shows it. A
//! crafted link could put any words on a trusted page that way, so the server signs
//! the errors it issues (`__err_sig`, bound to the session and short-lived) and strips
//! any `__err` it did not sign before the page is rendered.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, Method, Uri},
    middleware::Next,
    response::Response,
};
use tower_sessions::Session;

use crate::signing::Signer;

const PURPOSE: &str = "form error";
const ERROR: &str = "__err";
const PATH: &str = "__path";
const SIGNATURE: &str = "__err_sig";
/// An error link is good for this long after the failed post.
const LIFETIME_SECS: u64 = 600;

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The decoded value of `name` in `query`.
fn value_of(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// `query` without the pairs named in `names`, the others exactly as they were.
fn without(query: &str, names: &[&str]) -> String {
    query
        .split('&')
        .filter(|pair| !names.contains(&key_of(pair)))
        .collect::<Vec<_>>()
        .join("&")
}

fn session_key(session: &Session) -> String {
    session
        .id()
        .map_or_else(|| "-".to_owned(), |id| id.to_string())
}

fn tag(signer: &Signer, session: &str, path: &str, error: &str, expires: &str) -> String {
    signer.sign(PURPOSE, &[session, path, error, expires])
}

/// Whether `query`'s error is one this server issued to `session`, still valid.
fn genuine(signer: &Signer, session: &str, query: &str) -> bool {
    let (Some(error), Some(signature)) = (value_of(query, ERROR), value_of(query, SIGNATURE))
    else {
        return false;
    };
    let path = value_of(query, PATH).unwrap_or_default();
    let Some((expires, tag)) = signature.split_once('.') else {
        return false;
    };
    expires.parse::<u64>().is_ok_and(|at| at >= unix_now())
        && signer.verify(PURPOSE, &[session, &path, &error, expires], tag)
}

fn key_of(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(key, _)| key)
}

/// `Location` with its error signed, if it carries one. Leptos appends the new error to
/// the page's address, which may still carry an older one: only the newest is kept.
fn signed_location(signer: &Signer, session: &str, location: &str) -> Option<String> {
    let (before_fragment, fragment) = match location.split_once('#') {
        Some((url, fragment)) => (url, Some(fragment)),
        None => (location, None),
    };
    let (base, query) = before_fragment.split_once('?')?;
    let pairs: Vec<&str> = query.split('&').collect();
    let newest = |name: &str| pairs.iter().rposition(|pair| key_of(pair) == name);
    let (error_at, path_at) = (newest(ERROR)?, newest(PATH));
    let kept: Vec<&str> = pairs
        .iter()
        .enumerate()
        .filter(|(at, pair)| match key_of(pair) {
            ERROR => *at == error_at,
            PATH => Some(*at) == path_at,
            SIGNATURE => false,
            _ => true,
        })
        .map(|(_, pair)| *pair)
        .collect();
    let query = kept.join("&");
    let error = value_of(&query, ERROR)?;
    let path = value_of(&query, PATH).unwrap_or_default();
    let expires = (unix_now() + LIFETIME_SECS).to_string();
    let signature = format!(
        "{expires}.{}",
        tag(signer, session, &path, &error, &expires)
    );
    let mut signed = format!("{base}?{query}&{SIGNATURE}={signature}");
    if let Some(fragment) = fragment {
        signed.push('#');
        signed.push_str(fragment);
    }
    Some(signed)
}

/// Signs the errors of the server's redirects; strips the ones a page request carries
/// that it did not sign (and the signature itself, which the page has no use for).
pub async fn check(
    State(signer): State<Signer>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() == Method::GET {
        if let Some(query) = request.uri().query().filter(|q| q.contains(ERROR)) {
            let kept = if genuine(&signer, &session_key(&session), query) {
                without(query, &[SIGNATURE])
            } else {
                tracing::warn!("an error in the URL that this server did not issue was dropped");
                without(query, &[ERROR, PATH, SIGNATURE])
            };
            let path = request.uri().path();
            let rewritten = if kept.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{kept}")
            };
            if let Ok(uri) = rewritten.parse::<Uri>() {
                *request.uri_mut() = uri;
            }
        }
    }
    let mut response = next.run(request).await;
    if response.status().is_redirection() {
        let signed = response
            .headers()
            .get(header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .and_then(|location| signed_location(&signer, &session_key(&session), location));
        if let Some(value) = signed.and_then(|signed| HeaderValue::from_str(&signed).ok()) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_error_holds_for_its_session_only_and_a_crafted_one_never() {
        let signer = Signer::from_key(b"k".to_vec());
        let location =
            "http://shop.test/cart?x=1&__path=%2Fapi%2Fcart%2Fclear&__err=eyJhIjoxfQ%3D%3D";
        let signed = signed_location(&signer, "session-1", location).unwrap();
        let query = signed.split_once('?').unwrap().1;
        assert!(genuine(&signer, "session-1", query));
        assert!(
            !genuine(&signer, "session-2", query),
            "bound to its session"
        );
        assert!(
            !genuine(
                &signer,
                "session-1",
                "__path=%2Fapi%2Fx&__err=eyJhIjoxfQ%3D%3D"
            ),
            "crafted: no signature"
        );
        let tampered = query.replace("eyJhIjoxfQ", "eyJhIjoyfQ");
        assert!(!genuine(&signer, "session-1", &tampered));
        assert_eq!(
            without(query, &[SIGNATURE]),
            "x=1&__path=%2Fapi%2Fcart%2Fclear&__err=eyJhIjoxfQ%3D%3D"
        );
        assert_eq!(
            without("x=1&__err=a&q=car%20x", &[ERROR, PATH, SIGNATURE]),
            "x=1&q=car%20x"
        );
    }

    #[test]
    fn of_an_older_and_a_newer_error_only_the_newer_is_kept() {
        let signer = Signer::from_key(b"k".to_vec());
        let location = "/cart?__path=a&__err=b1&__err_sig=1.x&__path=a&__err=b2";
        let signed = signed_location(&signer, "s", location).unwrap();
        let query = signed.split_once('?').unwrap().1;
        assert!(query.starts_with("__path=a&__err=b2&__err_sig="), "{query}");
        assert!(genuine(&signer, "s", query));
    }
}
