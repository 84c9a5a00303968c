//! The ordering port: cart, checkout, confirmation, submission and the placed order,
//! implemented by the BFF and provided as `Arc<dyn OrderingBackend>`.

use std::sync::Arc;

use crate::{
    error::AppError,
    model::{
        cart::{CartChange, CartView, ItemKind, OrderTarget},
        checkout::{CheckoutForm, CheckoutIntent, CheckoutView, ConfirmationView},
    },
};

/// What the cart, checkout and order pages ask of the BFF. Every call runs inside a
/// request and acts for the session's actor.
#[async_trait::async_trait]
pub trait OrderingBackend: Send + Sync + 'static {
    /// Puts one catalog item into the actor's cart for `target`. When the cart orders
    /// something else and `replace` is not set, changes nothing and asks.
    async fn add_to_cart(
        &self,
        target: OrderTarget,
        item_kind: ItemKind,
        item_id: String,
        replace: bool,
    ) -> Result<CartChange, AppError>;
    /// Takes one item out; removing the plan takes its features too.
    async fn remove_from_cart(
        &self,
        item_kind: ItemKind,
        item_id: String,
    ) -> Result<CartChange, AppError>;
    async fn clear_cart(&self) -> Result<(), AppError>;
    /// The cart, or `None` when it is empty.
    async fn cart(&self) -> Result<Option<CartView>, AppError>;
    /// Items in the cart; 0 when signed out.
    async fn cart_count(&self) -> Result<usize, AppError>;
    /// The checkout form for the cart, with what was typed last.
    async fn checkout(&self) -> Result<CheckoutView, AppError>;
    /// Keeps what was typed, then (for [`CheckoutIntent::Confirm`]) checks it and asks
    /// MOBPROC for a priced confirmation. Returns the new checkout's id.
    async fn save_checkout(
        &self,
        form: CheckoutForm,
        intent: CheckoutIntent,
    ) -> Result<Option<String>, AppError>;
    /// A confirmation the actor got from [`Self::save_checkout`].
    async fn confirmation(&self, checkout_id: String) -> Result<ConfirmationView, AppError>;
    /// Places exactly the confirmed order, at most once however often it is asked.
    /// Returns the order id.
    async fn submit_order(&self, checkout_id: String) -> Result<String, AppError>;
}

/// The ordering BFF of this request.
pub fn ordering() -> Result<Arc<dyn OrderingBackend>, AppError> {
    super::port()
}
