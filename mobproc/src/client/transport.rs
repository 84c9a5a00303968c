//! One MOBPROC exchange: headers, sending (GETs retried, POSTs sent once), one log event
//! per attempt, and the mapping of statuses and bodies to results.

use std::time::Instant;

use oauth2::AccessToken;
use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use reqwest::{Method, Request, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use url::Url;

use super::context::CallContext;
use super::credentials::Credentials;
use super::error::{transport_error, ErrorKind, MobprocError};
use super::headers::{call_headers, is_sendable};
use super::retry::retry_transient;
use super::MobprocClient;
use crate::model::ErrorBody;

/// An upstream answer, body read in full. No `Debug`: an OAuth body may hold tokens.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
}

/// What a POST does when MOBPROC answers 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnRefusedToken {
    /// Renew the token and send once more: MOBPROC refused before doing anything.
    Resend,
    /// Answer the 401: the caller decides (a submission is never sent twice).
    Answer,
}

impl MobprocClient {
    /// GETs `url`, retrying transient failures and once with a renewed token after a 401,
    /// and reads a 2xx answer with `read`.
    pub(crate) async fn get_with<C, T>(
        &self,
        auth: &C,
        context: &CallContext,
        url: Url,
        read: impl FnOnce(Answer) -> Result<T, ErrorKind>,
    ) -> Result<T, C::Error>
    where
        C: Credentials,
    {
        let correlation_id = context.correlation_id_or_new();
        let token = auth.token().await?;
        let mut answer = self.get_once(&token, context, &url, &correlation_id).await;
        if refused_token(&answer) {
            if let Some(fresh) = auth.renew(&token).await? {
                answer = self.get_once(&fresh, context, &url, &correlation_id).await;
            }
        }
        answer
            .and_then(|answer| {
                read(answer).map_err(|kind| MobprocError::new(kind, Some(correlation_id)))
            })
            .map_err(C::Error::from)
    }

    /// One GET with its transient retries.
    async fn get_once(
        &self,
        token: &AccessToken,
        context: &CallContext,
        url: &Url,
        correlation_id: &str,
    ) -> Result<Answer, MobprocError> {
        let headers = self.prepare(token, context, correlation_id)?;
        retry_transient(&self.inner.retry, correlation_id, || {
            let mut request = Request::new(Method::GET, url.clone());
            *request.headers_mut() = headers.clone();
            async move { check_status(self.execute(request, context, correlation_id).await?) }
        })
        .await
        .map_err(|kind| MobprocError::new(kind, Some(correlation_id.to_owned())))
    }

    /// POSTs `body` as JSON and reads the answer with `read`, which sees every status
    /// (order refusals may come as 400). Never retried; after a 401 sent once more with a
    /// renewed token only when `on_refused` says so.
    pub(crate) async fn post_with<C, B, T>(
        &self,
        auth: &C,
        context: &CallContext,
        url: Url,
        body: &B,
        on_refused: OnRefusedToken,
        read: impl FnOnce(Answer) -> Result<T, ErrorKind>,
    ) -> Result<T, C::Error>
    where
        C: Credentials,
        B: Serialize + ?Sized,
    {
        let correlation_id = context.correlation_id_or_new();
        let body = serde_json::to_vec(body).map_err(|error| {
            MobprocError::new(ErrorKind::Encode(error), Some(correlation_id.clone()))
        })?;
        let token = auth.token().await?;
        let mut answer = self
            .post_once(&token, context, &url, &body, &correlation_id)
            .await;
        if on_refused == OnRefusedToken::Resend && answer_is_401(&answer) {
            if let Some(fresh) = auth.renew(&token).await? {
                answer = self
                    .post_once(&fresh, context, &url, &body, &correlation_id)
                    .await;
            }
        }
        answer
            .and_then(|answer| {
                read(answer).map_err(|kind| MobprocError::new(kind, Some(correlation_id)))
            })
            .map_err(C::Error::from)
    }

    async fn post_once(
        &self,
        token: &AccessToken,
        context: &CallContext,
        url: &Url,
        body: &[u8],
        correlation_id: &str,
    ) -> Result<Answer, MobprocError> {
        let mut headers = self.prepare(token, context, correlation_id)?;
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let mut request = Request::new(Method::POST, url.clone());
        *request.headers_mut() = headers;
        *request.body_mut() = Some(body.to_vec().into());
        self.execute(request, context, correlation_id)
            .await
            .map_err(|kind| MobprocError::new(kind, Some(correlation_id.to_owned())))
    }

    /// The headers of a call carrying `correlation_id`.
    fn prepare(
        &self,
        token: &AccessToken,
        context: &CallContext,
        correlation_id: &str,
    ) -> Result<HeaderMap, MobprocError> {
        call_headers(&self.inner.headers, token, context, correlation_id).map_err(|kind| {
            // A correlation id that was itself refused is not echoed into messages.
            MobprocError::new(
                kind,
                is_sendable(correlation_id).then(|| correlation_id.to_owned()),
            )
        })
    }

    /// One attempt on the wire and its log event. The query is left out of the log: the
    /// path says which resource, and query values may identify people.
    async fn execute(
        &self,
        request: Request,
        context: &CallContext,
        correlation_id: &str,
    ) -> Result<Answer, ErrorKind> {
        let method = request.method().clone();
        let path = request.url().path().to_owned();
        let request_id = context.request_id.as_deref().unwrap_or("-");
        let started = Instant::now();
        let result = self.send(request).await;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match &result {
            Ok(answer) if answer.status.is_server_error() => tracing::warn!(
                %method, path, status = answer.status.as_u16(), elapsed_ms, correlation_id,
                request_id, "MOBPROC call"
            ),
            Ok(answer) => tracing::info!(
                %method, path, status = answer.status.as_u16(), elapsed_ms, correlation_id,
                request_id, "MOBPROC call"
            ),
            Err(error) => tracing::warn!(
                %method, path, elapsed_ms, correlation_id, request_id, error = %error,
                "MOBPROC call failed"
            ),
        }
        result
    }

    /// Sends and reads the whole body, both within the request timeout, and the body
    /// only up to the configured size.
    pub(crate) async fn send(&self, request: Request) -> Result<Answer, ErrorKind> {
        let response = self
            .inner
            .http
            .execute(request)
            .await
            .map_err(transport_error)?;
        let status = response.status();
        let body = read_capped(response, self.inner.max_response_bytes).await?;
        Ok(Answer { status, body })
    }
}

/// The body of `response`, refused as soon as it is known to exceed `limit` bytes
/// (by its `Content-Length`, or while it streams in).
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, ErrorKind> {
    let too_large = ErrorKind::TooLarge { limit };
    if response
        .content_length()
        .is_some_and(|length| length > limit as u64)
    {
        return Err(too_large);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Whether a GET failed because MOBPROC refused the token.
fn refused_token(answer: &Result<Answer, MobprocError>) -> bool {
    matches!(answer, Err(error) if matches!(error.kind(), ErrorKind::Unauthorized(_)))
}

/// Whether a POST was answered 401 (its reader has not seen it yet).
fn answer_is_401(answer: &Result<Answer, MobprocError>) -> bool {
    matches!(answer, Ok(answer) if answer.status == StatusCode::UNAUTHORIZED)
}

/// Passes a 2xx answer; maps any other status to its error, keeping MOBPROC's error body.
pub(crate) fn check_status(answer: Answer) -> Result<Answer, ErrorKind> {
    let status = answer.status.as_u16();
    let body = || serde_json::from_slice::<ErrorBody>(&answer.body).ok();
    Err(match status {
        200..=299 => return Ok(answer),
        400 => match serde_json::from_slice(&answer.body) {
            Ok(body) => ErrorKind::BadRequest(body),
            Err(source) => ErrorKind::Decode { status, source },
        },
        401 => ErrorKind::Unauthorized(body()),
        403 => ErrorKind::Forbidden(body()),
        404 => ErrorKind::NotFound(body()),
        500..=599 => ErrorKind::Server {
            status,
            body: body(),
        },
        _ => ErrorKind::UnexpectedStatus { status },
    })
}

/// Decodes a 2xx body as `T`.
pub(crate) fn decode<T: DeserializeOwned>(answer: Answer) -> Result<T, ErrorKind> {
    let answer = check_status(answer)?;
    serde_json::from_slice(&answer.body).map_err(|source| ErrorKind::Decode {
        status: answer.status.as_u16(),
        source,
    })
}
