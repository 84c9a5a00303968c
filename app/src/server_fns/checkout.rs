//! Checkout: the form, its priced confirmation.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::checkout::{CheckoutForm, CheckoutIntent, CheckoutView, ConfirmationView},
};

/// The checkout form for the cart, prefilled with what was typed last.
#[server(endpoint = "checkout/get")]
pub async fn get_checkout() -> Result<CheckoutView, AppError> {
    crate::backend::ordering::ordering()?.checkout().await
}

/// Keeps the typed values, checks them and asks MOBPROC for a priced confirmation,
/// then goes to the confirmation page. Changing the country only keeps the values.
#[server(endpoint = "checkout/save")]
pub async fn save_checkout(
    form: CheckoutForm,
    intent: Option<CheckoutIntent>,
) -> Result<(), AppError> {
    let saved = crate::backend::ordering::ordering()?
        .save_checkout(form, intent.unwrap_or_default())
        .await?;
    match saved {
        Some(checkout_id) => leptos_axum::redirect(&crate::links::confirmation(&checkout_id)),
        None => leptos_axum::redirect("/checkout"),
    }
    Ok(())
}

/// A confirmation to check before placing the order.
#[server(endpoint = "checkout/confirmation")]
pub async fn get_confirmation(checkout: String) -> Result<ConfirmationView, AppError> {
    crate::backend::ordering::ordering()?
        .confirmation(checkout)
        .await
}
