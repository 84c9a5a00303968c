//! Posting a form to its server function from an island, with the browser's `fetch`.
//! The form already holds every field the function reads, encoded as a post without
//! JavaScript sends them; the server function's own client would bring its URL encoder,
//! its response streams and a second JSON reader into the WASM for the same request.

use leptos::{
    prelude::*,
    wasm_bindgen::{JsCast, JsValue},
};
use serde::de::DeserializeOwned;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FormData, Headers, HtmlFormElement, RequestInit, Response, UrlSearchParams};

use crate::error::AppError;

/// Sends `form`'s fields and the `extra` ones to its `action`, and reads the answer as
/// the server function's client does: a status from 400 to 599 carries an [`AppError`],
/// any other the value. Call it in the browser only.
pub async fn post_form<T: DeserializeOwned>(
    form: &HtmlFormElement,
    extra: &[(&str, &str)],
) -> Result<T, AppError> {
    let response = send(form, extra).await.map_err(transport)?;
    let text = JsFuture::from(response.text().map_err(transport)?)
        .await
        .map_err(transport)?
        .as_string()
        .unwrap_or_default();
    if (400..=599).contains(&response.status()) {
        Err(read(&text)?)
    } else {
        read(&text)
    }
}

async fn send(form: &HtmlFormElement, extra: &[(&str, &str)]) -> Result<Response, JsValue> {
    let fields = FormData::new_with_form(form)?;
    let fields = UrlSearchParams::new_with_str_sequence_sequence(&fields.into())?;
    for (name, value) in extra {
        fields.append(name, value);
    }
    // Not `text/html`: that asks the server to answer as to a post without JavaScript,
    // with a redirect back to the page.
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&fields);
    let response = JsFuture::from(window().fetch_with_str_and_init(&form.action(), &init)).await?;
    response.dyn_into()
}

/// An answer that is not the function's JSON came from something else on the way (a
/// proxy's error page): the request did not reach the function. The parser's own
/// message is not kept, since formatting it brings float printing into the WASM.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text)
        .map_err(|_| AppError::Transport("the answer was not the server function's".into()))
}

fn transport(error: JsValue) -> AppError {
    AppError::Transport(error.as_string().unwrap_or_default())
}
