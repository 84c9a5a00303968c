use leptos::prelude::*;

use crate::{
    components::{acting_banner::ActingBanner, cart_badge::CartBadge, pending::PendingScope},
    server_fns::{cart::cart_count, session::get_viewer},
};

/// The site header: brand, and for signed-in people their cart, name, sign-out (of
/// this browser, or of every browser and device), the way to order for someone else
/// when they may, and whom they order for.
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
                    let acting_for = viewer.acting_for.map(|actor| view! { <ActingBanner actor/> });
                    Some(view! {
                        <nav class="account" aria-label="Account">
                            <a href="/orders">"My orders"</a>
                            {viewer.is_approver.then(|| view! {
                                <a href="/approvals">"Approvals"</a>
                            })}
                            {viewer.can_act_for_others.then(|| view! {
                                <a href="/act-for">"Order for someone else"</a>
                            })}
                            <CartBadge count/>
                            <span class="viewer">{viewer.name}</span>
                            <PendingScope busy="Signing out…".to_string()>
                                <form method="post" action="/auth/sign-out">
                                    <button type="submit" class="link-button">"Sign out"</button>
                                </form>
                            </PendingScope>
                            <a href="/auth/sign-out-everywhere">"Sign out everywhere"</a>
                        </nav>
                        {acting_for}
                    })
                })}
            </Suspense>
        </header>
    }
}
