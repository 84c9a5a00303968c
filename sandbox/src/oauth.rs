//! The PingFederate-style OAuth server of API.md §2: `POST /as/token.oauth2` (password,
//! refresh_token, authorization_code and validate_bearer grants) and
//! `POST /as/revoke_token.oauth2` (RFC 7009). Parameters come in the query string (as
//! the docs send them) or a form body; the body wins when both name one. The client
//! authenticates with `client_id`/`client_secret` parameters or HTTP Basic.
//!
//! `authorization_code` exchanges a code of the identity provider ([`crate::idp`]) with
//! `code`, `redirect_uri` and `code_verifier`: the same tokens as the password grant
//! for that user. A code is single use (a second use also revokes what the first
//! issued), expires 60 s after it was issued by the sandbox clock, and is bound to its
//! client, redirect URI and S256 challenge; anything else is `invalid_grant`.
//!
//! Tokens are 32 random bytes, base64url. Refresh tokens rotate: a refresh answers a
//! new pair and the old refresh token stops working (the old access token lives out
//! its time). Revoking either token of a pair revokes both.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use mobproc::model::{TokenIdentity, TokenResponse, TokenValidation};
use rand::RngCore;

use crate::error::{Error, Result};
use crate::journal::Pkce;
use crate::pagination::Params;
use crate::pkce;
use crate::seed::Employee;
use crate::state::SandboxState;
use crate::store::Grant;

/// The only scope MOBPROC knows.
pub const SCOPE: &str = "MOBPROC";
pub const VALIDATE_GRANT: &str = "urn:pingidentity.com:oauth2:grant_type:validate_bearer";

/// The token endpoint's path.
pub const TOKEN_PATH: &str = "/as/token.oauth2";

pub fn routes() -> Router<SandboxState> {
    Router::new()
        .route(TOKEN_PATH, post(token))
        .route("/as/revoke_token.oauth2", post(revoke))
}

/// Query string and form body together, body first.
pub(crate) fn parameters(query: Option<&str>, body: &[u8]) -> Params {
    let body = std::str::from_utf8(body).unwrap_or_default();
    match (body.trim().is_empty(), query) {
        (true, query) => Params::parse(query),
        (false, Some(query)) if !query.is_empty() => {
            Params::parse(Some(&format!("{body}&{query}")))
        }
        (false, _) => Params::parse(Some(body)),
    }
}

pub(crate) fn invalid_request(description: &str) -> Error {
    Error::oauth(StatusCode::BAD_REQUEST, "invalid_request", description)
}

fn invalid_grant(description: &str) -> Error {
    Error::oauth(StatusCode::BAD_REQUEST, "invalid_grant", description)
}

/// The client's id, once its credentials check out.
fn authenticate_client(
    state: &SandboxState,
    headers: &HeaderMap,
    params: &Params,
) -> Result<String> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .and_then(|(_, encoded)| STANDARD.decode(encoded.trim()).ok())
        .and_then(|raw| String::from_utf8(raw).ok());
    let (id, secret) = match &basic {
        Some(pair) => pair
            .split_once(':')
            .map(|(id, secret)| (Some(id), Some(secret)))
            .unwrap_or((None, None)),
        None => (params.get("client_id"), params.get("client_secret")),
    };
    match (id, secret) {
        (Some(id), Some(secret)) if state.clients().authenticate(id, secret) => Ok(id.to_owned()),
        (None, _) => Err(invalid_request("client_id is required.")),
        _ => Err(Error::oauth(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed.",
        )),
    }
}

/// 32 random bytes, base64url: tokens, codes, session ids.
pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `scope` (space-separated) asks for MOBPROC and nothing else; absent means MOBPROC.
pub(crate) fn check_scope(params: &Params) -> Result<String> {
    match params.get("scope") {
        None => Ok(SCOPE.to_owned()),
        Some(scope)
            if scope
                .split(' ')
                .filter(|s| !s.is_empty())
                .all(|s| s == SCOPE) =>
        {
            Ok(SCOPE.to_owned())
        }
        Some(scope) => Err(Error::oauth(
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            format!("Unknown scope {scope:?}; this server grants {SCOPE}."),
        )),
    }
}

fn no_store(body: impl serde::Serialize) -> Response {
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::PRAGMA, "no-cache"),
        ],
        Json(body),
    )
        .into_response()
}

async fn token(
    State(state): State<SandboxState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let params = parameters(query.as_deref(), &body);
    let mut pkce = None;
    let mut response = answer_token(&state, &headers, &params, &mut pkce).into_response();
    // For the call journal: how a code exchange fared with PKCE.
    if let Some(pkce) = pkce {
        response.extensions_mut().insert(pkce);
    }
    response
}

fn answer_token(
    state: &SandboxState,
    headers: &HeaderMap,
    params: &Params,
    pkce: &mut Option<Pkce>,
) -> Result<Response> {
    let grant_type = params
        .get("grant_type")
        .ok_or_else(|| invalid_request("grant_type is required."))?;
    let client_id = authenticate_client(state, headers, params)?;
    match grant_type {
        "password" => password_grant(state, params, client_id).map(no_store),
        "refresh_token" => refresh_grant(state, params, &client_id).map(no_store),
        "authorization_code" => code_grant(state, params, &client_id, pkce).map(no_store),
        VALIDATE_GRANT => validate(state, params, &client_id).map(no_store),
        other => Err(Error::oauth(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!("Grant type {other:?} is not supported."),
        )),
    }
}

fn password_grant(
    state: &SandboxState,
    params: &Params,
    client_id: String,
) -> Result<TokenResponse> {
    let scope = check_scope(params)?;
    let username = params
        .get("username")
        .ok_or_else(|| invalid_request("username is required."))?;
    let password = params
        .get("password")
        .ok_or_else(|| invalid_request("password is required."))?;
    let (employee, platform) = check_credentials(state, username, password)
        .ok_or_else(|| invalid_grant("Invalid username or password."))?;
    let grant = Grant {
        employee_id: employee.id.clone(),
        client_id,
        scope,
        platform: platform.to_owned(),
        grant_id: uuid::Uuid::new_v4().to_string(),
        expires_at: state.now(),
    };
    issue(state, grant, None)
}

/// The active employee a username and password sign in, and the username's platform.
/// One answer (`None`) for an unknown user and a wrong password: no account probing.
pub(crate) fn check_credentials<'s>(
    state: &'s SandboxState,
    username: &str,
    password: &str,
) -> Option<(&'s Employee, &'static str)> {
    let seed = state.seed();
    seed.employee_by_username(username.trim())
        .filter(|(employee, _)| password == seed.tenant.password && employee.status == "ACTIVE")
}

/// RFC 6749 §4.1.3 with RFC 7636 §4.6: the code, its client, its redirect URI and the
/// verifier of its challenge. The code is spent by any attempt.
fn code_grant(
    state: &SandboxState,
    params: &Params,
    client_id: &str,
    pkce: &mut Option<Pkce>,
) -> Result<TokenResponse> {
    let code = params
        .get("code")
        .ok_or_else(|| invalid_request("code is required."))?;
    let verifier = params.get("code_verifier");
    *pkce = Some(if verifier.is_some() {
        Pkce::Failed
    } else {
        Pkce::Absent
    });
    let now = state.now();
    let refused =
        || invalid_grant("The authorization code is invalid, expired, used, or not yours.");
    let issued = state.write(|store| {
        let found = store.tokens.codes.get_mut(code)?;
        if found.used {
            // RFC 6749 §4.1.2: a code used twice revokes what it was exchanged for.
            let grant = found.grant_id.clone();
            store.tokens.revoke_grant(&grant);
            return None;
        }
        found.used = true;
        Some(found.clone())
    })?;
    let issued = issued.filter(|c| c.expires_at > now).ok_or_else(refused)?;
    if issued.client_id != client_id || params.get("redirect_uri") != Some(&issued.redirect_uri) {
        return Err(refused());
    }
    if !verifier.is_some_and(|v| pkce::verifies(v, &issued.code_challenge)) {
        return Err(invalid_grant(
            "The code_verifier does not match the code_challenge.",
        ));
    }
    *pkce = Some(Pkce::Verified);
    let active = state
        .seed()
        .employee(&issued.employee_id)
        .is_some_and(|e| e.status == "ACTIVE");
    if !active {
        return Err(refused());
    }
    let grant = Grant {
        employee_id: issued.employee_id,
        client_id: issued.client_id,
        scope: issued.scope,
        platform: issued.platform,
        grant_id: issued.grant_id,
        expires_at: now,
    };
    issue(state, grant, None)
}

fn refresh_grant(state: &SandboxState, params: &Params, client_id: &str) -> Result<TokenResponse> {
    let old = params
        .get("refresh_token")
        .ok_or_else(|| invalid_request("refresh_token is required."))?;
    let scope = check_scope(params)?;
    let now = state.now();
    let grant = state
        .read(|store| store.tokens.refresh.get(old).cloned())
        .filter(|g| g.expires_at > now && g.client_id == client_id && g.scope == scope)
        .ok_or_else(|| invalid_grant("The refresh token is invalid, expired or revoked."))?;
    issue(state, grant, Some(old))
}

/// Stores a new access and refresh token for `grant`, retiring `rotated`.
fn issue(state: &SandboxState, grant: Grant, rotated: Option<&str>) -> Result<TokenResponse> {
    let config = state.config();
    let now = state.now();
    let access_token = random_token();
    let refresh_token = random_token();
    let access = Grant {
        expires_at: expiry(now, config.token_ttl_secs),
        ..grant.clone()
    };
    let refresh = Grant {
        expires_at: expiry(now, config.refresh_token_ttl_secs),
        ..grant
    };
    state.try_write(|store| {
        if let Some(old) = rotated {
            // Two refreshes racing with one token: only the first wins.
            if store.tokens.refresh.remove(old).is_none() {
                return Err(invalid_grant(
                    "The refresh token is invalid, expired or revoked.",
                ));
            }
        }
        // Now and then, not on every sign-in: pruning walks every token.
        if store.tokens.access.len() % 256 == 0 {
            store.tokens.prune(now);
        }
        store.tokens.access.insert(access_token.clone(), access);
        store.tokens.refresh.insert(refresh_token.clone(), refresh);
        Ok(())
    })?;
    Ok(TokenResponse {
        token_type: "Bearer".to_owned(),
        expires_in: config.token_ttl_secs,
        access_token,
        refresh_token: Some(refresh_token),
    })
}

/// `now` plus a lifetime; lifetimes beyond the calendar mean "never expires".
fn expiry(now: DateTime<Utc>, secs: u64) -> DateTime<Utc> {
    i64::try_from(secs)
        .ok()
        .and_then(Duration::try_seconds)
        .and_then(|ttl| now.checked_add_signed(ttl))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn validate(state: &SandboxState, params: &Params, client_id: &str) -> Result<TokenValidation> {
    let token = params
        .get("token")
        .ok_or_else(|| invalid_request("token is required."))?;
    let now = state.now();
    let grant = state
        .read(|store| store.tokens.access.get(token).cloned())
        .filter(|g| g.expires_at > now && g.client_id == client_id)
        .ok_or_else(|| invalid_grant("The access token is invalid or has expired."))?;
    let identifier = state
        .seed()
        .employee(&grant.employee_id)
        .map(|e| e.company_employee_id.clone());
    Ok(TokenValidation {
        scope: Some(grant.scope),
        expires_in: u64::try_from((grant.expires_at - now).num_seconds()).unwrap_or(0),
        client_id: Some(grant.client_id),
        access_token: TokenIdentity {
            platform: Some(grant.platform),
            tenant: Some(state.config().tenant.clone()),
            multitenant: Some("false".to_owned()),
            domain: Some("*".to_owned()),
            identity_provider: Some(state.seed().tenant.identity_provider.clone()),
            identifier,
        },
    })
}

/// RFC 7009: 200 whether or not the token was known; only the client's own tokens go.
async fn revoke(
    State(state): State<SandboxState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response> {
    let params = parameters(query.as_deref(), &body);
    let client_id = authenticate_client(&state, &headers, &params)?;
    let token = params
        .get("token")
        .ok_or_else(|| invalid_request("token is required."))?
        .to_owned();
    state.write(|store| {
        let owner = store
            .tokens
            .access
            .get(&token)
            .or_else(|| store.tokens.refresh.get(&token))
            .map(|g| g.client_id.clone());
        if owner.as_deref() == Some(client_id.as_str()) {
            store.tokens.revoke(&token);
        }
    })?;
    Ok(StatusCode::OK.into_response())
}
