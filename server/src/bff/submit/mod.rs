//! Placing a confirmed order exactly once.
//!
//! The browser sends only the checkout id; the order sent is the one MOBPROC
//! confirmed, read from the `checkouts` table. A request may submit only after its
//! conditional `UPDATE` moved the checkout from `confirmed` to `submitting`; every
//! other request (double click, reload, back-and-resubmit, a second tab) waits for
//! that outcome and shows the same order. `POST /orders` is never sent twice: when its
//! answer is lost, or MOBPROC refused the token, the order is looked for by its
//! `externalOrderNumber` before another try is allowed. The work runs in its own task,
//! so a browser that goes away mid-way cannot leave it half done.

mod find;
mod outcome;

use std::{
    future::Future,
    time::{Duration, Instant},
};

use app::error::AppError;
use mobproc::client::ErrorKind;

use super::{
    audit,
    caller::Caller,
    checkout::{
        self,
        store::{Checkout, State},
    },
    error::BffError,
    orders::notice::{self, Notice},
};
use crate::database::now;

/// How often a waiting request looks at the checkout again.
const POLL: Duration = Duration::from_millis(200);
/// How long a request waits for another one's submission (MOBPROC's request
/// timeout is 30 s, and finding a lost order takes a few more calls).
const WAIT: Duration = Duration::from_secs(45);
/// A submission or search unchanged for this long was abandoned (its process died).
const ABANDONED_AFTER_SECS: i64 = 120;

/// Places the checkout's order, or finds the one placed before. The order id.
pub async fn submit(caller: &Caller, checkout_id: &str) -> Result<String, BffError> {
    let checkouts = caller.bff().checkouts();
    let started = Instant::now();
    loop {
        let checkout = checkout::find(caller, checkout_id).await?;
        match checkout.state {
            State::Submitted => {
                return checkout.order_id.ok_or(BffError::Context(
                    "a submitted checkout without an order id",
                ));
            }
            State::Confirmed => {
                if checkouts
                    .transition(&checkout.id, State::Confirmed, State::Submitting)
                    .await?
                {
                    return in_own_task(caller, checkout, place).await;
                }
            }
            State::Unknown => {
                if checkouts
                    .transition(&checkout.id, State::Unknown, State::Checking)
                    .await?
                {
                    return in_own_task(caller, checkout, look_for).await;
                }
            }
            State::Submitting | State::Checking => {
                let abandoned_before = now() - ABANDONED_AFTER_SECS;
                if checkout.updated_at < abandoned_before {
                    checkouts
                        .transition_stale(
                            &checkout.id,
                            checkout.state,
                            State::Unknown,
                            abandoned_before,
                        )
                        .await?;
                } else if started.elapsed() > WAIT {
                    return Err(BffError::User(AppError::StillPlacing));
                } else {
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }
}

/// Runs `step` to its end even if the request that started it is dropped, then
/// leaves its notice for the order page.
async fn in_own_task<F, Fut>(
    caller: &Caller,
    checkout: Checkout,
    step: F,
) -> Result<String, BffError>
where
    F: FnOnce(Caller, Checkout) -> Fut,
    Fut: Future<Output = Result<Notice, BffError>> + Send + 'static,
{
    let task = tokio::spawn(step(caller.clone(), checkout));
    let notice = task
        .await
        .map_err(|_| BffError::Context("the submission task ended abnormally"))??;
    notice::leave(caller.session(), &notice).await?;
    Ok(notice.order_id)
}

/// Submits the checkout, which this request moved to `submitting`.
async fn place(caller: Caller, checkout: Checkout) -> Result<Notice, BffError> {
    let sent = caller
        .api_in_activity(&checkout.activity_id)
        .submit_order(&checkout.request)
        .await;
    let checkouts = caller.bff().checkouts();
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
            placed(&caller, &checkout, State::Submitting, &order.order_id).await?;
            Ok(Notice {
                message: format!(
                    "Thank you. Your order was placed: order {}.",
                    order.order_id
                ),
                order_id: order.order_id,
            })
        }
        Err(error) if outcome::surely_not_placed(&error) => {
            audit(None, "not placed");
            checkouts
                .transition(&checkout.id, State::Submitting, State::Confirmed)
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
                .transition(&checkout.id, State::Submitting, State::Unknown)
                .await?;
            if checkouts
                .transition(&checkout.id, State::Unknown, State::Checking)
                .await?
            {
                look_for(caller, checkout).await
            } else {
                Err(unconfirmed(&caller))
            }
        }
    }
}

/// Looks for the order of a checkout whose submission had no answer; this request
/// moved it to `checking`.
async fn look_for(caller: Caller, checkout: Checkout) -> Result<Notice, BffError> {
    let checkouts = caller.bff().checkouts();
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
            placed(&caller, &checkout, State::Checking, &order.order_id).await?;
            Ok(Notice {
                message: format!("Your order went through: order {}.", order.order_id),
                order_id: order.order_id,
            })
        }
        Ok(None) => {
            checkouts
                .transition(&checkout.id, State::Checking, State::Confirmed)
                .await?;
            Err(BffError::User(AppError::NotPlaced {
                correlation_id: caller.request_id().to_owned(),
            }))
        }
        Err(error) => {
            tracing::warn!(%error, "could not look for an order whose submission had no answer");
            checkouts
                .transition(&checkout.id, State::Checking, State::Unknown)
                .await?;
            Err(unconfirmed(&caller))
        }
    }
}

/// Records the placed order and empties the cart it came from (unless it changed).
async fn placed(
    caller: &Caller,
    checkout: &Checkout,
    from: State,
    order_id: &str,
) -> Result<(), BffError> {
    let bff = caller.bff();
    bff.checkouts()
        .record_order(&checkout.id, from, order_id)
        .await?;
    bff.carts()
        .delete(caller.party(), Some(checkout.cart_version))
        .await
}

fn unconfirmed(caller: &Caller) -> BffError {
    BffError::User(AppError::Unconfirmed {
        correlation_id: caller.request_id().to_owned(),
    })
}
