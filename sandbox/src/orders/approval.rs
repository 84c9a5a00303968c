//! Which orders need an approver, and `POST /orders/{id}/approval`.
//!
//! An order needs approval when its account holder has an approver (seed `approver`)
//! and either total (ONETIME or MONTHLY) is above [`THRESHOLD`], or it is an UPGRADE
//! of a line before its upgrade eligibility date. It waits in `AWAITING_APPROVAL`
//! until that approver (or an admin who is an approver) decides.
//!
//! Answers: `APPROVAL_QUEUED` / `REJECTION_QUEUED` while it awaits approval,
//! `NOT_READY_FOR_APPROVAL` before it gets there, `APPROVAL_NOT_NEEDED` when it needs
//! none or was already decided; 403 for anyone who may not decide it.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, Utc};
use mobproc::model::{
    ApprovalAction, ApprovalRequest, ApprovalResponse, ApprovalStatus, OrderStatus, TransactionType,
};
use rust_decimal::Decimal;

use super::expand::Totals;
use super::progress;
use super::query::visible;
use super::record::{Approval, Decision, OrderRecord};
use super::validate::{parse_date, Checked};
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::seed::Employee;
use crate::state::SandboxState;

/// Orders costing more than this, once or monthly, need approval.
pub const THRESHOLD: Decimal = Decimal::from_parts(500, 0, 0, false, 0);

/// Whether an order about to be submitted needs approval, and why.
pub fn requirement(
    checked: &Checked,
    actor: &Employee,
    totals: &Totals,
    now: DateTime<Utc>,
) -> Option<Approval> {
    let approver = actor.approver.clone()?;
    let mut reasons = Vec::new();
    if totals.one_time > THRESHOLD || totals.monthly > THRESHOLD {
        reasons.push(format!(
            "it costs more than {THRESHOLD} {} once or monthly",
            totals.currency
        ));
    }
    if checked.request.transaction_type == TransactionType::Upgrade {
        let eligible = checked.line.as_ref().and_then(|l| {
            l.service.upgrade_eligibility_date.as_deref().or(l
                .device
                .as_ref()?
                .upgrade_eligibility_date
                .as_deref())
        });
        if let Some(date) = eligible.filter(|d| parse_date(d).is_some_and(|d| d > now)) {
            reasons.push(format!(
                "the line is not eligible for an upgrade before {date}"
            ));
        }
    }
    (!reasons.is_empty()).then(|| Approval {
        approver,
        reason: reasons.join(" and "),
        decision: None,
    })
}

/// Whether `user` may decide an order that `approver` must approve.
fn may_decide(user: &Employee, approver: &str) -> bool {
    user.is_approver && (user.id == approver || user.admin)
}

fn not_approver(order_id: &str) -> Error {
    Error::forbidden(
        "Not-Approver",
        format!("You may not approve or reject order {order_id}."),
    )
}

pub async fn decide(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    Path(order_id): Path<String>,
    body: Bytes,
) -> Result<Json<ApprovalResponse>> {
    let request: ApprovalRequest = serde_json::from_slice(&body).map_err(|e| {
        Error::bad_request(
            "Invalid-Body",
            format!("Expected {{\"action\":\"APPROVE\"|\"REJECT\",\"reason\":\"…\"}}: {e}"),
        )
    })?;
    if let ApprovalAction::Unknown(other) = &request.action {
        return Err(Error::bad_request(
            "Invalid-Body",
            format!("action must be APPROVE or REJECT, not {other:?}."),
        ));
    }
    let now = state.now();
    let seed = state.seed();
    let status = state.try_write(|store| {
        let stored = store
            .order_mut(&order_id)
            .filter(|o| visible(&caller, seed, o))
            .ok_or_else(|| Error::not_found("Order", &order_id))?;
        if !caller.user.is_approver {
            return Err(not_approver(&order_id));
        }
        let mut record = OrderRecord::of(stored)?;
        let Some(approval) = &record.approval else {
            return Ok(ApprovalStatus::ApprovalNotNeeded);
        };
        if !may_decide(&caller.user, &approval.approver) {
            return Err(not_approver(&order_id));
        }
        if approval.decision.is_some() {
            return Ok(ApprovalStatus::ApprovalNotNeeded);
        }
        if progress::order_status(stored, &record, seed, now) != OrderStatus::AwaitingApproval {
            return Ok(ApprovalStatus::NotReadyForApproval);
        }
        let queued = match request.action {
            ApprovalAction::Approve => ApprovalStatus::ApprovalQueued,
            _ => ApprovalStatus::RejectionQueued,
        };
        if let Some(approval) = &mut record.approval {
            approval.decision = Some(Decision {
                action: request.action.clone(),
                by: caller.user.id.clone(),
                at: now,
                reason: request.reason.clone().filter(|r| !r.trim().is_empty()),
            });
        }
        stored.details = serde_json::to_value(&record)?;
        // A rejected order changes nothing; an approved one completes from now.
        stored.completes_at = progress::completes_at(stored, &record);
        stored.settled = stored.completes_at.is_none();
        Ok(queued)
    })?;
    Ok(Json(ApprovalResponse { status }))
}
