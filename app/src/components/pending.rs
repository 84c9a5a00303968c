//! Pending indicators for plain forms: the page stays server-rendered (its forms post
//! with or without JavaScript), and this island only marks a submitted form busy.

use leptos::{ev, prelude::*};

/// Wraps forms that post or navigate. Once one of them submits, the scope is
/// `aria-busy`, says `busy` in a status line, and ignores further submits until the
/// next page arrives: a second press is not a second request.
#[island]
pub fn PendingScope(busy: String, children: Children) -> impl IntoView {
    let pending = RwSignal::new(false);
    // Going back restores the page from the back/forward cache as it was left, busy.
    let restored = window_event_listener(ev::pageshow, move |_| pending.set(false));
    on_cleanup(move || restored.remove());
    view! {
        <div
            class="pending-scope"
            aria-busy=move || pending.get().then_some("true")
            on:submit=move |event| {
                if pending.get_untracked() {
                    event.prevent_default();
                } else {
                    pending.set(true);
                }
            }
        >
            {children()}
            <p class="pending-status" aria-live="polite">{move || pending.get().then(|| busy.clone())}</p>
        </div>
    }
}
