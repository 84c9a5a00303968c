//! What the person typed at checkout, kept in the session so a failed check, a
//! country change or an upstream failure never loses it (with or without JS).

use app::model::{cart::OrderKind, checkout::CheckoutForm};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::bff::{cart::store::Cart, error::BffError, session_data, transactions};

const CHECKOUT_DRAFT: &str = "checkout_draft";

/// The form as last posted, and the order it was typed for: properties and
/// acknowledgements differ per order, the ship-to does not.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    /// The line of the order; none for a new line.
    pub service_id: Option<String>,
    pub order: OrderKind,
    pub form: CheckoutForm,
}

impl Draft {
    /// Whether this was typed for the order `cart` holds (a transfer in that turned into
    /// the other kind is still the same order).
    pub fn is_for(&self, cart: &Cart) -> bool {
        self.service_id == cart.service_id && transactions::same_family(self.order, cart.order)
    }
}

pub async fn read(session: &Session) -> Result<Option<Draft>, BffError> {
    Ok(session_data::read(session, CHECKOUT_DRAFT).await?)
}

/// Stores the draft at once: the session layer does not save a session whose
/// response is an error, and an upstream failure must not lose what was typed.
pub async fn write(session: &Session, draft: &Draft) -> Result<(), BffError> {
    session_data::write(session, CHECKOUT_DRAFT, draft).await?;
    Ok(session.save().await?)
}
