//! The sandbox's notion of "now": the system clock plus an offset that tests (and
//! `POST /_sandbox/clock`) move forward, so expiry and order progression are testable
//! without sleeping.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Default)]
pub struct Clock {
    offset_ms: AtomicI64,
}

impl Clock {
    pub fn with_offset(offset: Duration) -> Self {
        Self {
            offset_ms: AtomicI64::new(offset.num_milliseconds()),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        let offset = self.offset();
        Utc::now()
            .checked_add_signed(offset)
            .unwrap_or(if offset > Duration::zero() {
                DateTime::<Utc>::MAX_UTC
            } else {
                DateTime::<Utc>::MIN_UTC
            })
    }

    /// Moves "now" forward (or back, with a negative duration) for everyone.
    pub fn advance(&self, by: Duration) {
        let by = by.num_milliseconds();
        // fetch_update with a closure that always answers Some cannot fail.
        let _ = self
            .offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |ms| {
                Some(ms.saturating_add(by))
            });
    }

    pub fn offset(&self) -> Duration {
        Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_now_forward() {
        let clock = Clock::default();
        let before = clock.now();
        clock.advance(Duration::hours(2));
        assert!(clock.now() - before >= Duration::hours(2));
        assert_eq!(clock.offset(), Duration::hours(2));
    }

    #[test]
    fn absurd_offsets_saturate_instead_of_panicking() {
        let clock = Clock::default();
        clock.advance(Duration::MAX);
        clock.advance(Duration::MAX);
        assert_eq!(clock.now(), DateTime::<Utc>::MAX_UTC);
    }
}
