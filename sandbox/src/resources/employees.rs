//! `GET /employees` and `/employees/{id}`: the employees the caller may see (an admin
//! everyone, an approver also those it approves, anyone else themselves), e.g. to
//! choose an actor.

use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use mobproc::model::{Employee, Page};

use super::{contains_lowercase, filtered_employee, Named};
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::links::Links;
use crate::pagination::{paginate_with, Params};
use crate::present::Presenter;
use crate::seed;
use crate::state::SandboxState;

/// When the seeded employees were last changed, for `dateTimeUpdatedOnOrAfter`.
const SEED_UPDATED: &str = "2016-01-04T00:00:00Z";

fn parse_instant(raw: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc())
        })
}

pub async fn list(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
) -> Result<Json<Named<Page<Employee>>>> {
    let seed = state.seed();
    let mut found: Vec<&seed::Employee> = match filtered_employee(seed, &caller, &params)? {
        Some(e) => vec![e],
        None => seed
            .employees
            .iter()
            .filter(|e| caller.may_see(e))
            .collect(),
    };
    if let Some(q) = params.get_any(&["q", "name"]) {
        let q = q.to_lowercase();
        found.retain(|e| {
            contains_lowercase(&e.full_name(), &q)
                || contains_lowercase(&e.company_employee_id, &q)
                || e.email
                    .as_deref()
                    .is_some_and(|m| contains_lowercase(m, &q))
        });
    }
    if let Some(raw) = params.get("dateTimeUpdatedOnOrAfter") {
        let since = parse_instant(raw).ok_or_else(|| {
            Error::bad_request(
                "Invalid-Date",
                "dateTimeUpdatedOnOrAfter must be an ISO 8601 date or date-time.",
            )
        })?;
        let updated = parse_instant(SEED_UPDATED);
        found.retain(|_| updated.is_some_and(|u| u >= since));
    }
    match params.get("sort") {
        None => {}
        Some("lastName") => {
            found.sort_by(|a, b| (&a.last_name, &a.first_name).cmp(&(&b.last_name, &b.first_name)))
        }
        Some("firstName") => {
            found.sort_by(|a, b| (&a.first_name, &a.last_name).cmp(&(&b.first_name, &b.last_name)))
        }
        Some("id") => found.sort_by(|a, b| a.id.cmp(&b.id)),
        Some(other) => {
            return Err(Error::bad_request(
                "Invalid-Sort",
                format!("Cannot sort by {other:?}; use lastName, firstName or id."),
            ))
        }
    }
    if params
        .get("sortAscending")
        .is_some_and(|v| v.eq_ignore_ascii_case("false"))
    {
        found.reverse();
    }
    let present = Presenter::new(seed, &links);
    Ok(Json(Named::new(
        "employees",
        paginate_with(found, &params, &links, "/employees", |e| {
            present.employee_item(e)
        })?,
    )))
}

pub async fn detail(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    Path(id): Path<String>,
) -> Result<Json<Employee>> {
    let seed = state.seed();
    let employee = seed
        .employee(&id)
        .filter(|e| caller.may_see(e))
        .ok_or_else(|| Error::not_found("Employee", &id))?;
    Ok(Json(Presenter::new(seed, &links).employee_item(employee)))
}
