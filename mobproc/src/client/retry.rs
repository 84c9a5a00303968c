//! Bounded retries of idempotent calls. Only GETs come here: MOBPROC's POSTs are not
//! idempotent (a retried `POST /orders` can place a second order).

use std::future::Future;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};

use super::error::ErrorKind;

/// How often and how patiently a GET is retried on 5xx, timeouts and connect errors.
/// 4xx answers are final and never retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; `0` disables retrying.
    pub max_retries: usize,
    /// The first delay, doubled for each further retry.
    pub min_delay: Duration,
    pub max_delay: Duration,
}

impl RetryPolicy {
    /// Never retry.
    pub const NONE: Self = Self {
        max_retries: 0,
        min_delay: Duration::ZERO,
        max_delay: Duration::ZERO,
    };
}

impl Default for RetryPolicy {
    /// At most 3 retries, 100 ms doubling up to 1 s.
    fn default() -> Self {
        Self {
            max_retries: 3,
            min_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(1),
        }
    }
}

/// Runs `attempt` until it succeeds, fails for good, or the policy is spent.
pub(crate) async fn retry_transient<T, F, Fut>(
    policy: &RetryPolicy,
    correlation_id: &str,
    attempt: F,
) -> Result<T, ErrorKind>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ErrorKind>>,
{
    let backoff = ExponentialBuilder::default()
        .with_min_delay(policy.min_delay)
        .with_max_delay(policy.max_delay)
        .with_max_times(policy.max_retries)
        // Spreads the retries of many sessions hitting the same outage.
        .with_jitter();
    attempt
        .retry(backoff)
        .sleep(tokio::time::sleep)
        .when(ErrorKind::is_transient)
        .notify(|error, delay| {
            tracing::debug!(
                correlation_id,
                error = %error,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying MOBPROC GET"
            );
        })
        .await
}
