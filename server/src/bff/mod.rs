//! The backend-for-frontend: sign-in and tokens, and every call to MOBPROC on behalf
//! of the person in the session. It implements [`app::backend::Backend`], which the
//! UI's server functions call.

pub mod auth_routes;
mod error;
pub mod guard;
pub mod media;
mod present;
mod request;
mod session_data;
mod tokens;

use std::sync::Arc;

use app::{
    backend::Backend,
    error::AppError,
    model::{Line, SignInFlash, Viewer},
};
use mobproc::client::{AssetQuery, CallContext, MobprocClient};

pub use error::BffError;
use media::MediaFetcher;
use request::{in_request, RequestScope};
use session_data::{SignedIn, SIGNED_IN, SIGN_IN_FLASH};
use tokens::Tokens;

use crate::session::Store;

/// Shared by all requests; cheap to clone.
#[derive(Clone)]
pub struct Bff {
    inner: Arc<Inner>,
}

struct Inner {
    client: MobprocClient,
    tokens: Tokens,
    media: MediaFetcher,
}

impl Bff {
    pub fn new(client: MobprocClient, store: Store) -> Result<Self, BffError> {
        let media = MediaFetcher::new(client.api_base()).map_err(BffError::Setup)?;
        let tokens = Tokens::new(client.clone(), store);
        Ok(Self {
            inner: Arc::new(Inner {
                client,
                tokens,
                media,
            }),
        })
    }

    pub fn client(&self) -> &MobprocClient {
        &self.inner.client
    }

    fn media(&self) -> &MediaFetcher {
        &self.inner.media
    }

    /// The signed-in person's current tokens and the call context of this request.
    async fn caller(&self, scope: &RequestScope) -> Result<(SignedIn, CallContext), BffError> {
        let signed_in = self.inner.tokens.current(&scope.session).await?;
        let context = CallContext::default().with_correlation_id(&scope.correlation_id);
        Ok((signed_in, context))
    }
}

#[async_trait::async_trait]
impl Backend for Bff {
    async fn viewer(&self) -> Result<Option<Viewer>, AppError> {
        in_request(|scope| async move {
            // Refreshing here too keeps the session alive across long idle tabs.
            let signed_in = match scope.session.get::<SignedIn>(SIGNED_IN).await? {
                None => None,
                Some(_) => match self.inner.tokens.current(&scope.session).await {
                    Ok(current) => Some(current),
                    Err(BffError::SignInRequired) => None,
                    Err(error) => return Err(error),
                },
            };
            Ok(signed_in.map(|s| Viewer {
                employee_id: s.employee_id,
                name: s.name,
            }))
        })
        .await
    }

    async fn take_sign_in_flash(&self) -> Result<Option<SignInFlash>, AppError> {
        in_request(|scope| async move { Ok(scope.session.remove(SIGN_IN_FLASH).await?) }).await
    }

    async fn lines(&self) -> Result<Vec<Line>, AppError> {
        in_request(|scope| async move {
            let (signed_in, context) = self.caller(&scope).await?;
            let token = signed_in.access_token();
            let me = self.client().me(&token, &context).await?;
            let query = AssetQuery {
                employee: Some(me.actor.id.clone()),
                include_upgrade_eligible_date: Some(true),
                ..AssetQuery::default()
            };
            let services = self
                .client()
                .list_all(
                    &token,
                    &context,
                    &["assets", "services"],
                    &query,
                    "services",
                )
                .await?;
            Ok(services
                .into_iter()
                .map(|service| present::line(service, &me.transaction_types))
                .collect())
        })
        .await
    }
}
