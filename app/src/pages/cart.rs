use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{error_notice::ErrorNotice, item_row::ItemRow, pending::PendingScope},
    model::cart::{CartItem, CartView},
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
    view! {
        {cart.notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <p class="cart-summary">"This cart orders: " <strong>{cart.summary.clone()}</strong></p>
        {cart.explanation.clone().map(|e| view! { <p class="notice">{e}</p> })}
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
            {cart.more.clone().map(|more| view! { <a href=more.href>{more.label}</a> })}
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
    let CartItem {
        kind,
        id,
        name,
        vendor,
        image,
        price,
    } = item;
    view! {
        <ItemRow name=name.clone() vendor image price>
            <PendingScope busy=format!("Removing {name}…")>
                <ActionForm action=remove>
                    <input type="hidden" name="item_kind" value=kind.as_str()/>
                    <input type="hidden" name="item_id" value=id/>
                    <button type="submit" class="link-button">
                        "Remove"
                        <span class="visually-hidden">{format!(" {name}")}</span>
                    </button>
                </ActionForm>
            </PendingScope>
        </ItemRow>
    }
}
