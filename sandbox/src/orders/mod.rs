//! Orders (API.md §8–§12): confirm and submit, list and read, history, shipments and
//! approval, mounted under `/mobproc/v1`.
//!
//! | module | what |
//! |---|---|
//! | `validate` | reading the body and checking it, every problem with its `field` |
//! | `expand` | ids → what a person reads: the confirmation, labels, totals |
//! | `confirm` | `POST /orders?confirm=true` |
//! | `submit` | `POST /orders`: a new order, one segment per vendor |
//! | `record` | what is stored of an order, and the `Order` shown from it |
//! | `progress` | status, history and shipments from the clock |
//! | `query` | `GET /orders`, `/orders/{id}`, `…/history`, `…/shipments` |
//! | `approval` | who must approve, `POST /orders/{id}/approval` |
//! | [`effects`] | what completed orders change on the lines, applied once |

mod approval;
mod confirm;
pub mod effects;
mod expand;
mod progress;
mod query;
mod record;
mod submit;
mod validate;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::auth::ApiCaller;
use crate::error::Result;
use crate::links::Links;
use crate::pagination::Params;
use crate::state::SandboxState;

/// The orders routes, mounted under `/mobproc/v1`.
pub fn routes() -> Router<SandboxState> {
    Router::new()
        .route("/orders", get(query::list).post(place))
        .route("/orders/{id}", get(query::detail))
        .route("/orders/{id}/history", get(query::history))
        .route("/orders/{id}/shipments", get(query::shipments))
        .route("/orders/{id}/approval", post(approval::decide))
}

/// `POST /orders`: a confirmation with `confirm=true`, else a new order.
async fn place(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
    body: Bytes,
) -> Result<Response> {
    let request = validate::parse(&body)?;
    Ok(if params.flag("confirm") {
        Json(confirm::confirm(&state, &caller, &links, &request)?).into_response()
    } else {
        Json(submit::submit(&state, &caller, &links, request)?).into_response()
    })
}
