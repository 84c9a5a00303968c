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

impl MobprocClient {
    /// GETs `url`, retrying transient failures, and reads a 2xx answer with `read`.
    pub(crate) async fn get_with<T>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        url: Url,
        read: impl FnOnce(Answer) -> Result<T, ErrorKind>,
    ) -> Result<T, MobprocError> {
        let (headers, correlation_id) = self.prepare(token, context)?;
        let answer = retry_transient(&self.inner.retry, &correlation_id, || {
            let mut request = Request::new(Method::GET, url.clone());
            *request.headers_mut() = headers.clone();
            let correlation_id = correlation_id.as_str();
            async move { check_status(self.execute(request, correlation_id).await?) }
        })
        .await;
        answer
            .and_then(read)
            .map_err(|kind| MobprocError::new(kind, Some(correlation_id)))
    }

    /// POSTs `body` as JSON exactly once and reads the answer with `read`, which sees every
    /// status (order refusals may come as 400).
    pub(crate) async fn post_with<B, T>(
        &self,
        token: &AccessToken,
        context: &CallContext,
        url: Url,
        body: &B,
        read: impl FnOnce(Answer) -> Result<T, ErrorKind>,
    ) -> Result<T, MobprocError>
    where
        B: Serialize + ?Sized,
    {
        let (mut headers, correlation_id) = self.prepare(token, context)?;
        let result = async {
            let body = serde_json::to_vec(body).map_err(ErrorKind::Encode)?;
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            let mut request = Request::new(Method::POST, url);
            *request.headers_mut() = headers;
            *request.body_mut() = Some(body.into());
            read(self.execute(request, &correlation_id).await?)
        }
        .await;
        result.map_err(|kind| MobprocError::new(kind, Some(correlation_id)))
    }

    /// The headers of a call and the correlation id they carry.
    fn prepare(
        &self,
        token: &AccessToken,
        context: &CallContext,
    ) -> Result<(HeaderMap, String), MobprocError> {
        let correlation_id = context.correlation_id_or_new();
        match call_headers(&self.inner.headers, token, context, &correlation_id) {
            Ok(headers) => Ok((headers, correlation_id)),
            // A correlation id that was itself refused is not echoed into messages.
            Err(kind) => Err(MobprocError::new(
                kind,
                is_sendable(&correlation_id).then_some(correlation_id),
            )),
        }
    }

    /// One attempt on the wire and its log event. The query is left out of the log: the
    /// path says which resource, and query values may identify people.
    async fn execute(&self, request: Request, correlation_id: &str) -> Result<Answer, ErrorKind> {
        let method = request.method().clone();
        let path = request.url().path().to_owned();
        let started = Instant::now();
        let result = self.send(request).await;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match &result {
            Ok(answer) if answer.status.is_server_error() => tracing::warn!(
                %method, path, status = answer.status.as_u16(), elapsed_ms, correlation_id,
                "MOBPROC call"
            ),
            Ok(answer) => tracing::info!(
                %method, path, status = answer.status.as_u16(), elapsed_ms, correlation_id,
                "MOBPROC call"
            ),
            Err(error) => tracing::warn!(
                %method, path, elapsed_ms, correlation_id, error = %error,
                "MOBPROC call failed"
            ),
        }
        result
    }

    /// Sends and reads the whole body, both within the request timeout.
    pub(crate) async fn send(&self, request: Request) -> Result<Answer, ErrorKind> {
        let response = self
            .inner
            .http
            .execute(request)
            .await
            .map_err(transport_error)?;
        let status = response.status();
        let body = response.bytes().await.map_err(transport_error)?.into();
        Ok(Answer { status, body })
    }
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
