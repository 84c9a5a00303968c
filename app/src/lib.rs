//! The storefront UI: the HTML shell, the root component and the route table.
//! Pages live in `pages/`, shared widgets in `components/`.

#[cfg(feature = "ssr")]
pub mod backend;
pub mod catalog_query;
pub mod components;
pub mod error;
pub mod links;
pub mod model;
pub mod pages;
pub mod return_path;
pub mod server_fns;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode, StaticSegment,
};

use components::{
    catalog::route::CatalogRoute,
    csp::ContentSecurityPolicy,
    header::SiteHeader,
    hydration::{HydrationMarker, IslandsLoader},
    stylesheet::SiteStylesheet,
};
use model::cart::OrderKind;
use pages::{
    act_for::ActForPage, approvals::ApprovalsPage, care::CarePage, cart::CartPage,
    catalog::CatalogPage, checkout::CheckoutPage, confirm::ConfirmPage, home::HomePage,
    move_line::MoveLinePage, new_line::NewLinePage, not_found::NotFoundPage, order::OrderPage,
    orders::OrdersPage, place::PlacePage, plan_detail::PlanDetailPage, sign_in::SignInPage,
};

/// What search engines and link previews say of every page.
pub const DESCRIPTION: &str =
    "Order phones, plans, accessories and line changes for your company's mobile lines.";

/// The document around every page, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=DESCRIPTION/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <SiteStylesheet options=options.clone()/>
                <AutoReload options=options.clone()/>
                <IslandsLoader options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every route renders `SsrMode::Async`: the whole page, data included, is in the
/// first response, so it works without JavaScript and can set its status code. The
/// page is rendered on the server only; the browser hydrates just its `#[island]`s.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|page: String| format!("{page} · MOBPROC storefront")/>
        <ContentSecurityPolicy/>
        <HydrationMarker/>
        <Router>
            <SiteHeader/>
            <main id="main">
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/act-for") view=ActForPage ssr=SsrMode::Async/>
                    <Route path=path!("/cart") view=CartPage ssr=SsrMode::Async/>
                    <Route path=path!("/checkout") view=CheckoutPage ssr=SsrMode::Async/>
                    <Route path=path!("/checkout/confirm") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/orders") view=OrdersPage ssr=SsrMode::Async/>
                    <Route path=path!("/orders/:order_id") view=OrderPage ssr=SsrMode::Async/>
                    <Route path=path!("/approvals") view=ApprovalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/new-line") view=NewLinePage ssr=SsrMode::Async/>
                    <Route path=path!("/new-line/place") view=PlacePage ssr=SsrMode::Async/>
                    <Route path=path!("/new-line/catalog") view=|| view! { <CatalogPage route=CatalogRoute::NewLine/> } ssr=SsrMode::Async/>
                    <Route path=path!("/new-line/plans/:plan_id") view=|| view! { <PlanDetailPage route=CatalogRoute::NewLine/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/accessories") view=|| view! { <CatalogPage route=CatalogRoute::Accessories/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/upgrade") view=|| view! { <CatalogPage route=CatalogRoute::Upgrade/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/upgrade/plans/:plan_id") view=|| view! { <PlanDetailPage route=CatalogRoute::Upgrade/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/suspend") view=|| view! { <CarePage order=OrderKind::Suspend/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/reconnect") view=|| view! { <CarePage order=OrderKind::Unsuspend/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/cancel") view=|| view! { <CarePage order=OrderKind::Deactivate/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/features") view=|| view! { <CarePage order=OrderKind::UpdateFeatures/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/swap") view=|| view! { <CarePage order=OrderKind::SwapDevices/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/transfer-out") view=|| view! { <CarePage order=OrderKind::TransferOut/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/move") view=MoveLinePage ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/port") view=PlacePage ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/port/catalog") view=|| view! { <CatalogPage route=CatalogRoute::Port/> } ssr=SsrMode::Async/>
                    <Route path=path!("/lines/:service_id/port/plans/:plan_id") view=|| view! { <PlanDetailPage route=CatalogRoute::Port/> } ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
