//! The cart: server-side, one per user and actor, in the session database so it
//! survives sign-out and restarts. `rules` says what it may hold, `catalog` checks items
//! with MOBPROC, `store` keeps it, `present` shows it.

mod add;
pub mod catalog;
mod present;
pub mod rules;
pub mod store;

use app::model::cart::{CartChange, CartView, ItemKind};

pub use add::{add, allowed_line, invalid, put_all, Addition};
use app::error::AppError;
use store::CartStore;

use tower_sessions::Session;

use super::{error::BffError, party::Party, session_data};

/// Concurrent changes to one cart are retried this often before giving up.
const ATTEMPTS: usize = 3;

pub async fn remove(
    carts: &CartStore,
    party: &Party,
    kind: ItemKind,
    id: &str,
) -> Result<CartChange, BffError> {
    for _ in 0..ATTEMPTS {
        let Some(stored) = carts.load(party).await? else {
            return Ok(empty(String::new()));
        };
        let mut cart = stored.cart;
        let Some(removed) = rules::take(&mut cart, kind, id) else {
            return Ok(change(&cart, String::new()));
        };
        let written = if cart.items.is_empty() {
            carts.delete(party, Some(stored.version)).await?;
            true
        } else {
            carts.store(party, &cart, Some(stored.version)).await?
        };
        if written {
            return Ok(if cart.items.is_empty() {
                empty(removed.name)
            } else {
                change(&cart, removed.name)
            });
        }
    }
    Err(changed_elsewhere())
}

/// Another request kept changing the cart while this one tried.
pub fn changed_elsewhere() -> BffError {
    BffError::User(AppError::Conflict {
        message: "Your cart was changed at the same time elsewhere. Please try again.".into(),
    })
}

pub async fn view(carts: &CartStore, party: &Party) -> Result<Option<CartView>, BffError> {
    Ok(carts
        .load(party)
        .await?
        .map(|stored| present::cart(&stored.cart)))
}

/// The cart page says this once, e.g. what "Order again" put in.
pub async fn leave_notice(session: &Session, notice: &str) -> Result<(), BffError> {
    Ok(session_data::write(session, CART_NOTICE, &notice).await?)
}

/// The cart page's notice, removed once read.
pub async fn take_notice(session: &Session) -> Result<Option<String>, BffError> {
    Ok(session_data::take(session, CART_NOTICE).await?)
}

const CART_NOTICE: &str = "cart_notice";

fn change(cart: &store::Cart, item: String) -> CartChange {
    CartChange {
        count: cart.items.len(),
        summary: rules::summary(cart),
        item,
    }
}

fn empty(item: String) -> CartChange {
    CartChange {
        count: 0,
        summary: String::new(),
        item,
    }
}
