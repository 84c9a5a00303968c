//! Placing a confirmed order exactly once (issue 4 §8).
//!
//! The browser sends only the checkout id; the order sent is the one MOBPROC
//! confirmed, read from the `checkouts` table. A request may submit only after its
//! conditional `UPDATE` moved the checkout from `confirmed` to `submitting`; every
//! other request (double click, reload, back-and-resubmit, a second tab) waits for
//! that outcome and shows the same order. `POST /orders` is never retried: when its
//! answer is lost, the order is looked for by its `externalOrderNumber` before
//! another try is allowed. The work runs in its own task, so a browser that goes away
//! mid-way cannot leave it half done.

mod find;
mod order;
mod outcome;

use std::{
    future::Future,
    time::{Duration, Instant},
};

use app::{error::AppError, model::order::OrderView};

use super::{
    audit,
    checkout::{
        self,
        store::{Checkout, State},
    },
    error::BffError,
    party::Party,
    request::RequestScope,
    Bff,
};
use crate::database::now;
use order::Notice;

/// How often a waiting request looks at the checkout again.
const POLL: Duration = Duration::from_millis(200);
/// How long a request waits for another one's submission (MOBPROC's request
/// timeout is 30 s, and finding a lost order takes a few more calls).
const WAIT: Duration = Duration::from_secs(45);
/// A submission or search unchanged for this long was abandoned (its process died).
const ABANDONED_AFTER_SECS: i64 = 120;

/// Places the checkout's order, or finds the one placed before. The order id.
pub async fn submit(
    bff: &Bff,
    scope: &RequestScope,
    party: &Party,
    checkout_id: &str,
) -> Result<String, BffError> {
    let checkouts = bff.checkouts();
    let started = Instant::now();
    loop {
        let checkout = checkout::find(checkouts, party, checkout_id).await?;
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
                    return in_own_task(bff, scope, party, checkout, place).await;
                }
            }
            State::Unknown => {
                if checkouts
                    .transition(&checkout.id, State::Unknown, State::Checking)
                    .await?
                {
                    return in_own_task(bff, scope, party, checkout, look_for).await;
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
                    return Err(BffError::User(AppError::Invalid {
                        message: "Your order is still being placed. Please reload this page \
                                  in a moment to see how it went; do not order again."
                            .into(),
                        fields: Vec::new(),
                    }));
                } else {
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }
}

/// The order, with the notice the submission left for it.
pub async fn view(bff: &Bff, scope: &RequestScope, order_id: &str) -> Result<OrderView, BffError> {
    let client = bff.client();
    let order = bff
        .call(scope, |token, context| async move {
            client.order(&token, &context, order_id).await
        })
        .await?;
    let notice = order::take_notice(&scope.session, &order.order_id).await?;
    Ok(order::view(order, notice))
}

/// Runs `step` to its end even if the request that started it is dropped, then
/// leaves its notice for the order page.
async fn in_own_task<F, Fut>(
    bff: &Bff,
    scope: &RequestScope,
    party: &Party,
    checkout: Checkout,
    step: F,
) -> Result<String, BffError>
where
    F: FnOnce(Bff, RequestScope, Party, Checkout) -> Fut,
    Fut: Future<Output = Result<Notice, BffError>> + Send + 'static,
{
    let own_scope = RequestScope {
        session: scope.session.clone(),
        correlation_id: scope.correlation_id.clone(),
    };
    let task = tokio::spawn(step(bff.clone(), own_scope, party.clone(), checkout));
    let notice = task
        .await
        .map_err(|_| BffError::Context("the submission task ended abnormally"))??;
    order::leave_notice(&scope.session, &notice).await?;
    Ok(notice.order_id)
}

/// Submits the checkout, which this request moved to `submitting`.
async fn place(
    bff: Bff,
    scope: RequestScope,
    party: Party,
    checkout: Checkout,
) -> Result<Notice, BffError> {
    let client = bff.client();
    let body = &checkout.request;
    let sent = bff
        .call_as(&scope, &party, |token, context| async move {
            client.submit_order(&token, &context, body).await
        })
        .await;
    let checkouts = bff.checkouts();
    let audit = |order_id: Option<&str>, outcome: &str| {
        audit::on_behalf(
            &scope.correlation_id,
            &party,
            "submit",
            &checkout.external_order_number,
            order_id,
            outcome,
        );
    };
    match sent {
        Ok(order) => {
            audit(Some(&order.order_id), "placed");
            placed(&bff, &party, &checkout, State::Submitting, &order.order_id).await?;
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
            audit(None, "no answer");
            tracing::warn!(
                correlation_id = %scope.correlation_id,
                %error,
                "order submission has no answer; looking for the order"
            );
            checkouts
                .transition(&checkout.id, State::Submitting, State::Unknown)
                .await?;
            if checkouts
                .transition(&checkout.id, State::Unknown, State::Checking)
                .await?
            {
                look_for(bff.clone(), scope, party, checkout).await
            } else {
                Err(BffError::User(unconfirmed(&scope.correlation_id)))
            }
        }
    }
}

/// Looks for the order of a checkout whose submission had no answer; this request
/// moved it to `checking`.
async fn look_for(
    bff: Bff,
    scope: RequestScope,
    party: Party,
    checkout: Checkout,
) -> Result<Notice, BffError> {
    let checkouts = bff.checkouts();
    let found =
        find::by_external_number(&bff, &scope, &party, &checkout.external_order_number).await;
    match found {
        Ok(Some(order)) => {
            audit::on_behalf(
                &scope.correlation_id,
                &party,
                "submit",
                &checkout.external_order_number,
                Some(&order.order_id),
                "found placed",
            );
            placed(&bff, &party, &checkout, State::Checking, &order.order_id).await?;
            Ok(Notice {
                message: format!("Your order went through: order {}.", order.order_id),
                order_id: order.order_id,
            })
        }
        Ok(None) => {
            checkouts
                .transition(&checkout.id, State::Checking, State::Confirmed)
                .await?;
            Err(BffError::User(AppError::Invalid {
                message: format!(
                    "We could not confirm that MOBPROC received your order; it was not \
                     found among your orders, so nothing was ordered. You may try again. \
                     (Reference: {})",
                    scope.correlation_id
                ),
                fields: Vec::new(),
            }))
        }
        Err(error) => {
            tracing::warn!(
                correlation_id = %scope.correlation_id,
                %error,
                "could not look for an order whose submission had no answer"
            );
            checkouts
                .transition(&checkout.id, State::Checking, State::Unknown)
                .await?;
            Err(BffError::User(unconfirmed(&scope.correlation_id)))
        }
    }
}

/// Records the placed order and empties the cart it came from (unless it changed).
async fn placed(
    bff: &Bff,
    party: &Party,
    checkout: &Checkout,
    from: State,
    order_id: &str,
) -> Result<(), BffError> {
    bff.checkouts()
        .record_order(&checkout.id, from, order_id)
        .await?;
    bff.carts().delete(party, Some(checkout.cart_version)).await
}

fn unconfirmed(correlation_id: &str) -> AppError {
    AppError::Invalid {
        message: format!(
            "We could not confirm whether MOBPROC received your order, and could not look \
             for it just now. Please do not order again: try placing it again in a minute, \
             and we will first check whether it went through. (Reference: {correlation_id})"
        ),
        fields: Vec::new(),
    }
}
