use leptos::prelude::*;

/// Origins besides this one that a form of these pages may end up at through redirects
/// (browsers hold redirects after a form post to `form-action`): the identity
/// provider's logout, which signing out passes through. Provided by the server.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct FormTargets(pub Vec<String>);

/// Sends this page's Content-Security-Policy: scripts only from this origin or with
/// this response's nonce (Leptos puts it on its inline hydration scripts), WASM
/// compilation allowed, no inline styles, no framing. No `unsafe-inline`.
#[component]
pub fn ContentSecurityPolicy() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
        let targets: String = use_context::<FormTargets>()
            .map(|targets| targets.0.iter().map(|t| format!(" {t}")).collect())
            .unwrap_or_default();
        let policy = leptos::nonce::use_nonce().map(|nonce| {
            format!(
                "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
                 style-src 'self'; img-src 'self' data:; connect-src 'self'; \
                 frame-ancestors 'none'; base-uri 'self'; form-action 'self'{targets}; \
                 object-src 'none'"
            )
        });
        if let (Some(policy), Some(response)) =
            (policy, use_context::<leptos_axum::ResponseOptions>())
        {
            if let Ok(value) = HeaderValue::from_str(&policy) {
                response.insert_header(CONTENT_SECURITY_POLICY, value);
            }
        }
    }
}
