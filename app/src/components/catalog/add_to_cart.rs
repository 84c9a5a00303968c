//! "Add to cart" for one catalog item: a form that posts with or without JavaScript,
//! and, when the cart holds another order, a second form that replaces it. It is an
//! island: with JavaScript it adds without leaving the page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    components::cart_badge::cart_changed,
    model::cart::{CartChange, ItemKind, OrderTarget},
    server_fns::cart::AddToCart,
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
#[island]
pub fn AddToCartForm(item: CartItem, #[prop(into)] label: String) -> impl IntoView {
    let action = ServerAction::<AddToCart>::new();
    let pending = action.pending();
    let version = action.version();
    let value = action.value();
    // Without JavaScript the server redirects back with the error in the URL, and every
    // form of the page reads it. It does not say which item it was about, so here only
    // this form's own submissions are shown; `CartNotice` shows the URL's error once.
    let outcome = move || {
        if version.get() > 0 {
            value.get()
        } else {
            None
        }
    };
    // With JavaScript the page stays put, so the header's badge is told to count again.
    Effect::new(move |_| {
        if version.get() > 0 && value.with_untracked(|v| matches!(v, Some(Ok(_)))) {
            cart_changed();
        }
    });
    let conflict_in_url = move || {
        version.get() == 0
            && value.with(|v| matches!(v, Some(Err(e)) if e.field(REPLACE_FIELD).is_some()))
    };
    let name = item.name.clone();
    let replace_item = item.clone();
    view! {
        <div class="add-to-cart">
            <ActionForm action>
                <CartItemInputs item=item.clone()/>
                <button type="submit" disabled=move || pending.get()>
                    {label}
                    <span class="visually-hidden">{format!(": {name}")}</span>
                </button>
            </ActionForm>
            <div class="cart-outcome" aria-live="polite">
                {move || match outcome() {
                    Some(Ok(change)) => view! { <Added change/> }.into_any(),
                    Some(Err(error)) if error.field(REPLACE_FIELD).is_some() => {
                        let message = error.to_string();
                        view! {
                            <p class="cart-conflict">{message}</p>
                            <ReplaceCartForm action item=replace_item.clone()/>
                        }
                        .into_any()
                    }
                    Some(Err(error)) => view! { <p class="alert">{error.to_string()}</p> }.into_any(),
                    None if conflict_in_url() => {
                        view! { <ReplaceCartForm action item=replace_item.clone()/> }.into_any()
                    }
                    None => ().into_any(),
                }}
            </div>
        </div>
    }
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
fn ReplaceCartForm(action: ServerAction<AddToCart>, item: CartItem) -> impl IntoView {
    let pending = action.pending();
    let name = item.name.clone();
    view! {
        <ActionForm action>
            <CartItemInputs item/>
            <input type="hidden" name="replace" value="true"/>
            <button type="submit" class="secondary" disabled=move || pending.get()>
                "Replace cart"
                <span class="visually-hidden">{format!(" with {name}")}</span>
            </button>
        </ActionForm>
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
