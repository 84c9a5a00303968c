//! The BFF side of the ordering port: each call makes the request's [`Caller`] and
//! hands over to `cart`, `checkout` or `submit`.

use app::{
    backend::ordering::OrderingBackend,
    error::AppError,
    model::{
        cart::{CartChange, CartView, ItemKind, OrderTarget},
        checkout::{CheckoutForm, CheckoutIntent, CheckoutView, ConfirmationView},
    },
};

use super::{
    caller::Caller,
    cart::{self, Addition},
    checkout,
    error::BffError,
    submit, Bff,
};

#[async_trait::async_trait]
impl OrderingBackend for Bff {
    async fn add_to_cart(
        &self,
        target: OrderTarget,
        item_kind: ItemKind,
        item_id: String,
        replace: bool,
    ) -> Result<CartChange, AppError> {
        let caller = self.caller().await?;
        let addition = Addition {
            target,
            item_kind,
            item_id,
            replace,
        };
        caller.answer(cart::add(&caller, addition).await)
    }

    async fn remove_from_cart(
        &self,
        item_kind: ItemKind,
        item_id: String,
    ) -> Result<CartChange, AppError> {
        let caller = self.caller().await?;
        caller.answer(cart::remove(self.carts(), caller.party(), item_kind, &item_id).await)
    }

    async fn clear_cart(&self) -> Result<(), AppError> {
        let caller = self.caller().await?;
        caller.answer(self.carts().delete(caller.party(), None).await)
    }

    async fn cart(&self) -> Result<Option<CartView>, AppError> {
        let caller = self.caller().await?;
        let view = async {
            let notice = cart::take_notice(caller.session()).await?;
            let view = cart::view(self.carts(), caller.party()).await?;
            Ok(view.map(|view| CartView { notice, ..view }))
        };
        caller.answer(view.await)
    }

    async fn cart_count(&self) -> Result<usize, AppError> {
        let request = self.request()?;
        let caller = match Caller::of(self, request.clone()).await {
            Ok(caller) => caller,
            Err(BffError::SignInRequired) => return Ok(0),
            Err(error) => return request.answer(Err(error)),
        };
        let cart = cart::view(self.carts(), caller.party()).await;
        caller.answer(cart.map(|cart| cart.map_or(0, |cart| cart.items.len())))
    }

    async fn checkout(&self) -> Result<CheckoutView, AppError> {
        let caller = self.caller().await?;
        caller.answer(checkout::view(&caller).await)
    }

    async fn save_checkout(
        &self,
        form: CheckoutForm,
        intent: CheckoutIntent,
    ) -> Result<Option<String>, AppError> {
        let caller = self.caller().await?;
        caller.answer(checkout::save(&caller, form, intent).await)
    }

    async fn confirmation(&self, checkout_id: String) -> Result<ConfirmationView, AppError> {
        let caller = self.caller().await?;
        caller.answer(checkout::confirmation(&caller, &checkout_id).await)
    }

    async fn submit_order(&self, checkout_id: String) -> Result<String, AppError> {
        let caller = self.caller().await?;
        caller.answer(submit::submit(&caller, &checkout_id).await)
    }
}
