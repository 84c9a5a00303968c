//! The backend-for-frontend: sign-in and tokens, and every call to MOBPROC on behalf
//! of the person in the session. It implements [`app::backend::Backend`], which the
//! UI's server functions call.

mod acting;
mod audit;
pub mod auth_routes;
pub(crate) mod cart;
mod catalog;
pub(crate) mod checkout;
mod error;
pub mod guard;
pub mod media;
pub mod money;
mod ordering;
mod party;
mod present;
mod request;
mod session_data;
mod submit;
mod tokens;

use std::sync::Arc;

use app::{
    backend::Backend,
    error::AppError,
    model::{acting::Actor, Line, SignInFlash, Viewer},
};
use std::future::Future;

use mobproc::{
    client::{
        envelope, AccessToken, AssetQuery, CallContext, ErrorKind, MobprocClient, MobprocError,
    },
    model::ServiceAsset,
};

use cart::store::CartStore;
use checkout::store::CheckoutStore;
pub use error::BffError;
use media::MediaFetcher;
use party::Party;
use request::{in_request, RequestScope};
use session_data::{ActingFor, SignedIn, ACTING_FOR, SIGNED_IN, SIGN_IN_FLASH};
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
    carts: CartStore,
    checkouts: CheckoutStore,
}

impl Bff {
    pub fn new(client: MobprocClient, store: Store) -> Result<Self, BffError> {
        let media = MediaFetcher::new(client.api_base()).map_err(BffError::Setup)?;
        let database = store.database();
        let tokens = Tokens::new(client.clone(), store);
        Ok(Self {
            inner: Arc::new(Inner {
                client,
                tokens,
                media,
                carts: CartStore::new(database.clone()),
                checkouts: CheckoutStore::new(database),
            }),
        })
    }

    pub fn client(&self) -> &MobprocClient {
        &self.inner.client
    }

    fn media(&self) -> &MediaFetcher {
        &self.inner.media
    }

    fn carts(&self) -> &CartStore {
        &self.inner.carts
    }

    fn checkouts(&self) -> &CheckoutStore {
        &self.inner.checkouts
    }

    /// Calls MOBPROC as the signed-in person, for the employee they act for if any.
    async fn call<T, F, Fut>(&self, scope: &RequestScope, call: F) -> Result<T, BffError>
    where
        F: Fn(AccessToken, CallContext) -> Fut,
        Fut: Future<Output = Result<T, MobprocError>>,
    {
        let party = Party::of(&scope.session).await?;
        self.call_as(scope, &party, call).await
    }

    /// Calls MOBPROC for `party`: an order confirmed for one actor is placed for that
    /// actor even if the session's context changed meanwhile.
    async fn call_as<T, F, Fut>(
        &self,
        scope: &RequestScope,
        party: &Party,
        call: F,
    ) -> Result<T, BffError>
    where
        F: Fn(AccessToken, CallContext) -> Fut,
        Fut: Future<Output = Result<T, MobprocError>>,
    {
        let mut context = CallContext::default().with_correlation_id(&scope.correlation_id);
        if let Some(acting) = &party.acting {
            context = context
                .with_employee_id(&acting.employee_id)
                .with_activity_id(&acting.activity_id);
        }
        self.call_with(scope, context, call).await
    }

    /// Calls MOBPROC as the signed-in person themselves, whatever the context: for
    /// choosing whom to act for, with their own rights.
    async fn call_as_user<T, F, Fut>(&self, scope: &RequestScope, call: F) -> Result<T, BffError>
    where
        F: Fn(AccessToken, CallContext) -> Fut,
        Fut: Future<Output = Result<T, MobprocError>>,
    {
        let context = CallContext::default().with_correlation_id(&scope.correlation_id);
        self.call_with(scope, context, call).await
    }

    /// A 401 means MOBPROC refused the token before doing anything (expired or
    /// revoked early), so one retry with fresh tokens is safe, even for an order.
    async fn call_with<T, F, Fut>(
        &self,
        scope: &RequestScope,
        context: CallContext,
        call: F,
    ) -> Result<T, BffError>
    where
        F: Fn(AccessToken, CallContext) -> Fut,
        Fut: Future<Output = Result<T, MobprocError>>,
    {
        let signed_in = self.inner.tokens.current(&scope.session).await?;
        match call(signed_in.access_token(), context.clone()).await {
            Err(error) if matches!(error.kind(), ErrorKind::Unauthorized(_)) => {
                let fresh = self
                    .inner
                    .tokens
                    .after_rejection(&scope.session, signed_in)
                    .await?;
                Ok(call(fresh.access_token(), context).await?)
            }
            result => Ok(result?),
        }
    }
}

#[async_trait::async_trait]
impl Backend for Bff {
    async fn viewer(&self) -> Result<Option<Viewer>, AppError> {
        in_request(|scope| async move {
            // Refreshing here too keeps the session alive across long idle tabs.
            let signed_in = match session_data::read::<SignedIn>(&scope.session, SIGNED_IN).await? {
                None => None,
                Some(_) => match self.inner.tokens.current(&scope.session).await {
                    Ok(current) => Some(current),
                    Err(BffError::SignInRequired) => None,
                    Err(error) => return Err(error),
                },
            };
            let Some(signed_in) = signed_in else {
                return Ok(None);
            };
            let acting_for = session_data::read::<ActingFor>(&scope.session, ACTING_FOR)
                .await?
                .map(|a| Actor {
                    name: a.name,
                    department: a.department,
                });
            Ok(Some(Viewer {
                employee_id: signed_in.employee_id,
                name: signed_in.name,
                can_act_for_others: signed_in.can_act_for_others,
                acting_for,
            }))
        })
        .await
    }

    async fn take_sign_in_flash(&self) -> Result<Option<SignInFlash>, AppError> {
        in_request(
            |scope| async move { Ok(session_data::take(&scope.session, SIGN_IN_FLASH).await?) },
        )
        .await
    }

    async fn lines(&self) -> Result<Vec<Line>, AppError> {
        in_request(|scope| async move {
            let client = self.client();
            let me = self
                .call(&scope, |token, context| async move {
                    client.me(&token, &context).await
                })
                .await?;
            let query = AssetQuery {
                employee: Some(me.actor.id.clone()),
                include_upgrade_eligible_date: Some(true),
                ..AssetQuery::default()
            };
            let path = ["assets", "services"];
            let services: Vec<ServiceAsset> = self
                .call(&scope, |token, context| {
                    let (query, path) = (&query, &path);
                    async move {
                        client
                            .list_all(&token, &context, path, query, envelope::SERVICES)
                            .await
                    }
                })
                .await?;
            Ok(services
                .into_iter()
                .map(|service| present::line(service, &me.transaction_types))
                .collect())
        })
        .await
    }
}
