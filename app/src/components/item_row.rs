use leptos::prelude::*;

/// One item of a cart, a confirmation or an order: picture, name, vendor, price, and
/// whatever the list adds (e.g. a "Remove" form).
#[component]
pub fn ItemRow(
    #[prop(into)] name: String,
    vendor: Option<String>,
    image: Option<String>,
    price: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <li class="cart-item">
            {match image {
                Some(src) => view! { <img src=src alt="" width="64" height="64" loading="lazy"/> }.into_any(),
                None => view! { <span class="no-image" aria-hidden="true"></span> }.into_any(),
            }}
            <div class="cart-item-body">
                <p class="item-name">{name}</p>
                {vendor.map(|v| view! { <p class="vendor">{v}</p> })}
            </div>
            <p class="price">{price.unwrap_or_default()}</p>
            {children.map(|children| children())}
        </li>
    }
}
