//! The backend-for-frontend: sign-in and tokens, and every call to MOBPROC on behalf
//! of the person in the session. It implements the UI's ports (`app::backend`), which
//! the server functions call.
//!
//! A request goes: server function → a port method here → [`Caller`] (made once from the
//! session: who, for whom, which tokens, which request) → the `mobproc` client's typed
//! calls. What differs between MOBPROC's transaction types is in [`transactions`].

mod acting;
mod audit;
pub mod auth_routes;
mod cache;
mod caller;
mod care;
pub(crate) mod cart;
mod catalog;
pub(crate) mod checkout;
pub mod code_sign_in;
mod error;
mod flash;
pub mod guard;
mod lines;
pub mod media;
pub mod money;
mod ordering;
mod orders;
mod paging;
pub(crate) mod party;
mod place;
mod present;
mod request;
mod session_data;
pub(crate) mod sign_ins;
pub mod status;
mod subject;
mod submit;
pub mod throttle;
mod tokens;
mod transactions;

use std::sync::Arc;

use app::{
    backend::Backend,
    error::AppError,
    model::{acting::Actor, MyLines, SignInChoices, SignInFlash, Viewer},
};
use mobproc::client::MobprocClient;
use url::Url;

use acting::EmployeeSearches;
pub use cache::CacheSettings;
use cache::Caches;
use caller::Caller;
use care::move_store::MoveStore;
use cart::store::CartStore;
use checkout::store::CheckoutStore;
pub use error::BffError;
use flash::Flashes;
use media::MediaFetcher;
use orders::decision_store::DecisionStore;
use request::Request;
use session_data::{ActingFor, ACTING_FOR, SIGN_IN};
use sign_ins::SignInStore;
use throttle::{Throttle, ThrottlePolicy};
use tokens::Tokens;

use crate::{database::Database, session::Store, signing::Signer};

/// How the BFF behaves in this deployment.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub throttle: ThrottlePolicy,
    /// Browsers reach the storefront over https: cookies are `Secure`, `__Host-`.
    pub secure_cookies: bool,
    pub sign_in: SignInSetup,
    /// How long MOBPROC's answers are kept in memory, and how many.
    pub caches: CacheSettings,
}

/// The ways of signing in this deployment offers.
#[derive(Debug, Clone)]
pub struct SignInSetup {
    /// The storefront's own form (the OAuth password grant).
    pub password: bool,
    /// The identity provider's page (authorization code with PKCE), when offered.
    pub code: Option<CodeSignIn>,
}

impl Default for SignInSetup {
    fn default() -> Self {
        Self {
            password: true,
            code: None,
        }
    }
}

/// Signing in at the identity provider, whose authorization endpoint the MOBPROC
/// client knows.
#[derive(Debug, Clone)]
pub struct CodeSignIn {
    /// This storefront's callback, `<origin>/auth/callback`, registered exactly there.
    pub redirect_uri: Url,
    /// Its logout (PingFederate's `/idp/startSLO.ping`): signing out of a code sign-in
    /// ends the session there too.
    pub logout_url: Option<Url>,
}

impl CodeSignIn {
    /// Where signing out of a code sign-in goes: the identity provider's logout, which
    /// comes back to this storefront's sign-in page.
    fn logout_redirect(&self) -> Option<Url> {
        let mut logout = self.logout_url.clone()?;
        let mut back = self.redirect_uri.clone();
        back.set_path("/sign-in");
        back.set_query(None);
        logout
            .query_pairs_mut()
            .append_pair("TargetResource", back.as_str());
        Some(logout)
    }
}

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
    throttle: Throttle,
    flashes: Flashes,
    employee_searches: EmployeeSearches,
    decisions: DecisionStore,
    moves: MoveStore,
    sign_in: SignInSetup,
    caches: Caches,
}

impl Bff {
    /// The BFF on `store`'s database; `signer` checks what it issues to browsers.
    pub fn new(
        client: MobprocClient,
        store: Store,
        signer: Signer,
        options: Options,
    ) -> Result<Self, BffError> {
        let media = MediaFetcher::new(client.api_base()).map_err(BffError::Setup)?;
        let database: Database = store.database();
        let tokens = Tokens::new(client.clone(), SignInStore::new(database.clone()));
        Ok(Self {
            inner: Arc::new(Inner {
                client,
                tokens,
                media,
                carts: CartStore::new(database.clone()),
                checkouts: CheckoutStore::new(database.clone()),
                throttle: Throttle::new(database.clone(), options.throttle),
                flashes: Flashes::new(signer, options.secure_cookies),
                employee_searches: EmployeeSearches::new(),
                decisions: DecisionStore::new(database.clone()),
                moves: MoveStore::new(database),
                sign_in: options.sign_in,
                caches: Caches::new(options.caches),
            }),
        })
    }

    pub fn client(&self) -> &MobprocClient {
        &self.inner.client
    }

    fn tokens(&self) -> &Tokens {
        &self.inner.tokens
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

    fn throttle(&self) -> &Throttle {
        &self.inner.throttle
    }

    fn flashes(&self) -> &Flashes {
        &self.inner.flashes
    }

    fn employee_searches(&self) -> &EmployeeSearches {
        &self.inner.employee_searches
    }

    fn decisions(&self) -> &DecisionStore {
        &self.inner.decisions
    }

    fn moves(&self) -> &MoveStore {
        &self.inner.moves
    }

    fn sign_in_setup(&self) -> &SignInSetup {
        &self.inner.sign_in
    }

    /// Origins besides this one that this site's forms may be redirected to: the
    /// identity provider's logout, for the pages' `form-action`.
    pub fn form_targets(&self) -> Vec<String> {
        self.inner
            .sign_in
            .code
            .as_ref()
            .and_then(|code| code.logout_url.as_ref())
            .map(|url| url.origin().ascii_serialization())
            .into_iter()
            .collect()
    }

    /// The request being served, or what to tell the user when there is none.
    fn request(&self) -> Result<Request, AppError> {
        Request::current().map_err(|error| error.to_app_error(None))
    }

    /// The signed-in caller of the request being served.
    async fn caller(&self) -> Result<Caller, AppError> {
        let request = self.request()?;
        let id = request.id.clone();
        Caller::of(self, request)
            .await
            .map_err(|error| error.to_app_error(Some(&id)))
    }
}

#[async_trait::async_trait]
impl Backend for Bff {
    async fn viewer(&self) -> Result<Option<Viewer>, AppError> {
        let request = self.request()?;
        let signed_in = session_data::read::<String>(&request.session, SIGN_IN).await;
        if !matches!(signed_in, Ok(Some(_))) {
            return request.answer(signed_in.map(|_| None).map_err(Into::into));
        }
        let caller = match Caller::of(self, request.clone()).await {
            Ok(caller) => caller,
            Err(BffError::SignInRequired) => return Ok(None),
            Err(error) => return Err(error.to_app_error(Some(&request.id))),
        };
        caller.answer(viewer(&caller).await)
    }

    async fn take_sign_in_flash(&self) -> Result<Option<SignInFlash>, AppError> {
        let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
            return Ok(None);
        };
        let flash = self.flashes().read(&parts.headers);
        if flash.is_some() {
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                response.append_header(http::header::SET_COOKIE, self.flashes().clear());
            }
        }
        Ok(flash)
    }

    fn sign_in_choices(&self) -> SignInChoices {
        SignInChoices {
            password: self.inner.sign_in.password,
            company_account: self.inner.sign_in.code.is_some(),
        }
    }

    async fn lines(&self) -> Result<MyLines, AppError> {
        let caller = self.caller().await?;
        caller.answer(lines::list(&caller).await)
    }
}

/// The header's view of the caller.
async fn viewer(caller: &Caller) -> Result<Option<Viewer>, BffError> {
    let signed_in = caller.sign_in();
    let permissions = match caller.own_permissions().await {
        Ok(permissions) => permissions,
        Err(BffError::SignInRequired) => return Ok(None),
        Err(error) => return Err(error),
    };
    let acting_for = session_data::read::<ActingFor>(caller.session(), ACTING_FOR)
        .await?
        .map(|a| Actor {
            name: a.name,
            department: a.department,
        });
    Ok(Some(Viewer {
        employee_id: signed_in.employee_id,
        name: signed_in.name,
        can_act_for_others: permissions.can_act_for_others,
        is_approver: permissions.is_approver,
        acting_for,
    }))
}
