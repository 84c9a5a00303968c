//! What the person typed in a care form, kept in the session so a failed check or an
//! upstream failure never loses it (with or without JavaScript).

use app::model::{care::CareForm, cart::OrderKind};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::bff::{error::BffError, session_data};

const CARE_DRAFT: &str = "care_draft";

/// The form as last posted, and the line and order it was typed for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    pub service_id: String,
    pub order: OrderKind,
    pub form: CareForm,
}

/// What was typed for `order` on the line `service_id`, if that was the last care form.
pub async fn read(
    session: &Session,
    service_id: &str,
    order: OrderKind,
) -> Result<Option<CareForm>, BffError> {
    let draft: Option<Draft> = session_data::read(session, CARE_DRAFT).await?;
    Ok(draft
        .filter(|d| d.service_id == service_id && d.order == order)
        .map(|d| d.form))
}

/// Stores the draft at once: the session layer does not save a session whose response
/// is an error, and an upstream failure must not lose what was typed.
pub async fn write(session: &Session, draft: &Draft) -> Result<(), BffError> {
    session_data::write(session, CARE_DRAFT, draft).await?;
    Ok(session.save().await?)
}
