//! The storefront server: Leptos rendering plus the backend-for-frontend (BFF) that
//! holds sessions and tokens and makes every call to MOBPROC.
//!
//! Layers, outermost first: correlation id + request log, compression, security
//! headers, same-origin check for state-changing requests, body-size limit, session.

pub mod config;
pub mod observability;
pub mod security;
pub mod session;

use axum::{extract::FromRef, middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer};
use tower_sessions::SessionStore;

use security::OriginPolicy;

/// Form posts and server-function calls are small; anything larger is refused.
const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// Everything a request handler may need, shared by all requests.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub origin: OriginPolicy,
}

/// The whole HTTP surface of the storefront, ready to serve.
pub fn router<S>(state: AppState, session_store: S, secure_cookies: bool) -> Router
where
    S: SessionStore + Clone,
{
    let routes = generate_route_list(app::App);
    Router::new()
        .leptos_routes_with_context(&state, routes, || (), {
            let options = state.leptos.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(
            app::shell,
        ))
        .layer(session::layer(session_store, secure_cookies))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn_with_state(
            state.origin.clone(),
            security::require_same_origin,
        ))
        .layer(middleware::from_fn(security::security_headers))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(observability::correlate))
        .with_state(state)
}
