//! `/_sandbox/*`: controls that only the sandbox has, for tests and demos. They need
//! no token: the sandbox is a local development tool.
//!
//! - `POST /_sandbox/reset`: back to the seed (lines, devices, no orders); tokens and
//!   the clock are kept, so a test can reset between steps without signing in again.
//! - `POST /_sandbox/clock` `{"advanceSecs":N}`: moves "now" forward (tokens expire,
//!   orders progress); answers `{"now":…,"offsetSecs":…}`.
//! - `GET /_sandbox/clock`: the same answer without moving.
//! - `POST /_sandbox/withdraw` `{"kind":"accessory"|"device"|"plan","id":"…"}`: takes a
//!   catalog item off sale (gone from listings, 404 in detail, refused in orders as an
//!   unknown id) until the next reset; answers what is withdrawn
//!   `{"accessories":[…],"devices":[…],"plans":[…]}`, as `GET /_sandbox/withdraw` does.
//! - `POST /_sandbox/redirect-uris` `{"uri":"…","clientId":"…"}` (`clientId` defaults
//!   to `--client-id`): registers a redirect URI at run time, for a storefront whose
//!   port is known only after the sandbox started; kept across resets. Answers every
//!   client's redirect URIs `{"storefront":["…"]}`, as `GET /_sandbox/redirect-uris` does.
//! - `GET /_sandbox/orders/{orderId}/request`: the `{"orderRequest":…}` the order was
//!   submitted with, as received, for tests that check what a client sent.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Duration, Utc};
use mobproc::model::OrderRequestBody;
use serde::{Deserialize, Serialize};

use crate::clients::RegistrationError;
use crate::error::{Error, Result};
use crate::state::SandboxState;
use crate::store::{CatalogKind, Withdrawn};

pub fn routes() -> Router<SandboxState> {
    Router::new()
        .route("/reset", post(reset))
        .route("/clock", get(clock).post(advance_clock))
        .route("/withdraw", get(withdrawn).post(withdraw))
        .route(
            "/redirect-uris",
            get(redirect_uris).post(register_redirect_uri),
        )
        .route("/orders/{order_id}/request", get(order_request))
}

async fn order_request(
    State(state): State<SandboxState>,
    Path(order_id): Path<String>,
) -> Result<Json<OrderRequestBody>> {
    state
        .read(|store| {
            store
                .orders
                .iter()
                .find(|o| o.order_id == order_id)
                .map(|o| OrderRequestBody {
                    order_request: o.request.clone(),
                })
        })
        .map(Json)
        .ok_or_else(|| Error::not_found("Order", &order_id))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Registration {
    uri: String,
    client_id: Option<String>,
}

async fn redirect_uris(State(state): State<SandboxState>) -> Json<BTreeMap<String, Vec<String>>> {
    Json(state.clients().redirect_uris())
}

async fn register_redirect_uri(
    State(state): State<SandboxState>,
    body: axum::body::Bytes,
) -> Result<Json<BTreeMap<String, Vec<String>>>> {
    let Registration { uri, client_id } = serde_json::from_slice(&body).map_err(|e| {
        Error::bad_request(
            "Invalid-Body",
            format!("Expected {{\"uri\":\"…\",\"clientId\":\"…\"}}: {e}"),
        )
    })?;
    let client_id = client_id.unwrap_or_else(|| state.config().client_id.clone());
    state
        .clients()
        .register(&client_id, &uri)
        .map_err(|e| match e {
            RegistrationError::UnknownClient(_) => Error::not_found("Client", &client_id),
            RegistrationError::InvalidUri(_) => Error::bad_request("Invalid-Uri", e.to_string()),
        })?;
    tracing::info!(client = %client_id, %uri, "redirect URI registered");
    Ok(redirect_uris(State(state)).await)
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Withdrawal {
    kind: CatalogKind,
    id: String,
}

async fn withdrawn(State(state): State<SandboxState>) -> Json<Withdrawn> {
    Json(state.read(|store| store.withdrawn.clone()))
}

async fn withdraw(
    State(state): State<SandboxState>,
    body: axum::body::Bytes,
) -> Result<Json<Withdrawn>> {
    let Withdrawal { kind, id } = serde_json::from_slice(&body).map_err(|e| {
        Error::bad_request(
            "Invalid-Body",
            format!("Expected {{\"kind\":\"accessory\"|\"device\"|\"plan\",\"id\":\"…\"}}: {e}"),
        )
    })?;
    state.withdraw(kind, &id)?;
    Ok(withdrawn(State(state)).await)
}

async fn reset(State(state): State<SandboxState>) -> Result<StatusCode> {
    state.reset()?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Advance {
    advance_secs: i64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ClockState {
    now: DateTime<Utc>,
    offset_secs: i64,
}

async fn clock(State(state): State<SandboxState>) -> Json<ClockState> {
    Json(ClockState {
        now: state.now(),
        offset_secs: state.clock().offset().num_seconds(),
    })
}

async fn advance_clock(
    State(state): State<SandboxState>,
    body: axum::body::Bytes,
) -> Result<Json<ClockState>> {
    let advance: Advance = serde_json::from_slice(&body).map_err(|e| {
        Error::bad_request(
            "Invalid-Body",
            format!("Expected {{\"advanceSecs\":N}}: {e}"),
        )
    })?;
    // A century either way is plenty for any test, and keeps dates printable.
    let by = Duration::try_seconds(advance.advance_secs)
        .filter(|by| by.num_days().abs() <= 36_525)
        .ok_or_else(|| Error::bad_request("Invalid-Body", "advanceSecs is out of range."))?;
    state.advance_clock(by)?;
    Ok(clock(State(state)).await)
}
