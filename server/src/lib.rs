//! The storefront server: Leptos rendering plus the backend-for-frontend (BFF) that
//! holds sessions and tokens and makes every call to MOBPROC.
//!
//! Layers, outermost first: request id + request log, compression, security headers,
//! same-origin check for state-changing requests, body-size limit, session, sign-in
//! guard for pages, the status of server functions' errors.

pub mod bff;
pub mod config;
pub mod database;
pub mod housekeeping;
pub mod observability;
pub mod security;
pub mod session;
pub mod upstream;

use std::sync::{Arc, LazyLock};

use app::backend::{
    acting::ActingBackend, care::CareBackend, catalog::CatalogBackend, ordering::OrderingBackend,
    orders::OrdersBackend, Backend,
};
use axum::{
    extract::FromRef,
    middleware,
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer};

use bff::Bff;
use security::OriginPolicy;
use session::Store;

/// Form posts and server-function calls are small; anything larger is refused.
const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// The app's routes, found by rendering it once per process. Leptos suspends every
/// resource in the process while it does (a global flag), so it must never happen while
/// another router of the same process is serving pages: those pages would never finish.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(app::App));

/// Everything a request handler may need, shared by all requests.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub origin: OriginPolicy,
    pub bff: Bff,
}

/// The whole HTTP surface of the storefront, ready to serve.
pub fn router(state: AppState, store: Store, secure_cookies: bool) -> Router {
    let routes = ROUTES.clone();
    let backend: Arc<dyn Backend> = Arc::new(state.bff.clone());
    let ordering: Arc<dyn OrderingBackend> = Arc::new(state.bff.clone());
    let catalog: Arc<dyn CatalogBackend> = Arc::new(state.bff.clone());
    let acting: Arc<dyn ActingBackend> = Arc::new(state.bff.clone());
    let orders: Arc<dyn OrdersBackend> = Arc::new(state.bff.clone());
    let care: Arc<dyn CareBackend> = Arc::new(state.bff.clone());
    // Every page, the 404 page included, gets the BFF behind its server functions.
    let backends = move || {
        provide_context(backend.clone());
        provide_context(ordering.clone());
        provide_context(catalog.clone());
        provide_context(acting.clone());
        provide_context(orders.clone());
        provide_context(care.clone());
    };
    Router::new()
        .route("/auth/sign-in", post(bff::auth_routes::sign_in))
        .route("/auth/sign-out", post(bff::auth_routes::sign_out))
        .route("/media", get(bff::media::serve))
        .leptos_routes_with_context(&state, routes, backends.clone(), {
            let options = state.leptos.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(backends, app::shell))
        .layer(middleware::from_fn(bff::status::of_server_fn_errors))
        .layer(middleware::from_fn(bff::guard::require_sign_in))
        .layer(session::layer(store, secure_cookies))
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
