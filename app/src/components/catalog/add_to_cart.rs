//! "Add to cart" for one catalog item: a form that posts with or without JavaScript,
//! and, when the cart holds another order, a second form that replaces it. With
//! JavaScript an island around them adds without leaving the page.

use leptos::{prelude::*, server_fn::ServerFn, wasm_bindgen::JsCast};
use serde::{Deserialize, Serialize};
use web_sys::{Element, HtmlFormElement};

use crate::{
    components::{cart_badge::cart_changed, form_post::post_form},
    error::AppError,
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
/// Without JavaScript the form posts and the server redirects back; with it,
/// [`CartOutcome`] posts the same form itself and the page stays put. `offer_replace`:
/// the page's URL carries a refusal that asks to replace the cart (see [`replace_asked`]).
#[component]
pub fn AddToCartForm(
    item: CartItem,
    #[prop(into)] label: String,
    offer_replace: bool,
) -> impl IntoView {
    let name = item.name.clone();
    let replace = offer_replace.then(|| view! { <ReplaceCartForm item=item.clone()/> });
    view! {
        <CartOutcome name=name.clone()>
            <form method="post" action=AddToCart::url()>
                <CartItemInputs item/>
                <button type="submit">
                    {label}
                    <span class="visually-hidden">{format!(": {name}")}</span>
                </button>
            </form>
            {replace}
        </CartOutcome>
    }
}

/// Posts the forms inside it (the server-rendered "Add to cart" and "Replace cart")
/// without leaving the page, and shows what came of it: the cart's new count, or a
/// refusal; one that asks to replace the cart offers to, for the item `name`. The
/// forms themselves are its children, as the server rendered them, so only the
/// outcome is built in the browser.
#[island]
fn CartOutcome(name: String, children: Children) -> impl IntoView {
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<CartChange, AppError>>);
    let send = move |form: HtmlFormElement, replace: bool| {
        // A second press while the first is under way is not a second request.
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        leptos::task::spawn_local(async move {
            let extra: &[(&str, &str)] = if replace {
                &[(REPLACE_FIELD, "true")]
            } else {
                &[]
            };
            let result = post_form::<CartChange>(&form, extra).await;
            // The page stays put, so the header's badge is told to count again.
            if let Ok(change) = &result {
                cart_changed(change.count);
            }
            outcome.set(Some(result));
            pending.set(false);
        });
    };
    let replace = move |event: leptos::ev::MouseEvent| {
        if let Some(form) = item_form(&event_target(&event)) {
            send(form, true);
        }
    };
    view! {
        <div
            class="add-to-cart"
            aria-busy=move || pending.get().then_some("true")
            on:submit=move |event| {
                event.prevent_default();
                send(event_target(&event), false);
            }
        >
            {children()}
            <div class="cart-outcome" aria-live="polite">
                {move || match outcome.get() {
                    Some(Ok(change)) => view! { <Added change/> }.into_any(),
                    Some(Err(error)) if error.field(REPLACE_FIELD).is_some() => {
                        let message = error.to_string();
                        let name = name.clone();
                        view! {
                            <p class="cart-conflict">{message}</p>
                            <button type="button" class="secondary" on:click=replace>
                                <ReplaceLabel name/>
                            </button>
                        }
                        .into_any()
                    }
                    Some(Err(error)) => view! { <p class="alert">{error.to_string()}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
        </div>
    }
}

/// The item's "Add to cart" form, from an element inside its [`CartOutcome`].
fn item_form(inside: &Element) -> Option<HtmlFormElement> {
    inside
        .closest(".add-to-cart")
        .ok()??
        .query_selector("form")
        .ok()??
        .dyn_into()
        .ok()
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

/// "Replace cart" as the page offers it when it comes back from a refused post.
#[component]
fn ReplaceCartForm(item: CartItem) -> impl IntoView {
    let name = item.name.clone();
    view! {
        <form method="post" action=AddToCart::url()>
            <CartItemInputs item/>
            <input type="hidden" name=REPLACE_FIELD value="true"/>
            <button type="submit" class="secondary">
                <ReplaceLabel name/>
            </button>
        </form>
    }
}

/// The label of both "Replace cart" buttons, the server's form and the island's.
#[component]
fn ReplaceLabel(name: String) -> impl IntoView {
    view! {
        "Replace cart"
        <span class="visually-hidden">{format!(" with {name}")}</span>
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
