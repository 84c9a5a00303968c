//! An approver's decision on an order: checked here (a reason is required to reject),
//! sent at most once however often it is pressed (double click, reload of the post, two
//! tabs: the first request claims it, the others wait for its answer), told in words,
//! and written to the audit log.

use std::time::{Duration, Instant};

use app::{
    error::{AppError, FieldError},
    model::order::{DecisionAction, DecisionPanel},
};
use mobproc::model::{ApprovalAction, ApprovalRequest, ApprovalStatus};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{
    decision_store::Claim,
    notice::{self, Notice},
};
use crate::bff::{caller::Caller, error::BffError, session_data};

/// Reasons are a sentence or two for the person who ordered.
pub const MAX_REASON_CHARS: usize = 500;
/// How often a waiting request looks at the decision again, and for how long.
const POLL: Duration = Duration::from_millis(200);
const WAIT: Duration = Duration::from_secs(35);
const DECISION_DRAFT: &str = "decision_draft";

/// What the approver typed, kept so a refused decision loses nothing.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Draft {
    order_id: String,
    reason: String,
}

/// The panel of `order_id`, with what was typed for it last.
pub async fn panel(session: &Session, order_id: &str) -> Result<DecisionPanel, BffError> {
    let draft: Option<Draft> = session_data::read(session, DECISION_DRAFT).await?;
    Ok(DecisionPanel {
        reason: draft
            .filter(|d| d.order_id == order_id)
            .map(|d| d.reason)
            .unwrap_or_default(),
        max_reason_chars: MAX_REASON_CHARS,
    })
}

/// Sends the signed-in approver's decision on `order_id` once, and leaves its outcome for
/// the order's page.
pub async fn decide(
    caller: &Caller,
    order_id: &str,
    action: DecisionAction,
    reason: String,
) -> Result<(), BffError> {
    super::may_approve(caller).await?;
    let session = caller.session();
    let draft = Draft {
        order_id: order_id.to_owned(),
        reason: reason.clone(),
    };
    session_data::write(session, DECISION_DRAFT, &draft).await?;
    // Kept now: the session is not saved with an error answer.
    session.save().await?;
    let reason = checked(action, &reason)?;
    let approver = caller.party().user_id.clone();
    let store = caller.bff().decisions();
    let started = Instant::now();
    let outcome = loop {
        match store
            .claim(order_id, &approver, action.as_str(), reason.as_deref())
            .await?
        {
            Claim::Mine => break send(caller, order_id, action, reason.clone()).await?,
            Claim::Answered(outcome) => break outcome.parse().unwrap_or_else(|e| match e {}),
            Claim::Busy if started.elapsed() < WAIT => tokio::time::sleep(POLL).await,
            Claim::Busy => {
                return Err(BffError::User(AppError::Conflict {
                    message: "Your decision is still being sent. Reload the order in a moment \
                              to see how it went."
                        .into(),
                }))
            }
        }
    };
    session.remove::<String>(DECISION_DRAFT).await?;
    let notice = Notice {
        order_id: order_id.to_owned(),
        message: in_words(&outcome).to_owned(),
    };
    notice::leave(session, &notice).await
}

/// The reason as it is sent: required to reject, optional to approve, bounded.
fn checked(action: DecisionAction, reason: &str) -> Result<Option<String>, BffError> {
    let reason = reason.trim();
    let refused = |message: &str| {
        BffError::User(AppError::Invalid {
            message: message.to_owned(),
            fields: vec![FieldError {
                field: "reason".into(),
                message: message.to_owned(),
            }],
        })
    };
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(refused(&format!(
            "Keep the reason to {MAX_REASON_CHARS} characters."
        )));
    }
    if reason.is_empty() && action == DecisionAction::Reject {
        return Err(refused(
            "Say why you reject the order: the person who ordered it sees your reason.",
        ));
    }
    Ok((!reason.is_empty()).then(|| reason.to_owned()))
}

/// Sends the decision this request claimed; a failure gives the claim up, so the next
/// press can send it.
async fn send(
    caller: &Caller,
    order_id: &str,
    action: DecisionAction,
    reason: Option<String>,
) -> Result<ApprovalStatus, BffError> {
    let request = ApprovalRequest {
        action: match action {
            DecisionAction::Approve => ApprovalAction::Approve,
            DecisionAction::Reject => ApprovalAction::Reject,
        },
        reason,
    };
    let store = caller.bff().decisions();
    let approver = caller.party().user_id.as_str();
    let answer = caller
        .api_as_user()
        .order_approval(order_id, &request)
        .await;
    let outcome = match &answer {
        Ok(answer) => answer.status.as_str(),
        Err(_) => "failed",
    };
    crate::audit!(
        "approval",
        outcome = outcome,
        user = approver,
        actor = caller.party().actor_id.as_str(),
        order_id = order_id,
        action = action.as_str(),
        correlation_id = caller.request_id(),
    );
    match answer {
        Ok(answer) => {
            store
                .answered(order_id, approver, answer.status.as_str())
                .await?;
            Ok(answer.status)
        }
        Err(error) => {
            store.release(order_id, approver).await?;
            Err(error)
        }
    }
}

/// MOBPROC's answer as the approver hears it.
fn in_words(outcome: &ApprovalStatus) -> &'static str {
    match outcome {
        ApprovalStatus::ApprovalQueued => "Approved. The order goes ahead.",
        ApprovalStatus::RejectionQueued => {
            "Rejected. The person who ordered it will see your reason."
        }
        ApprovalStatus::ApprovalNotNeeded => {
            "This order needs no decision (any more): nothing was changed."
        }
        ApprovalStatus::NotReadyForApproval => {
            "This order is not ready for approval yet. Please try again in a moment."
        }
        ApprovalStatus::Unknown(_) => "MOBPROC took your decision.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_needs_a_reason_and_reasons_are_bounded() {
        assert!(checked(DecisionAction::Reject, "  ").is_err());
        assert_eq!(
            checked(DecisionAction::Approve, "  ").unwrap(),
            None,
            "an approval may go without"
        );
        assert_eq!(
            checked(DecisionAction::Reject, " Over budget ")
                .unwrap()
                .as_deref(),
            Some("Over budget")
        );
        let long = "x".repeat(MAX_REASON_CHARS + 1);
        assert!(checked(DecisionAction::Approve, &long).is_err());
    }

    #[test]
    fn every_answer_reads_in_words() {
        assert_eq!(
            in_words(&ApprovalStatus::ApprovalQueued),
            "Approved. The order goes ahead."
        );
        assert!(in_words(&ApprovalStatus::NotReadyForApproval).contains("not ready"));
    }
}
