use leptos::prelude::*;

use crate::{
    error::AppError,
    model::{SignInChoices, SignInFlash, Viewer},
};

/// Who is signed in, for the header and the pages that greet them.
#[server]
pub async fn get_viewer() -> Result<Option<Viewer>, AppError> {
    crate::backend::backend()?.viewer().await
}

/// The outcome of the last failed sign-in, shown once on the sign-in page.
#[server]
pub async fn take_sign_in_flash() -> Result<Option<SignInFlash>, AppError> {
    crate::backend::backend()?.take_sign_in_flash().await
}

/// The ways of signing in the sign-in page offers.
#[server]
pub async fn get_sign_in_choices() -> Result<SignInChoices, AppError> {
    Ok(crate::backend::backend()?.sign_in_choices())
}
