//! "Add to cart" for one catalog item: a form that posts with or without JavaScript,
//! and, when the cart holds another order, a second form that replaces it. It is an
//! island: with JavaScript it adds without leaving the page.

use leptos::{prelude::*, server_fn::ServerFn};
use serde::{Deserialize, Serialize};

use crate::{
    components::cart_badge::cart_changed,
    error::AppError,
    model::cart::{CartChange, ItemKind, OrderTarget},
    server_fns::cart::{add_to_cart, AddToCart},
};

/// The field `add_to_cart` names when the cart holds another line or order kind.
const REPLACE_FIELD: &str = "replace";

/// What an "Add to cart" form sends, and the item's name for its button and messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartItem {
    pub target: OrderTarget,
    pub item_kind: ItemKind,
    pub item_id: String,
    pub name: String,
}

/// The item's "Add to cart" button (labelled `label`) and what came of pressing it.
/// Without JavaScript the form posts and the server redirects back; with it, the island
/// calls the server function itself and the page stays put. It calls it directly rather
/// than through `ActionForm`, which would bring the form-reading machinery (and a fifth
/// of the WASM) into the browser for fields the island already has. `offer_replace`:
/// the page's URL carries a refusal that asks to replace the cart (see [`replace_asked`]).
#[island]
pub fn AddToCartForm(
    item: CartItem,
    #[prop(into)] label: String,
    offer_replace: bool,
) -> impl IntoView {
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<CartChange, AppError>>);
    let send = {
        let item = item.clone();
        Callback::new(move |replace: bool| {
            if pending.get_untracked() {
                return;
            }
            pending.set(true);
            let CartItem {
                target,
                item_kind,
                item_id,
                ..
            } = item.clone();
            leptos::task::spawn_local(async move {
                let replace = replace.then_some(true);
                let result = add_to_cart(
                    target.order,
                    item_kind,
                    item_id,
                    target.service_id,
                    target.place,
                    replace,
                )
                .await;
                // The page stays put, so the header's badge is told to count again.
                if let Ok(change) = &result {
                    cart_changed(change.count);
                }
                outcome.set(Some(result));
                pending.set(false);
            });
        })
    };
    let name = item.name.clone();
    let replace_item = item.clone();
    view! {
        <div class="add-to-cart">
            <form
                method="post"
                action=AddToCart::url()
                on:submit=move |event| {
                    event.prevent_default();
                    send.run(false);
                }
            >
                <CartItemInputs item=item.clone()/>
                <button type="submit" disabled=move || pending.get()>
                    {label}
                    <span class="visually-hidden">{format!(": {name}")}</span>
                </button>
            </form>
            <div class="cart-outcome" aria-live="polite">
                {move || match outcome.get() {
                    Some(Ok(change)) => view! { <Added change/> }.into_any(),
                    Some(Err(error)) if error.field(REPLACE_FIELD).is_some() => {
                        let message = error.to_string();
                        view! {
                            <p class="cart-conflict">{message}</p>
                            <ReplaceCartForm send pending item=replace_item.clone()/>
                        }
                        .into_any()
                    }
                    Some(Err(error)) => view! { <p class="alert">{error.to_string()}</p> }.into_any(),
                    None if offer_replace => {
                        view! { <ReplaceCartForm send pending item=replace_item.clone()/> }.into_any()
                    }
                    None => ().into_any(),
                }}
            </div>
        </div>
    }
}

/// Whether the page's URL carries a refused "Add to cart" asking to replace the cart, as
/// a post without JavaScript comes back: it does not say which item it was for, so
/// every form of the page then offers "Replace cart". Read on the server, by the pages.
pub fn replace_asked() -> bool {
    ServerAction::<AddToCart>::new()
        .value()
        .with_untracked(|value| matches!(value, Some(Err(e)) if e.field(REPLACE_FIELD).is_some()))
}

/// Without JavaScript a refused "Add to cart" comes back in the page URL, which does
/// not say which item it was for: its message is shown once, at the top of the page,
/// where the reloaded page starts.
#[component]
pub fn CartNotice() -> impl IntoView {
    let value = ServerAction::<AddToCart>::new().value();
    move || {
        value.get().and_then(Result::err).map(|error| {
            let hint = error
                .field(REPLACE_FIELD)
                .map(|_| " Choose “Replace cart” beside the item you want instead.");
            view! { <p class="alert" role="alert">{error.to_string()} {hint}</p> }
        })
    }
}

#[component]
fn ReplaceCartForm(send: Callback<bool>, pending: RwSignal<bool>, item: CartItem) -> impl IntoView {
    let name = item.name.clone();
    view! {
        <form
            method="post"
            action=AddToCart::url()
            on:submit=move |event| {
                event.prevent_default();
                send.run(true);
            }
        >
            <CartItemInputs item/>
            <input type="hidden" name="replace" value="true"/>
            <button type="submit" class="secondary" disabled=move || pending.get()>
                "Replace cart"
                <span class="visually-hidden">{format!(" with {name}")}</span>
            </button>
        </form>
    }
}

#[component]
fn Added(change: CartChange) -> impl IntoView {
    let items = if change.count == 1 { "item" } else { "items" };
    view! {
        <p class="cart-added">
            {change.summary} ". "
            <a href="/cart">{format!("View cart ({} {items})", change.count)}</a>
        </p>
    }
}

/// The server function's arguments, as `add_to_cart` reads them from a form post.
#[component]
fn CartItemInputs(item: CartItem) -> impl IntoView {
    let place = item.target.place;
    let optional = [
        ("service_id", item.target.service_id),
        ("place[region]", place.as_ref().map(|p| p.region.clone())),
        (
            "place[postal_code]",
            place.as_ref().and_then(|p| p.postal_code.clone()),
        ),
        ("place[from]", place.and_then(|p| p.from)),
    ]
    .into_iter()
    .filter_map(|(name, value)| {
        value.map(|value| view! { <input type="hidden" name=name value=value/> })
    })
    .collect_view();
    view! {
        <input type="hidden" name="order" value=item.target.order.as_str()/>
        <input type="hidden" name="item_kind" value=item.item_kind.as_str()/>
        <input type="hidden" name="item_id" value=item.item_id/>
        {optional}
    }
}
