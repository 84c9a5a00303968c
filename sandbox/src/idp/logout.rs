//! `GET /idp/startSLO.ping?TargetResource=URL`: PingFederate's logout. Ends the
//! identity provider's session and goes back to `URL` only when it is registered (a
//! redirect URI, or on the origin of one), never to an address anyone could pass.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::{pages, session};
use crate::pagination::Params;
use crate::state::SandboxState;

pub async fn start_slo(
    State(state): State<SandboxState>,
    headers: HeaderMap,
    params: Params,
) -> Response {
    let cleared = match session::end(&state, &headers) {
        Ok(cleared) => cleared,
        Err(error) => return error.into_response(),
    };
    let target = params.get("TargetResource");
    let allowed = target.filter(|t| state.clients().return_allowed(t));
    let mut response = match allowed.map(HeaderValue::from_str) {
        Some(Ok(location)) => (StatusCode::FOUND, [(header::LOCATION, location)]).into_response(),
        _ => pages::signed_out(target.is_some()),
    };
    response.headers_mut().append(header::SET_COOKIE, cleared);
    response
}
