//! The identity provider's browser side, on PingFederate's paths: the OAuth 2
//! authorization-code flow with PKCE (RFC 6749 §4.1, RFC 7636), its own sign-in page,
//! a short sign-in session, and logout. The code is exchanged at the token endpoint
//! ([`crate::oauth`]).
//!
//! | path | what |
//! |---|---|
//! | `GET /as/authorization.oauth2` | checks the request, then signs in by the session cookie or shows the sign-in page |
//! | `POST /as/authorization.oauth2` | the page's form: "Sign in" checks username and password like the password grant; "Cancel" answers `access_denied` |
//! | `GET /idp/startSLO.ping?TargetResource=URL` | ends the session; back to `URL` if it is a registered redirect URI or on the origin of one |
//! | `GET /as/idp.css` | the pages' stylesheet (the pages run no script) |
//!
//! Rules: `response_type=code` only; `client_id` one of [`crate::clients`];
//! `redirect_uri` required and registered exactly for that client; `scope` MOBPROC
//! (or absent); `code_challenge` with `code_challenge_method=S256` required (`plain` or
//! none refused); `state` echoed; no parameter twice. A bad client or redirect URI is
//! shown on the identity provider's own page (400); any other problem goes back to the
//! redirect URI as `error=` (+ `state`), per RFC 6749 §4.1.2.1. `prompt=login` shows the
//! form even in a session, `prompt=none` answers `login_required` without one.
//!
//! Codes expire [`CODE_TTL`] after they are issued and sessions (cookie `PF`)
//! [`SESSION_TTL`] after sign-in, both by the sandbox clock.

mod authorize;
mod logout;
mod pages;
mod session;

use axum::routing::get;
use axum::Router;
use chrono::Duration;

use crate::state::SandboxState;

pub const AUTHORIZE_PATH: &str = "/as/authorization.oauth2";
pub const LOGOUT_PATH: &str = "/idp/startSLO.ping";
pub const STYLESHEET_PATH: &str = "/as/idp.css";

/// How long an authorization code may wait for its exchange.
pub const CODE_TTL: Duration = Duration::seconds(60);
/// How long a sign-in at the identity provider spares the form.
pub const SESSION_TTL: Duration = Duration::minutes(30);

pub fn routes() -> Router<SandboxState> {
    Router::new()
        .route(
            AUTHORIZE_PATH,
            get(authorize::start).post(authorize::sign_in),
        )
        .route(LOGOUT_PATH, get(logout::start_slo))
        .route(STYLESHEET_PATH, get(pages::stylesheet))
}
