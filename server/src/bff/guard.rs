//! Pages are for signed-in people: anyone else is sent to sign in and brought back.

use axum::{
    extract::Request,
    http::Method,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

use super::session_data::{self, SignedIn, SIGNED_IN};

/// Paths anyone may fetch: the sign-in page and routes, the built assets, images.
const PUBLIC_PREFIXES: &[&str] = &["/sign-in", "/auth/", "/pkg/", "/media/", "/favicon"];

/// Redirects a signed-out page view to `/sign-in?return_to=<this page>`. Server
/// functions answer `SignInRequired` themselves, so only page views are handled here.
pub async fn require_sign_in(session: Session, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let page_view = request.method() == Method::GET && !path.starts_with("/api/");
    if !page_view || PUBLIC_PREFIXES.iter().any(|p| path.starts_with(p)) {
        return next.run(request).await;
    }
    match session_data::read::<SignedIn>(&session, SIGNED_IN).await {
        Ok(Some(_)) => next.run(request).await,
        _ => {
            let here = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
            let target = format!("/sign-in?return_to={}", urlencoding::encode(here));
            Redirect::to(&target).into_response()
        }
    }
}
