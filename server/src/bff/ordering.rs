//! The BFF side of the ordering port: each call finds the request's party and hands
//! over to `cart`, `checkout` or `submit`.

use app::{
    backend::ordering::OrderingBackend,
    error::AppError,
    model::{
        cart::{CartChange, CartView, ItemKind, OrderKind},
        checkout::{CheckoutForm, CheckoutIntent, CheckoutView, ConfirmationView},
        order::OrderView,
    },
};

use super::{
    cart::{self, Addition},
    checkout,
    error::BffError,
    party::Party,
    request::in_request,
    submit, Bff,
};

#[async_trait::async_trait]
impl OrderingBackend for Bff {
    async fn add_to_cart(
        &self,
        service_id: String,
        order: OrderKind,
        item_kind: ItemKind,
        item_id: String,
        replace: bool,
    ) -> Result<CartChange, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            let addition = Addition {
                service_id,
                order,
                item_kind,
                item_id,
                replace,
            };
            cart::add(self, &scope, &party, addition).await
        })
        .await
    }

    async fn remove_from_cart(
        &self,
        item_kind: ItemKind,
        item_id: String,
    ) -> Result<CartChange, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            cart::remove(self.carts(), &party, item_kind, &item_id).await
        })
        .await
    }

    async fn clear_cart(&self) -> Result<(), AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            self.carts().delete(&party, None).await
        })
        .await
    }

    async fn cart(&self) -> Result<Option<CartView>, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            cart::view(self.carts(), &party).await
        })
        .await
    }

    async fn cart_count(&self) -> Result<usize, AppError> {
        in_request(|scope| async move {
            match Party::of(&scope.session).await {
                Ok(party) => Ok(cart::view(self.carts(), &party)
                    .await?
                    .map_or(0, |cart| cart.items.len())),
                Err(BffError::SignInRequired) => Ok(0),
                Err(error) => Err(error),
            }
        })
        .await
    }

    async fn checkout(&self) -> Result<CheckoutView, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            checkout::view(self, self.carts(), &scope, &party).await
        })
        .await
    }

    async fn save_checkout(
        &self,
        form: CheckoutForm,
        intent: CheckoutIntent,
    ) -> Result<Option<String>, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            checkout::save(
                self,
                self.carts(),
                self.checkouts(),
                &scope,
                &party,
                form,
                intent,
            )
            .await
        })
        .await
    }

    async fn confirmation(&self, checkout_id: String) -> Result<ConfirmationView, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            checkout::confirmation(self.checkouts(), &party, &checkout_id).await
        })
        .await
    }

    async fn submit_order(&self, checkout_id: String) -> Result<String, AppError> {
        in_request(|scope| async move {
            let party = Party::of(&scope.session).await?;
            submit::submit(self, &scope, &party, &checkout_id).await
        })
        .await
    }

    async fn order(&self, order_id: String) -> Result<OrderView, AppError> {
        in_request(|scope| async move { submit::view(self, &scope, &order_id).await }).await
    }
}
