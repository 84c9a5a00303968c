//! The storefront's own tables (carts, checkouts), in the database that holds the
//! sessions: SQLite by default, PostgreSQL when configured. Their layout is made by the
//! migrations in `server/migrations/`, the same files for both databases; queries are
//! written once for both (`$1` placeholders, `TEXT`/`BIGINT`, `ON CONFLICT`), and
//! [`on_pool!`] runs one on whichever pool this is.

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
}

/// Seconds since the Unix epoch, as the tables store time.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
