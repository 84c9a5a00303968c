//! Pages are for signed-in people: anyone else is sent to sign in and brought back.
//! And what a signed-in person gets is never stored by a cache.

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, Method},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

use super::{
    request::SignInOfRequest,
    session_data::{self, SIGN_IN},
    Bff,
};

/// Paths anyone may fetch: the sign-in page and routes. (Built assets and the site
/// root's files are served before this layer, by `static_files`.)
const PUBLIC_PREFIXES: &[&str] = &["/sign-in", "/auth/"];
/// The image proxy, which pages of every kind use.
const MEDIA: &str = "/media";

/// Redirects a signed-out page view to `/sign-in?return_to=<this page>`, also when
/// the sign-in ended while the page was rendered (MOBPROC refused the tokens and
/// their refresh, or it was signed out elsewhere): the person signs in again and comes
/// back here. Server functions answer `SignInRequired` themselves, so only page views
/// are handled here.
///
/// Every request gets its [`SignInOfRequest`] here: the guard and the server functions
/// of a page share one read of the sign-in.
pub async fn require_sign_in(
    State(bff): State<Bff>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let sign_in = SignInOfRequest::default();
    request.extensions_mut().insert(sign_in.clone());
    let path = request.uri().path();
    let page_view = request.method() == Method::GET && !path.starts_with("/api/");
    if !page_view || path == MEDIA || PUBLIC_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return next.run(request).await;
    }
    let here = request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned());
    if !matches!(sign_in.get(bff.tokens(), &session).await, Ok(Some(_))) {
        return to_sign_in(&here);
    }
    // Pages render `SsrMode::Async`: the response exists only once every call to
    // MOBPROC behind it has finished, so the sign-in says by now whether it held
    // (a refused refresh ended it).
    let response = next.run(request).await;
    if sign_in.latest().is_some() {
        response
    } else {
        to_sign_in(&here)
    }
}

fn to_sign_in(here: &str) -> Response {
    Redirect::to(&app::links::sign_in(here)).into_response()
}

/// The same for everyone, so caches may keep them: product images.
const SHARED: &[&str] = &["/media"];
/// Answers that may carry a person's data or change their session, signed in or not.
const ALWAYS_PERSONAL: &[&str] = &["/api/", "/auth/"];

/// `Cache-Control: no-store` on every page and server-function answer of a signed-in
/// person (ASVS 8.2.1): nothing of theirs stays in a browser's or proxy's cache.
pub async fn no_store(session: Session, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let shared = SHARED.iter().any(|prefix| path.starts_with(prefix));
    let personal = ALWAYS_PERSONAL
        .iter()
        .any(|prefix| path.starts_with(prefix));
    let mut response = next.run(request).await;
    let signed_in = matches!(
        session_data::read::<String>(&session, SIGN_IN).await,
        Ok(Some(_))
    );
    if !shared && (personal || signed_in) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
