//! Sign-in and sign-out: real form posts to server routes, so they work without
//! JavaScript and the password never passes through a server function.

use app::{links, model::SignInFlash, return_path::local_return_path};
use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
    Extension, Form,
};
use mobproc::client::{CallContext, ErrorKind};
use serde::Deserialize;
use tower_sessions::Session;

use super::{
    present,
    session_data::{self, Permissions, ACTING_FOR, PERMISSIONS, SIGN_IN, SIGN_IN_FLASH},
    sign_ins::Method,
    Bff,
};
use crate::observability::RequestId;

/// The same words for an unknown user and a wrong password, so the form cannot be
/// used to find out who has an account.
const WRONG_CREDENTIALS: &str = "The username or password is not correct.";

#[derive(Deserialize)]
pub struct SignInForm {
    username: String,
    password: String,
    return_to: Option<String>,
}

/// `POST /auth/sign-in`: the OAuth password grant, tokens into the session, a new
/// session id, and back to where the person was going.
pub async fn sign_in(
    State(bff): State<Bff>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Response {
    let return_to = local_return_path(form.return_to);
    let username = form.username.trim().to_owned();
    match establish(&bff, &session, &username, &form.password, &request_id).await {
        Ok(()) => Redirect::to(&return_to).into_response(),
        Err(message) => {
            let flash = SignInFlash { username, message };
            if let Err(error) = session_data::write(&session, SIGN_IN_FLASH, &flash).await {
                tracing::error!(%error, "cannot keep the sign-in message");
            }
            Redirect::to(&links::sign_in(&return_to)).into_response()
        }
    }
}

async fn establish(
    bff: &Bff,
    session: &Session,
    username: &str,
    password: &str,
    request_id: &str,
) -> Result<(), String> {
    let client = bff.client();
    let unavailable = |error: &dyn std::fmt::Display| {
        tracing::warn!(%error, "sign-in failed upstream");
        format!("Signing in is not possible right now. Please try again. (Reference: {request_id})")
    };
    let tokens = match client.password_grant(username, password).await {
        Ok(tokens) => tokens,
        Err(error) if matches!(error.kind(), ErrorKind::InvalidGrant { .. }) => {
            tracing::info!("sign-in refused: wrong credentials");
            return Err(WRONG_CREDENTIALS.to_owned());
        }
        Err(error) => return Err(unavailable(&error)),
    };
    let me = client
        .api(&tokens.access_token, CallContext::new())
        .me()
        .await
        .map_err(|error| unavailable(&error))?;
    let permissions = Permissions::of(&me);
    let user = me.authenticated_user;
    let name = present::full_name(&user);
    let stored = async {
        // A sign-in this session had before ends: one sign-in per session.
        bff.tokens().end(session).await?;
        let sign_in = bff
            .tokens()
            .start(&user.id, &name, Method::Password, &tokens)
            .await?;
        // A new id at sign-in, so a session id planted before sign-in is worthless.
        session.cycle_id().await?;
        session.remove::<String>(SIGN_IN_FLASH).await?;
        session.remove::<String>(ACTING_FOR).await?;
        session_data::write(session, PERMISSIONS, &permissions).await?;
        session_data::write(session, SIGN_IN, &sign_in).await?;
        Ok::<_, super::BffError>(())
    };
    stored.await.map_err(|error| unavailable(&error))?;
    tracing::info!("signed in");
    Ok(())
}

/// `POST /auth/sign-out`: ends the sign-in (on every instance: its row is gone),
/// revokes the refresh token and deletes the session.
pub async fn sign_out(State(bff): State<Bff>, session: Session) -> Response {
    match bff.tokens().end(&session).await {
        Ok(Some(ended)) => tracing::info!(
            user = %ended.employee_id,
            method = <&str>::from(ended.method),
            "signed out"
        ),
        Ok(None) => {}
        Err(error) => tracing::error!(%error, "sign-in not ended"),
    }
    if let Err(error) = session.flush().await {
        tracing::error!(%error, "session not deleted");
    }
    Redirect::to("/sign-in").into_response()
}
