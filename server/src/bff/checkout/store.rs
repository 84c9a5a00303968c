//! The `checkouts` table: each confirmed order exactly as MOBPROC confirmed it, kept
//! server-side (the browser only ever holds its random id), and the state that makes
//! its submission happen exactly once (the reasoning is in `bff::submit`):
//!
//! `confirmed` → `submitting` (claimed by one request: its owner token and a lease) →
//! `sending` (marked, by the owner while its lease holds, right before `POST /orders`)
//! → `submitted` (with the order id); or back to `confirmed` when MOBPROC surely
//! placed nothing; `sending` → `unknown` when the answer was lost; `unknown`, or a
//! `sending`/`checking` whose lease ran out → `checking` (one request looks for it by
//! its `externalOrderNumber`) → `submitted`, or `confirmed` when it is not there. A
//! `submitting` whose lease ran out sent nothing and is claimed anew. Every step is one
//! conditional `UPDATE` judged by the database's clock, so of concurrent requests on
//! any instance exactly one takes it.

use mobproc::model::{
    AcknowledgementDefinition, OrderConfirmation, OrderRequestBody, PropertyGroup,
};

use crate::bff::{error::BffError, party::Party};
use crate::database::{on_pool, Database};

/// Where a checkout's submission stands; stored by its name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum State {
    /// Confirmed by MOBPROC; may be submitted.
    Confirmed,
    /// One request has claimed it and is about to send it; nothing was sent yet.
    Submitting,
    /// One request is sending it to MOBPROC now, or was when its lease ran out.
    Sending,
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
    /// What could be told before placing it about its approval.
    pub approval_note: Option<String>,
}

/// Where a checkout's submission stands, by the database's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub state: State,
    pub order_id: Option<String>,
    /// Whether the lease of the request that owns this state has run out.
    pub lease_over: bool,
}

/// What recording a placed order found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// The checkout is now submitted with this order.
    Now,
    /// It was already submitted with this same order.
    Already,
    /// It was already submitted with another order: two orders exist.
    Other(String),
    /// The checkout is gone.
    Gone,
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
        let insert = self.database.sql(
            "INSERT INTO checkouts (id, user_id, actor_id, external_order_number,
                 activity_id, cart_version, request, confirmation, definitions, state,
                 order_id, created_at, updated_at, approval_note, acknowledgements)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, {now}, {now}, $11, $12)",
        );
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
            sqlx::query(&insert)
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
                        confirmation, definitions, state, order_id, approval_note,
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
                        confirmation, definitions, state, order_id, approval_note,
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

    /// Where the submission of `id` stands.
    pub async fn submission(&self, id: &str) -> Result<Option<Submission>, BffError> {
        let query = self.database.sql(
            "SELECT state, order_id, lease_until - {now} AS lease_left FROM checkouts WHERE id = $1",
        );
        let row: Option<(String, Option<String>, Option<i64>)> =
            on_pool!(&self.database, |pool| {
                sqlx::query_as(&query).bind(id).fetch_optional(pool).await
            })?;
        row.map(|(state, order_id, lease_left)| {
            Ok(Submission {
                state: state
                    .parse()
                    .map_err(|_| BffError::Context("a checkout in an unknown state"))?,
                order_id,
                lease_over: lease_left.is_some_and(|left| left < 0),
            })
        })
        .transpose()
    }

    /// `confirmed` → `submitting`, leased to `owner` for `lease_secs`.
    pub async fn claim(&self, id: &str, owner: &str, lease_secs: i64) -> Result<bool, BffError> {
        let confirmed = State::Confirmed.as_str();
        self.advance(
            id,
            State::Submitting,
            Some((owner, lease_secs)),
            "state = $5",
            &[confirmed],
        )
        .await
    }

    /// A `submitting` whose lease ran out (its request sent nothing and went away) is
    /// leased to `owner` instead.
    pub async fn take_over_claim(
        &self,
        id: &str,
        owner: &str,
        lease_secs: i64,
    ) -> Result<bool, BffError> {
        let submitting = State::Submitting.as_str();
        let condition = "state = $5 AND lease_until < {now}";
        self.advance(
            id,
            State::Submitting,
            Some((owner, lease_secs)),
            condition,
            &[submitting],
        )
        .await
    }

    /// `submitting` → `sending`, only for its `owner` and while its lease holds: the
    /// last step before `POST /orders`, leased for as long as an answer can take.
    pub async fn mark_sending(
        &self,
        id: &str,
        owner: &str,
        lease_secs: i64,
    ) -> Result<bool, BffError> {
        let submitting = State::Submitting.as_str();
        let condition = "state = $5 AND lease_owner = $6 AND lease_until >= {now}";
        self.advance(
            id,
            State::Sending,
            Some((owner, lease_secs)),
            condition,
            &[submitting, owner],
        )
        .await
    }

    /// `from` → `to` without an owner, only for `owner` of `from`: MOBPROC surely placed
    /// nothing (`confirmed`), or it is not known (`unknown`).
    pub async fn release(
        &self,
        id: &str,
        owner: &str,
        from: State,
        to: State,
    ) -> Result<bool, BffError> {
        self.advance(
            id,
            to,
            None,
            "state = $5 AND lease_owner = $6",
            &[from.as_str(), owner],
        )
        .await
    }

    /// `checking`, leased to `owner`: from `unknown`, or from a `sending` or
    /// `checking` whose lease ran out (its request went away without an answer).
    pub async fn start_check(
        &self,
        id: &str,
        owner: &str,
        lease_secs: i64,
    ) -> Result<bool, BffError> {
        let condition = "state = $5 OR (state IN ($6, $7) AND lease_until < {now})";
        let states = [State::Unknown, State::Sending, State::Checking].map(State::as_str);
        self.advance(
            id,
            State::Checking,
            Some((owner, lease_secs)),
            condition,
            &states,
        )
        .await
    }

    /// Records the order MOBPROC placed for `id`, whatever state the checkout is in
    /// short of `submitted`: MOBPROC's answer is the truth.
    pub async fn record_order(&self, id: &str, order_id: &str) -> Result<Recorded, BffError> {
        let update = self.database.sql(
            "UPDATE checkouts SET state = $2, order_id = $3, lease_owner = NULL,
                 lease_until = NULL, updated_at = {now}
             WHERE id = $1 AND state <> $2",
        );
        let done = on_pool!(&self.database, |pool| {
            sqlx::query(&update)
                .bind(id)
                .bind(State::Submitted.as_str())
                .bind(order_id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        if done == 1 {
            return Ok(Recorded::Now);
        }
        Ok(match self.submission(id).await? {
            None => Recorded::Gone,
            Some(found) => match found.order_id {
                Some(recorded) if recorded == order_id => Recorded::Already,
                Some(recorded) => Recorded::Other(recorded),
                None => Recorded::Gone,
            },
        })
    }

    /// Forgets confirmations never placed that were last changed more than
    /// `confirmed_kept_secs` ago, and placed ones older than `submitted_kept_secs`:
    /// their prices are long stale, and a resubmit that late finds no checkout instead
    /// of its order. Submissions in progress or in doubt stay until they are resolved.
    pub async fn purge(
        &self,
        confirmed_kept_secs: i64,
        submitted_kept_secs: i64,
    ) -> Result<u64, BffError> {
        let query = self.database.sql(
            "DELETE FROM checkouts
             WHERE (state = $1 AND updated_at < {now} - $2)
                OR (state = $3 AND updated_at < {now} - $4)",
        );
        let purged = on_pool!(&self.database, |pool| {
            sqlx::query(&query)
                .bind(State::Confirmed.as_str())
                .bind(confirmed_kept_secs)
                .bind(State::Submitted.as_str())
                .bind(submitted_kept_secs)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
        Ok(purged)
    }

    /// Moves `id` to `to`, leased to an owner for some seconds by the database's clock
    /// (or unowned), if `condition` holds; `$5`, `$6`, … in it are `values`.
    async fn advance(
        &self,
        id: &str,
        to: State,
        lease: Option<(&str, i64)>,
        condition: &str,
        values: &[&str],
    ) -> Result<bool, BffError> {
        let query = self.database.sql(&format!(
            "UPDATE checkouts SET state = $2, lease_owner = $3, lease_until = {{now}} + $4,
                 updated_at = {{now}}
             WHERE id = $1 AND ({condition})"
        ));
        let (owner, secs) = lease.map_or((None, None), |(owner, secs)| (Some(owner), Some(secs)));
        let done = on_pool!(&self.database, |pool| {
            let mut update = sqlx::query(&query)
                .bind(id)
                .bind(to.as_str())
                .bind(owner)
                .bind(secs);
            for value in values {
                update = update.bind(*value);
            }
            update.execute(pool).await.map(|done| done.rows_affected())
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
