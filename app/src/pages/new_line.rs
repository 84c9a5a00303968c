use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::error_notice::ErrorNotice, model::new_line::NewLineChoices,
    server_fns::catalog::get_new_line_choices,
};

/// `/new-line`: the ways the person may get a new line, in plain words.
#[component]
pub fn NewLinePage() -> impl IntoView {
    let choices = Resource::new(|| (), |_| get_new_line_choices());
    view! {
        <Title text="A new line"/>
        <h1>"A new line"</h1>
        <Suspense fallback=|| view! { <p aria-busy="true">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match choices.await {
                    Err(error) => view! {
                        <ErrorNotice error/>
                        <p><a href="/">"Go to My lines"</a></p>
                    }
                    .into_any(),
                    Ok(choices) => view! { <Choices choices/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Choices(choices: NewLineChoices) -> impl IntoView {
    view! {
        <p class="lede">"What kind of line do you need?"</p>
        <ul class="cards choices" aria-label="Kinds of new line">
            {choices.options.into_iter().enumerate().map(|(index, option)| {
                let heading_id = format!("choice-{index}");
                view! {
                    <li class="card choice" aria-labelledby=format!("choice-{index}")>
                        <h2 id=heading_id>{option.title.clone()}</h2>
                        <p>{option.description}</p>
                        <a class="button" href=option.href>
                            "Start"<span class="visually-hidden">{format!(": {}", option.title)}</span>
                        </a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
