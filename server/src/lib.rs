//! The storefront server: Leptos rendering plus the backend-for-frontend (BFF) that
//! holds sessions and tokens and makes every call to MOBPROC.
//!
//! Layers, outermost first: request id, client address and request log; the limits
//! (timeout, concurrency: 503); security headers (HSTS). Then the built assets and the
//! site root's files ([`static_files`]); everything else goes on through compression;
//! same-origin check for state-changing requests; body-size limit; session; no-store
//! for what a signed-in person gets; signed form errors; sign-in guard for pages; the
//! status of server functions' errors.

// The router renders every page's view type, nested as deep as its markup; a debug
// build lays out the plan page's past the default limit of 128.
#![recursion_limit = "256"]

pub mod audit;
pub mod bff;
pub mod client_address;
pub mod config;
pub mod database;
pub mod error_links;
pub mod housekeeping;
pub mod observability;
pub mod overload;
mod plain_page;
pub mod security;
pub mod session;
pub mod signing;
pub mod static_files;
pub mod upstream;

use std::sync::{Arc, LazyLock};

use app::backend::{
    acting::ActingBackend, care::CareBackend, catalog::CatalogBackend, ordering::OrderingBackend,
    orders::OrdersBackend, Backend,
};
use axum::{
    error_handling::HandleErrorLayer,
    extract::FromRef,
    middleware,
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower::{limit::GlobalConcurrencyLimitLayer, ServiceBuilder};
use tower_http::{
    compression::{CompressionLayer, CompressionLevel},
    limit::RequestBodyLimitLayer,
};

use bff::Bff;
use client_address::TrustedProxies;
use overload::Limits;
use security::OriginPolicy;
use session::Store;
use signing::Signer;

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
    /// The site's origin, and whether browsers reach it over https.
    pub origin: OriginPolicy,
    pub bff: Bff,
    pub limits: Limits,
    pub proxies: TrustedProxies,
    pub signer: Signer,
}

/// The whole HTTP surface of the storefront, ready to serve (with
/// `into_make_service_with_connect_info::<SocketAddr>`, so clients' addresses are known).
pub fn router(state: AppState, store: Store) -> Router {
    let routes = ROUTES.clone();
    let backend: Arc<dyn Backend> = Arc::new(state.bff.clone());
    let ordering: Arc<dyn OrderingBackend> = Arc::new(state.bff.clone());
    let catalog: Arc<dyn CatalogBackend> = Arc::new(state.bff.clone());
    let acting: Arc<dyn ActingBackend> = Arc::new(state.bff.clone());
    let orders: Arc<dyn OrdersBackend> = Arc::new(state.bff.clone());
    let care: Arc<dyn CareBackend> = Arc::new(state.bff.clone());
    let form_targets = app::components::csp::FormTargets(state.bff.form_targets());
    // Every page, the 404 page included, gets the BFF behind its server functions.
    let backends = move || {
        provide_context(form_targets.clone());
        provide_context(backend.clone());
        provide_context(ordering.clone());
        provide_context(catalog.clone());
        provide_context(acting.clone());
        provide_context(orders.clone());
        provide_context(care.clone());
    };
    let pages = Router::new()
        .route("/auth/sign-in", post(bff::auth_routes::sign_in))
        .route("/auth/sign-out", post(bff::auth_routes::sign_out))
        .route("/auth/authorize", get(bff::code_sign_in::start))
        .route("/auth/callback", get(bff::code_sign_in::callback))
        .route(
            "/auth/sign-out-everywhere",
            get(bff::auth_routes::confirm_sign_out_everywhere)
                .post(bff::auth_routes::sign_out_everywhere),
        )
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
        .layer(middleware::from_fn_with_state(
            state.bff.clone(),
            bff::guard::require_sign_in,
        ))
        .layer(middleware::from_fn_with_state(
            state.signer.clone(),
            error_links::check,
        ))
        .layer(middleware::from_fn(bff::guard::no_store))
        .layer(session::layer(store, state.origin.https))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn_with_state(
            state.origin.clone(),
            security::require_same_origin,
        ))
        // Pages are compressed as they are sent, at the fastest level: the default one
        // took a tenth of the server's time under load, for 11% fewer bytes.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .with_state(state.clone());
    static_files::router(&state.leptos)
        .fallback_service(pages)
        .layer(middleware::from_fn_with_state(
            state.origin.clone(),
            security::security_headers,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(overload::answer))
                .load_shed()
                // One semaphore for the whole server, not one per route.
                .layer(GlobalConcurrencyLimitLayer::new(
                    state.limits.max_concurrent_requests,
                ))
                .timeout(state.limits.request_timeout),
        )
        .layer(middleware::from_fn_with_state(
            state.proxies.clone(),
            observability::correlate,
        ))
}
