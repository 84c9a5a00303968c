//! Sign-in throttling (ASVS 2.2.1, CWE-307): failed password sign-ins are counted per
//! account and per client address in the database, so every instance sees them. After
//! a few failures each further one locks the account (or address) for a while, twice
//! as long each time up to a cap; while locked, attempts are answered 429 without
//! asking MOBPROC, so guessing reaches neither the identity provider nor its lockout.
//!
//! The per-account lock is capped (15 minutes): an attacker can slow an employee's
//! sign-in down but not lock them out for good from wherever they are. Failures are
//! forgotten an hour after the last one, and a success forgets the account's.

use std::time::Duration;

use crate::database::{on_pool, Database};

use super::error::BffError;

/// When failures of one kind lock sign-in, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Failures allowed before the first lock.
    pub free_failures: i64,
    /// The first lock; each further failure doubles it.
    pub first_lock_secs: i64,
    pub max_lock_secs: i64,
}

impl Rule {
    /// The lock after `failures` failures, if any.
    pub fn lock_secs(&self, failures: i64) -> Option<i64> {
        if failures < self.free_failures {
            return None;
        }
        let over = failures - self.free_failures;
        let doubled = u32::try_from(over)
            .ok()
            .and_then(|over| self.first_lock_secs.checked_mul(2_i64.checked_pow(over)?))
            .unwrap_or(self.max_lock_secs);
        Some(doubled.min(self.max_lock_secs))
    }
}

/// The rules for accounts and for client addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub account: Rule,
    /// Looser: many people may sign in from one address (an office's proxy).
    pub address: Rule,
    /// Failures older than this (after the last one) are forgotten.
    pub forget_after_secs: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            account: Rule {
                free_failures: 5,
                first_lock_secs: 60,
                max_lock_secs: 15 * 60,
            },
            address: Rule {
                free_failures: 30,
                first_lock_secs: 60,
                max_lock_secs: 60 * 60,
            },
            forget_after_secs: 60 * 60,
        }
    }
}

#[derive(Clone, Copy)]
enum Scope {
    Account,
    Address,
}

impl Scope {
    fn name(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Address => "address",
        }
    }
}

/// The counters, in the database.
#[derive(Debug, Clone)]
pub struct Throttle {
    database: Database,
    policy: ThrottlePolicy,
}

/// The account a username counts against: trimmed, lower case, without a
/// `source://` prefix (API.md §2), so spellings of one account count together.
pub fn account_of(username: &str) -> String {
    let username = username.trim();
    let plain = username
        .split_once("://")
        .map_or(username, |(_, user)| user);
    plain.to_lowercase()
}

impl Throttle {
    pub fn new(database: Database, policy: ThrottlePolicy) -> Self {
        Self { database, policy }
    }

    /// How long until `account` may try again from `address`; `None`: now.
    pub async fn wait(&self, account: &str, address: &str) -> Result<Option<Duration>, BffError> {
        let query = self.database.sql(
            "SELECT MAX(blocked_until) - {now} FROM sign_in_throttles
             WHERE (scope = $1 AND subject = $2) OR (scope = $3 AND subject = $4)",
        );
        let left: Option<i64> = on_pool!(&self.database, |pool| {
            sqlx::query_scalar(&query)
                .bind(Scope::Account.name())
                .bind(account)
                .bind(Scope::Address.name())
                .bind(address)
                .fetch_one(pool)
                .await
        })?;
        Ok(left
            .filter(|secs| *secs > 0)
            .map(|secs| Duration::from_secs(secs.unsigned_abs())))
    }

    /// Counts a wrong password for `account` from `address`, locking either once it
    /// has too many.
    pub async fn failed(&self, account: &str, address: &str) -> Result<(), BffError> {
        self.count(Scope::Account, account, self.policy.account)
            .await?;
        self.count(Scope::Address, address, self.policy.address)
            .await
    }

    /// A successful sign-in forgets the account's failures.
    pub async fn succeeded(&self, account: &str) -> Result<(), BffError> {
        on_pool!(&self.database, |pool| {
            sqlx::query("DELETE FROM sign_in_throttles WHERE scope = $1 AND subject = $2")
                .bind(Scope::Account.name())
                .bind(account)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Deletes counters that are forgotten and no longer lock anything.
    pub async fn purge(&self) -> Result<u64, BffError> {
        let query = self.database.sql(
            "DELETE FROM sign_in_throttles
             WHERE last_failure_at < {now} - $1 AND blocked_until < {now}",
        );
        let purged = on_pool!(&self.database, |pool| {
            sqlx::query(&query)
                .bind(self.policy.forget_after_secs)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(purged)
    }

    async fn count(&self, scope: Scope, subject: &str, rule: Rule) -> Result<(), BffError> {
        let upsert = self.database.sql(
            "INSERT INTO sign_in_throttles (scope, subject, failures, last_failure_at, blocked_until)
             VALUES ($1, $2, 1, {now}, 0)
             ON CONFLICT (scope, subject) DO UPDATE SET
                 failures = CASE WHEN sign_in_throttles.last_failure_at < {now} - $3
                                 THEN 1 ELSE sign_in_throttles.failures + 1 END,
                 last_failure_at = {now}
             RETURNING failures",
        );
        let lock = self
            .database
            .sql("UPDATE sign_in_throttles SET blocked_until = {now} + $3 WHERE scope = $1 AND subject = $2");
        let failures: i64 = on_pool!(&self.database, |pool| {
            sqlx::query_scalar(&upsert)
                .bind(scope.name())
                .bind(subject)
                .bind(self.policy.forget_after_secs)
                .fetch_one(pool)
                .await
        })?;
        if let Some(secs) = rule.lock_secs(failures) {
            on_pool!(&self.database, |pool| {
                sqlx::query(&lock)
                    .bind(scope.name())
                    .bind(subject)
                    .bind(secs)
                    .execute(pool)
                    .await
                    .map(|_| ())
            })?;
        }
        Ok(())
    }
}

/// "Too many attempts. Try again in N minutes." for a wait of `wait`.
pub fn message(wait: Duration) -> String {
    let minutes = wait.as_secs().div_ceil(60).max(1);
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("Too many attempts. Try again in {minutes} {unit}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_double_from_the_first_failure_over_the_allowance_up_to_the_cap() {
        let account = ThrottlePolicy::default().account;
        let locks: Vec<Option<i64>> = (1..=11).map(|n| account.lock_secs(n)).collect();
        assert_eq!(
            locks,
            [
                None,
                None,
                None,
                None,
                Some(60),
                Some(120),
                Some(240),
                Some(480),
                Some(900),
                Some(900),
                Some(900)
            ]
        );
        assert_eq!(account.lock_secs(i64::MAX), Some(900), "never past the cap");
    }

    #[test]
    fn the_message_counts_whole_minutes() {
        assert_eq!(
            message(Duration::from_secs(5)),
            "Too many attempts. Try again in 1 minute."
        );
        assert_eq!(
            message(Duration::from_secs(61)),
            "Too many attempts. Try again in 2 minutes."
        );
        assert_eq!(
            message(Duration::from_secs(900)),
            "Too many attempts. Try again in 15 minutes."
        );
    }

    #[test]
    fn spellings_of_one_account_count_together() {
        assert_eq!(
            account_of(" command://Peter.Edwards.ACME "),
            "peter.edwards.acme"
        );
        assert_eq!(
            account_of("barbara.andrews@example.com"),
            "barbara.andrews@example.com"
        );
    }

    #[tokio::test]
    async fn an_account_locked_by_failures_opens_again_and_a_success_forgets_them() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display());
        let database = crate::session::Store::open(&url).await.unwrap().database();
        let policy = ThrottlePolicy {
            account: Rule {
                free_failures: 2,
                first_lock_secs: 60,
                max_lock_secs: 60,
            },
            ..ThrottlePolicy::default()
        };
        let throttle = Throttle::new(database, policy);
        throttle.failed("ann", "10.0.0.1").await.unwrap();
        assert_eq!(throttle.wait("ann", "10.0.0.1").await.unwrap(), None);
        throttle.failed("ann", "10.0.0.1").await.unwrap();
        let wait = throttle
            .wait("ann", "10.0.0.2")
            .await
            .unwrap()
            .expect("locked");
        assert!(wait <= Duration::from_secs(60) && wait >= Duration::from_secs(58));
        assert_eq!(
            throttle.wait("bob", "10.0.0.1").await.unwrap(),
            None,
            "the address is not"
        );
        throttle.succeeded("ann").await.unwrap();
        assert_eq!(throttle.wait("ann", "10.0.0.1").await.unwrap(), None);
    }
}
