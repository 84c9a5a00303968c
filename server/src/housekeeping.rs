//! Periodic clean-up of what would otherwise grow without bound in the database:
//! expired sessions (tower-sessions only skips them when loading), sign-ins past their
//! lifetimes and checkouts nobody can act on any more. Carts are kept: they belong to
//! people, not sessions. Every instance sweeps; the statements do not mind.

use std::time::Duration;

use tower_sessions::session_store::ExpiredDeletion;

use crate::{
    bff::{
        checkout::store::CheckoutStore,
        sign_ins::SignInStore,
        throttle::{Throttle, ThrottlePolicy},
    },
    session::Store,
};

/// How often the clean-up runs.
const INTERVAL: Duration = Duration::from_secs(60 * 60);
/// A confirmation not placed within a day is dropped (its prices are stale anyway).
const CONFIRMED_KEPT_SECS: i64 = 24 * 60 * 60;
/// A placed order's checkout answers resubmits with its order for 30 days.
const SUBMITTED_KEPT_SECS: i64 = 30 * 24 * 60 * 60;

/// What one sweep removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub checkouts: u64,
    pub sign_ins: u64,
}

/// Deletes expired sessions and old checkouts once.
pub async fn sweep(store: &Store) -> Result<Swept, Box<dyn std::error::Error + Send + Sync>> {
    match store {
        Store::Sqlite(sessions, _) => sessions.delete_expired().await?,
        Store::Postgres(sessions, _) => sessions.delete_expired().await?,
    }
    let checkouts = CheckoutStore::new(store.database())
        .purge(CONFIRMED_KEPT_SECS, SUBMITTED_KEPT_SECS)
        .await?;
    let sign_ins = SignInStore::new(store.database()).purge().await?;
    Throttle::new(store.database(), ThrottlePolicy::default())
        .purge()
        .await?;
    Ok(Swept {
        checkouts,
        sign_ins,
    })
}

/// Runs [`sweep`] now and then every [`INTERVAL`], for as long as the server runs.
pub fn spawn(store: Store) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(INTERVAL);
        loop {
            ticks.tick().await;
            match sweep(&store).await {
                Ok(swept) => tracing::debug!(
                    checkouts = swept.checkouts,
                    sign_ins = swept.sign_ins,
                    "housekeeping done"
                ),
                Err(error) => tracing::warn!(%error, "housekeeping failed"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::database::now;

    async fn checkout(store: &Store, id: &str, state: &str, age_secs: i64) {
        let Store::Sqlite(_, pool) = store else {
            unreachable!("the test store is SQLite")
        };
        let at = now() - age_secs;
        sqlx::query(
            "INSERT INTO checkouts (id, user_id, actor_id, external_order_number, activity_id,
                 cart_version, request, confirmation, definitions, state, order_id,
                 created_at, updated_at)
             VALUES ($1, 'u', 'u', $1, $1, 1, '{}', NULL, NULL, $2, NULL, $3, $3)",
        )
        .bind(id)
        .bind(state)
        .bind(at)
        .execute(pool)
        .await
        .unwrap();
    }

    async fn remaining(store: &Store) -> Vec<String> {
        let Store::Sqlite(_, pool) = store else {
            unreachable!("the test store is SQLite")
        };
        sqlx::query_scalar("SELECT id FROM checkouts ORDER BY id")
            .fetch_all(pool)
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn old_checkouts_go_and_doubtful_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display());
        let store = Store::open(&url).await.unwrap();
        let day = 24 * 60 * 60;
        checkout(&store, "confirmed-new", "confirmed", 60).await;
        checkout(&store, "confirmed-old", "confirmed", 2 * day).await;
        checkout(&store, "submitted-recent", "submitted", 2 * day).await;
        checkout(&store, "submitted-old", "submitted", 31 * day).await;
        checkout(&store, "unknown-old", "unknown", 31 * day).await;

        let swept = sweep(&store).await.unwrap();

        assert_eq!(
            swept,
            Swept {
                checkouts: 2,
                sign_ins: 0
            }
        );
        assert_eq!(
            remaining(&store).await,
            ["confirmed-new", "submitted-recent", "unknown-old"]
        );
    }
}
