//! "Sign in with your company account": the OAuth authorization code grant with PKCE
//! S256 (RFC 6749 §4.1, RFC 7636), the storefront a confidential client. It is all
//! redirects, so it works without JavaScript.
//!
//! `GET /auth/authorize?return_to=…` keeps a fresh `state`, the PKCE verifier and the
//! return path in the session (in the database, so any instance can take the
//! callback) and redirects to the identity provider. `GET /auth/callback` takes the
//! pending sign-in its `state` names, once; exchanges the code with the client's
//! credentials and the verifier; and starts the session as the password sign-in does:
//! a `sign_ins` row, a new session id. An unknown or reused `state`, an error from the
//! identity provider or a refused exchange signs nobody in and says so on the sign-in
//! page.

use std::time::{SystemTime, UNIX_EPOCH};

use app::return_path::local_return_path;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    Extension,
};
use mobproc::client::{ErrorKind, PkceCodeVerifier};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use url::Url;

use super::{
    auth_routes::{start as start_session, with_flash},
    error::BffError,
    session_data::{self, CODE_SIGN_INS, SIGN_IN},
    sign_ins::Method,
    Bff, CodeSignIn,
};
use crate::{
    audit, audit::NOBODY, client_address::ClientAddress, observability::RequestId, plain_page,
};

/// Sign-ins started from several tabs each keep theirs; beyond this many the oldest is
/// forgotten, so the session stays small.
const MAX_PENDING: usize = 3;
/// Time enough to sign in at the identity provider, MFA included; an older callback is
/// a stale tab.
const PENDING_FOR_SECS: u64 = 10 * 60;

const DID_NOT_WORK: &str =
    "Signing in with your company account did not work. Nobody was signed in. Please try again.";
const CANCELLED: &str = "Signing in with your company account was cancelled.";

/// A sign-in sent to the identity provider, waiting for its callback.
#[derive(Serialize, Deserialize)]
struct Pending {
    state: String,
    verifier: String,
    return_to: String,
    /// Seconds since the Unix epoch.
    started_at: u64,
}

impl Pending {
    fn is_current(&self, now: u64) -> bool {
        now.saturating_sub(self.started_at) <= PENDING_FOR_SECS
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[derive(Deserialize)]
pub struct Start {
    return_to: Option<String>,
}

/// `GET /auth/authorize`: off to the identity provider with a new `state` and PKCE
/// challenge, their verifier kept in the session.
pub async fn start(
    State(bff): State<Bff>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    session: Session,
    Query(start): Query<Start>,
) -> Response {
    let Some(code) = bff.sign_in_setup().code.clone() else {
        return not_offered();
    };
    let return_to = local_return_path(start.return_to);
    match authorize(&bff, &code, &session, &return_to).await {
        Ok(url) => Redirect::to(url.as_str()).into_response(),
        Err(error) => {
            // Logged by kind: a session error may quote the session's data.
            error.to_app_error(Some(&request_id));
            with_flash(&bff, &return_to, "", unavailable(&request_id))
        }
    }
}

async fn authorize(
    bff: &Bff,
    code: &CodeSignIn,
    session: &Session,
    return_to: &str,
) -> Result<Url, BffError> {
    let request = bff.client().authorization_request(&code.redirect_uri)?;
    let now = unix_now();
    let mut pending: Vec<Pending> = session_data::read(session, CODE_SIGN_INS)
        .await?
        .unwrap_or_default();
    pending.retain(|p| p.is_current(now));
    if pending.len() >= MAX_PENDING {
        pending.drain(..=pending.len() - MAX_PENDING);
    }
    pending.push(Pending {
        state: request.state.secret().clone(),
        verifier: request.verifier.secret().clone(),
        return_to: return_to.to_owned(),
        started_at: now,
    });
    session_data::write(session, CODE_SIGN_INS, &pending).await?;
    Ok(request.url)
}

/// What the identity provider sends back (RFC 6749 §4.1.2, §4.1.2.1). Its
/// `error_description` is not read: nobody else's words go on the page or in the log.
#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Why a callback signed nobody in.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error("the callback's state is not one this session is waiting for")]
    UnknownState,
    #[error("the identity provider answered {0}")]
    IdentityProvider(&'static str),
    #[error("the callback carries no code")]
    NoCode,
    #[error("the identity provider refused the code: {0}")]
    CodeRefused(BffError),
    #[error(transparent)]
    Unavailable(#[from] BffError),
}

impl Refusal {
    /// The audit line's `reason`.
    fn reason(&self) -> &'static str {
        match self {
            Self::UnknownState => "state",
            Self::IdentityProvider(error) => error,
            Self::NoCode => "no_code",
            Self::CodeRefused(_) => "exchange",
            Self::Unavailable(_) => "unavailable",
        }
    }
}

/// RFC 6749 §4.1.2.1's error codes and OpenID Connect's `login_required`; anything
/// else is reported as `other`, so the log holds no text a link could choose.
fn known_error(error: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "invalid_request",
        "unauthorized_client",
        "access_denied",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "login_required",
    ];
    KNOWN
        .iter()
        .find(|known| **known == error)
        .copied()
        .unwrap_or("other")
}

/// `GET /auth/callback`: the identity provider's answer, for the pending sign-in its
/// `state` names.
pub async fn callback(
    State(bff): State<Bff>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    Extension(address): Extension<ClientAddress>,
    session: Session,
    Query(callback): Query<Callback>,
) -> Response {
    let Some(code) = bff.sign_in_setup().code.clone() else {
        return not_offered();
    };
    let address = address.to_string();
    let pending = match take_pending(&session, callback.state.as_deref()).await {
        Ok(pending) => pending,
        Err(error) => {
            return refused(
                &bff,
                "/",
                Refusal::Unavailable(error),
                &address,
                &request_id,
            )
        }
    };
    let Some(pending) = pending else {
        return refused(&bff, "/", Refusal::UnknownState, &address, &request_id);
    };
    let return_to = local_return_path(Some(pending.return_to));
    let signed_in = async {
        if let Some(error) = &callback.error {
            return Err(Refusal::IdentityProvider(known_error(error)));
        }
        let code_value = callback.code.as_deref().ok_or(Refusal::NoCode)?;
        let verifier = PkceCodeVerifier::new(pending.verifier);
        let tokens = match bff
            .client()
            .code_grant(code_value, &code.redirect_uri, verifier)
            .await
        {
            Ok(tokens) => tokens,
            Err(error) if matches!(error.kind(), ErrorKind::InvalidGrant { .. }) => {
                return Err(Refusal::CodeRefused(error.into()))
            }
            Err(error) => return Err(Refusal::Unavailable(error.into())),
        };
        let user = start_session(&bff, &session, &tokens, Method::Code).await?;
        // Other tabs' sign-ins are moot now.
        session
            .remove::<String>(CODE_SIGN_INS)
            .await
            .map_err(BffError::from)?;
        Ok(user)
    }
    .await;
    match signed_in {
        Ok(user) => {
            audit!(
                "sign_in",
                outcome = "ok",
                user = user.as_str(),
                actor = user.as_str(),
                address = address.as_str(),
                method = "code",
            );
            Redirect::to(&return_to).into_response()
        }
        Err(refusal) => refused(&bff, &return_to, refusal, &address, &request_id),
    }
}

/// The pending sign-in `state` names, taken out of the session and the session saved
/// at once, so the same `state` cannot be used twice; a session left with nothing is
/// deleted.
async fn take_pending(session: &Session, state: Option<&str>) -> Result<Option<Pending>, BffError> {
    let Some(state) = state else {
        return Ok(None);
    };
    let Some(mut pending) = session_data::read::<Vec<Pending>>(session, CODE_SIGN_INS).await?
    else {
        return Ok(None);
    };
    let now = unix_now();
    let Some(index) = pending.iter().position(|p| p.state == state) else {
        return Ok(None);
    };
    let taken = pending.remove(index);
    pending.retain(|p| p.is_current(now));
    if pending.is_empty() {
        session.remove::<String>(CODE_SIGN_INS).await?;
    } else {
        session_data::write(session, CODE_SIGN_INS, &pending).await?;
    }
    // Before sign-in a session holds only pending sign-ins: with none left it goes.
    let signed_in = session_data::read::<String>(session, SIGN_IN)
        .await?
        .is_some();
    if pending.is_empty() && !signed_in {
        session.flush().await?;
    } else {
        session.save().await?;
    }
    Ok(taken.is_current(now).then_some(taken))
}

/// The one place a refused callback is told: the audit line, and the sign-in page with
/// a plain message.
fn refused(
    bff: &Bff,
    return_to: &str,
    refusal: Refusal,
    address: &str,
    request_id: &str,
) -> Response {
    let (outcome, message) = match &refusal {
        Refusal::Unavailable(_) => ("unavailable", unavailable(request_id)),
        Refusal::IdentityProvider("access_denied") => ("refused", CANCELLED.to_owned()),
        Refusal::IdentityProvider("temporarily_unavailable" | "server_error") => {
            ("unavailable", unavailable(request_id))
        }
        _ => ("refused", DID_NOT_WORK.to_owned()),
    };
    match &refusal {
        // Logged by kind: a session error may quote the session's data.
        Refusal::Unavailable(error) => {
            error.to_app_error(Some(request_id));
        }
        other => tracing::warn!(error = %other, "sign-in at the identity provider refused"),
    }
    audit!(
        "sign_in",
        outcome = outcome,
        user = NOBODY,
        actor = NOBODY,
        address = address,
        method = "code",
        reason = refusal.reason(),
    );
    with_flash(bff, return_to, "", message)
}

fn unavailable(request_id: &str) -> String {
    format!("Signing in is not possible right now. Please try again. (Reference: {request_id})")
}

/// 404 where the identity provider's sign-in is not configured.
fn not_offered() -> Response {
    plain_page::page(
        StatusCode::NOT_FOUND,
        "Sign in",
        "Signing in with a company account is not offered here.",
        ("/sign-in", "Back to sign-in"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_error_codes_are_reported() {
        assert_eq!(known_error("access_denied"), "access_denied");
        assert_eq!(known_error("login_required"), "login_required");
        assert_eq!(known_error("Call 555-0100 now"), "other");
    }

    #[test]
    fn a_pending_sign_in_lasts_ten_minutes() {
        let pending = Pending {
            state: "s".into(),
            verifier: "v".into(),
            return_to: "/".into(),
            started_at: 1_000,
        };
        assert!(pending.is_current(1_000 + PENDING_FOR_SECS));
        assert!(!pending.is_current(1_001 + PENDING_FOR_SECS));
    }
}
