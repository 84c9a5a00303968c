//! What to tell the person once on an order's page: that it was placed, or how their
//! decision on it went. Kept in the session, so it survives the redirect to the page.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::bff::{error::BffError, session_data};

const ORDER_NOTICE: &str = "order_notice";

/// A message for the page of `order_id`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Notice {
    pub order_id: String,
    pub message: String,
}

pub async fn leave(session: &Session, notice: &Notice) -> Result<(), BffError> {
    Ok(session_data::write(session, ORDER_NOTICE, notice).await?)
}

/// The notice for `order_id`, removed once read.
pub async fn take(session: &Session, order_id: &str) -> Result<Option<String>, BffError> {
    let notice: Option<Notice> = session_data::read(session, ORDER_NOTICE).await?;
    match notice {
        Some(notice) if notice.order_id == order_id => {
            session.remove::<String>(ORDER_NOTICE).await?;
            Ok(Some(notice.message))
        }
        _ => Ok(None),
    }
}
