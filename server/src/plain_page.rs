//! Small server-rendered pages for answers given outside the app's own pages (too many
//! sign-in attempts, an overloaded server, signing out everywhere): plain HTML, no
//! script, the site's stylesheet, a heading, the message and a way on.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use html_escape::{encode_double_quoted_attribute, encode_text};

/// A page answering `status`: `title` as its heading, `message` in an alert, and a
/// link to `next` (`(href, text)`).
pub fn page(status: StatusCode, title: &str, message: &str, next: (&str, &str)) -> Response {
    let body = format!(
        "<p class=\"alert\" role=\"alert\">{message}</p>\n<p><a href=\"{href}\">{link}</a></p>\n",
        message = encode_text(message),
        href = encode_double_quoted_attribute(next.0),
        link = encode_text(next.1),
    );
    document(status, title, &body)
}

/// A page that asks before doing something: `question`, a form posting to `action`
/// with the button `confirm`, and a link back to `cancel` (`(href, text)`).
pub fn confirm(
    title: &str,
    question: &str,
    action: &str,
    confirm: &str,
    cancel: (&str, &str),
) -> Response {
    let body = format!(
        "<p>{question}</p>\n<form method=\"post\" action=\"{action}\" class=\"stack\">\n\
         <button type=\"submit\">{confirm}</button>\n</form>\n<p><a href=\"{href}\">{link}</a></p>\n",
        question = encode_text(question),
        action = encode_double_quoted_attribute(action),
        confirm = encode_text(confirm),
        href = encode_double_quoted_attribute(cancel.0),
        link = encode_text(cancel.1),
    );
    document(StatusCode::OK, title, &body)
}

fn document(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <title>{title} · MOBPROC storefront</title>\n\
         <link rel=\"stylesheet\" href=\"{stylesheet}\">\n</head>\n<body>\n\
         <header class=\"site-header\"><a class=\"brand\" href=\"/\">MOBPROC storefront</a></header>\n\
         <main id=\"main\"><section class=\"narrow\">\n<h1>{title}</h1>\n{body}\
         </section></main>\n</body>\n</html>\n",
        title = encode_text(title),
        stylesheet = app::components::stylesheet::known_href(),
        description = encode_double_quoted_attribute(app::DESCRIPTION),
    );
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response()
}
