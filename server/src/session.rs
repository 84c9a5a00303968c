//! The server-side session: tower-sessions over SQLite (default) or PostgreSQL.
//! The browser holds only an opaque, HttpOnly cookie; tokens stay in the store.

use std::{str::FromStr, time::Duration as StdDuration};

use crate::database::Database;
use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode},
    PgPool, SqlitePool,
};
use tower_sessions::{
    cookie::{time::Duration, SameSite},
    Expiry, SessionManagerLayer, SessionStore,
};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Cookie name over plain http (local runs).
pub const COOKIE_NAME: &str = "storefront_session";
/// Over https the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain.
pub const SECURE_COOKIE_NAME: &str = "__Host-storefront_session";
/// A session record outlives no sign-in: it is kept this long after its last change
/// (a sign-in's own idle and absolute limits are in `bff::sign_ins`).
const RECORD_LIFETIME: Duration = Duration::hours(12);
/// A write waits this long for SQLite's lock, which a token refresh holds while it asks
/// the OAuth server (bounded by the client's timeout).
const SQLITE_BUSY_TIMEOUT: StdDuration = StdDuration::from_secs(40);

/// Why the session store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SessionStoreError {
    #[error("cannot open the session database: {0}")]
    Open(#[from] sqlx::Error),
    #[error("cannot bring the storefront's tables up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported session database URL (use sqlite: or postgres:)")]
    UnsupportedUrl,
}

/// The store behind the session layer, whichever database it uses, with its pool:
/// the storefront's own tables (carts, checkouts) live in the same database.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(SqliteStore, SqlitePool),
    Postgres(PostgresStore, PgPool),
}

impl Store {
    /// Connects and creates the session table and the storefront's tables if missing.
    pub async fn open(database_url: &str) -> Result<Self, SessionStoreError> {
        let store = if database_url.starts_with("sqlite:") {
            // WAL: readers never wait for the writer.
            let options = SqliteConnectOptions::from_str(database_url)?
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(SQLITE_BUSY_TIMEOUT);
            let pool = SqlitePool::connect_with(options).await?;
            let store = SqliteStore::new(pool.clone());
            store.migrate().await?;
            Self::Sqlite(store, pool)
        } else if database_url.starts_with("postgres:") || database_url.starts_with("postgresql:") {
            let pool = PgPool::connect(database_url).await?;
            let store = PostgresStore::new(pool.clone());
            store.migrate().await?;
            Self::Postgres(store, pool)
        } else {
            return Err(SessionStoreError::UnsupportedUrl);
        };
        store.database().migrate().await?;
        Ok(store)
    }

    /// The pool behind the sessions, for the storefront's own tables.
    pub fn database(&self) -> Database {
        match self {
            Self::Sqlite(_, pool) => Database::Sqlite(pool.clone()),
            Self::Postgres(_, pool) => Database::Postgres(pool.clone()),
        }
    }
}

#[async_trait::async_trait]
impl SessionStore for Store {
    async fn create(
        &self,
        record: &mut tower_sessions::session::Record,
    ) -> tower_sessions::session_store::Result<()> {
        match self {
            Self::Sqlite(store, _) => store.create(record).await,
            Self::Postgres(store, _) => store.create(record).await,
        }
    }

    async fn save(
        &self,
        record: &tower_sessions::session::Record,
    ) -> tower_sessions::session_store::Result<()> {
        match self {
            Self::Sqlite(store, _) => store.save(record).await,
            Self::Postgres(store, _) => store.save(record).await,
        }
    }

    async fn load(
        &self,
        id: &tower_sessions::session::Id,
    ) -> tower_sessions::session_store::Result<Option<tower_sessions::session::Record>> {
        match self {
            Self::Sqlite(store, _) => store.load(id).await,
            Self::Postgres(store, _) => store.load(id).await,
        }
    }

    async fn delete(
        &self,
        id: &tower_sessions::session::Id,
    ) -> tower_sessions::session_store::Result<()> {
        match self {
            Self::Sqlite(store, _) => store.delete(id).await,
            Self::Postgres(store, _) => store.delete(id).await,
        }
    }
}

/// The session layer with the cookie attributes of this deployment.
pub fn layer<S: SessionStore + Clone>(store: S, secure: bool) -> SessionManagerLayer<S> {
    SessionManagerLayer::new(store)
        .with_name(if secure {
            SECURE_COOKIE_NAME
        } else {
            COOKIE_NAME
        })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(RECORD_LIFETIME))
}
