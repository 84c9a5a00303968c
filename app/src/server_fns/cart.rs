//! The cart: add, remove, empty, and what it holds.

use leptos::prelude::*;

use crate::{
    error::AppError,
    model::cart::{CartChange, CartView, ItemKind, OrderKind},
};

/// Puts a catalog item into the cart for an order: for the line `service_id`, for a
/// new line where the place (`region`, `postal_code`, `from`) says, or both. When the
/// cart already orders something else, it answers `AppError::Invalid` with a `replace`
/// field asking to confirm, and changes nothing unless `replace` is true.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "cart/add")]
pub async fn add_to_cart(
    order: OrderKind,
    item_kind: ItemKind,
    item_id: String,
    service_id: Option<String>,
    region: Option<String>,
    postal_code: Option<String>,
    from: Option<String>,
    replace: Option<bool>,
) -> Result<CartChange, AppError> {
    let place = crate::links::place_from_query(|name| match name {
        "region" => region.clone(),
        "postal_code" => postal_code.clone(),
        "from" => from.clone(),
        _ => None,
    });
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
