//! Sign-in and sign-out: real form posts to server routes, so they work without
//! JavaScript and the password never passes through a server function. (Signing in at
//! the identity provider is `code_sign_in`.)

use std::time::Duration;

use app::{links, model::SignInFlash, return_path::local_return_path};
use axum::{
    extract::State,
    http::{header, HeaderName, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Extension, Form,
};
use mobproc::client::{CallContext, ErrorKind, TokenSet};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    error::BffError,
    present,
    session_data::{self, Permissions, ACTING_FOR, PERMISSIONS, SIGN_IN},
    sign_ins::Method,
    throttle, Bff,
};
use crate::{
    audit, audit::NOBODY, client_address::ClientAddress, observability::RequestId, plain_page,
};

/// The same words for an unknown user and a wrong password, so the form cannot be
/// used to find out who has an account.
const WRONG_CREDENTIALS: &str = "The username or password is not correct.";

/// Sent with every sign-out: the browser drops what it cached of signed-in pages and
/// this site's cookies.
const CLEAR_SITE_DATA: (HeaderName, HeaderValue) = (
    HeaderName::from_static("clear-site-data"),
    HeaderValue::from_static("\"cache\", \"cookies\""),
);

#[derive(Deserialize)]
pub struct SignInForm {
    username: String,
    password: String,
    return_to: Option<String>,
}

/// Why a sign-in did not happen.
enum Failure {
    WrongCredentials,
    Unavailable(BffError),
}

/// `POST /auth/sign-in`: the OAuth password grant unless the account or address is
/// throttled, tokens into `sign_ins`, a new session id, and back to where the person
/// was going. A failure leaves no session behind: its message goes in a signed cookie.
pub async fn sign_in(
    State(bff): State<Bff>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    Extension(address): Extension<ClientAddress>,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Response {
    if !bff.sign_in_setup().password {
        return plain_page::page(
            StatusCode::NOT_FOUND,
            "Sign in",
            "Signing in with a username and password is not offered here.",
            ("/sign-in", "Back to sign-in"),
        );
    }
    let return_to = local_return_path(form.return_to);
    let username = form.username.trim().to_owned();
    let account = throttle::account_of(&username);
    let address = address.to_string();
    let unavailable = |error: &dyn std::fmt::Display| {
        tracing::warn!(%error, "sign-in failed");
        format!("Signing in is not possible right now. Please try again. (Reference: {request_id})")
    };
    let wait = match bff.throttle().wait(&account, &address).await {
        Ok(wait) => wait,
        Err(error) => return with_flash(&bff, &return_to, &username, unavailable(&error)),
    };
    if let Some(wait) = wait {
        audit!(
            "sign_in",
            outcome = "throttled",
            user = NOBODY,
            actor = NOBODY,
            account = account.as_str(),
            address = address.as_str(),
            method = "password",
            retry_after_secs = wait.as_secs(),
        );
        return too_many_attempts(wait, &return_to);
    }
    let tokens = match bff.client().password_grant(&username, &form.password).await {
        Ok(tokens) => Ok(tokens),
        Err(error) if matches!(error.kind(), ErrorKind::InvalidGrant { .. }) => {
            Err(Failure::WrongCredentials)
        }
        Err(error) => Err(Failure::Unavailable(error.into())),
    };
    let signed_in = match tokens {
        Ok(tokens) => start(&bff, &session, &tokens, Method::Password)
            .await
            .map_err(Failure::Unavailable),
        Err(failure) => Err(failure),
    };
    match signed_in {
        Ok(user) => {
            if let Err(error) = bff.throttle().succeeded(&account).await {
                tracing::warn!(%error, "the account's failed sign-ins were not forgotten");
            }
            audit!(
                "sign_in",
                outcome = "ok",
                user = user.as_str(),
                actor = user.as_str(),
                account = account.as_str(),
                address = address.as_str(),
                method = "password",
            );
            Redirect::to(&return_to).into_response()
        }
        Err(Failure::WrongCredentials) => {
            if let Err(error) = bff.throttle().failed(&account, &address).await {
                tracing::error!(%error, "a failed sign-in was not counted");
            }
            audit!(
                "sign_in",
                outcome = "refused",
                user = NOBODY,
                actor = NOBODY,
                account = account.as_str(),
                address = address.as_str(),
                method = "password",
            );
            with_flash(&bff, &return_to, &username, WRONG_CREDENTIALS.to_owned())
        }
        Err(Failure::Unavailable(error)) => {
            audit!(
                "sign_in",
                outcome = "unavailable",
                user = NOBODY,
                actor = NOBODY,
                account = account.as_str(),
                address = address.as_str(),
                method = "password",
            );
            with_flash(&bff, &return_to, &username, unavailable(&error))
        }
    }
}

/// Starts the session of whoever `tokens` belong to: their sign-in row, a new session
/// id, their rights. Their employee id.
pub(super) async fn start(
    bff: &Bff,
    session: &Session,
    tokens: &TokenSet,
    method: Method,
) -> Result<String, BffError> {
    let me = bff
        .client()
        .api(&tokens.access_token, CallContext::new())
        .me()
        .await?;
    let permissions = Permissions::of(&me);
    let user = me.authenticated_user;
    let name = present::full_name(&user);
    // A sign-in this session had before ends: one sign-in per session.
    bff.tokens().end(session).await?;
    let sign_in = bff.tokens().start(&user.id, &name, method, tokens).await?;
    // A new id at sign-in, so a session id planted before sign-in is worthless.
    session.cycle_id().await?;
    session.remove::<String>(ACTING_FOR).await?;
    session_data::write(session, PERMISSIONS, &permissions).await?;
    session_data::write(session, SIGN_IN, &sign_in).await?;
    Ok(user.id)
}

/// Back to the sign-in page, which shows `message` once (and the username typed).
pub(super) fn with_flash(bff: &Bff, return_to: &str, username: &str, message: String) -> Response {
    let flash = SignInFlash {
        username: username.to_owned(),
        message,
    };
    (
        [(header::SET_COOKIE, bff.flashes().set(&flash))],
        Redirect::to(&links::sign_in(return_to)),
    )
        .into_response()
}

/// 429 with `Retry-After` and the plain message; MOBPROC was not asked.
fn too_many_attempts(wait: Duration, return_to: &str) -> Response {
    let mut response = plain_page::page(
        StatusCode::TOO_MANY_REQUESTS,
        "Sign in",
        &throttle::message(wait),
        (&links::sign_in(return_to), "Back to sign-in"),
    );
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from(wait.as_secs().max(1)),
    );
    response
}

/// `POST /auth/sign-out`: ends the sign-in (on every instance: its row is gone),
/// revokes the refresh token, deletes the session, and tells the browser to drop this
/// site's cookies and cache. A sign-in made at the identity provider is ended there
/// too, when it has a logout endpoint; it sends the browser back to the sign-in page.
pub async fn sign_out(State(bff): State<Bff>, session: Session) -> Response {
    let mut method = None;
    match bff.tokens().end(&session).await {
        Ok(Some(ended)) => {
            method = Some(ended.method);
            audit!(
                "sign_out",
                outcome = "ok",
                user = ended.employee_id.as_str(),
                actor = ended.employee_id.as_str(),
                method = <&str>::from(ended.method),
            );
        }
        Ok(None) => {}
        Err(error) => tracing::error!(%error, "sign-in not ended"),
    }
    let logout = match method {
        Some(Method::Code) => bff
            .sign_in_setup()
            .code
            .as_ref()
            .and_then(|code| code.logout_redirect()),
        _ => None,
    };
    let response = signed_out(&session).await;
    match logout {
        Some(url) => ([CLEAR_SITE_DATA], Redirect::to(url.as_str())).into_response(),
        None => response,
    }
}

/// `GET /auth/sign-out-everywhere`: asks first, since it signs out every browser.
pub async fn confirm_sign_out_everywhere() -> Response {
    plain_page::confirm(
        "Sign out everywhere",
        "This signs you out in every browser and on every device where you are signed in, \
         this one too.",
        "/auth/sign-out-everywhere",
        "Sign out everywhere",
        ("/", "Cancel"),
    )
}

/// `POST /auth/sign-out-everywhere`: ends every sign-in of the signed-in person, on
/// every instance and in every browser, then signs this one out.
pub async fn sign_out_everywhere(State(bff): State<Bff>, session: Session) -> Response {
    match bff.tokens().signed_in(&session).await {
        Ok(Some(sign_in)) => match bff.tokens().end_all(&sign_in.employee_id).await {
            Ok(ended) => audit!(
                "sign_out_everywhere",
                outcome = "ok",
                user = sign_in.employee_id.as_str(),
                actor = sign_in.employee_id.as_str(),
                sessions = ended,
            ),
            Err(error) => tracing::error!(%error, "sign-ins not ended"),
        },
        Ok(None) => {}
        Err(error) => tracing::error!(%error, "sign-in not read"),
    }
    signed_out(&session).await
}

async fn signed_out(session: &Session) -> Response {
    if let Err(error) = session.flush().await {
        tracing::error!(%error, "session not deleted");
    }
    ([CLEAR_SITE_DATA], Redirect::to("/sign-in")).into_response()
}
