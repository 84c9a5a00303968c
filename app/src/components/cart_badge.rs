//! The header's cart link with the number of items. The server renders the count
//! with every page; with JavaScript, forms that change the cart without a page load
//! say so with [`cart_changed`], which carries the new count, and the badge shows it
//! without asking the server again.

use leptos::{prelude::*, wasm_bindgen::JsCast};
use web_sys::{CustomEvent, CustomEventInit};

/// The window event that tells the badge (another island) the cart changed; its
/// `detail` is the number of items now.
const CART_CHANGED: &str = "storefront:cart-changed";

/// Tells the badge the cart holds `count` items now. Call it in the browser only (e.g.
/// after a server function answered).
pub fn cart_changed(count: usize) {
    let init = CustomEventInit::new();
    init.set_detail(&(count as f64).into());
    if let Ok(event) = CustomEvent::new_with_event_init_dict(CART_CHANGED, &init) {
        let _ = window().dispatch_event(&event);
    }
}

#[island]
pub fn CartBadge(count: usize) -> impl IntoView {
    let count = RwSignal::new(count);
    let changed = window_event_listener_untyped(CART_CHANGED, move |event| {
        let now = event
            .dyn_ref::<CustomEvent>()
            .and_then(|event| event.detail().as_f64());
        if let Some(now) = now {
            count.set(now as usize);
        }
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
