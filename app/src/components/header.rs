use leptos::prelude::*;

use crate::{
    components::{cart_badge::CartBadge, pending::PendingScope},
    server_fns::{cart::cart_count, session::get_viewer},
};

/// The site header: brand, and for signed-in people their cart, name and sign-out.
#[component]
pub fn SiteHeader() -> impl IntoView {
    // Created outside the `<Suspense>`: a resource created inside a suspended view
    // makes server rendering wait for it forever (leptos-rs/leptos#4866).
    let viewer = Resource::new(|| (), |_| get_viewer());
    let count = Resource::new(|| (), |_| cart_count());
    view! {
        <header class="site-header">
            <a class="brand" href="/">"MOBPROC storefront"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let viewer = viewer.await.ok().flatten()?;
                    let count = count.await.unwrap_or_default();
                    Some(view! {
                        <nav class="account" aria-label="Account">
                            <CartBadge count/>
                            <span class="viewer">{viewer.name}</span>
                            <PendingScope busy="Signing out…".to_string()>
                                <form method="post" action="/auth/sign-out">
                                    <button type="submit" class="link-button">"Sign out"</button>
                                </form>
                            </PendingScope>
                        </nav>
                    })
                })}
            </Suspense>
        </header>
    }
}
