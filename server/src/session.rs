//! The server-side session: tower-sessions over SQLite (default) or PostgreSQL.
//! The browser holds only an opaque, HttpOnly cookie; tokens stay in the store.

use tower_sessions::{
    cookie::{time::Duration, SameSite},
    Expiry, SessionManagerLayer, SessionStore,
};
use tower_sessions_sqlx_store::{
    sqlx::{PgPool, SqlitePool},
    PostgresStore, SqliteStore,
};

/// Cookie name over plain http (local runs).
pub const COOKIE_NAME: &str = "storefront_session";
/// Over https the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain.
pub const SECURE_COOKIE_NAME: &str = "__Host-storefront_session";
/// Signed-in users are signed out after this much inactivity.
const IDLE_TIMEOUT: Duration = Duration::hours(8);

/// Why the session store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum SessionStoreError {
    #[error("cannot open the session database: {0}")]
    Open(#[from] tower_sessions_sqlx_store::sqlx::Error),
    #[error("unsupported session database URL (use sqlite: or postgres:)")]
    UnsupportedUrl,
}

/// The store behind the session layer, whichever database it uses.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    /// Connects and creates the session table if it is missing.
    pub async fn open(database_url: &str) -> Result<Self, SessionStoreError> {
        if database_url.starts_with("sqlite:") {
            let store = SqliteStore::new(SqlitePool::connect(database_url).await?);
            store.migrate().await?;
            Ok(Self::Sqlite(store))
        } else if database_url.starts_with("postgres:") || database_url.starts_with("postgresql:") {
            let store = PostgresStore::new(PgPool::connect(database_url).await?);
            store.migrate().await?;
            Ok(Self::Postgres(store))
        } else {
            Err(SessionStoreError::UnsupportedUrl)
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
            Self::Sqlite(store) => store.create(record).await,
            Self::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(
        &self,
        record: &tower_sessions::session::Record,
    ) -> tower_sessions::session_store::Result<()> {
        match self {
            Self::Sqlite(store) => store.save(record).await,
            Self::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(
        &self,
        id: &tower_sessions::session::Id,
    ) -> tower_sessions::session_store::Result<Option<tower_sessions::session::Record>> {
        match self {
            Self::Sqlite(store) => store.load(id).await,
            Self::Postgres(store) => store.load(id).await,
        }
    }

    async fn delete(
        &self,
        id: &tower_sessions::session::Id,
    ) -> tower_sessions::session_store::Result<()> {
        match self {
            Self::Sqlite(store) => store.delete(id).await,
            Self::Postgres(store) => store.delete(id).await,
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
        .with_expiry(Expiry::OnInactivity(IDLE_TIMEOUT))
}
