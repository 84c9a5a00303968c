//! The one way through to MOBPROC: a handle made once per request from the session. It
//! knows who is signed in, whom they act for, where their tokens are and which request
//! this is, and gives the `mobproc` client's typed calls bound to all of that. Each call
//! carries its own correlation id; its log line carries the request's id too.

use std::sync::{Arc, Mutex, PoisonError};

use app::error::AppError;
use mobproc::client::{AccessToken, Api, CallContext, Credentials};
use tower_sessions::Session;

use super::{
    error::BffError,
    party::Party,
    request::Request,
    session_data::{self, ActingFor, Permissions, ACTING_FOR, PERMISSIONS},
    sign_ins::SignIn,
    Bff,
};

/// A signed-in person's MOBPROC, for the request being served.
#[derive(Clone)]
pub struct Caller {
    bff: Bff,
    request: Request,
    party: Party,
    /// The sign-in as last read or refreshed by this request.
    sign_in: Arc<Mutex<SignIn>>,
}

impl Caller {
    /// The caller of `request`; signed out is [`BffError::SignInRequired`].
    pub async fn of(bff: &Bff, request: Request) -> Result<Self, BffError> {
        let sign_in = request
            .sign_in
            .get(bff.tokens(), &request.session)
            .await?
            .ok_or(BffError::SignInRequired)?;
        let party = Party::of(&request.session, &sign_in).await?;
        Ok(Self {
            bff: bff.clone(),
            request,
            party,
            sign_in: Arc::new(Mutex::new(sign_in)),
        })
    }

    /// The signed-in person, as this request last knew them.
    pub fn sign_in(&self) -> SignIn {
        self.sign_in
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Keeps what a refresh (or its refusal) says, for this caller and the request.
    fn keep(&self, fresh: Result<SignIn, BffError>) -> Result<SignIn, BffError> {
        match &fresh {
            Ok(sign_in) => {
                self.request.sign_in.keep(Some(sign_in.clone()));
                *self.sign_in.lock().unwrap_or_else(PoisonError::into_inner) = sign_in.clone();
            }
            Err(BffError::SignInRequired) => self.request.sign_in.keep(None),
            Err(_) => {}
        }
        fresh
    }

    /// An access token good for at least the refresh margin, refreshed now if need be.
    pub async fn fresh_token(&self) -> Result<AccessToken, BffError> {
        self.token().await
    }

    /// MOBPROC in the party's context and the flow `activity_id`, with exactly `token`:
    /// nothing is refreshed or renewed on the way (a refused token is answered as such).
    pub fn api_with_token<'a>(
        &'a self,
        token: &'a AccessToken,
        activity_id: &str,
    ) -> Api<'a, AccessToken> {
        let context = self
            .party
            .context()
            .with_activity_id(activity_id)
            .with_request_id(&self.request.id);
        self.bff.client().api(token, context)
    }

    pub fn bff(&self) -> &Bff {
        &self.bff
    }

    pub fn party(&self) -> &Party {
        &self.party
    }

    pub fn session(&self) -> &Session {
        &self.request.session
    }

    /// The request's id, which users quote and log lines carry.
    pub fn request_id(&self) -> &str {
        &self.request.id
    }

    /// What the user sees of `result`; a failure is logged under the request's id.
    pub fn answer<T>(&self, result: Result<T, BffError>) -> Result<T, AppError> {
        self.request.answer(result)
    }

    /// MOBPROC in the party's context: for the employee acted for, if any.
    pub fn api(&self) -> Api<'_, Self> {
        self.bound(self.party.context())
    }

    /// MOBPROC with the signed-in person's own rights, whatever the context: for
    /// choosing whom to act for.
    pub fn api_as_user(&self) -> Api<'_, Self> {
        self.bound(CallContext::new())
    }

    /// MOBPROC for the calls of one checkout flow: the party's context, and the flow's
    /// activity id on every call (confirm and submit of one order share it).
    pub fn api_in_activity(&self, activity_id: &str) -> Api<'_, Self> {
        self.bound(self.party.context().with_activity_id(activity_id))
    }

    /// Calls with `context`, logged under this request's id.
    fn bound(&self, context: CallContext) -> Api<'_, Self> {
        let context = context.with_request_id(&self.request.id);
        self.bff.client().api(self, context)
    }

    /// What `/me` says the signed-in person may do, asked again when stale.
    pub async fn own_permissions(&self) -> Result<Permissions, BffError> {
        let known: Option<Permissions> = session_data::read(self.session(), PERMISSIONS).await?;
        if let Some(known) = known.filter(|p| !p.is_stale()) {
            return Ok(known);
        }
        let permissions = Permissions::of(&self.api_as_user().me().await?);
        session_data::write(self.session(), PERMISSIONS, &permissions).await?;
        Ok(permissions)
    }

    /// What `/me` says may be ordered for the actor: the person acted for, or oneself.
    pub async fn actor_permissions(&self) -> Result<Permissions, BffError> {
        let Some(acting) = &self.party.acting else {
            return self.own_permissions().await;
        };
        if let Some(known) = acting.permissions.clone().filter(|p| !p.is_stale()) {
            return Ok(known);
        }
        let permissions = Permissions::of(&self.api().me().await?);
        let acting = ActingFor {
            permissions: Some(permissions.clone()),
            ..acting.clone()
        };
        session_data::write(self.session(), ACTING_FOR, &acting).await?;
        Ok(permissions)
    }
}

impl Credentials for Caller {
    type Error = BffError;

    async fn token(&self) -> Result<AccessToken, BffError> {
        let fresh = self.keep(self.bff.tokens().fresh(self.sign_in()).await)?;
        Ok(fresh.access_token())
    }

    async fn renew(&self, rejected: &AccessToken) -> Result<Option<AccessToken>, BffError> {
        let id = self.sign_in().id;
        let fresh = self.keep(self.bff.tokens().after_rejection(&id, rejected).await)?;
        Ok(Some(fresh.access_token()))
    }
}
