//! Who is calling and for whom: the headers of API.md §3 and the context of §4.
//!
//! Checks, in order: `X-TNGO-TENANT` and `client_id` present (else 400); a bearer
//! token that is known and unexpired (else 401); no header sent twice (else 400); tenant and client id matching the
//! token's (else 403); then the actor. `X-TNGO-CONTEXT-EMPLOYEEID` wins over
//! `X-TNGO-CONTEXT-COMPANYEMPLOYEEID`. Only an admin may act for someone else (403
//! otherwise). An unknown context employee answers 404 to an admin, who may see
//! everyone anyway, and 403 to anyone else, so nobody can probe which ids exist.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::error::{Error, Result};
use crate::seed::{Employee, Seed};
use crate::state::SandboxState;
use crate::store::Grant;

pub const TENANT: &str = "x-tngo-tenant";
pub const CLIENT_ID: &str = "client_id";
pub const CONTEXT_EMPLOYEE_ID: &str = "x-tngo-context-employeeid";
pub const CONTEXT_COMPANY_EMPLOYEE_ID: &str = "x-tngo-context-companyemployeeid";
pub const CONTEXT_ACTIVITY_ID: &str = "x-tngo-context-activityid";
pub const CONTEXT_CORRELATION_ID: &str = "x-tngo-context-correlationid";

/// The authenticated user and the actor of one API call.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    /// Whoever the token belongs to: `requestedBy` of an order.
    pub user: Employee,
    /// On whose behalf the call is made: `accountHolder` of an order; the user
    /// unless a context header says otherwise.
    pub actor: Employee,
    /// The token's grant (client, scope, platform).
    pub grant: Grant,
    /// `X-TNGO-CONTEXT-ACTIVITYID`, if sent.
    pub activity_id: Option<String>,
    /// `X-TNGO-CONTEXT-CORRELATIONID`, if sent.
    pub correlation_id: Option<String>,
}

impl ApiCaller {
    /// Whether the call is made for someone other than the signed-in user.
    pub fn acting_for_other(&self) -> bool {
        self.user.id != self.actor.id
    }

    /// Whether the authenticated user may see this employee's data: admins see
    /// everyone, approvers also the employees they approve, others only themselves.
    pub fn may_see(&self, employee: &Employee) -> bool {
        self.user.admin
            || employee.id == self.user.id
            || (self.user.is_approver && employee.approver.as_deref() == Some(&self.user.id))
    }

    /// [`may_see`](Self::may_see) by employee id; unknown ids are not visible.
    pub fn may_see_id(&self, seed: &Seed, employee_id: &str) -> bool {
        seed.employee(employee_id).is_some_and(|e| self.may_see(e))
    }

    /// The catalog of the actor (API.md §4: the catalog is the actor's catalog).
    pub fn catalog<'a>(&'a self, seed: &'a Seed) -> &'a str {
        seed.catalog_of(&self.actor)
    }
}

/// One header's value; blank counts as absent. Sent twice it is refused: which
/// tenant or actor a call is for must never be ambiguous.
fn header<'a>(headers: &'a HeaderMap, name: &str) -> Result<Option<&'a str>> {
    let mut values = headers.get_all(name).iter();
    let first = values.next();
    if values.next().is_some() {
        return Err(Error::bad_request(
            "Duplicate-Header",
            format!("The {name} header must be sent once."),
        ));
    }
    Ok(first
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty()))
}

/// The token of `Authorization: Bearer <token>` (scheme case-insensitive).
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = header(headers, AUTHORIZATION.as_str()).ok().flatten()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<SandboxState> for ApiCaller {
    type Rejection = Error;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &SandboxState,
    ) -> Result<Self, Self::Rejection> {
        authenticate(&parts.headers, state)
    }
}

/// The checks of the module doc, on a request's headers.
pub fn authenticate(headers: &HeaderMap, state: &SandboxState) -> Result<ApiCaller> {
    let tenant = header(headers, TENANT)?.ok_or_else(|| {
        Error::bad_request("Missing-Tenant", "The X-TNGO-TENANT header is required.")
    })?;
    let client_id = header(headers, CLIENT_ID)?.ok_or_else(|| {
        Error::bad_request("Missing-Client-Id", "The client_id header is required.")
    })?;
    let token = bearer(headers).ok_or_else(|| {
        Error::unauthorized(
            "Missing-Token",
            "An Authorization: Bearer access token is required.",
        )
    })?;
    let now = state.now();
    let grant = state
        .read(|store| store.tokens.access.get(token).cloned())
        .filter(|g| g.expires_at > now)
        .ok_or_else(|| {
            Error::unauthorized(
                "Invalid-Token",
                "The access token is invalid or has expired.",
            )
        })?;
    if !tenant.eq_ignore_ascii_case(&state.config().tenant) {
        return Err(Error::forbidden(
            "Tenant-Not-Allowed",
            format!("The token is not valid for tenant {tenant}."),
        ));
    }
    if client_id != grant.client_id {
        return Err(Error::forbidden(
            "Client-Not-Allowed",
            "The client_id header does not match the token's client.",
        ));
    }
    let seed = state.seed();
    let user = seed.employee(&grant.employee_id).cloned().ok_or_else(|| {
        Error::unauthorized("Invalid-Token", "The token's user no longer exists.")
    })?;
    let actor = resolve_actor(headers, seed, &user)?;
    Ok(ApiCaller {
        user,
        actor,
        grant,
        activity_id: header(headers, CONTEXT_ACTIVITY_ID)?.map(str::to_owned),
        correlation_id: header(headers, CONTEXT_CORRELATION_ID)?.map(str::to_owned),
    })
}

fn resolve_actor(headers: &HeaderMap, seed: &Seed, user: &Employee) -> Result<Employee> {
    let (named, found) = if let Some(id) = header(headers, CONTEXT_EMPLOYEE_ID)? {
        (id, seed.employee(id))
    } else if let Some(company_id) = header(headers, CONTEXT_COMPANY_EMPLOYEE_ID)? {
        (company_id, seed.employee_by_company_id(company_id))
    } else {
        return Ok(user.clone());
    };
    match found {
        Some(actor) if actor.id == user.id => Ok(actor.clone()),
        Some(actor) if user.admin => Ok(actor.clone()),
        None if user.admin => Err(Error::not_found("Employee", named)),
        _ => Err(Error::forbidden(
            "Context-Not-Allowed",
            format!("You may not act on behalf of employee {named}."),
        )),
    }
}
