//! The `carts` table: one row per user and actor, holding one order (for a line, a new
//! line, or both) as JSON, with a version so two requests changing the same cart cannot
//! overwrite each other.

use app::model::cart::{ItemKind, OrderKind};
use mobproc::model::Money;
use serde::{Deserialize, Serialize};

use crate::bff::{error::BffError, party::Party, place::PlaceFacts};
use crate::database::{now, on_pool, Database};

/// What a cart orders: one kind of order for one line, for a new line where its place
/// says, or (a carrier change) both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cart {
    /// The line it changes; none for a new line.
    pub service_id: Option<String>,
    pub order: OrderKind,
    /// The line's number as people read it, e.g. `203-555-7676`; empty for a new line.
    pub line_number: String,
    /// The network of the line's device now (e.g. `CDMA`), for the upgrade check.
    pub line_access_method: Option<String>,
    /// Where the line will be used, as checked when the cart was started.
    #[serde(default)]
    pub place: Option<PlaceFacts>,
    pub items: Vec<CartEntry>,
}

/// A catalog item as it was when added: enough to show it. MOBPROC prices it again
/// when the order is confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CartEntry {
    pub kind: ItemKind,
    pub id: String,
    pub name: String,
    pub vendor: Option<String>,
    /// The carrier's id: a device and a plan must be of one carrier.
    #[serde(default)]
    pub vendor_id: Option<String>,
    /// MOBPROC's URL; pages get it through the media proxy.
    pub image_url: Option<String>,
    pub price: Option<Money>,
    /// For a plan, its carrier's network; for a device, its own (e.g. `GSM`).
    pub access_method: Option<String>,
}

/// A stored cart and the version it was read at.
#[derive(Debug, Clone)]
pub struct StoredCart {
    pub cart: Cart,
    pub version: i64,
}

/// A row of `carts` as read.
#[derive(sqlx::FromRow)]
struct CartRow {
    content: String,
    version: i64,
}

#[derive(Debug, Clone)]
pub struct CartStore {
    database: Database,
}

impl CartStore {
    pub fn new(database: Database) -> Self {
        Self { database }
    }

    pub async fn load(&self, party: &Party) -> Result<Option<StoredCart>, BffError> {
        let row: Option<CartRow> = on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "SELECT content, version FROM carts WHERE user_id = $1 AND actor_id = $2",
            )
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .fetch_optional(pool)
            .await
        })?;
        row.map(|row| {
            Ok(StoredCart {
                cart: serde_json::from_str(&row.content)?,
                version: row.version,
            })
        })
        .transpose()
    }

    /// Writes `cart` if the stored cart is still at version `read_at` (`None`: there
    /// was no cart). `false` when another request changed it first.
    pub async fn store(
        &self,
        party: &Party,
        cart: &Cart,
        read_at: Option<i64>,
    ) -> Result<bool, BffError> {
        let content = serde_json::to_string(cart)?;
        let kind = cart.order.as_str();
        let written = match read_at {
            None => on_pool!(&self.database, |pool| {
                sqlx::query(
                    "INSERT INTO carts (user_id, actor_id, service_id, order_kind, content, version, updated_at)
                     VALUES ($1, $2, $3, $4, $5, 1, $6)
                     ON CONFLICT (user_id, actor_id) DO NOTHING",
                )
                .bind(&party.user_id)
                .bind(&party.actor_id)
                .bind(cart.service_id.as_deref())
                .bind(kind)
                .bind(&content)
                .bind(now())
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
            })?,
            Some(version) => on_pool!(&self.database, |pool| {
                sqlx::query(
                    "UPDATE carts SET service_id = $3, order_kind = $4, content = $5,
                         version = version + 1, updated_at = $6
                     WHERE user_id = $1 AND actor_id = $2 AND version = $7",
                )
                .bind(&party.user_id)
                .bind(&party.actor_id)
                .bind(cart.service_id.as_deref())
                .bind(kind)
                .bind(&content)
                .bind(now())
                .bind(version)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
            })?,
        };
        Ok(written == 1)
    }

    /// Deletes the cart if it is still at version `read_at`, or whatever it holds
    /// when `read_at` is `None`.
    pub async fn delete(&self, party: &Party, read_at: Option<i64>) -> Result<(), BffError> {
        on_pool!(&self.database, |pool| {
            sqlx::query(
                "DELETE FROM carts WHERE user_id = $1 AND actor_id = $2
                     AND ($3 IS NULL OR version = $3)",
            )
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .bind(read_at)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }
}
