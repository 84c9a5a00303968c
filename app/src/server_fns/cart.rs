//! The cart: add, remove, empty, and what it holds.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::cart::{CartChange, CartView, ItemKind, OrderKind, Place},
};

/// Puts a catalog item into the cart for an order: for the line `service_id`, for a
/// new line where `place` says (`place[region]`, `place[postal_code]`, `place[from]`),
/// or both. When the cart already orders something else, it answers
/// `AppError::Invalid` with a `replace` field asking to confirm, and changes nothing
/// unless `replace` is true.
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(
    order: OrderKind,
    item_kind: ItemKind,
    item_id: String,
    service_id: Option<String>,
    place: Option<Place>,
    replace: Option<bool>,
) -> Result<CartChange, AppError> {
    let target = crate::model::cart::OrderTarget {
        order,
        service_id,
        place,
    };
    crate::backend::ordering::ordering()?
        .add_to_cart(target, item_kind, item_id, replace == Some(true))
        .await
}

/// Takes an item out of the cart.
#[server(endpoint = "cart/remove")]
pub async fn remove_from_cart(
    item_kind: ItemKind,
    item_id: String,
) -> Result<CartChange, AppError> {
    crate::backend::ordering::ordering()?
        .remove_from_cart(item_kind, item_id)
        .await
}

/// Empties the cart.
#[server(endpoint = "cart/clear")]
pub async fn clear_cart() -> Result<(), AppError> {
    crate::backend::ordering::ordering()?.clear_cart().await
}

/// The cart, or `None` when it is empty.
#[server(endpoint = "cart/get")]
pub async fn get_cart() -> Result<Option<CartView>, AppError> {
    crate::backend::ordering::ordering()?.cart().await
}

/// How many items the cart holds, for the header badge.
#[server(endpoint = "cart/count")]
pub async fn cart_count() -> Result<usize, AppError> {
    crate::backend::ordering::ordering()?.cart_count().await
}
