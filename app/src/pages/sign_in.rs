use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::pending::PendingScope, return_path::local_return_path,
    server_fns::session::take_sign_in_flash,
};

/// The sign-in form. It posts to the server's `/auth/sign-in` route (a real form
/// post, with or without JavaScript); the server keeps the tokens.
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let return_to = move || local_return_path(query.read().get("return_to"));
    let flash = Resource::new(|| (), |_| take_sign_in_flash());

    view! {
        <Title text="Sign in"/>
        <section class="narrow">
            <h1>"Sign in"</h1>
            <p>"Use your company sign-in to order phones, plans and accessories."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let flash = flash.await.ok().flatten();
                    let username = flash.as_ref().map(|f| f.username.clone()).unwrap_or_default();
                    let message = flash.map(|f| f.message);
                    view! {
                        {message.map(|m| view! { <p class="alert" role="alert" id="sign-in-error">{m}</p> })}
                        <PendingScope busy="Signing in…".to_string()>
                        <form method="post" action="/auth/sign-in" class="stack">
                            <input type="hidden" name="return_to" value=return_to/>
                            <label for="username">"Username"</label>
                            <input
                                id="username"
                                name="username"
                                type="text"
                                autocomplete="username"
                                required
                                value=username
                            />
                            <label for="password">"Password"</label>
                            <input
                                id="password"
                                name="password"
                                type="password"
                                autocomplete="current-password"
                                required
                            />
                            <button type="submit">"Sign in"</button>
                        </form>
                        </PendingScope>
                    }
                })}
            </Suspense>
        </section>
    }
}
