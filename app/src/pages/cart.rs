use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{error_notice::ErrorNotice, pending::PendingScope},
    model::cart::{CartItem, CartView, OrderKind},
    server_fns::cart::{get_cart, ClearCart, RemoveFromCart},
};

/// The cart: what it will order, its items with their prices, the totals, and the
/// way to checkout. Removing and emptying post and come back to the page, which
/// shows a refused change from the URL the server returns to.
#[component]
pub fn CartPage() -> impl IntoView {
    let remove = ServerAction::<RemoveFromCart>::new();
    let clear = ServerAction::<ClearCart>::new();
    let cart = Resource::new(|| (), |_| get_cart());
    let failed = move || {
        remove
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| clear.value().get().and_then(|r| r.err()))
    };
    view! {
        <Title text="Your cart"/>
        <h1>"Your cart"</h1>
        {move || failed().map(|error| view! { <ErrorNotice error/> })}
        <Transition fallback=|| view! { <p aria-busy="true">"Loading your cart…"</p> }>
            {move || Suspend::new(async move {
                match cart.await {
                    Err(error) => view! { <ErrorNotice error/> }.into_any(),
                    Ok(None) => view! {
                        <p>"Your cart is empty."</p>
                        <p><a href="/">"Choose a line to order for"</a></p>
                    }
                    .into_any(),
                    Ok(Some(cart)) => view! { <CartContents cart remove clear/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CartContents(
    cart: CartView,
    remove: ServerAction<RemoveFromCart>,
    clear: ServerAction<ClearCart>,
) -> impl IntoView {
    let (more_label, more_path) = match cart.order {
        OrderKind::Accessories => ("Add more accessories", "accessories"),
        OrderKind::Upgrade => ("Change the upgrade", "upgrade"),
    };
    let more = format!("/lines/{}/{more_path}", cart.service_id);
    view! {
        <p class="cart-summary">"This cart orders: " <strong>{cart.summary.clone()}</strong></p>
        {cart.blocker.clone().map(|b| view! { <p class="alert" role="alert">{b}</p> })}
        <ul class="cart-items" aria-label="Items in your cart">
            {cart.items.into_iter().map(|item| view! { <CartLine item remove/> }).collect_view()}
        </ul>
        <dl class="totals">
            <dt>"One-time total"</dt>
            <dd>{cart.one_time_total}</dd>
            <dt>"Monthly total"</dt>
            <dd>{cart.monthly_total}</dd>
        </dl>
        <p class="note">"MOBPROC confirms the prices before you place the order."</p>
        <div class="actions">
            {cart.blocker.is_none().then(|| view! {
                <a class="button" href="/checkout">"Check out"</a>
            })}
            <a href=more>{more_label}</a>
            <PendingScope busy="Emptying the cart…".to_string()>
                <ActionForm action=clear>
                    <button type="submit" class="secondary">"Empty the cart"</button>
                </ActionForm>
            </PendingScope>
        </div>
    }
}

#[component]
fn CartLine(item: CartItem, remove: ServerAction<RemoveFromCart>) -> impl IntoView {
    let name = item.name.clone();
    view! {
        <li class="cart-item">
            {match item.image.clone() {
                Some(src) => view! { <img src=src alt="" width="64" height="64" loading="lazy"/> }.into_any(),
                None => view! { <span class="no-image" aria-hidden="true"></span> }.into_any(),
            }}
            <div class="cart-item-body">
                <p class="item-name">{item.name.clone()}</p>
                {item.vendor.clone().map(|v| view! { <p class="vendor">{v}</p> })}
            </div>
            <p class="price">{item.price.clone().unwrap_or_default()}</p>
            <PendingScope busy=format!("Removing {}…", item.name)>
                <ActionForm action=remove>
                    <input type="hidden" name="item_kind" value=item.kind.as_str()/>
                    <input type="hidden" name="item_id" value=item.id.clone()/>
                    <button type="submit" class="link-button">
                        "Remove"
                        <span class="visually-hidden">{format!(" {name}")}</span>
                    </button>
                </ActionForm>
            </PendingScope>
        </li>
    }
}
