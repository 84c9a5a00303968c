//! Whose cart and orders a request works on.

use mobproc::client::CallContext;
use tower_sessions::Session;

use super::{
    error::BffError,
    session_data::{self, ActingFor, ACTING_FOR},
    sign_ins::SignIn,
};

/// The signed-in user, and the actor they order for: themselves, or the employee
/// they act for. Carts and checkouts are keyed by both, so nothing of one person's
/// shows while ordering for another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub user_id: String,
    pub actor_id: String,
    /// Set while the user acts for someone else.
    pub acting: Option<ActingFor>,
}

impl Party {
    /// The party of `session`, whose signed-in person is `sign_in`.
    pub async fn of(session: &Session, sign_in: &SignIn) -> Result<Self, BffError> {
        let acting: Option<ActingFor> = session_data::read(session, ACTING_FOR).await?;
        Ok(Self {
            actor_id: acting
                .as_ref()
                .map_or_else(|| sign_in.employee_id.clone(), |a| a.employee_id.clone()),
            user_id: sign_in.employee_id.clone(),
            acting,
        })
    }

    /// The context headers of the party's calls (API.md §4): the employee acted for and
    /// the acting session's activity id, or none when ordering for oneself.
    pub fn context(&self) -> CallContext {
        match &self.acting {
            Some(acting) => CallContext::new()
                .with_employee_id(&acting.employee_id)
                .with_activity_id(&acting.activity_id),
            None => CallContext::new(),
        }
    }

    /// The activity id of a new checkout flow: the acting session's own, or a fresh one.
    pub fn new_activity_id(&self) -> String {
        self.acting.as_ref().map_or_else(
            || uuid::Uuid::new_v4().to_string(),
            |acting| acting.activity_id.clone(),
        )
    }
}
