//! `GET|POST /as/authorization.oauth2`: the checks of the module doc, then a code for
//! whoever the session or the sign-in form names.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use url::Url;

use super::pages::{self, Carried};
use super::{session, CODE_TTL};
use crate::error::Error;
use crate::oauth::{check_credentials, check_scope, random_token};
use crate::pagination::Params;
use crate::pkce;
use crate::state::SandboxState;
use crate::store::AuthorizationCode;

/// An authorization request that checked out.
struct Authorization {
    client_id: String,
    redirect_uri: String,
    state: Option<String>,
    code_challenge: String,
    scope: String,
    prompt: Option<String>,
}

impl Authorization {
    fn carried(&self) -> Carried<'_> {
        Carried {
            client_id: &self.client_id,
            redirect_uri: &self.redirect_uri,
            state: self.state.as_deref(),
            code_challenge: &self.code_challenge,
            scope: &self.scope,
        }
    }

    /// Back to the client with an RFC 6749 §4.1.2.1 error.
    fn refuse(&self, error: &'static str, description: &str) -> Refusal {
        Refusal::Redirect {
            redirect_uri: self.redirect_uri.clone(),
            state: self.state.clone(),
            error,
            description: description.to_owned(),
        }
    }
}

/// Why a request goes no further.
enum Refusal {
    /// The client or redirect URI is not valid: the identity provider's page, 400.
    Page(String),
    /// Back to the (registered) redirect URI with `error`.
    Redirect {
        redirect_uri: String,
        state: Option<String>,
        error: &'static str,
        description: String,
    },
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::Page(message) => pages::refused(&message),
            Self::Redirect {
                redirect_uri,
                state,
                error,
                description,
            } => {
                let mut answer = vec![("error", error), ("error_description", &description)];
                if let Some(state) = &state {
                    answer.push(("state", state));
                }
                found(&redirect_uri, &answer)
            }
        }
    }
}

/// 302 to `uri` with `pairs` added to its query.
fn found(uri: &str, pairs: &[(&str, &str)]) -> Response {
    let Ok(mut url) = Url::parse(uri) else {
        return pages::refused("The redirect URI is not a URL.");
    };
    url.query_pairs_mut().extend_pairs(pairs);
    match HeaderValue::from_str(url.as_str()) {
        Ok(location) => (
            StatusCode::FOUND,
            [
                (header::LOCATION, location),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
        )
            .into_response(),
        Err(_) => pages::refused("The redirect URI is not a URL."),
    }
}

/// The parameters of RFC 6749 §4.1.1 and RFC 7636 §4.3 that may come once only.
const SINGLE: [&str; 8] = [
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
    "prompt",
];

fn check(state: &SandboxState, params: &Params) -> Result<Authorization, Refusal> {
    let twice = |name: &str| params.pairs().filter(|(k, _)| *k == name).count() > 1;
    let client_id = match params.get("client_id") {
        _ if twice("client_id") => return Err(Refusal::Page("client_id was sent twice.".into())),
        None => {
            return Err(Refusal::Page(
                "The request names no client (client_id).".into(),
            ))
        }
        Some(id) if !state.clients().exists(id) => {
            return Err(Refusal::Page(format!("{id:?} is not a registered client.")))
        }
        Some(id) => id.to_owned(),
    };
    let redirect_uri = match params.get("redirect_uri") {
        _ if twice("redirect_uri") => {
            return Err(Refusal::Page("redirect_uri was sent twice.".into()))
        }
        None => return Err(Refusal::Page("The request has no redirect_uri.".into())),
        Some(uri) if !state.clients().redirect_uri_registered(&client_id, uri) => {
            return Err(Refusal::Page(format!(
                "{uri:?} is not a redirect URI registered for {client_id}."
            )))
        }
        Some(uri) => uri.to_owned(),
    };
    let mut authorization = Authorization {
        client_id,
        redirect_uri,
        state: params.get("state").map(str::to_owned),
        code_challenge: String::new(),
        scope: String::new(),
        prompt: params.get("prompt").map(str::to_owned),
    };
    if let Some(name) = SINGLE.iter().find(|name| twice(name)) {
        return Err(authorization.refuse("invalid_request", &format!("{name} was sent twice.")));
    }
    match params.get("response_type") {
        None => return Err(authorization.refuse("invalid_request", "response_type is required.")),
        Some("code") => {}
        Some(_) => {
            return Err(authorization.refuse(
                "unsupported_response_type",
                "Only response_type=code is supported.",
            ))
        }
    }
    authorization.scope = match check_scope(params) {
        Ok(scope) => scope,
        Err(Error::OAuth { description, .. }) => {
            return Err(authorization.refuse("invalid_scope", &description))
        }
        Err(_) => return Err(authorization.refuse("invalid_scope", "Unknown scope.")),
    };
    let challenge = params.get("code_challenge").map(str::to_owned);
    match (challenge, params.get("code_challenge_method")) {
        (None, _) => Err(authorization.refuse(
            "invalid_request",
            "PKCE is required: send code_challenge and code_challenge_method=S256.",
        )),
        (Some(_), method) if method != Some(pkce::S256) => {
            Err(authorization.refuse("invalid_request", "code_challenge_method must be S256."))
        }
        (Some(challenge), _) if !pkce::valid_challenge(&challenge) => Err(authorization.refuse(
            "invalid_request",
            "code_challenge is not an S256 challenge (43 base64url characters).",
        )),
        (Some(challenge), _) => {
            authorization.code_challenge = challenge;
            Ok(authorization)
        }
    }
}

/// A code for `employee_id`, and the redirect that carries it.
fn grant(
    state: &SandboxState,
    authorization: &Authorization,
    employee_id: &str,
    platform: &str,
) -> Response {
    let code = random_token();
    let now = state.now();
    let issued = AuthorizationCode {
        employee_id: employee_id.to_owned(),
        platform: platform.to_owned(),
        client_id: authorization.client_id.clone(),
        redirect_uri: authorization.redirect_uri.clone(),
        code_challenge: authorization.code_challenge.clone(),
        scope: authorization.scope.clone(),
        grant_id: uuid::Uuid::new_v4().to_string(),
        expires_at: now + CODE_TTL,
        used: false,
    };
    let stored = state.write(|store| {
        store.tokens.codes.retain(|_, c| c.expires_at > now);
        store.tokens.codes.insert(code.clone(), issued);
    });
    if let Err(error) = stored {
        return error.into_response();
    }
    let mut answer = vec![("code", code.as_str())];
    if let Some(state) = &authorization.state {
        answer.push(("state", state));
    }
    found(&authorization.redirect_uri, &answer)
}

/// `GET`: a session signs in at once (unless `prompt=login`); else the form.
pub async fn start(
    State(state): State<SandboxState>,
    headers: HeaderMap,
    params: Params,
) -> Response {
    let authorization = match check(&state, &params) {
        Ok(authorization) => authorization,
        Err(refusal) => return refusal.into_response(),
    };
    let session = session::current(&state, &headers);
    match (authorization.prompt.as_deref(), session) {
        (Some("login"), _) => pages::sign_in(&state, &authorization.carried(), None, ""),
        (_, Some(session)) => grant(
            &state,
            &authorization,
            &session.employee_id,
            &session.platform,
        ),
        (Some("none"), None) => authorization
            .refuse(
                "login_required",
                "Nobody is signed in at the identity provider.",
            )
            .into_response(),
        (_, None) => pages::sign_in(&state, &authorization.carried(), None, ""),
    }
}

/// `POST`: the sign-in form. "Cancel" answers `access_denied`.
pub async fn sign_in(State(state): State<SandboxState>, body: Bytes) -> Response {
    let params = Params::parse(std::str::from_utf8(&body).ok());
    let authorization = match check(&state, &params) {
        Ok(authorization) => authorization,
        Err(refusal) => return refusal.into_response(),
    };
    if params.get("action") == Some("cancel") {
        return authorization
            .refuse("access_denied", "The user cancelled the sign-in.")
            .into_response();
    }
    let username = params.get("username").unwrap_or_default();
    let password = params.get("password").unwrap_or_default();
    let Some((employee, platform)) = check_credentials(&state, username, password) else {
        return pages::sign_in(
            &state,
            &authorization.carried(),
            Some("The username or password is not right."),
            username,
        );
    };
    let cookie = match session::start(&state, &employee.id, platform) {
        Ok(cookie) => cookie,
        Err(error) => return error.into_response(),
    };
    let mut response = grant(&state, &authorization, &employee.id, platform);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
}
