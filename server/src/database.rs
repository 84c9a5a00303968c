//! The storefront's own tables (carts, checkouts), in the database that holds the
//! sessions: SQLite by default, PostgreSQL when configured. The SQL is written once for
//! both (`$1` placeholders, `TEXT`/`BIGINT`, `ON CONFLICT`), and [`on_pool!`] runs it on
//! whichever pool this is.

use tower_sessions_sqlx_store::sqlx::{self, PgPool, SqlitePool};

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

/// Tables created at start-up, each statement idempotent.
const SCHEMA: &[&str] = &[
    crate::bff::cart::store::SCHEMA,
    crate::bff::checkout::store::SCHEMA,
];

impl Database {
    /// Creates the storefront's tables when they are missing.
    pub async fn migrate(&self) -> Result<(), sqlx::Error> {
        for statement in SCHEMA {
            on_pool!(self, |pool| sqlx::query(statement)
                .execute(pool)
                .await
                .map(|_| ()))?;
        }
        Ok(())
    }
}

/// Seconds since the Unix epoch, as the tables store time.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
