//! The `approval_decisions` table: one row per order and approver, claimed by the one
//! request that sends the decision. Each step is one conditional statement, so of
//! concurrent requests exactly one claims a row.

use crate::bff::error::BffError;
use crate::database::{on_pool, Database};

/// What a claim of a decision found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// This request sends the decision.
    Mine,
    /// It was answered; MOBPROC's answer.
    Answered(String),
    /// Another request is sending it now.
    Busy,
}

/// MOBPROC was not ready for the decision: it may be sent again.
const NOT_READY: &str = "NOT_READY_FOR_APPROVAL";
/// A request that has been sending for this long died mid-way.
const ABANDONED_AFTER_SECS: i64 = 120;

#[derive(Debug, Clone)]
pub struct DecisionStore {
    database: Database,
}

#[derive(sqlx::FromRow)]
struct Row {
    state: String,
    outcome: Option<String>,
}

impl DecisionStore {
    pub fn new(database: Database) -> Self {
        Self { database }
    }

    /// Claims the decision of `approver` on `order_id`, unless it is already sent or
    /// being sent.
    pub async fn claim(
        &self,
        order_id: &str,
        approver: &str,
        action: &str,
        reason: Option<&str>,
    ) -> Result<Claim, BffError> {
        let insert = self.database.sql(
            "INSERT INTO approval_decisions
                 (order_id, approver_id, action, reason, state, outcome, updated_at)
             VALUES ($1, $2, $3, $4, 'sending', NULL, {now})
             ON CONFLICT (order_id, approver_id) DO NOTHING",
        );
        let inserted = on_pool!(&self.database, |pool| {
            sqlx::query(&insert)
                .bind(order_id)
                .bind(approver)
                .bind(action)
                .bind(reason)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        if inserted == 1 {
            return Ok(Claim::Mine);
        }
        // The database's clock judges abandonment, so instances never disagree on it.
        let retake = self.database.sql(
            "UPDATE approval_decisions
             SET action = $3, reason = $4, state = 'sending', outcome = NULL, updated_at = {now}
             WHERE order_id = $1 AND approver_id = $2
               AND ((state = 'answered' AND outcome = $5)
                    OR (state = 'sending' AND updated_at < {now} - $6))",
        );
        let retaken = on_pool!(&self.database, |pool| {
            sqlx::query(&retake)
                .bind(order_id)
                .bind(approver)
                .bind(action)
                .bind(reason)
                .bind(NOT_READY)
                .bind(ABANDONED_AFTER_SECS)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        if retaken == 1 {
            return Ok(Claim::Mine);
        }
        Ok(match self.read(order_id, approver).await? {
            Some(Row {
                state,
                outcome: Some(outcome),
            }) if state == "answered" => Claim::Answered(outcome),
            Some(_) => Claim::Busy,
            // Released between the two statements: nobody sends it now.
            None => Claim::Busy,
        })
    }

    /// Records MOBPROC's answer to the claimed decision.
    pub async fn answered(
        &self,
        order_id: &str,
        approver: &str,
        outcome: &str,
    ) -> Result<(), BffError> {
        let answer = self.database.sql(
            "UPDATE approval_decisions SET state = 'answered', outcome = $3, updated_at = {now}
             WHERE order_id = $1 AND approver_id = $2 AND state = 'sending'",
        );
        on_pool!(&self.database, |pool| {
            sqlx::query(&answer)
                .bind(order_id)
                .bind(approver)
                .bind(outcome)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Gives the claim up: the decision was not taken, the next press may send it.
    pub async fn release(&self, order_id: &str, approver: &str) -> Result<(), BffError> {
        on_pool!(&self.database, |pool| {
            sqlx::query(
                "DELETE FROM approval_decisions
                 WHERE order_id = $1 AND approver_id = $2 AND state = 'sending'",
            )
            .bind(order_id)
            .bind(approver)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    async fn read(&self, order_id: &str, approver: &str) -> Result<Option<Row>, BffError> {
        Ok(on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "SELECT state, outcome FROM approval_decisions
                 WHERE order_id = $1 AND approver_id = $2",
            )
            .bind(order_id)
            .bind(approver)
            .fetch_optional(pool)
            .await
        })?)
    }
}
