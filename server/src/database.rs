//! The storefront's own tables (sign-ins, carts, checkouts, sign-in throttles), in the
//! database that holds the sessions: SQLite by default, PostgreSQL when configured.
//! Their layout is made by the migrations in `server/migrations/`, the same files for
//! both databases; queries are written once for both (`$1` placeholders,
//! `TEXT`/`BIGINT`, `ON CONFLICT`, `RETURNING`), and [`on_pool!`] runs one on whichever
//! pool this is.
//!
//! Time that several instances must agree on (leases, lifetimes, throttles) is the
//! database's: queries say `{now}`, which [`Database::sql`] turns into the database's
//! own clock, never the instance's.

use sqlx::{migrate::Migrator, PgPool, SqlitePool};

/// A pool of either database; cheap to clone.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Evaluates `$body` with `$pool` bound to the concrete pool, so one query text and
/// its binds serve both databases.
macro_rules! on_pool {
    ($database:expr, |$pool:ident| $body:expr) => {
        match $database {
            $crate::database::Database::Sqlite($pool) => $body,
            $crate::database::Database::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

impl Database {
    /// Brings the storefront's tables to the current layout.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        on_pool!(self, |pool| MIGRATIONS.run(pool).await)
    }

    /// `query` with every `{now}` replaced by the database's clock in whole seconds
    /// since the Unix epoch (PostgreSQL's `clock_timestamp()`, not the transaction's
    /// start).
    pub fn sql(&self, query: &str) -> String {
        let now = match self {
            Self::Sqlite(_) => "CAST(strftime('%s', 'now') AS BIGINT)",
            Self::Postgres(_) => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)",
        };
        query.replace("{now}", now)
    }

    /// How a transaction that will write starts, and what a `SELECT` of the row it
    /// will change ends with, so that concurrent ones (on any instance) take turns:
    /// SQLite's write lock from the start, PostgreSQL's row lock.
    pub fn write_lock(&self) -> (&'static str, &'static str) {
        match self {
            Self::Sqlite(_) => ("BEGIN IMMEDIATE", ""),
            Self::Postgres(_) => ("BEGIN", " FOR UPDATE"),
        }
    }
}

/// Seconds since the Unix epoch by this instance's clock, for what only this instance
/// compares (a cart's last change); leases and lifetimes use [`Database::sql`]'s `{now}`.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::Database;
    use crate::{
        bff::checkout::store::{CheckoutStore, State},
        bff::party::Party,
        session::Store,
    };

    /// A database as an older server left it: the tables without migrations, one checkout
    /// never placed and one placed.
    async fn older_database(url: &str) {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::raw_sql(include_str!("../migrations/0001_carts_and_checkouts.sql"))
            .execute(&pool)
            .await
            .unwrap();
        for (id, state, order) in [
            ("old-confirmed", "confirmed", None),
            ("old-placed", "submitted", Some("8711820")),
        ] {
            sqlx::query(
                "INSERT INTO checkouts (id, user_id, actor_id, external_order_number,
                     cart_version, request, confirmation, state, order_id, created_at, updated_at)
                 VALUES ($1, 'u', 'u', $1, 1, $2, '{\"summary\":\"a view\"}', $3, $4, 1, 1)",
            )
            .bind(id)
            .bind(r#"{"orderRequest":{"transactionType":"ORDER_ACCESSORIES","serviceId":"1"}}"#)
            .bind(state)
            .bind(order)
            .execute(&pool)
            .await
            .unwrap();
        }
        pool.close().await;
    }

    #[tokio::test]
    async fn checkouts_of_the_older_layout_are_kept_when_placed_and_dropped_when_not() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display());
        older_database(&url).await;

        let store = Store::open(&url).await.unwrap();

        let checkouts = CheckoutStore::new(store.database());
        let party = Party {
            user_id: "u".into(),
            actor_id: "u".into(),
            acting: None,
        };
        assert!(checkouts
            .get(&party, "old-confirmed")
            .await
            .unwrap()
            .is_none());
        let placed = checkouts.get(&party, "old-placed").await.unwrap().unwrap();
        assert_eq!(placed.state, State::Submitted);
        assert_eq!(placed.order_id.as_deref(), Some("8711820"));
        assert!(placed.confirmed.is_none(), "its view was not kept");
        assert_eq!(placed.activity_id, "old-placed");
        Store::open(&url).await.expect("migrations run once");
    }

    #[tokio::test]
    async fn now_is_the_databases_clock_in_seconds() {
        let database =
            Database::Sqlite(sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap());
        let Database::Sqlite(pool) = &database else {
            unreachable!()
        };
        let now: i64 = sqlx::query_scalar(&database.sql("SELECT {now}"))
            .fetch_one(pool)
            .await
            .unwrap();
        let local = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        assert!((now - local).abs() <= 2, "{now} vs {local}");
    }
}
