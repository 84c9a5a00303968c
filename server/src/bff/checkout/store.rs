//! The `checkouts` table: each confirmed order exactly as MOBPROC confirmed it, kept
//! server-side (the browser only ever holds its random id), and the state that makes
//! its submission happen at most once:
//!
//! `confirmed` → `submitting` → `submitted` (with the order id), or back to
//! `confirmed` when MOBPROC surely placed nothing; `submitting` → `unknown` when the
//! answer was lost; `unknown` → `checking` (looking for it by its
//! `externalOrderNumber`) → `submitted` or `confirmed`. Every step is one conditional
//! `UPDATE`, so of concurrent requests exactly one takes it.

use mobproc::model::{
    AcknowledgementDefinition, OrderConfirmation, OrderRequestBody, PropertyGroup,
};

use crate::bff::{error::BffError, party::Party};
use crate::database::{now, on_pool, Database};

/// Where a checkout's submission stands; stored by its name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum State {
    /// Confirmed by MOBPROC; may be submitted.
    Confirmed,
    /// One request is submitting it now.
    Submitting,
    /// MOBPROC placed it.
    Submitted,
    /// The submission's answer was lost: it may or may not have been placed.
    Unknown,
    /// One request is looking for it among the actor's orders.
    Checking,
}

impl State {
    fn as_str(self) -> &'static str {
        self.into()
    }
}

/// MOBPROC's confirmation as it sent it, with the property and acknowledgement
/// definitions that label its values.
#[derive(Debug, Clone)]
pub struct Confirmed {
    pub confirmation: OrderConfirmation,
    pub definitions: Vec<PropertyGroup>,
    pub acknowledgements: Vec<AcknowledgementDefinition>,
}

/// One confirmed order.
#[derive(Debug, Clone)]
pub struct Checkout {
    pub id: String,
    pub external_order_number: String,
    /// Shared by the calls of this order's flow: its confirmation and its submission.
    pub activity_id: String,
    /// The cart's version when confirmed: only that cart is emptied once placed.
    pub cart_version: i64,
    pub request: OrderRequestBody,
    /// `None` for a checkout kept from before confirmations were stored as sent.
    pub confirmed: Option<Confirmed>,
    pub state: State,
    pub order_id: Option<String>,
    /// Seconds since the Unix epoch of the last state change.
    pub updated_at: i64,
    /// What could be told before placing it about its approval.
    pub approval_note: Option<String>,
}

/// A row of `checkouts` as read.
#[derive(sqlx::FromRow)]
struct CheckoutRow {
    id: String,
    external_order_number: String,
    activity_id: String,
    cart_version: i64,
    request: String,
    confirmation: Option<String>,
    definitions: Option<String>,
    acknowledgements: Option<String>,
    state: String,
    order_id: Option<String>,
    updated_at: i64,
    approval_note: Option<String>,
}

impl TryFrom<CheckoutRow> for Checkout {
    type Error = BffError;

    fn try_from(row: CheckoutRow) -> Result<Self, BffError> {
        let confirmed = match row.confirmation {
            Some(confirmation) => Some(Confirmed {
                confirmation: serde_json::from_str(&confirmation)?,
                definitions: json_or_none(row.definitions.as_deref())?,
                acknowledgements: json_or_none(row.acknowledgements.as_deref())?,
            }),
            None => None,
        };
        Ok(Self {
            state: row
                .state
                .parse()
                .map_err(|_| BffError::Context("a checkout in an unknown state"))?,
            id: row.id,
            external_order_number: row.external_order_number,
            activity_id: row.activity_id,
            cart_version: row.cart_version,
            request: serde_json::from_str(&row.request)?,
            confirmed,
            order_id: row.order_id,
            updated_at: row.updated_at,
            approval_note: row.approval_note,
        })
    }
}

/// A JSON list column; NULL (rows from before it was kept) is an empty list.
fn json_or_none<T: serde::de::DeserializeOwned>(value: Option<&str>) -> Result<Vec<T>, BffError> {
    Ok(match value {
        Some(json) => serde_json::from_str(json)?,
        None => Vec::new(),
    })
}

#[derive(Debug, Clone)]
pub struct CheckoutStore {
    database: Database,
}

impl CheckoutStore {
    pub fn new(database: Database) -> Self {
        Self { database }
    }

    /// Keeps a new confirmation. The party's earlier ones that were never submitted
    /// are dropped, so two tabs cannot place two versions of one cart.
    pub async fn insert(&self, party: &Party, checkout: &Checkout) -> Result<(), BffError> {
        let request = serde_json::to_string(&checkout.request)?;
        let (confirmation, definitions, acknowledgements) = match &checkout.confirmed {
            Some(confirmed) => (
                Some(serde_json::to_string(&confirmed.confirmation)?),
                Some(serde_json::to_string(&confirmed.definitions)?),
                Some(serde_json::to_string(&confirmed.acknowledgements)?),
            ),
            None => (None, None, None),
        };
        let time = now();
        on_pool!(&self.database, |pool| {
            let mut transaction = pool.begin().await?;
            sqlx::query(
                "DELETE FROM checkouts WHERE user_id = $1 AND actor_id = $2 AND state = $3",
            )
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .bind(State::Confirmed.as_str())
            .execute(&mut *transaction)
            .await?;
            sqlx::query(
                "INSERT INTO checkouts (id, user_id, actor_id, external_order_number,
                     activity_id, cart_version, request, confirmation, definitions, state,
                     order_id, created_at, updated_at, approval_note, acknowledgements)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $11, $12, $13)",
            )
            .bind(&checkout.id)
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .bind(&checkout.external_order_number)
            .bind(&checkout.activity_id)
            .bind(checkout.cart_version)
            .bind(&request)
            .bind(&confirmation)
            .bind(&definitions)
            .bind(checkout.state.as_str())
            .bind(time)
            .bind(&checkout.approval_note)
            .bind(&acknowledgements)
            .execute(&mut *transaction)
            .await?;
            transaction.commit().await
        })?;
        Ok(())
    }

    /// The party's checkout `id`; another party's reads as none.
    pub async fn get(&self, party: &Party, id: &str) -> Result<Option<Checkout>, BffError> {
        let row: Option<CheckoutRow> = on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "SELECT id, external_order_number, activity_id, cart_version, request,
                        confirmation, definitions, state, order_id, updated_at, approval_note,
                        acknowledgements
                 FROM checkouts WHERE id = $1 AND user_id = $2 AND actor_id = $3",
            )
            .bind(id)
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .fetch_optional(pool)
            .await
        })?;
        row.map(Checkout::try_from).transpose()
    }

    /// The party's checkout that placed order `order_id`, if this storefront placed it and
    /// still keeps it.
    pub async fn placed(
        &self,
        party: &Party,
        order_id: &str,
    ) -> Result<Option<Checkout>, BffError> {
        let row: Option<CheckoutRow> = on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "SELECT id, external_order_number, activity_id, cart_version, request,
                        confirmation, definitions, state, order_id, updated_at, approval_note,
                        acknowledgements
                 FROM checkouts
                 WHERE order_id = $1 AND user_id = $2 AND actor_id = $3 AND state = $4",
            )
            .bind(order_id)
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .bind(State::Submitted.as_str())
            .fetch_optional(pool)
            .await
        })?;
        row.map(Checkout::try_from).transpose()
    }

    /// Whether the user's checkout `id` exists for another actor than `party`'s: it
    /// was confirmed while acting for someone else.
    pub async fn for_another_actor(&self, party: &Party, id: &str) -> Result<bool, BffError> {
        let other: Option<(String,)> = on_pool!(&self.database, |pool| {
            sqlx::query_as(
                "SELECT id FROM checkouts WHERE id = $1 AND user_id = $2 AND actor_id <> $3",
            )
            .bind(id)
            .bind(&party.user_id)
            .bind(&party.actor_id)
            .fetch_optional(pool)
            .await
        })?;
        Ok(other.is_some())
    }

    /// Moves `id` from `from` to `to`; `false` when it was not in `from` (another
    /// request moved it first).
    pub async fn transition(&self, id: &str, from: State, to: State) -> Result<bool, BffError> {
        self.update(id, from, to, None, None).await
    }

    /// As [`Self::transition`], only when the last change is older than `before`:
    /// takes over from a request that died mid-way.
    pub async fn transition_stale(
        &self,
        id: &str,
        from: State,
        to: State,
        before: i64,
    ) -> Result<bool, BffError> {
        self.update(id, from, to, None, Some(before)).await
    }

    /// Records the placed order, moving `id` from `from` to `submitted`.
    pub async fn record_order(
        &self,
        id: &str,
        from: State,
        order_id: &str,
    ) -> Result<bool, BffError> {
        self.update(id, from, State::Submitted, Some(order_id), None)
            .await
    }

    /// Forgets confirmations never placed that were last changed before
    /// `confirmed_before`, and placed ones older than `submitted_before`: their prices
    /// are long stale, and a resubmit that late finds no checkout instead of its order.
    /// Submissions in doubt (`unknown`, `checking`) stay until they are resolved.
    pub async fn purge(
        &self,
        confirmed_before: i64,
        submitted_before: i64,
    ) -> Result<u64, BffError> {
        let purged = on_pool!(&self.database, |pool| {
            sqlx::query(
                "DELETE FROM checkouts
                 WHERE (state = $1 AND updated_at < $2) OR (state = $3 AND updated_at < $4)",
            )
            .bind(State::Confirmed.as_str())
            .bind(confirmed_before)
            .bind(State::Submitted.as_str())
            .bind(submitted_before)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?;
        Ok(purged)
    }

    async fn update(
        &self,
        id: &str,
        from: State,
        to: State,
        order_id: Option<&str>,
        before: Option<i64>,
    ) -> Result<bool, BffError> {
        let done = on_pool!(&self.database, |pool| {
            sqlx::query(
                "UPDATE checkouts SET state = $1, order_id = COALESCE($2, order_id), updated_at = $3
                 WHERE id = $4 AND state = $5 AND ($6 IS NULL OR updated_at < $6)",
            )
            .bind(to.as_str())
            .bind(order_id)
            .bind(now())
            .bind(id)
            .bind(from.as_str())
            .bind(before)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?;
        Ok(done == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn states_are_stored_by_their_names() {
        for state in State::VARIANTS {
            assert_eq!(state.as_str().parse::<State>(), Ok(*state));
        }
        assert_eq!(State::Submitting.as_str(), "submitting");
    }
}
