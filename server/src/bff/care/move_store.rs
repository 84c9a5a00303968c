//! The `line_moves` table: each move to another employee as the person confirmed it,
//! claimed by the one request that sends it. Each step is one conditional statement,
//! so of concurrent requests exactly one claims a move.

use crate::bff::{error::BffError, party::Party};
use crate::database::{on_pool, Database};

/// A move as confirmed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Move {
    pub id: String,
    pub service_id: String,
    pub new_owner_id: String,
    pub new_owner_company_id: Option<String>,
    pub new_owner_name: String,
    pub state: String,
}

/// Where a move stands; stored by its name.
pub const CONFIRMED: &str = "confirmed";
pub const MOVING: &str = "moving";
pub const MOVED: &str = "moved";
/// A request that has been moving a line for this long died mid-way.
const ABANDONED_AFTER_SECS: i64 = 120;

#[derive(Debug, Clone)]
pub struct MoveStore {
    database: Database,
}

impl MoveStore {
    pub fn new(database: Database) -> Self {
        Self { database }
    }

    /// Keeps a move the party is asked to confirm.
    pub async fn insert(&self, party: &Party, line_move: &Move) -> Result<(), BffError> {
        let insert = self.database.sql(
            "INSERT INTO line_moves (id, user_id, actor_id, service_id, new_owner_id,
                 new_owner_company_id, new_owner_name, state, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, {now})",
        );
        on_pool!(&self.database, |pool| {
            sqlx::query(&insert)
                .bind(&line_move.id)
                .bind(&party.user_id)
                .bind(&party.actor_id)
                .bind(&line_move.service_id)
                .bind(&line_move.new_owner_id)
                .bind(&line_move.new_owner_company_id)
                .bind(&line_move.new_owner_name)
                .bind(&line_move.state)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// The party's move `id` of the line `service_id`.
    pub async fn get(
        &self,
        party: &Party,
        id: &str,
        service_id: &str,
    ) -> Result<Option<Move>, BffError> {
        Ok(on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "SELECT id, service_id, new_owner_id, new_owner_company_id, new_owner_name, state
                 FROM line_moves
                 WHERE id = $1 AND user_id = $2 AND actor_id = $3 AND service_id = $4",
            )
            .bind(id)
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .bind(service_id)
            .fetch_optional(pool)
            .await
        })?)
    }

    /// Claims the move to send it: `true` for the one request that does.
    pub async fn claim(&self, id: &str) -> Result<bool, BffError> {
        // The database's clock judges abandonment, so instances never disagree on it.
        let claim = self.database.sql(
            "UPDATE line_moves SET state = $2, updated_at = {now}
             WHERE id = $1 AND (state = $3 OR (state = $2 AND updated_at < {now} - $4))",
        );
        let claimed = on_pool!(&self.database, |pool| {
            sqlx::query(&claim)
                .bind(id)
                .bind(MOVING)
                .bind(CONFIRMED)
                .bind(ABANDONED_AFTER_SECS)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(claimed == 1)
    }

    /// Records how the claimed move ended: `MOVED`, or back to `CONFIRMED` when
    /// MOBPROC made no move (moving again is harmless).
    pub async fn settle(&self, id: &str, state: &str) -> Result<(), BffError> {
        let settle = self
            .database
            .sql("UPDATE line_moves SET state = $2, updated_at = {now} WHERE id = $1");
        on_pool!(&self.database, |pool| {
            sqlx::query(&settle)
                .bind(id)
                .bind(state)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}
