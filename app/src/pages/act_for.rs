use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::{error_notice::ErrorNotice, pending::PendingScope},
    error::AppError,
    links,
    model::acting::{EmployeeResult, EmployeeSearch},
    server_fns::acting::{search_employees, StartActing},
};

/// `/act-for?q=…&page=N`: find an employee to order for. Picking one posts only their
/// id; the BFF asks MOBPROC about them with the signed-in person's own rights.
#[component]
pub fn ActForPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse().ok());
    let search = Resource::new(move || (q(), page()), |(q, page)| search_employees(q, page));
    // A refused switch comes back in the URL (without JavaScript) or as the value.
    let start = ServerAction::<StartActing>::new();
    view! {
        <Title text="Order for someone else"/>
        <h1>"Order for someone else"</h1>
        {move || start.value().get().and_then(Result::err).map(|error| view! { <SwitchRefused error/> })}
        <Suspense fallback=|| view! { <p aria-busy="true">"Looking for employees…"</p> }>
            {move || Suspend::new(async move {
                match search.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(found) => view! { <EmployeeSearchView found start/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SwitchRefused(error: AppError) -> impl IntoView {
    error.set_response_status();
    let message = match error {
        AppError::Forbidden => "MOBPROC does not let you order for that person.".to_owned(),
        AppError::NotFound => "That person was not found.".to_owned(),
        other => other.to_string(),
    };
    view! { <p class="alert" role="alert">{message}</p> }
}

#[component]
fn EmployeeSearchView(found: EmployeeSearch, start: ServerAction<StartActing>) -> impl IntoView {
    let query = found.query.clone();
    let summary = match (found.total, query.is_empty()) {
        (0, true) => "No employees to choose from.".to_owned(),
        (0, false) => format!("No one matches \u{201c}{query}\u{201d}."),
        (1, _) => "1 employee.".to_owned(),
        (n, _) => format!("{n} employees."),
    };
    let href = {
        let query = query.clone();
        move |page: usize| format!("/act-for?q={}&page={page}", links::encode(&query))
    };
    let previous = (found.page > 1).then(|| href(found.page - 1));
    let next = (found.page < found.pages).then(|| href(found.page + 1));
    view! {
        <div class="employee-search" role="search">
            <PendingScope busy="Searching…".to_string()>
            <form method="get" action="/act-for">
                <div class="field search-field">
                    <label for="employee-q">"Name, email or employee id"</label>
                    <input id="employee-q" name="q" type="search" value=query/>
                </div>
                <button type="submit">"Search"</button>
            </form>
            </PendingScope>
        </div>
        <p role="status">{summary}</p>
        {found.incomplete.then(|| view! {
            <p class="notice">"Not every employee could be searched: please refine your search. An exact email address or employee id finds anyone."</p>
        })}
        <ul class="people" aria-label="Employees">
            {found.results.into_iter().map(|employee| view! { <EmployeeCard employee start/> }).collect_view()}
        </ul>
        {(previous.is_some() || next.is_some()).then(|| view! {
            <nav class="pager" aria-label="Pages">
                <ul>
                    {previous.map(|href| view! { <li><a href=href rel="prev">"Previous page"</a></li> })}
                    {next.map(|href| view! { <li><a href=href rel="next">"Next page"</a></li> })}
                </ul>
            </nav>
        })}
    }
}

#[component]
fn EmployeeCard(employee: EmployeeResult, start: ServerAction<StartActing>) -> impl IntoView {
    let name = employee.name.clone();
    view! {
        <li class="employee">
            <h2>{employee.name.clone()}</h2>
            <dl class="facts">
                {employee.department.map(|d| view! { <dt>"Department"</dt><dd>{d}</dd> })}
                {employee.email.map(|e| view! { <dt>"Email"</dt><dd>{e}</dd> })}
                {employee.company_employee_id.map(|c| view! { <dt>"Employee id"</dt><dd>{c}</dd> })}
            </dl>
            <PendingScope busy=format!("Switching to {name}…")>
                <ActionForm action=start>
                    <input type="hidden" name="employee_id" value=employee.id/>
                    <button type="submit">{format!("Order for {name}")}</button>
                </ActionForm>
            </PendingScope>
        </li>
    }
}
