//! Whose cart and orders a request works on.

use tower_sessions::Session;

use super::{
    error::BffError,
    session_data::{self, SignedIn, SIGNED_IN},
};

/// The signed-in user, and the actor they order for. Carts and checkouts are keyed by
/// both, so ordering on behalf of others can come without moving anyone's cart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub user_id: String,
    pub actor_id: String,
}

impl Party {
    /// The session's party; for now everyone orders for themselves.
    pub async fn of(session: &Session) -> Result<Self, BffError> {
        let signed_in: SignedIn = session_data::read(session, SIGNED_IN)
            .await?
            .ok_or(BffError::SignInRequired)?;
        Ok(Self {
            actor_id: signed_in.employee_id.clone(),
            user_id: signed_in.employee_id,
        })
    }
}
