//! What the person typed at checkout, kept in the session so a failed check, a
//! country change or an upstream failure never loses it (with or without JS).

use app::model::{cart::OrderKind, checkout::CheckoutForm};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::bff::{error::BffError, session_data};

const CHECKOUT_DRAFT: &str = "checkout_draft";

/// The form as last posted, and the order it was typed for: properties differ per
/// order, the ship-to does not.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    pub service_id: String,
    pub order: OrderKind,
    pub form: CheckoutForm,
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
