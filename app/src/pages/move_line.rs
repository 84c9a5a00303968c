use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    components::{
        catalog::load_error::CatalogLoadError, error_notice::ErrorNotice, pending::PendingScope,
    },
    links,
    model::{
        acting::{EmployeeResult, EmployeeSearch},
        care::{MoveConfirmation, MoveView},
    },
    server_fns::care::{get_move_view, MoveLine},
};

/// `/lines/:service_id/move?q=…` finds the employee the line goes to (the search of
/// "Order for someone else"); `?to=<employee id>` asks to confirm the move, which
/// happens once however often it is pressed.
#[component]
pub fn MoveLinePage() -> impl IntoView {
    let service_id = use_params_map().with_untracked(|p| p.get("service_id").unwrap_or_default());
    let (q, to) = use_query_map().with_untracked(|q| (q.get("q"), q.get("to")));
    let move_line = ServerAction::<MoveLine>::new();
    let view = Resource::new(
        || (),
        move |_| get_move_view(service_id.clone(), q.clone(), to.clone()),
    );
    view! {
        {move || move_line.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match view.await {
                    Err(error) => view! {
                        <CatalogLoadError
                            error
                            not_found="Line not found"
                            explanation="This phone line is not one of yours, or it no longer exists."
                        />
                    }
                    .into_any(),
                    Ok(view) => view! { <MoveViewPage view move_line/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MoveViewPage(view: MoveView, move_line: ServerAction<MoveLine>) -> impl IntoView {
    let heading = format!("Move {} to another employee", view.number);
    let path = links::line(&view.service_id, "move");
    let body = match (view.chosen, view.found) {
        (Some(chosen), _) => view! {
            <Confirm chosen service_id=view.service_id.clone() number=view.number.clone() path move_line/>
        }
        .into_any(),
        (None, found) => view! { <Search found path/> }.into_any(),
    };
    view! {
        <Title text=heading.clone()/>
        <h1>{heading}</h1>
        <p class="lede">"The line, its phone and its charges go to the employee you choose; it then shows among their lines, not yours."</p>
        {body}
    }
}

#[component]
fn Search(found: Option<EmployeeSearch>, path: String) -> impl IntoView {
    let query = found.as_ref().map(|f| f.query.clone()).unwrap_or_default();
    let results = found.map(|found| {
        let summary = match found.total {
            0 => format!("No one matches \u{201c}{}\u{201d}.", found.query),
            1 => "1 employee.".to_owned(),
            n => format!("{n} employees."),
        };
        let path = path.clone();
        view! {
            <p role="status">{summary}</p>
            <ul class="people" aria-label="Employees">
                {found.results.into_iter().map(|employee| {
                    let href = format!("{path}?to={}", links::encode(&employee.id));
                    view! { <Candidate employee href/> }
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class="employee-search" role="search">
            <form method="get" action=path.clone()>
                <div class="field search-field">
                    <label for="move-q">"Name, email or employee id"</label>
                    <input id="move-q" name="q" type="search" value=query/>
                </div>
                <button type="submit">"Search"</button>
            </form>
        </div>
        {results}
    }
}

#[component]
fn Candidate(employee: EmployeeResult, href: String) -> impl IntoView {
    let name = employee.name.clone();
    view! {
        <li class="employee">
            <h2>{employee.name.clone()}</h2>
            <dl class="facts">
                {employee.department.map(|d| view! { <dt>"Department"</dt><dd>{d}</dd> })}
                {employee.email.map(|e| view! { <dt>"Email"</dt><dd>{e}</dd> })}
            </dl>
            <a class="button" href=href>{format!("Move to {name}")}</a>
        </li>
    }
}

#[component]
fn Confirm(
    chosen: MoveConfirmation,
    service_id: String,
    number: String,
    path: String,
    move_line: ServerAction<MoveLine>,
) -> impl IntoView {
    let to = chosen.to;
    let department = to.department.map(|d| format!(" ({d})")).unwrap_or_default();
    view! {
        <section aria-labelledby="move-confirm" class="card move-confirm">
            <h2 id="move-confirm">"Confirm the move"</h2>
            <p>{format!("{number} moves to {}{department}, with its phone and all its charges.", to.name)}</p>
            <PendingScope busy="Moving the line…".to_string()>
                <ActionForm action=move_line>
                    <input type="hidden" name="service_id" value=service_id/>
                    <input type="hidden" name="move_id" value=chosen.move_id/>
                    <button type="submit">{format!("Move the line to {}", to.name)}</button>
                </ActionForm>
            </PendingScope>
            <p><a href=path>"Choose someone else"</a></p>
        </section>
    }
}
