//! `GET /acknowledgements?transactionType=…&vendor=…` (API.md §12): what a transfer
//! needs the user to read and tick. `vendor` is the carrier the number comes from.

use axum::extract::State;
use axum::Json;
use mobproc::model::{Acknowledgements, TransactionType};

use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::pagination::Params;
use crate::state::SandboxState;

/// The transaction type of the `transactionType` parameter, which must be known.
pub fn transaction_type(params: &Params) -> Result<TransactionType> {
    let raw = params.get("transactionType").ok_or_else(|| {
        Error::bad_request("Missing-Transaction-Type", "transactionType is required.")
    })?;
    match raw.parse().unwrap_or_else(|never| match never {}) {
        TransactionType::Unknown(_) => Err(Error::bad_request(
            "Invalid-Transaction-Type",
            format!("{raw:?} is not a transaction type."),
        )),
        tt => Ok(tt),
    }
}

pub async fn acknowledgements(
    State(state): State<SandboxState>,
    _caller: ApiCaller,
    params: Params,
) -> Result<Json<Acknowledgements>> {
    let seed = state.seed();
    let tt = transaction_type(&params)?;
    let vendor = params.get("vendor").unwrap_or("*");
    if vendor != "*" && !seed.vendors.contains(vendor) {
        return Err(Error::not_found("Vendor", vendor));
    }
    let set = seed.acknowledgement_set(&tt, vendor);
    Ok(Json(Acknowledgements {
        infoblocks: Some(set.map(|s| s.infoblocks.clone()).unwrap_or_default()),
        acknowledgements: Some(set.map(|s| s.acknowledgements.clone()).unwrap_or_default()),
    }))
}
