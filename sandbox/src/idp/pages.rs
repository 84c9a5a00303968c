//! The identity provider's own pages: server-rendered HTML that works without
//! JavaScript (there is none), labelled inputs, `lang`, and a look of its own so
//! nobody mistakes it for the storefront. Every value from a request is escaped.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use url::Url;

use super::{AUTHORIZE_PATH, STYLESHEET_PATH};
use crate::state::SandboxState;

/// What the sign-in form carries from the authorization request, in hidden fields.
pub struct Carried<'a> {
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub state: Option<&'a str>,
    pub code_challenge: &'a str,
    pub scope: &'a str,
}

const STYLESHEET: &str = "\
:root{color-scheme:light;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;}
body{margin:0;background:#eef1f5;color:#1b2430;}
header{background:#12284c;color:#fff;padding:0.9rem 1.5rem;}
header p{margin:0;font-weight:600;letter-spacing:0.02em;}
main{max-width:26rem;margin:2.5rem auto;padding:1.75rem 2rem;background:#fff;border-radius:4px;box-shadow:0 1px 4px rgba(18,40,76,0.2);}
h1{font-size:1.4rem;margin:0 0 0.75rem;}
h2{font-size:1rem;margin:1.75rem 0 0.5rem;}
label{display:block;font-weight:600;margin:1rem 0 0.3rem;}
input{box-sizing:border-box;width:100%;padding:0.55rem;font:inherit;border:1px solid #6b7789;border-radius:3px;}
input:focus,button:focus{outline:3px solid #f2a900;outline-offset:1px;}
.actions{display:flex;gap:0.75rem;margin-top:1.5rem;}
button{font:inherit;padding:0.55rem 1.2rem;border-radius:3px;border:1px solid #12284c;cursor:pointer;}
button.primary{background:#12284c;color:#fff;}
button.secondary{background:#fff;color:#12284c;}
.problem{background:#fdecea;border-left:4px solid #b3261e;padding:0.6rem 0.8rem;}
code{background:#eef1f5;padding:0 0.2rem;}
footer{text-align:center;font-size:0.85rem;color:#4a5566;margin-bottom:2rem;}
@media (max-width:30rem){main{margin:1rem;padding:1.25rem;}}
";

/// `GET /as/idp.css`.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// An HTML page with the headers every page of the identity provider sends.
/// `form_target` is the origin the sign-in form may lead to (its redirect URI's).
fn page(status: StatusCode, title: &str, body: &str, form_target: Option<&str>) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} – ACME identity provider</title>\n\
         <link rel=\"stylesheet\" href=\"{STYLESHEET_PATH}\">\n</head>\n<body>\n\
         <header><p>ACME identity provider</p></header>\n<main>\n{body}</main>\n\
         <footer><p>Single sign-on for ACME employees (MOBPROC sandbox).</p></footer>\n\
         </body>\n</html>\n",
        title = text(title),
    );
    // A form's redirect after submission counts against form-action in browsers.
    let form_action =
        form_target.map_or_else(|| "'self'".to_owned(), |origin| format!("'self' {origin}"));
    let csp = format!(
        "default-src 'none'; style-src 'self'; form-action {form_action}; \
         frame-ancestors 'none'; base-uri 'none'"
    );
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{name}\" value=\"{}\">\n",
        attr(value)
    )
}

/// The seed's suggested sign-ins, with who they are.
fn demo_users(state: &SandboxState) -> String {
    let seed = state.seed();
    let items: String = seed
        .tenant
        .demo_users
        .iter()
        .filter_map(|company_id| seed.employee_by_company_id(company_id))
        .map(|e| {
            let role = if e.admin {
                ", may act for everyone"
            } else if e.is_approver {
                ", approves orders"
            } else {
                ""
            };
            format!(
                "<li><code>{}</code> ({}{role})</li>\n",
                text(&e.company_employee_id),
                text(&e.full_name())
            )
        })
        .collect();
    if items.is_empty() {
        return String::new();
    }
    format!(
        "<section aria-labelledby=\"demo\">\n<h2 id=\"demo\">Demo sign-ins</h2>\n\
         <p>Password <code>{}</code> for everyone:</p>\n<ul>\n{items}</ul>\n</section>\n",
        text(&seed.tenant.password)
    )
}

/// The sign-in form, with `problem` above it when the last attempt failed.
pub fn sign_in(
    state: &SandboxState,
    carried: &Carried,
    problem: Option<&str>,
    username: &str,
) -> Response {
    let problem_html = problem.map_or_else(String::new, |p| {
        format!(
            "<p class=\"problem\" id=\"problem\" role=\"alert\">{}</p>\n",
            text(p)
        )
    });
    let described = if problem.is_some() {
        " aria-describedby=\"problem\""
    } else {
        ""
    };
    let mut fields = hidden("response_type", "code")
        + &hidden("client_id", carried.client_id)
        + &hidden("redirect_uri", carried.redirect_uri)
        + &hidden("scope", carried.scope)
        + &hidden("code_challenge", carried.code_challenge)
        + &hidden("code_challenge_method", crate::pkce::S256);
    if let Some(state_value) = carried.state {
        fields += &hidden("state", state_value);
    }
    let body = format!(
        "<h1>Sign in</h1>\n\
         <p>The application <code>{client}</code> asks you to sign in to MOBPROC.</p>\n\
         {problem_html}\
         <form method=\"post\" action=\"{AUTHORIZE_PATH}\">\n{fields}\
         <label for=\"username\">Username</label>\n\
         <input id=\"username\" name=\"username\" autocomplete=\"username\" \
         autocapitalize=\"none\" spellcheck=\"false\" required value=\"{username}\"{described}>\n\
         <label for=\"password\">Password</label>\n\
         <input id=\"password\" name=\"password\" type=\"password\" \
         autocomplete=\"current-password\" required{described}>\n\
         <div class=\"actions\">\n\
         <button class=\"primary\" type=\"submit\" name=\"action\" value=\"sign-in\">Sign in</button>\n\
         <button class=\"secondary\" type=\"submit\" name=\"action\" value=\"cancel\" \
         formnovalidate>Cancel</button>\n</div>\n</form>\n{demo}",
        client = text(carried.client_id),
        username = attr(username),
        demo = demo_users(state),
    );
    let origin = Url::parse(carried.redirect_uri)
        .ok()
        .map(|u| u.origin().ascii_serialization());
    page(StatusCode::OK, "Sign in", &body, origin.as_deref())
}

/// A request the identity provider will not send back to any application (400).
pub fn refused(message: &str) -> Response {
    let body = format!(
        "<h1>This sign-in cannot go on</h1>\n\
         <p class=\"problem\" role=\"alert\">{}</p>\n\
         <p>Go back to the application you came from and try again.</p>\n",
        text(message)
    );
    page(StatusCode::BAD_REQUEST, "Sign-in refused", &body, None)
}

/// After a logout with nowhere (registered) to go back to.
pub fn signed_out(target_refused: bool) -> Response {
    let note = if target_refused {
        "<p>The address to return to is not registered with this identity provider, \
         so you stay here.</p>\n"
    } else {
        ""
    };
    let body = format!(
        "<h1>You are signed out</h1>\n\
         <p>Your ACME identity provider session has ended.</p>\n{note}"
    );
    page(StatusCode::OK, "Signed out", &body, None)
}
