//! The `sign_ins` table: who is signed in on a session, how, and their OAuth tokens,
//! kept outside the session record so that no request saving its session can write
//! back tokens rotated since. The session holds only the row's random id.
//!
//! A refresh locks the row (PostgreSQL `SELECT … FOR UPDATE`, SQLite's write lock),
//! so exactly one request on any instance refreshes a rotating refresh token and the
//! others, waiting for the lock, read its result. Signing out deletes the row: every
//! session still naming it is signed out, on every instance, whatever it saves later.
//!
//! Lifetimes are judged by the database's clock: a sign-in ends after
//! [`IDLE_LIMIT_SECS`] without a request and [`ABSOLUTE_LIMIT_SECS`] after it began,
//! however active.

use std::{
    future::Future,
    time::{Duration, Instant, SystemTime},
};

use mobproc::client::{AccessToken, RefreshToken, TokenSet};

use super::error::BffError;
use crate::database::{on_pool, Database};

/// Without a request for this long, a sign-in ends (ASVS 3.3.2, level 2).
pub const IDLE_LIMIT_SECS: i64 = 30 * 60;
/// However active, a sign-in ends this long after it began: a working day, then the
/// person proves again who they are (ASVS 3.3.2, level 2).
pub const ABSOLUTE_LIMIT_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_AFTER_SECS: i64 = 60;

const COLUMNS: &str = "id, employee_id, name, method, access_token, refresh_token,
     expires_at - {now} AS expires_in, {now} - signed_in_at AS age,
     {now} - last_seen_at AS idle";

/// How the person signed in; stored by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Method {
    /// The OAuth password grant: the storefront's own form.
    Password,
    /// The authorization code grant: the identity provider's page.
    Code,
}

/// A signed-in person and their tokens, as read from the table.
#[derive(Clone)]
pub struct SignIn {
    pub id: String,
    pub employee_id: String,
    pub name: String,
    pub method: Method,
    access_token: String,
    refresh_token: Option<String>,
    /// Seconds the access token had left when read, by the database's clock.
    expires_in: i64,
    read_at: Instant,
}

impl SignIn {
    pub fn access_token(&self) -> AccessToken {
        AccessToken::new(self.access_token.clone())
    }

    pub fn refresh_token(&self) -> Option<RefreshToken> {
        self.refresh_token.clone().map(RefreshToken::new)
    }

    /// Whether `token` is this sign-in's access token.
    pub fn holds(&self, token: &str) -> bool {
        self.access_token == token
    }

    /// Whether the access token expires within `margin` from now.
    pub fn expires_within(&self, margin: Duration) -> bool {
        let left = Duration::from_secs(u64::try_from(self.expires_in).unwrap_or(0));
        left.saturating_sub(self.read_at.elapsed()) <= margin
    }
}

// Tokens must never reach a log line.
impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn")
            .field("employee_id", &self.employee_id)
            .field("method", &self.method)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// A sign-in just ended.
pub struct Ended {
    pub employee_id: String,
    pub method: Method,
    pub refresh_token: Option<RefreshToken>,
}

/// What a refresh came to.
pub enum Renewal {
    Tokens(TokenSet),
    /// The OAuth server refused the refresh token: the sign-in is over.
    Refused,
}

#[derive(sqlx::FromRow)]
struct SignInRow {
    id: String,
    employee_id: String,
    name: String,
    method: String,
    access_token: String,
    refresh_token: Option<String>,
    expires_in: i64,
    age: i64,
    idle: i64,
}

impl SignInRow {
    fn within_limits(&self) -> bool {
        self.age <= ABSOLUTE_LIMIT_SECS && self.idle <= IDLE_LIMIT_SECS
    }

    fn into_sign_in(self) -> Result<SignIn, BffError> {
        Ok(SignIn {
            method: self
                .method
                .parse()
                .map_err(|_| BffError::Context("a sign-in of an unknown method"))?,
            id: self.id,
            employee_id: self.employee_id,
            name: self.name,
            access_token: self.access_token,
            refresh_token: self.refresh_token,
            expires_in: self.expires_in,
            read_at: Instant::now(),
        })
    }
}

/// Seconds the access token of `tokens` has left.
fn seconds_left(tokens: &TokenSet) -> i64 {
    tokens
        .expires_at
        .duration_since(SystemTime::now())
        .map_or(0, |left| i64::try_from(left.as_secs()).unwrap_or(i64::MAX))
}

#[derive(Debug, Clone)]
pub struct SignInStore {
    database: Database,
}

impl SignInStore {
    pub fn new(database: Database) -> Self {
        Self { database }
    }

    /// Records a new sign-in; its random id, for the session.
    pub async fn create(
        &self,
        employee_id: &str,
        name: &str,
        method: Method,
        tokens: &TokenSet,
    ) -> Result<String, BffError> {
        let id = random_id();
        let method: &'static str = method.into();
        let query = self.database.sql(
            "INSERT INTO sign_ins (id, employee_id, name, method, access_token, refresh_token,
                 expires_at, signed_in_at, last_seen_at)
             VALUES ($1, $2, $3, $4, $5, $6, {now} + $7, {now}, {now})",
        );
        on_pool!(&self.database, |pool| {
            sqlx::query(&query)
                .bind(&id)
                .bind(employee_id)
                .bind(name)
                .bind(method)
                .bind(tokens.access_token.secret())
                .bind(tokens.refresh_token.as_ref().map(|t| t.secret()))
                .bind(seconds_left(tokens))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(id)
    }

    /// The sign-in `id`, if it still holds: not ended, and within its lifetimes (a
    /// sign-in past them is deleted here). Notes that it was seen.
    pub async fn current(&self, id: &str) -> Result<Option<SignIn>, BffError> {
        let select = self
            .database
            .sql(&format!("SELECT {COLUMNS} FROM sign_ins WHERE id = $1"));
        let row: Option<SignInRow> = on_pool!(&self.database, |pool| {
            sqlx::query_as(&select).bind(id).fetch_optional(pool).await
        })?;
        let Some(row) = row else {
            return Ok(None);
        };
        if !row.within_limits() {
            tracing::info!(
                age_secs = row.age,
                idle_secs = row.idle,
                "sign-in past its lifetime"
            );
            self.end(id).await?;
            return Ok(None);
        }
        if row.idle > TOUCH_AFTER_SECS {
            let touch = self
                .database
                .sql("UPDATE sign_ins SET last_seen_at = {now} WHERE id = $1");
            on_pool!(&self.database, |pool| {
                sqlx::query(&touch).bind(id).execute(pool).await.map(|_| ())
            })?;
        }
        row.into_sign_in().map(Some)
    }

    /// The tokens of sign-in `id` after the access token `seen` turned out due (or
    /// refused): with the row locked, either another request has replaced it already
    /// and its result is returned, or `renew` is asked with the current refresh token
    /// and its answer stored. `None` when the sign-in is over.
    pub async fn refresh<F, Fut>(
        &self,
        id: &str,
        seen: &str,
        margin: Duration,
        renew: F,
    ) -> Result<Option<SignIn>, BffError>
    where
        F: FnOnce(RefreshToken) -> Fut,
        Fut: Future<Output = Result<Renewal, BffError>>,
    {
        let (begin, lock) = self.database.write_lock();
        let select = self.database.sql(&format!(
            "SELECT {COLUMNS} FROM sign_ins WHERE id = $1{lock}"
        ));
        let update = self.database.sql(&format!(
            "UPDATE sign_ins SET access_token = $2, refresh_token = COALESCE($3, refresh_token),
                 expires_at = {{now}} + $4
             WHERE id = $1 RETURNING {COLUMNS}"
        ));
        let delete = "DELETE FROM sign_ins WHERE id = $1";
        on_pool!(&self.database, |pool| {
            let mut transaction = pool.begin_with(begin).await?;
            let row: Option<SignInRow> = sqlx::query_as(&select)
                .bind(id)
                .fetch_optional(&mut *transaction)
                .await?;
            let Some(row) = row.filter(SignInRow::within_limits) else {
                sqlx::query(delete)
                    .bind(id)
                    .execute(&mut *transaction)
                    .await?;
                transaction.commit().await?;
                return Ok(None);
            };
            let latest = row.into_sign_in()?;
            if !latest.holds(seen) && !latest.expires_within(margin) {
                transaction.commit().await?;
                return Ok(Some(latest));
            }
            let renewal = match latest.refresh_token() {
                Some(refresh_token) => renew(refresh_token).await?,
                None => Renewal::Refused,
            };
            match renewal {
                Renewal::Tokens(tokens) => {
                    let row: SignInRow = sqlx::query_as(&update)
                        .bind(id)
                        .bind(tokens.access_token.secret())
                        .bind(tokens.refresh_token.as_ref().map(|t| t.secret()))
                        .bind(seconds_left(&tokens))
                        .fetch_one(&mut *transaction)
                        .await?;
                    transaction.commit().await?;
                    row.into_sign_in().map(Some)
                }
                Renewal::Refused => {
                    sqlx::query(delete)
                        .bind(id)
                        .execute(&mut *transaction)
                        .await?;
                    transaction.commit().await?;
                    Ok(None)
                }
            }
        })
    }

    /// Ends sign-in `id`: whose it was, how they signed in, and the refresh token to
    /// revoke.
    pub async fn end(&self, id: &str) -> Result<Option<Ended>, BffError> {
        let ended: Option<(String, String, Option<String>)> = on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "DELETE FROM sign_ins WHERE id = $1 RETURNING employee_id, method, refresh_token",
            )
            .bind(id)
            .fetch_optional(pool)
            .await
        })?;
        ended
            .map(|(employee_id, method, refresh_token)| {
                Ok(Ended {
                    employee_id,
                    method: method
                        .parse()
                        .map_err(|_| BffError::Context("a sign-in of an unknown method"))?,
                    refresh_token: refresh_token.map(RefreshToken::new),
                })
            })
            .transpose()
    }

    /// Ends every sign-in of `employee_id`, on every instance; their refresh tokens.
    pub async fn end_all(&self, employee_id: &str) -> Result<Vec<RefreshToken>, BffError> {
        let ended: Vec<Option<String>> = on_pool!(&self.database, |pool| {
            sqlx::query_scalar(
                "DELETE FROM sign_ins WHERE employee_id = $1 RETURNING refresh_token",
            )
            .bind(employee_id)
            .fetch_all(pool)
            .await
        })?;
        Ok(ended.into_iter().flatten().map(RefreshToken::new).collect())
    }

    /// Deletes the sign-ins past their lifetimes; how many.
    pub async fn purge(&self) -> Result<u64, BffError> {
        let query = self.database.sql(
            "DELETE FROM sign_ins WHERE signed_in_at < {now} - $1 OR last_seen_at < {now} - $2",
        );
        let purged = on_pool!(&self.database, |pool| {
            sqlx::query(&query)
                .bind(ABSOLUTE_LIMIT_SECS)
                .bind(IDLE_LIMIT_SECS)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(purged)
    }
}

/// 32 random bytes as hex: unguessable, and names nothing about the person.
fn random_id() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Store;

    fn tokens(access: &str, refresh: Option<&str>, lasting: Duration) -> TokenSet {
        TokenSet {
            access_token: AccessToken::new(access.into()),
            refresh_token: refresh.map(|r| RefreshToken::new(r.into())),
            expires_at: SystemTime::now() + lasting,
        }
    }

    async fn store() -> (tempfile::TempDir, SignInStore) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display());
        let store = Store::open(&url).await.unwrap();
        (dir, SignInStore::new(store.database()))
    }

    #[tokio::test]
    async fn expiry_is_judged_with_a_margin() {
        let (_dir, store) = store().await;
        let id = store
            .create(
                "1",
                "Ann",
                Method::Password,
                &tokens("a1", Some("r1"), Duration::from_secs(30)),
            )
            .await
            .unwrap();
        let sign_in = store.current(&id).await.unwrap().unwrap();
        assert!(sign_in.expires_within(Duration::from_secs(60)));
        assert!(!sign_in.expires_within(Duration::ZERO));
        assert_eq!(sign_in.method, Method::Password);
    }

    #[tokio::test]
    async fn a_refresh_without_a_new_refresh_token_keeps_the_old_one() {
        let (_dir, store) = store().await;
        let id = store
            .create(
                "1",
                "Ann",
                Method::Code,
                &tokens("a1", Some("r1"), Duration::from_secs(30)),
            )
            .await
            .unwrap();
        let refreshed = store
            .refresh(&id, "a1", Duration::from_secs(60), |refresh| async move {
                assert_eq!(refresh.secret(), "r1");
                Ok(Renewal::Tokens(tokens(
                    "a2",
                    None,
                    Duration::from_secs(3600),
                )))
            })
            .await
            .unwrap()
            .unwrap();
        assert!(refreshed.holds("a2"));
        assert_eq!(refreshed.refresh_token().unwrap().secret(), "r1");
        assert!(!refreshed.expires_within(Duration::from_secs(60)));
    }

    #[tokio::test]
    async fn a_token_replaced_meanwhile_is_taken_without_a_second_refresh() {
        let (_dir, store) = store().await;
        let id = store
            .create(
                "1",
                "Ann",
                Method::Password,
                &tokens("a1", Some("r1"), Duration::from_secs(3600)),
            )
            .await
            .unwrap();
        let latest = store
            .refresh(&id, "a0", Duration::from_secs(60), |_| async {
                panic!("no refresh when the seen token was replaced already")
            })
            .await
            .unwrap()
            .unwrap();
        assert!(latest.holds("a1"));
    }

    #[tokio::test]
    async fn a_refused_refresh_or_a_sign_out_ends_the_sign_in() {
        let (_dir, store) = store().await;
        let lasting = Duration::from_secs(3600);
        let refused = store
            .create(
                "1",
                "Ann",
                Method::Password,
                &tokens("a1", Some("r1"), lasting),
            )
            .await
            .unwrap();
        let ended = store
            .refresh(&refused, "a1", Duration::from_secs(60), |_| async {
                Ok(Renewal::Refused)
            })
            .await
            .unwrap();
        assert!(ended.is_none());
        assert!(store.current(&refused).await.unwrap().is_none());

        let other = store
            .create("1", "Ann", Method::Code, &tokens("a2", Some("r2"), lasting))
            .await
            .unwrap();
        let ended = store.end(&other).await.unwrap().unwrap();
        assert_eq!(ended.employee_id, "1");
        assert_eq!(ended.method, Method::Code);
        assert_eq!(ended.refresh_token.unwrap().secret(), "r2");
        assert!(store.current(&other).await.unwrap().is_none());
        assert!(store.end(&other).await.unwrap().is_none(), "ended once");

        let mine = store
            .create(
                "1",
                "Ann",
                Method::Password,
                &tokens("a3", Some("r3"), lasting),
            )
            .await
            .unwrap();
        let again = store
            .create("1", "Ann", Method::Code, &tokens("a4", Some("r4"), lasting))
            .await
            .unwrap();
        let theirs = store
            .create(
                "2",
                "Bob",
                Method::Password,
                &tokens("a5", Some("r5"), lasting),
            )
            .await
            .unwrap();
        let mut revoked: Vec<String> = store
            .end_all("1")
            .await
            .unwrap()
            .iter()
            .map(|t| t.secret().clone())
            .collect();
        revoked.sort();
        assert_eq!(revoked, ["r3", "r4"]);
        assert!(store.current(&mine).await.unwrap().is_none());
        assert!(store.current(&again).await.unwrap().is_none());
        assert!(
            store.current(&theirs).await.unwrap().is_some(),
            "others keep theirs"
        );
    }

    #[tokio::test]
    async fn debug_shows_no_token() {
        let (_dir, store) = store().await;
        let id = store
            .create(
                "1",
                "Ann",
                Method::Password,
                &tokens(
                    "access-secret",
                    Some("refresh-secret"),
                    Duration::from_secs(30),
                ),
            )
            .await
            .unwrap();
        let text = format!("{:?}", store.current(&id).await.unwrap().unwrap());
        assert!(!text.contains("access-secret") && !text.contains("refresh-secret"));
    }
}
