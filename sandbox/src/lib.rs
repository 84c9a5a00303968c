//! The MOBPROC sandbox: a faithful local simulator of MOBPROC v1 and its OAuth server
//! (PingFederate-style: password, refresh and authorization-code grants, with an
//! identity provider's sign-in page), the storefront's default upstream and the tests'
//! upstream. [`router`] gives the
//! whole sandbox as an axum `Router` to embed; [`spawn`] serves it on a loopback port.
//!
//! # Architecture
//!
//! | module | what |
//! |---|---|
//! | [`config`] | flags of `mobproc-sandbox` (clap), also built in code ([`Config::ephemeral`]) |
//! | [`seed`] | the seed: our TOML format (`seed/acme.toml`, embedded; `--seed FILE`), loaded and cross-checked into indexed [`seed::Table`]s, with lookups (employees by id, company id or sign-in name, catalogs, regions and address forms, accessory compatibility, property and acknowledgement sets) |
//! | [`synthetic`] | `--synthetic-employees N`, `--synthetic-accessories N`: deterministic extra records for load tests |
//! | [`store`] | the mutable state: lines, device assets, orders, OAuth grants, an id counter; persisted to `--data-dir` |
//! | [`state`] | [`SandboxState`]: config + `Arc<Seed>` + `Mutex<Store>` + [`clock::Clock`] + persistence |
//! | [`clock`] | "now" with an offset tests move forward |
//! | [`error`] | [`Error`]: §5 error bodies and OAuth error bodies |
//! | [`oauth`] | `/as/token.oauth2` (password, refresh, authorization code, validate), `/as/revoke_token.oauth2` |
//! | [`idp`] | the identity provider's browser side: `/as/authorization.oauth2` (its own sign-in page, PKCE S256, codes), its `PF` session, logout `/idp/startSLO.ping` |
//! | [`clients`] | OAuth clients (`--client-id`, `--extra-client`) and their redirect URIs (`--redirect-uri`, `POST /_sandbox/redirect-uris`) |
//! | [`pkce`] | RFC 7636 S256 challenges and verifiers |
//! | [`auth`] | [`ApiCaller`]: the §3 headers and §4 context (authenticated user + actor) |
//! | [`links`] | [`Links`]: fully qualified URLs under the sandbox's own base |
//! | [`pagination`] | [`Params`] (the query string) and [`paginate`] (§6 `_meta`) |
//! | [`present`] | seed and store records as MOBPROC wire types ([`present::Presenter`]) |
//! | [`resources`] | §7 resources other than orders (and `/manufacturers`, which items link to) |
//! | [`images`] | SVG pictures at every documented image path |
//! | [`admin`] | `/_sandbox/reset`, `/_sandbox/clock`, `/_sandbox/withdraw` |
//! | [`orders`], [`faults`] | orders and fault injection (their own issue); [`orders::effects`]: what completed orders change on the lines |
//! | [`journal`] | the call journal: every request but `/_sandbox/*`, `GET|DELETE /_sandbox/calls`, [`SandboxState::journal`] |
//! | [`glob`] | the path patterns of fault rules and journal filters |
//!
//! # Choices where the docs are silent
//!
//! - Paging: `limit` 10 by default, 1..=1000; the page *containing* `offset` answers
//!   (Premium Mobile's quirk, §6); links keep the other parameters, then `offset`, `limit`.
//! - Links and image URLs: `--public-base-url`, else `http://` + the Host header.
//! - Context: only an admin acts for others. An unknown context employee is a 404 for
//!   an admin and a 403 for anyone else, so nobody can probe which ids exist. The same
//!   holds for the `employee`/`companyEmployeeId` filters. Acting for someone narrows
//!   `/assets/*` and `/employees` to that actor unless a filter says otherwise.
//! - Visibility: admins see everyone, approvers also the employees they approve,
//!   others themselves; anything else answers 404 on detail resources.
//! - `/catalog/devices` and `/catalog/plans` need `regionId` or `service`, answering the
//!   documented `400-Region_id-Account-Id-error` otherwise.
//! - Catalogs are per department (an employee may override): Barbara Andrews and
//!   James Carpenter (Marketing) see the `marketing` catalog, the admin `corporate`.
//! - Reset (`POST /_sandbox/reset`) restores lines, devices and orders from the seed
//!   and keeps tokens and the clock.
//! - Completed orders change the lines ([`orders::effects`]): settled whenever the
//!   store is read or written, once each, in completion order, by the sandbox clock.
//!   Deactivated lines leave `/assets/services` unless `status=DEACTIVATED` (or a
//!   comma-separated list) asks for them.
//!
//! # Hooks for the orders module
//!
//! - Mount: [`orders::routes`] is merged under `/mobproc/v1`, [`faults::routes`] and
//!   [`journal::routes`] under `/_sandbox`; [`faults::inject`] wraps every route and
//!   [`journal::record`] wraps everything, outermost.
//! - Caller: take [`ApiCaller`] as an extractor: `caller.user` is `requestedBy`,
//!   `caller.actor` is `accountHolder`, [`ApiCaller::may_see`] decides visibility.
//! - Links: take [`Links`] as an extractor; [`present::Presenter`] turns seed records
//!   into wire types (employees, vendors, catalog items with their confirmation or
//!   order image via [`present::ImageFor`], regions, services, device assets).
//! - Data: `state.seed()` for the catalog, regions (`region`, `ship_to_label`,
//!   `postal_code_valid`), acknowledgements (`acknowledgement_set`);
//!   [`resources::properties::property_groups`] for the properties an order must
//!   carry; `state.read` / `state.write` / `state.try_write` for the [`store::Store`]
//!   (each settles completed orders first)
//!   (lines, device assets, `orders: Vec<StoredOrder>` whose `details` the orders
//!   module shapes, `next_id()`); `state.now()` for time (tests move it with
//!   `POST /_sandbox/clock`).
//! - Errors: return [`Error`] (`Error::bad_request`, `not_found`, …).

pub mod admin;
pub mod auth;
pub mod clients;
pub mod clock;
pub mod config;
pub mod error;
pub mod faults;
pub mod glob;
pub mod idp;
pub mod images;
pub mod journal;
pub mod links;
pub mod oauth;
pub mod orders;
pub mod pagination;
pub mod pkce;
pub mod present;
pub mod resources;
pub mod seed;
pub mod state;
pub mod store;
pub mod synthetic;

use std::future::Future;
use std::net::SocketAddr;

use axum::{middleware, Router};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::trace::TraceLayer;

pub use auth::ApiCaller;
pub use config::Config;
pub use error::{Error, Result};
pub use links::Links;
pub use pagination::{paginate, Params};
pub use state::SandboxState;

/// The whole sandbox as one router: OAuth, the API under `/mobproc/v1`, the
/// `/_sandbox` controls, and images (the fallback).
pub fn router(state: SandboxState) -> Router {
    let api = resources::routes().merge(orders::routes());
    let admin = admin::routes()
        .merge(faults::routes())
        .merge(journal::routes());
    Router::new()
        .merge(oauth::routes())
        .merge(idp::routes())
        .nest(links::API_PREFIX, api)
        .nest("/_sandbox", admin)
        .fallback(images::serve_or_not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            faults::inject,
        ))
        .layer(TraceLayer::new_for_http())
        // Outermost, so that answers of injected faults are recorded too.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            journal::record,
        ))
        .with_state(state)
}

/// Serves `state` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    state: SandboxState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let addr = listener.local_addr()?;
    state.set_bound_base(format!("http://{addr}"));
    let faults = state.clone();
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async move {
            shutdown.await;
            // Requests hanging by an injected fault would hold the shutdown forever.
            faults.faults().release();
        })
        .await
}

/// A sandbox serving in the background; dropping it stops it.
pub struct RunningSandbox {
    base_url: String,
    addr: SocketAddr,
    state: SandboxState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl RunningSandbox {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// `{base}/mobproc/v1`.
    pub fn api_url(&self) -> String {
        format!("{}{}", self.base_url, links::API_PREFIX)
    }

    /// `{base}/as/token.oauth2`.
    pub fn token_url(&self) -> String {
        format!("{}/as/token.oauth2", self.base_url)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The live state, e.g. to move the clock in a test.
    pub fn state(&self) -> &SandboxState {
        &self.state
    }

    /// Stops serving and waits until in-flight requests are done.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(stop) = self.shutdown.take() {
            // The server may already have stopped; nothing to tell it then.
            let _ = stop.send(());
        }
        match self.task.take() {
            Some(task) => task.await.map_err(std::io::Error::other)?,
            None => Ok(()),
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.shutdown.take() {
            let _ = stop.send(());
        }
    }
}

/// Starts a sandbox on `config.listen` (use [`Config::ephemeral`] for a free loopback
/// port) in the background.
pub async fn spawn(config: Config) -> Result<RunningSandbox> {
    let listener = TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let state = SandboxState::new(config)?;
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(serve(listener, state.clone(), async {
        // Either an explicit stop or the handle being dropped ends the server.
        let _ = stopped.await;
    }));
    Ok(RunningSandbox {
        base_url: format!("http://{addr}"),
        addr,
        state,
        shutdown: Some(stop),
        task: Some(task),
    })
}
