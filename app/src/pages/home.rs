use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::error_notice::ErrorNotice,
    model::{ActionGroup, Line, LineAction, MyLines},
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
                    Ok(MyLines { lines, new_line, notice }) => {
                        let notice = notice.map(|n| view! { <p class="notice" role="status">{n}</p> });
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
                        view! { {notice} {new_line} {lines} }.into_any()
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
    let groups = [
        (ActionGroup::Order, "Order"),
        (ActionGroup::Manage, "Manage line"),
    ]
    .into_iter()
    .filter_map(|(group, title)| {
        let actions: Vec<LineAction> = line
            .actions
            .iter()
            .filter(|a| a.group == group)
            .cloned()
            .collect();
        (!actions.is_empty()).then(|| {
            let number = line.number.clone();
            view! { <ActionGroupView title actions number/> }
        })
    })
    .collect_view();
    let device = match (line.device_name.clone(), line.device_serial.clone()) {
        (Some(name), Some(serial)) => Some(format!("{name} ({serial})")),
        (name, serial) => name.or(serial),
    };
    let features = (!line.features.is_empty()).then(|| line.features.join(", "));
    let status_class = match line.status.as_deref() {
        Some("Active") | None => "line-status",
        Some(_) => "line-status attention",
    };
    view! {
        <li class="card line" aria-labelledby=labelled_by>
            {line.device_image.clone().map(|src| view! {
                <img src=src alt="" width="96" height="96" loading="lazy"/>
            })}
            <div class="line-body">
                <h2 id=heading_id>
                    {line.number.clone()}
                    {line.status.clone().map(|s| view! { " " <span class=status_class>{s}</span> })}
                </h2>
                <dl class="facts">
                    {line.carrier.clone().map(|c| view! { <dt>"Carrier"</dt><dd>{c}</dd> })}
                    {line.plan.clone().map(|p| view! { <dt>"Plan"</dt><dd>{p}</dd> })}
                    {features.map(|f| view! { <dt>"Features"</dt><dd>{f}</dd> })}
                    {device.map(|d| view! { <dt>"Device"</dt><dd>{d}</dd> })}
                    {line.contract_start.clone().map(|d| view! { <dt>"Contract start"</dt><dd>{d}</dd> })}
                    {line.contract_end.clone().map(|d| view! { <dt>"Contract end"</dt><dd>{d}</dd> })}
                    {line.upgrade_eligible_on.clone().map(|d| view! { <dt>"Upgrade eligible"</dt><dd>{d}</dd> })}
                </dl>
                {groups}
            </div>
        </li>
    }
}

/// One group of a line's actions, e.g. "Manage line", under its own small heading.
#[component]
fn ActionGroupView(title: &'static str, actions: Vec<LineAction>, number: String) -> impl IntoView {
    view! {
        <div class="action-group">
            <h3>{title}</h3>
            <div class="actions">
                {actions.into_iter().map(|action| view! {
                    <a class="button" class:secondary=action.group == ActionGroup::Manage href=action.href>
                        {action.label}
                        <span class="visually-hidden">{format!(" for {number}")}</span>
                    </a>
                }).collect_view()}
            </div>
        </div>
    }
}
