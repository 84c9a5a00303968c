//! What MOBPROC answers that changes rarely, kept in this instance's memory for a
//! while, so that a warm page view asks MOBPROC for little more than the line or the
//! order it is about. Entries only expire (a time to live per kind, `STOREFRONT_CACHE_*_SECS`) or
//! are evicted when the cache is full (`STOREFRONT_CACHE_MAX_ITEMS`): nothing relies on
//! an entry being there, so several instances each keep their own.
//!
//! An order's history and shipments are kept per version of the order: under the
//! `updated` stamp of the order just read, so any change to the order asks again.
//!
//! Never kept: lines, orders and their status, employees, anything the user wrote, and
//! the catalog look-ups behind "Add to cart" and "Order again" (whether an item is
//! offered now); MOBPROC checks every order again at its confirmation. Failed calls are
//! never kept either.
//!
//! One call at a time fills an entry: requests asking for it meanwhile wait for that
//! answer instead of asking MOBPROC too.

use std::{
    any::{type_name, Any},
    future::Future,
    sync::Arc,
    time::{Duration, Instant},
};

use mobproc::model::Me;
use moka::{future::Cache, Expiry};

use super::{caller::Caller, error::BffError};

/// What a kept answer is, which decides how long it is kept and for whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    /// Catalog listings, items and filter choices: the catalog depends on who asks and
    /// for whom, so they are kept per signed-in person and actor.
    Catalog,
    /// Vendors, regions and their address formats: the same for everyone.
    Reference,
    /// Order property definitions and acknowledgements, per transaction type and
    /// vendor (or line).
    Definitions,
    /// `/me`, per sign-in and actor.
    Me,
    /// An order segment's history and shipments, per signed-in person and actor and per
    /// version of the order.
    Tracking,
}

/// How long each kind is kept (zero: not at all), and how much is kept at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheSettings {
    pub catalog: Duration,
    pub reference: Duration,
    pub definitions: Duration,
    pub me: Duration,
    pub tracking: Duration,
    /// Items kept at most, all kinds together: a listing counts its items, anything
    /// else one.
    pub max_items: u64,
}

impl Default for CacheSettings {
    fn default() -> Self {
        Self {
            catalog: Duration::from_secs(5 * 60),
            reference: Duration::from_secs(60 * 60),
            definitions: Duration::from_secs(10 * 60),
            me: Duration::from_secs(60),
            tracking: Duration::from_secs(10 * 60),
            max_items: 20_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    kind: Kind,
    /// Whose answer it is (empty when it is everyone's).
    scope: String,
    /// The call, e.g. its collection and query.
    call: String,
    /// The Rust type kept, so one call read two ways never mixes.
    shape: &'static str,
}

#[derive(Clone)]
struct Kept {
    time_to_live: Duration,
    weight: u32,
    value: Arc<dyn Any + Send + Sync>,
}

/// Each entry lives as long as its kind says.
struct TimeToLive;

impl Expiry<Key, Kept> for TimeToLive {
    fn expire_after_create(&self, _: &Key, kept: &Kept, _: Instant) -> Option<Duration> {
        Some(kept.time_to_live)
    }
}

/// The BFF's kept answers; cheap to clone.
#[derive(Clone)]
pub struct Caches {
    kept: Cache<Key, Kept>,
    settings: CacheSettings,
}

impl Caches {
    pub fn new(settings: CacheSettings) -> Self {
        Self {
            kept: Cache::builder()
                .max_capacity(settings.max_items)
                .weigher(|_, kept: &Kept| kept.weight)
                .expire_after(TimeToLive)
                .build(),
            settings,
        }
    }

    fn time_to_live(&self, kind: Kind) -> Duration {
        match kind {
            Kind::Catalog => self.settings.catalog,
            Kind::Reference => self.settings.reference,
            Kind::Definitions => self.settings.definitions,
            Kind::Me => self.settings.me,
            Kind::Tracking => self.settings.tracking,
        }
    }

    /// The kept answer to `call`, else `fetch`'s, kept when it succeeds.
    async fn get<V, F, Fut>(
        &self,
        kind: Kind,
        scope: String,
        call: String,
        weight: impl Fn(&V) -> usize,
        fetch: F,
    ) -> Result<Arc<V>, BffError>
    where
        V: Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<V, BffError>>,
    {
        let time_to_live = self.time_to_live(kind);
        if time_to_live.is_zero() {
            return fetch().await.map(Arc::new);
        }
        let key = Key {
            kind,
            scope,
            call,
            shape: type_name::<V>(),
        };
        let mut failure = None;
        let kept = self
            .kept
            .try_get_with(key, async {
                match fetch().await {
                    Ok(value) => Ok(Kept {
                        time_to_live,
                        weight: u32::try_from(weight(&value).max(1)).unwrap_or(u32::MAX),
                        value: Arc::new(value),
                    }),
                    Err(error) => {
                        failure = Some(error);
                        Err(())
                    }
                }
            })
            .await;
        match (kept, failure) {
            (Ok(kept), _) => kept
                .value
                .downcast::<V>()
                .map_err(|_| BffError::Context("a kept answer of another type")),
            (Err(_), Some(error)) => Err(error),
            // The call this request waited for failed: it asks for itself, so the
            // error it reports (and its correlation id) is its own.
            (Err(_), None) => fetch().await.map(Arc::new),
        }
    }
}

impl Caller {
    /// Whose kept answers these are: the signed-in person, acting as the actor.
    fn person_scope(&self) -> String {
        let party = self.party();
        format!("{} for {}", party.user_id, party.actor_id)
    }

    /// `fetch`'s answer to `call` in this caller's catalog: kept per signed-in person
    /// and actor; `weight` counts its items.
    pub async fn kept_catalog<V, F, Fut>(
        &self,
        call: String,
        weight: impl Fn(&V) -> usize,
        fetch: F,
    ) -> Result<Arc<V>, BffError>
    where
        V: Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<V, BffError>>,
    {
        let caches = &self.bff().inner.caches;
        caches
            .get(Kind::Catalog, self.person_scope(), call, weight, fetch)
            .await
    }

    /// `fetch`'s answer to `call`, the same for everyone (vendors, regions).
    pub async fn kept_reference<V, F, Fut>(
        &self,
        call: String,
        fetch: F,
    ) -> Result<Arc<V>, BffError>
    where
        V: Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<V, BffError>>,
    {
        let caches = &self.bff().inner.caches;
        caches
            .get(Kind::Reference, String::new(), call, |_| 1, fetch)
            .await
    }

    /// `fetch`'s answer to `call` about what an order asks for; kept for everyone
    /// unless `personal` (a line's definitions, kept per person and actor).
    pub async fn kept_definitions<V, F, Fut>(
        &self,
        call: String,
        personal: bool,
        fetch: F,
    ) -> Result<Arc<V>, BffError>
    where
        V: Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<V, BffError>>,
    {
        let scope = match personal {
            true => self.person_scope(),
            false => String::new(),
        };
        let caches = &self.bff().inner.caches;
        caches
            .get(Kind::Definitions, scope, call, |_| 1, fetch)
            .await
    }

    /// `fetch`'s answer about `order_id` as of the order's last change, `updated`: kept
    /// per signed-in person and actor; without a stamp nothing is kept.
    pub async fn kept_tracking<V, F, Fut>(
        &self,
        order_id: &str,
        updated: Option<&String>,
        call: String,
        fetch: F,
    ) -> Result<Arc<V>, BffError>
    where
        V: Send + Sync + 'static,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<V, BffError>>,
    {
        let Some(updated) = updated else {
            return fetch().await.map(Arc::new);
        };
        let call = format!("{order_id} as of {updated}: {call}");
        let caches = &self.bff().inner.caches;
        caches
            .get(Kind::Tracking, self.person_scope(), call, |_| 1, fetch)
            .await
    }

    /// `/me` in the party's context, kept briefly per sign-in.
    pub async fn me(&self) -> Result<Arc<Me>, BffError> {
        let scope = format!("{} for {}", self.sign_in().id, self.party().actor_id);
        let caches = &self.bff().inner.caches;
        caches
            .get(
                Kind::Me,
                scope,
                "/me".to_owned(),
                |_| 1,
                || async { self.api().me().await },
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn caches(catalog: Duration) -> Caches {
        Caches::new(CacheSettings {
            catalog,
            ..CacheSettings::default()
        })
    }

    async fn count(caches: &Caches, calls: &AtomicUsize, scope: &str) -> Result<usize, BffError> {
        caches
            .get(
                Kind::Catalog,
                scope.to_owned(),
                "call".to_owned(),
                |_| 1,
                || async { Ok(calls.fetch_add(1, Ordering::SeqCst)) },
            )
            .await
            .map(|n| *n)
    }

    #[tokio::test]
    async fn an_answer_is_kept_per_scope() {
        let caches = caches(Duration::from_secs(60));
        let calls = AtomicUsize::new(0);
        assert_eq!(count(&caches, &calls, "a").await.unwrap(), 0);
        assert_eq!(count(&caches, &calls, "a").await.unwrap(), 0, "kept");
        assert_eq!(count(&caches, &calls, "b").await.unwrap(), 1, "another's");
    }

    #[tokio::test]
    async fn a_time_to_live_of_zero_keeps_nothing() {
        let caches = caches(Duration::ZERO);
        let calls = AtomicUsize::new(0);
        count(&caches, &calls, "a").await.unwrap();
        count(&caches, &calls, "a").await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_failure_is_not_kept() {
        let caches = caches(Duration::from_secs(60));
        let calls = AtomicUsize::new(0);
        let failing = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<usize, _>(BffError::Context("down"))
        };
        for _ in 0..2 {
            let answer = caches
                .get(Kind::Reference, String::new(), "x".into(), |_| 1, failing)
                .await;
            assert!(matches!(answer, Err(BffError::Context("down"))));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
