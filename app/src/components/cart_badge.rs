//! The header's cart link with the number of items. It counts again on every
//! navigation, and when a page says the cart changed (with JavaScript, forms change
//! the cart without a navigation).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::{error::AppError, server_fns::cart::cart_count};

/// Bumped whenever the cart changes without a page load.
#[derive(Debug, Clone, Copy)]
struct CartUpdates(RwSignal<u64>);

/// Makes [`cart_changed`] reach the badge; call once, above the router's pages.
pub fn provide_cart_updates() {
    provide_context(CartUpdates(RwSignal::new(0)));
}

/// Tells the badge to count again.
pub fn cart_changed() {
    if let Some(CartUpdates(updates)) = use_context::<CartUpdates>() {
        updates.update(|n| *n += 1);
    }
}

/// The count the badge shows, reloaded on navigation and on [`cart_changed`]. Create
/// it outside any `<Suspense>`: a resource created inside a suspended view makes
/// server rendering wait for it forever (leptos-rs/leptos#4866).
pub fn cart_count_resource() -> Resource<Result<usize, AppError>> {
    let location = use_location();
    let updates = use_context::<CartUpdates>().map(|CartUpdates(u)| u);
    Resource::new(
        move || {
            (
                location.pathname.get(),
                updates.map(|u| u.get()).unwrap_or_default(),
            )
        },
        |_| cart_count(),
    )
}

#[component]
pub fn CartBadge(count: Resource<Result<usize, AppError>>) -> impl IntoView {
    view! {
        <Transition fallback=|| view! { <a class="cart-link" href="/cart">"Cart"</a> }>
            {move || Suspend::new(async move {
                let count = count.await.unwrap_or_default();
                let items = if count == 1 { "item" } else { "items" };
                view! {
                    <a class="cart-link" href="/cart">
                        "Cart"
                        <span class="badge" aria-hidden="true">{count}</span>
                        <span class="visually-hidden">{format!(", {count} {items}")}</span>
                    </a>
                }
            })}
        </Transition>
    }
}
