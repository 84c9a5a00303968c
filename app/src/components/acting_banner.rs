use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::pending::PendingScope, model::acting::Actor, server_fns::acting::StopActing,
};

/// Shown on every page while someone orders for another employee: who, and the way
/// back. Page titles say it too.
#[component]
pub fn ActingBanner(actor: Actor) -> impl IntoView {
    let stop = ServerAction::<StopActing>::new();
    let name = actor.name.clone();
    view! {
        <Title formatter=move |page: String| format!("{page} · for {name} · MOBPROC storefront")/>
        <section class="acting-banner" aria-label="Acting for">
            <p>
                "You are ordering for " <strong>{actor.name.clone()}</strong>
                {actor.department.map(|d| format!(" ({d})"))} "."
            </p>
            <PendingScope busy="Switching back…".to_string()>
                <ActionForm action=stop>
                    <button type="submit" class="secondary">"Switch back"</button>
                </ActionForm>
            </PendingScope>
        </section>
    }
}
