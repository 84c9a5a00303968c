//! The port between server functions and the server's backend-for-frontend (BFF).
//! Server functions are declared here so the browser can call them; the BFF that
//! holds sessions and tokens and calls MOBPROC lives in the `server` crate and is
//! provided to them as `Arc<dyn Backend>` in the Leptos context.

pub mod acting;
pub mod care;
pub mod catalog;
pub mod ordering;
pub mod orders;

use std::sync::Arc;

use leptos::prelude::use_context;

use crate::{
    error::AppError,
    model::{MyLines, SignInChoices, SignInFlash, Viewer},
};

/// What the UI asks of the BFF. Each call runs inside a request, so implementations
/// read the session and correlation id from it.
#[async_trait::async_trait]
pub trait Backend: Send + Sync + 'static {
    /// The signed-in person, or `None` when signed out.
    async fn viewer(&self) -> Result<Option<Viewer>, AppError>;
    /// The last failed sign-in's message and username, removed once read.
    async fn take_sign_in_flash(&self) -> Result<Option<SignInFlash>, AppError>;
    /// How people may sign in here.
    fn sign_in_choices(&self) -> SignInChoices;
    /// The actor's phone lines with what may be ordered for each, and whether they may
    /// order a new one.
    async fn lines(&self) -> Result<MyLines, AppError>;
}

/// The BFF of this request.
pub fn backend() -> Result<Arc<dyn Backend>, AppError> {
    port()
}

/// One port of the BFF, as the server provided it for this request; a server that
/// provided none is misconfigured.
pub(crate) fn port<T: ?Sized + Send + Sync + 'static>() -> Result<Arc<T>, AppError> {
    use_context::<Arc<T>>().ok_or(AppError::Internal {
        correlation_id: None,
    })
}
