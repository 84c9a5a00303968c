//! Ordering on behalf of another employee (API.md §3–§4): MOBPROC decides who may,
//! the BFF keeps whom in the session and sends it as `X-TNGO-CONTEXT-EMPLOYEEID` on
//! every call (through the caller's context). The browser only ever names an employee
//! id.
//!
//! Searching is bounded work: an exact email, company employee id or MOBPROC id is one
//! call with MOBPROC's own filter; anything else walks `/employees` for at most
//! [`MAX_PAGES`] pages, says so when that was not all of them, and serves the next
//! pages of the same search from that walk for a minute.

use std::{sync::Arc, time::Duration};

use app::{
    backend::acting::ActingBackend,
    error::AppError,
    model::acting::{EmployeeResult, EmployeeSearch},
};
use mobproc::{
    client::{collection, EmployeeQuery, ErrorKind},
    model::Employee,
};

use super::{
    caller::Caller,
    error::BffError,
    present::full_name,
    session_data::{self, ActingFor, ACTING_FOR},
    Bff,
};
use crate::audit;

/// Employees shown per page of a search.
const PAGE_SIZE: usize = 20;
/// `/employees` is walked this many at a time…
const EMPLOYEES_PER_CALL: u32 = 100;
/// …for at most this many pages (1,000 employees) per search.
const MAX_PAGES: usize = 10;
/// A walk serves the next pages of its search for this long.
const WALK_KEPT_FOR: Duration = Duration::from_secs(60);
const WALKS_KEPT: u64 = 1_000;

/// What one search found at MOBPROC: the employees to match, and whether that was all
/// of them.
struct Walk {
    employees: Vec<Employee>,
    complete: bool,
}

/// Recent walks, by searcher and search; an expiring cache, so another instance (or a
/// minute later) walks again.
#[derive(Clone)]
pub struct EmployeeSearches {
    walks: moka::future::Cache<(String, String), Arc<Walk>>,
}

impl EmployeeSearches {
    pub fn new() -> Self {
        Self {
            walks: moka::future::Cache::builder()
                .max_capacity(WALKS_KEPT)
                .time_to_live(WALK_KEPT_FOR)
                .build(),
        }
    }
}

/// Refuses anyone MOBPROC does not let act for others, before any call made for them.
async fn may_act(caller: &Caller) -> Result<(), BffError> {
    if caller.own_permissions().await?.can_act_for_others {
        Ok(())
    } else {
        Err(BffError::User(AppError::Forbidden))
    }
}

/// "First Last", or the id when MOBPROC gave no name.
fn name_of(employee: &Employee) -> String {
    let name = full_name(employee);
    if name.is_empty() {
        employee.id.clone()
    } else {
        name
    }
}

fn department(employee: &Employee) -> Option<String> {
    employee
        .department
        .as_ref()
        .map(|d| d.name.clone().unwrap_or_else(|| d.id.clone()))
}

/// Whether `employee` matches the search `needle` (lower case): by name, email or
/// company employee id, or exactly by MOBPROC id.
fn matches(employee: &Employee, needle: &str) -> bool {
    needle.is_empty()
        || employee.id == needle
        || [
            Some(name_of(employee)),
            employee.email.clone(),
            employee.company_employee_id.clone(),
        ]
        .into_iter()
        .flatten()
        .any(|field| field.to_lowercase().contains(needle))
}

/// An employee as a search shows them.
pub fn result_of(employee: &Employee) -> EmployeeResult {
    EmployeeResult {
        id: employee.id.clone(),
        name: name_of(employee),
        department: department(employee),
        email: employee.email.clone(),
        company_employee_id: employee.company_employee_id.clone(),
    }
}

/// Page `page` of the matches other than `me`, `PAGE_SIZE` at a time.
fn search_page(employees: Vec<Employee>, me: &str, query: &str, page: usize) -> EmployeeSearch {
    let needle = query.trim().to_lowercase();
    let mut found: Vec<EmployeeResult> = employees
        .iter()
        .filter(|e| e.id != me && matches(e, &needle))
        .map(result_of)
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let total = found.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let results = found
        .into_iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    EmployeeSearch {
        query: query.trim().to_owned(),
        results,
        total,
        page,
        pages,
        incomplete: false,
    }
}

#[async_trait::async_trait]
impl ActingBackend for Bff {
    async fn search_employees(
        &self,
        query: String,
        page: usize,
    ) -> Result<EmployeeSearch, AppError> {
        let caller = self.caller().await?;
        caller.answer(search(&caller, &query, page).await)
    }

    async fn start_acting(&self, employee_id: String) -> Result<(), AppError> {
        let caller = self.caller().await?;
        caller.answer(start(&caller, &employee_id).await)
    }

    async fn stop_acting(&self) -> Result<(), AppError> {
        let caller = self.caller().await?;
        caller.answer(stop(&caller).await)
    }
}

async fn search(caller: &Caller, query: &str, page: usize) -> Result<EmployeeSearch, BffError> {
    may_act(caller).await?;
    find(caller, query, page).await
}

/// Page `page` of the employees (other than the signed-in person) the person may see
/// whose name, email or company employee id contains `query`.
pub async fn find(caller: &Caller, query: &str, page: usize) -> Result<EmployeeSearch, BffError> {
    let query = query.trim();
    let key = (caller.party().user_id.clone(), query.to_lowercase());
    // Concurrent views of one search wait for one walk.
    let walk = caller
        .bff()
        .employee_searches()
        .walks
        .try_get_with(key, async {
            walk(caller, query)
                .await
                .map(Arc::new)
                .map_err(|error| error.to_app_error(Some(caller.request_id())))
        })
        .await
        .map_err(|error| BffError::User((*error).clone()))?;
    let mut found = search_page(walk.employees.clone(), &caller.party().user_id, query, page);
    found.incomplete = !walk.complete;
    Ok(found)
}

/// The employees `query` may match, with the person's own rights: the one an exact
/// filter finds, else the first pages of `/employees` (walked by their `_meta` links).
async fn walk(caller: &Caller, query: &str) -> Result<Walk, BffError> {
    if let Some(employee) = exactly(caller, query).await? {
        return Ok(Walk {
            employees: vec![employee],
            complete: true,
        });
    }
    let all = EmployeeQuery {
        limit: Some(EMPLOYEES_PER_CALL),
        ..EmployeeQuery::default()
    };
    let walked = caller
        .api_as_user()
        .walk(&collection::EMPLOYEES, &all, MAX_PAGES)
        .await?;
    Ok(Walk {
        employees: walked.items,
        complete: walked.complete,
    })
}

/// The employee `query` names exactly, by MOBPROC's own filters: a MOBPROC id (all
/// digits), or a company employee id or email (one word with `@` or `.`).
async fn exactly(caller: &Caller, query: &str) -> Result<Option<Employee>, BffError> {
    let api = caller.api_as_user();
    let found = if !query.is_empty() && query.chars().all(|c| c.is_ascii_digit()) {
        api.employee(query).await.map(Some)
    } else if !query.contains(char::is_whitespace) && query.contains(['@', '.']) {
        let by_company_id = EmployeeQuery {
            company_employee_id: Some(query.to_owned()),
            limit: Some(1),
            ..EmployeeQuery::default()
        };
        api.page(&collection::EMPLOYEES, &by_company_id)
            .await
            .map(|listing| listing.into_items().into_iter().next())
    } else {
        return Ok(None);
    };
    match found {
        Err(BffError::Mobproc(error))
            if matches!(
                error.kind(),
                ErrorKind::NotFound(_) | ErrorKind::Forbidden(_)
            ) =>
        {
            Ok(None)
        }
        other => other,
    }
}

async fn start(caller: &Caller, employee_id: &str) -> Result<(), BffError> {
    let refused = |why: &str| {
        audit!(
            "context_switch",
            outcome = "refused",
            user = caller.party().user_id.as_str(),
            actor = employee_id,
            reason = why,
            correlation_id = caller.request_id(),
        );
    };
    if let Err(error) = may_act(caller).await {
        refused("may not act for others");
        return Err(error);
    }
    if employee_id == caller.party().user_id {
        return stop(caller).await;
    }
    let employee = match caller.api_as_user().employee(employee_id).await {
        Ok(employee) => employee,
        Err(error) => {
            refused("MOBPROC refused the employee");
            return Err(error);
        }
    };
    let acting = ActingFor {
        employee_id: employee.id.clone(),
        name: name_of(&employee),
        department: department(&employee),
        activity_id: uuid::Uuid::new_v4().to_string(),
        permissions: None,
    };
    session_data::write(caller.session(), ACTING_FOR, &acting).await?;
    audit!(
        "context_switch",
        outcome = "ok",
        user = caller.party().user_id.as_str(),
        actor = acting.employee_id.as_str(),
        activity_id = acting.activity_id.as_str(),
        correlation_id = caller.request_id(),
    );
    Ok(())
}

async fn stop(caller: &Caller) -> Result<(), BffError> {
    if let Some(acting) = session_data::take::<ActingFor>(caller.session(), ACTING_FOR).await? {
        audit!(
            "context_end",
            outcome = "ok",
            user = caller.party().user_id.as_str(),
            actor = acting.employee_id.as_str(),
            correlation_id = caller.request_id(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn employee(id: &str, first: &str, last: &str, email: &str) -> Employee {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "firstName": first,
            "lastName": last,
            "email": email,
            "companyEmployeeId": email,
            "department": { "id": "D1", "name": "Sales" }
        }))
        .unwrap()
    }

    fn staff() -> Vec<Employee> {
        vec![
            employee(
                "48068987",
                "James",
                "Carpenter",
                "james.carpenter@example.com",
            ),
            employee(
                "48068931",
                "Barbara",
                "Andrews",
                "barbara.andrews@example.com",
            ),
            employee("28673732", "Peter", "Edwards", "peter.edwards@acme.com"),
        ]
    }

    #[test]
    fn a_part_of_a_name_email_or_id_finds_people_in_name_order() {
        let names = |query: &str| -> Vec<String> {
            search_page(staff(), "0", query, 1)
                .results
                .into_iter()
                .map(|r| r.name)
                .collect()
        };
        assert_eq!(names("barb"), ["Barbara Andrews"]);
        assert_eq!(
            names("  EXAMPLE.com "),
            ["Barbara Andrews", "James Carpenter"]
        );
        assert_eq!(names("28673732"), ["Peter Edwards"]);
        assert_eq!(
            names(""),
            ["Barbara Andrews", "James Carpenter", "Peter Edwards"]
        );
        assert!(names("nobody").is_empty());
        let found = search_page(staff(), "0", "barb", 1);
        let others = search_page(staff(), "28673732", "", 1);
        assert_eq!(others.total, 2, "the searcher is not among the results");
        assert_eq!(found.results[0].department.as_deref(), Some("Sales"));
        assert_eq!(found.results[0].id, "48068931");
    }

    #[test]
    fn matches_come_in_pages_of_twenty() {
        let many: Vec<Employee> = (0..45)
            .map(|n| employee(&format!("{n:03}"), "Ann", &format!("Number {n:02}"), "a@x"))
            .collect();
        let second = search_page(many.clone(), "x", "ann", 2);
        assert_eq!((second.total, second.page, second.pages), (45, 2, 3));
        assert_eq!(second.results.len(), 20);
        assert_eq!(second.results[0].name, "Ann Number 20");
        let beyond = search_page(many, "x", "ann", 9);
        assert_eq!((beyond.page, beyond.results.len()), (3, 5));
    }
}
