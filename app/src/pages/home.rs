use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::error_notice::ErrorNotice,
    model::{Line, MyLines},
    server_fns::lines::list_lines,
};

/// "My lines": the person's phone lines and what they may order for each.
#[component]
pub fn HomePage() -> impl IntoView {
    let lines = Resource::new(|| (), |_| list_lines());
    view! {
        <Title text="My lines"/>
        <h1>"My lines"</h1>
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading your lines…"</p> }>
            {move || Suspend::new(async move {
                match lines.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(MyLines { lines, new_line }) => {
                        let new_line = new_line.map(|href| view! {
                            <p class="page-actions"><a class="button" href=href>"New line"</a></p>
                        });
                        let lines = if lines.is_empty() {
                            view! { <p>"You have no phone lines yet."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="cards" aria-label="Your phone lines">
                                    {lines.into_iter().map(|line| view! { <LineCard line/> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        };
                        view! { {new_line} {lines} }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn LineCard(line: Line) -> impl IntoView {
    let heading_id = format!("line-{}", line.service_id);
    let labelled_by = heading_id.clone();
    let actions = line
        .actions
        .iter()
        .map(|action| {
            view! {
                <a class="button" href=action.href.clone()>
                    {action.label.clone()}
                    <span class="visually-hidden">{format!(" for {}", line.number)}</span>
                </a>
            }
        })
        .collect_view();
    view! {
        <li class="card line" aria-labelledby=labelled_by>
            {line.device_image.clone().map(|src| view! {
                <img src=src alt="" width="96" height="96" loading="lazy"/>
            })}
            <div class="line-body">
                <h2 id=heading_id>{line.number.clone()}</h2>
                <dl class="facts">
                    {line.carrier.clone().map(|c| view! { <dt>"Carrier"</dt><dd>{c}</dd> })}
                    {line.device_name.clone().map(|d| view! { <dt>"Device"</dt><dd>{d}</dd> })}
                    {line.contract_start.clone().map(|d| view! { <dt>"Contract start"</dt><dd>{d}</dd> })}
                    {line.contract_end.clone().map(|d| view! { <dt>"Contract end"</dt><dd>{d}</dd> })}
                    {line.upgrade_eligible_on.clone().map(|d| view! { <dt>"Upgrade eligible"</dt><dd>{d}</dd> })}
                </dl>
                <div class="actions">{actions}</div>
            </div>
        </li>
    }
}
