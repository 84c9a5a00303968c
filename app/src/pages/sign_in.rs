use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    components::pending::PendingScope,
    links,
    return_path::local_return_path,
    server_fns::session::{get_sign_in_choices, take_sign_in_flash},
};

/// The sign-in page, with the ways this deployment offers: "Sign in with your company
/// account" (a link to the server's `/auth/authorize`, which redirects to the identity
/// provider) and the username and password form (a real form post to `/auth/sign-in`).
/// Both work without JavaScript; the server keeps the tokens.
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let return_to = move || local_return_path(query.read().get("return_to"));
    let flash = Resource::new(|| (), |_| take_sign_in_flash());
    let choices = Resource::new(|| (), |_| get_sign_in_choices());

    view! {
        <Title text="Sign in"/>
        <section class="narrow">
            <h1>"Sign in"</h1>
            <p>"Use your company sign-in to order phones, plans and accessories."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let flash = flash.await.ok().flatten();
                    let choices = choices.await.ok();
                    let company = choices.is_some_and(|c| c.company_account);
                    // Without an answer, the form is the way that always existed.
                    let password = choices.is_none_or(|c| c.password);
                    let username = flash.as_ref().map(|f| f.username.clone()).unwrap_or_default();
                    let message = flash.map(|f| f.message);
                    view! {
                        {message.map(|m| view! { <p class="alert" role="alert" id="sign-in-error">{m}</p> })}
                        {company.then(|| view! {
                            <p class="sign-in-company">
                                <a class="button" href=links::company_sign_in(&return_to())>
                                    "Sign in with your company account"
                                </a>
                            </p>
                        })}
                        {(company && password).then(|| view! {
                            <h2 class="sign-in-or">"Or with a username and password"</h2>
                        })}
                        {password.then(|| view! {
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
                        })}
                    }
                })}
            </Suspense>
        </section>
    }
}
