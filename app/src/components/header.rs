use leptos::prelude::*;

use crate::{
    components::cart_badge::{cart_count_resource, CartBadge},
    server_fns::session::get_viewer,
};

/// The site header: brand, and for signed-in people their cart, name and sign-out.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let viewer = Resource::new(|| (), |_| get_viewer());
    let cart_count = cart_count_resource();
    view! {
        <header class="site-header">
            <a class="brand" href="/">"MOBPROC storefront"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    viewer.await.ok().flatten().map(|viewer| view! {
                        <nav class="account" aria-label="Account">
                            <CartBadge count=cart_count/>
                            <span class="viewer">{viewer.name}</span>
                            <form method="post" action="/auth/sign-out">
                                <button type="submit" class="link-button">"Sign out"</button>
                            </form>
                        </nav>
                    })
                })}
            </Suspense>
        </header>
    }
}
