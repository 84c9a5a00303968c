//! Placing a confirmed order exactly once: across double clicks, tabs, retries,
//! restarts and several instances on one database.
//!
//! The browser sends only the checkout id; the order sent is the one MOBPROC
//! confirmed, read from the `checkouts` table. Every request that submits gets an owner
//! token of its own, and every step of a submission is one conditional `UPDATE` whose
//! time is the database's clock (`checkout::store`), never an instance's:
//!
//! 1. the tokens are refreshed first, so that nothing waits on the OAuth server once a
//!    lease is held; the `POST /orders` uses exactly that access token;
//! 2. **claim**: `confirmed` → `submitting`, leased to the owner for [`CLAIM_LEASE_SECS`];
//! 3. **mark the send**: `submitting` → `sending`, in one statement that checks the owner
//!    and that its lease still holds, immediately before `POST /orders`; the `sending`
//!    lease lasts the client's request timeout plus a margin, so a live sender always
//!    has its answer (or its timeout) before anyone may look into it;
//! 4. **record**: MOBPROC's order is written whatever the state short of `submitted`
//!    (its answer is the truth); failing to record it is an alarm in the log, and the
//!    order is found again at MOBPROC by its `externalOrderNumber`, never sent again.
//!
//! The interleavings this is built for:
//!
//! - *Concurrent submits* (double click, two tabs, 50 requests on two instances): all
//!   read `confirmed`, one claim succeeds, the others wait and answer with the order
//!   recorded.
//! - *A claimer that stalls* (waiting for a connection, paused) past its claim lease: a
//!   waiter takes the claim over (`submitting` with a lapsed lease, which sent nothing).
//!   The stalled one's mark then fails on the owner check and it sends nothing. The
//!   takeover needs the lease lapsed and the mark needs it holding, both judged by the
//!   one database clock, so at most one of them succeeds.
//! - *A claimer that dies before the send*: the same takeover, and the order is placed
//!   once.
//! - *A refusal* (MOBPROC surely placed nothing): back to `confirmed`; trying again is
//!   safe.
//! - *A lost answer* (timeout, 5xx, a dropped connection, a refused token): `unknown`,
//!   then this request looks for the order: found, it is recorded; absent, back to
//!   `confirmed` and the person is told nothing was ordered.
//! - *A sender that dies mid-POST* (SIGKILL): its `sending` lease lapses, and the next
//!   request looks for the order first (`checking`); only if MOBPROC does not have it
//!   is it placed, once, by a new claim.
//! - *A checker that dies or lapses*: another takes `checking` over once its lease
//!   lapsed; the lapsed one's conclusion fails on the owner check.
//! - *Recording fails* (the database went away after MOBPROC answered): the person is
//!   told the order was placed, the log raises the alarm, and the `sending` row is
//!   looked up at MOBPROC once its lease lapses.
//! - *Clock skew* between instances: irrelevant; no instance clock enters a lease.
//! - *A newer confirmation of the same cart*: it deletes only `confirmed` checkouts, so
//!   one being placed is never replaced underneath its submission.
//!
//! What remains is MOBPROC committing an order later than the `sending` lease after
//! the connection carrying it was cut; the margin bounds it, and should it happen,
//! recording finds the other order and raises the alarm.
//!
//! The work runs in its own task, so a browser that goes away mid-way cannot leave it
//! half done.

mod find;
mod outcome;

use std::time::{Duration, Instant};

use app::error::AppError;
use mobproc::client::{AccessToken, ErrorKind};

use super::{
    audit,
    caller::Caller,
    checkout::{
        self,
        store::{Checkout, Recorded, State},
    },
    error::BffError,
    orders::notice::{self, Notice},
};

/// How often a waiting request looks at the checkout again.
const POLL: Duration = Duration::from_millis(200);
/// How long a request waits for another one's submission before saying it is still
/// being placed.
const WAIT: Duration = Duration::from_secs(45);
/// From the claim to the send mark there is only a statement or two.
const CLAIM_LEASE_SECS: i64 = 15;
/// Beyond the client's request timeout: no answer can come later than that.
const ANSWER_MARGIN_SECS: i64 = 10;

/// What one piece of work of a submission came to.
enum Done {
    Placed(Notice),
    /// Nothing placed and nothing to tell: look at the checkout again.
    Again,
}

/// The work a request took on, by the step it won.
#[derive(Clone, Copy)]
enum Work {
    Place,
    /// Look for the order; `abandoned`: its sender or checker went away without telling
    /// anyone, so if MOBPROC does not have it, this request places it.
    Check {
        abandoned: bool,
    },
}

/// One request's part in a submission: its owner token, the access token its
/// `POST /orders` carries, and its leases.
#[derive(Clone)]
struct Attempt {
    owner: String,
    token: AccessToken,
    send_lease_secs: i64,
}

impl Attempt {
    /// A lookup walks a few pages, each with its retries.
    fn check_lease_secs(&self) -> i64 {
        2 * self.send_lease_secs
    }
}

/// Places the checkout's order, or finds the one placed before. The order id.
pub async fn submit(caller: &Caller, checkout_id: &str) -> Result<String, BffError> {
    let checkout = checkout::find(caller, checkout_id).await?;
    if let (State::Submitted, Some(order_id)) = (checkout.state, &checkout.order_id) {
        return Ok(order_id.clone());
    }
    let timeout = caller.bff().client().request_timeout().as_secs();
    let attempt = Attempt {
        owner: uuid::Uuid::new_v4().to_string(),
        token: caller.fresh_token().await?,
        send_lease_secs: i64::try_from(timeout).unwrap_or(i64::MAX / 4) + ANSWER_MARGIN_SECS,
    };
    let checkouts = caller.bff().checkouts();
    let (id, owner) = (checkout.id.as_str(), attempt.owner.as_str());
    let started = Instant::now();
    loop {
        let submission = checkouts
            .submission(id)
            .await?
            .ok_or_else(|| BffError::User(checkout::replaced()))?;
        let lapsed = submission.lease_over;
        let work = match submission.state {
            State::Submitted => {
                return submission.order_id.ok_or(BffError::Context(
                    "a submitted checkout without an order id",
                ));
            }
            State::Confirmed => checkouts
                .claim(id, owner, CLAIM_LEASE_SECS)
                .await?
                .then_some(Work::Place),
            State::Submitting if lapsed => checkouts
                .take_over_claim(id, owner, CLAIM_LEASE_SECS)
                .await?
                .then_some(Work::Place),
            State::Unknown => checkouts
                .start_check(id, owner, attempt.check_lease_secs())
                .await?
                .then_some(Work::Check { abandoned: false }),
            State::Sending | State::Checking if lapsed => checkouts
                .start_check(id, owner, attempt.check_lease_secs())
                .await?
                .then_some(Work::Check { abandoned: true }),
            State::Submitting | State::Sending | State::Checking => None,
        };
        match work {
            Some(work) => {
                if let Done::Placed(notice) = in_own_task(caller, &checkout, &attempt, work).await?
                {
                    notice::leave(caller.session(), &notice).await?;
                    return Ok(notice.order_id);
                }
            }
            None => tokio::time::sleep(POLL).await,
        }
        if started.elapsed() > WAIT {
            return Err(BffError::User(AppError::StillPlacing));
        }
    }
}

/// Runs `work` to its end even if the request that started it is dropped.
async fn in_own_task(
    caller: &Caller,
    checkout: &Checkout,
    attempt: &Attempt,
    work: Work,
) -> Result<Done, BffError> {
    let (caller, checkout, attempt) = (caller.clone(), checkout.clone(), attempt.clone());
    tokio::spawn(async move {
        match work {
            Work::Place => place(caller, checkout, attempt).await,
            Work::Check { abandoned } => look_for(caller, checkout, attempt, abandoned).await,
        }
    })
    .await
    .map_err(|_| BffError::Context("the submission task ended abnormally"))?
}

/// Sends the checkout this attempt claimed, if its claim still holds.
async fn place(caller: Caller, checkout: Checkout, attempt: Attempt) -> Result<Done, BffError> {
    let checkouts = caller.bff().checkouts();
    let owner = attempt.owner.as_str();
    if !checkouts
        .mark_sending(&checkout.id, owner, attempt.send_lease_secs)
        .await?
    {
        tracing::warn!("the claim lapsed before the send; another request places the order");
        return Ok(Done::Again);
    }
    let sent = caller
        .api_with_token(&attempt.token, &checkout.activity_id)
        .submit_order(&checkout.request)
        .await
        .map_err(BffError::from);
    let audit = |order_id: Option<&str>, outcome: &str| {
        audit::on_behalf(
            caller.request_id(),
            caller.party(),
            "submit",
            &checkout.external_order_number,
            order_id,
            outcome,
        );
    };
    match sent {
        Ok(order) => {
            audit(Some(&order.order_id), "placed");
            placed(&caller, &checkout, &order.order_id).await;
            Ok(Done::Placed(Notice {
                message: format!(
                    "Thank you. Your order was placed: order {}.",
                    order.order_id
                ),
                order_id: order.order_id,
            }))
        }
        Err(error) if outcome::surely_not_placed(&error) => {
            audit(None, "not placed");
            checkouts
                .release(&checkout.id, owner, State::Sending, State::Confirmed)
                .await?;
            Err(match error {
                BffError::Mobproc(e) if e.order_errors().is_some() => BffError::User(
                    checkout::rejection::to_app_error(e.order_errors().unwrap_or_default()),
                ),
                other => other,
            })
        }
        Err(error) => {
            let refused_token = matches!(
                &error,
                BffError::Mobproc(e) if matches!(e.kind(), ErrorKind::Unauthorized(_))
            );
            audit(
                None,
                if refused_token {
                    "token refused"
                } else {
                    "no answer"
                },
            );
            tracing::warn!(%error, "order submission not answered for sure; looking for the order");
            checkouts
                .release(&checkout.id, owner, State::Sending, State::Unknown)
                .await?;
            if checkouts
                .start_check(&checkout.id, owner, attempt.check_lease_secs())
                .await?
            {
                look_for(caller, checkout, attempt, false).await
            } else {
                Err(unconfirmed(&caller))
            }
        }
    }
}

/// Looks for the order of a checkout whose submission had no answer; this attempt
/// moved it to `checking`.
async fn look_for(
    caller: Caller,
    checkout: Checkout,
    attempt: Attempt,
    abandoned: bool,
) -> Result<Done, BffError> {
    let checkouts = caller.bff().checkouts();
    let owner = attempt.owner.as_str();
    let found = find::by_external_number(
        &caller,
        &checkout.activity_id,
        &checkout.external_order_number,
    )
    .await;
    match found {
        Ok(Some(order)) => {
            audit::on_behalf(
                caller.request_id(),
                caller.party(),
                "submit",
                &checkout.external_order_number,
                Some(&order.order_id),
                "found placed",
            );
            placed(&caller, &checkout, &order.order_id).await;
            Ok(Done::Placed(Notice {
                message: format!("Your order went through: order {}.", order.order_id),
                order_id: order.order_id,
            }))
        }
        Ok(None) => {
            let released = checkouts
                .release(&checkout.id, owner, State::Checking, State::Confirmed)
                .await?;
            if abandoned || !released {
                Ok(Done::Again)
            } else {
                Err(BffError::User(AppError::NotPlaced {
                    correlation_id: caller.request_id().to_owned(),
                }))
            }
        }
        Err(error) => {
            tracing::warn!(%error, "could not look for an order whose submission had no answer");
            checkouts
                .release(&checkout.id, owner, State::Checking, State::Unknown)
                .await?;
            Err(unconfirmed(&caller))
        }
    }
}

/// Records the placed order and empties the cart it came from (unless it changed). The
/// order exists whatever happens here: a failure is an alarm, not the person's error.
async fn placed(caller: &Caller, checkout: &Checkout, order_id: &str) {
    let bff = caller.bff();
    let number = checkout.external_order_number.as_str();
    match bff.checkouts().record_order(&checkout.id, order_id).await {
        Ok(Recorded::Now | Recorded::Already) => {}
        Ok(Recorded::Other(other)) => tracing::error!(
            alarm = "two orders for one confirmation",
            order_id,
            other_order_id = other.as_str(),
            external_order_number = number,
            "ALARM: MOBPROC placed a second order for one confirmation"
        ),
        Ok(Recorded::Gone) => tracing::error!(
            alarm = "placed order not recorded",
            order_id,
            external_order_number = number,
            "ALARM: MOBPROC placed an order whose checkout is gone"
        ),
        Err(error) => tracing::error!(
            alarm = "placed order not recorded",
            order_id,
            external_order_number = number,
            %error,
            "ALARM: MOBPROC placed an order that could not be recorded; it is looked up by its number once its lease lapses"
        ),
    }
    if let Err(error) = bff
        .carts()
        .delete(caller.party(), Some(checkout.cart_version))
        .await
    {
        tracing::warn!(%error, "the ordered cart was not emptied");
    }
}

fn unconfirmed(caller: &Caller) -> BffError {
    BffError::User(AppError::Unconfirmed {
        correlation_id: caller.request_id().to_owned(),
    })
}
