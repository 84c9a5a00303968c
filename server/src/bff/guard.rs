//! Pages are for signed-in people: anyone else is sent to sign in and brought back.

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

use super::Bff;

/// Paths anyone may fetch: the sign-in page and routes, the built assets.
const PUBLIC_PREFIXES: &[&str] = &["/sign-in", "/auth/", "/pkg/", "/favicon"];
/// The image proxy, which pages of every kind use.
const MEDIA: &str = "/media";

/// Redirects a signed-out page view to `/sign-in?return_to=<this page>`, also when
/// the sign-in ended while the page was rendered (MOBPROC refused the tokens and
/// their refresh, or it was signed out elsewhere): the person signs in again and comes
/// back here. Server functions answer `SignInRequired` themselves, so only page views
/// are handled here.
pub async fn require_sign_in(
    State(bff): State<Bff>,
    session: Session,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let page_view = request.method() == Method::GET && !path.starts_with("/api/");
    if !page_view || path == MEDIA || PUBLIC_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return next.run(request).await;
    }
    let here = request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned());
    if !signed_in(&bff, &session).await {
        return to_sign_in(&here);
    }
    // Pages render `SsrMode::Async`: the response exists only once every call to
    // MOBPROC behind it has finished, so the sign-in says by now whether it held.
    let response = next.run(request).await;
    if signed_in(&bff, &session).await {
        response
    } else {
        to_sign_in(&here)
    }
}

async fn signed_in(bff: &Bff, session: &Session) -> bool {
    matches!(bff.tokens().signed_in(session).await, Ok(Some(_)))
}

fn to_sign_in(here: &str) -> Response {
    Redirect::to(&app::links::sign_in(here)).into_response()
}
