//! The header's cart link with the number of items. The server renders the count
//! with every page; with JavaScript, forms that change the cart without a page load
//! say so with [`cart_changed`] and the badge counts again.

use leptos::prelude::*;

use crate::server_fns::cart::cart_count;

/// The window event that tells the badge (another island) the cart changed.
const CART_CHANGED: &str = "storefront:cart-changed";

/// Tells the badge to count again. Call it in the browser only (e.g. in an effect).
pub fn cart_changed() {
    if let Ok(event) = leptos::web_sys::Event::new(CART_CHANGED) {
        let _ = window().dispatch_event(&event);
    }
}

#[island]
pub fn CartBadge(count: usize) -> impl IntoView {
    let count = RwSignal::new(count);
    let changed = window_event_listener_untyped(CART_CHANGED, move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(now) = cart_count().await {
                count.set(now);
            }
        });
    });
    on_cleanup(move || changed.remove());
    view! {
        <a class="cart-link" href="/cart">
            "Cart"
            <span class="badge" aria-hidden="true">{move || count.get()}</span>
            <span class="visually-hidden">
                {move || {
                    let count = count.get();
                    format!(", {count} {}", if count == 1 { "item" } else { "items" })
                }}
            </span>
        </a>
    }
}
