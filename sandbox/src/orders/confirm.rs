//! `POST /orders?confirm=true`: the request checked and expanded, nothing ordered
//! (API.md §8 step 2).

use mobproc::model::{ConfirmationResponse, OrderRequest, ResponseStatus};

use super::{expand, validate};
use crate::auth::ApiCaller;
use crate::error::Result;
use crate::links::Links;
use crate::present::Presenter;
use crate::state::SandboxState;

pub fn confirm(
    state: &SandboxState,
    caller: &ApiCaller,
    links: &Links,
    request: &OrderRequest,
) -> Result<ConfirmationResponse> {
    let checked = validate::check(state, caller, request)?;
    let p = Presenter::new(state.seed(), links);
    Ok(ConfirmationResponse {
        order_confirmation: Some(expand::confirmation(&checked, caller, &p)),
        status: ResponseStatus::Success,
        errors: None,
    })
}
