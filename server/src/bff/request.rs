//! The request a server function runs in, as the BFF needs it: its session, its id,
//! and its sign-in, read from the database at most once per request.

use std::sync::{Arc, Mutex, PoisonError};

use app::error::AppError;
use tokio::sync::OnceCell;
use tower_sessions::Session;

use super::{error::BffError, sign_ins::SignIn, tokens::Tokens};
use crate::observability::RequestId;

/// The session and id of the request being served. The id is what a user quotes and
/// what every log line of the request carries.
#[derive(Clone)]
pub struct Request {
    pub session: Session,
    pub id: String,
    pub sign_in: SignInOfRequest,
}

impl Request {
    /// The request a server function or page is rendered for.
    pub fn current() -> Result<Self, BffError> {
        let parts = leptos::prelude::use_context::<http::request::Parts>()
            .ok_or(BffError::Context("not inside a request"))?;
        let id = parts
            .extensions
            .get::<RequestId>()
            .map(|id| id.0.clone())
            .ok_or(BffError::Context("the request has no id"))?;
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(BffError::Context("no session in this request"))?;
        let sign_in = parts
            .extensions
            .get::<SignInOfRequest>()
            .cloned()
            .ok_or(BffError::Context("no sign-in in this request"))?;
        Ok(Self {
            session,
            id,
            sign_in,
        })
    }

    /// What the user sees of `result`; a failure is logged under this request's id.
    pub fn answer<T>(&self, result: Result<T, BffError>) -> Result<T, AppError> {
        result.map_err(|error| error.to_app_error(Some(&self.id)))
    }
}

/// The sign-in of one request, shared by everything serving it (the sign-in guard and
/// every server function of a page): read from the database once, then kept up to
/// date by the request's own refreshes, and `None` once it ended.
#[derive(Clone, Default)]
pub struct SignInOfRequest(Arc<Known>);

#[derive(Default)]
struct Known {
    read: OnceCell<()>,
    latest: Mutex<Option<SignIn>>,
}

impl SignInOfRequest {
    /// The sign-in `session` names, read on first use.
    pub async fn get(
        &self,
        tokens: &Tokens,
        session: &Session,
    ) -> Result<Option<SignIn>, BffError> {
        self.0
            .read
            .get_or_try_init(|| async {
                let read = tokens.signed_in(session).await?;
                self.keep(read);
                Ok::<_, BffError>(())
            })
            .await?;
        Ok(self.latest())
    }

    /// The sign-in as this request last knew it.
    pub fn latest(&self) -> Option<SignIn> {
        self.0
            .latest
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Records a refresh (`Some`) or the end of the sign-in (`None`).
    pub fn keep(&self, sign_in: Option<SignIn>) {
        *self.0.latest.lock().unwrap_or_else(PoisonError::into_inner) = sign_in;
    }
}
