//! One order with everything a person needs to follow it: the order, and per segment
//! its history and its shipments, asked for together and kept for as long as the order
//! has not changed since (its `updated` stamp, else its submission's), so a warm view
//! asks for the order only.

use app::model::order::{DecisionPanel, OrderView};
use futures::future::try_join_all;
use mobproc::model::{Order, OrderStatus, TransactionType};

use super::{decision, notice, present};
use crate::bff::{caller::Caller, error::BffError};

/// The order page of `order_id`, for whoever MOBPROC lets see it (404 otherwise).
pub async fn view(caller: &Caller, order_id: &str) -> Result<OrderView, BffError> {
    let api = caller.api();
    let order = api.order(order_id).await?;
    let segments = order
        .order_segments
        .clone()
        .map(|page| page.items)
        .unwrap_or_default();
    let tracked = try_join_all(segments.into_iter().map(|segment| async {
        let id = segment.order_segment_id.clone();
        let kept = caller
            .kept_tracking(
                &order.order_id,
                // Absent until the order first changes after its submission.
                order.updated.as_ref().or(order.date_submitted.as_ref()),
                format!("segment {id}"),
                || async {
                    let (history, shipments) = tokio::try_join!(
                        api.order_history(&order.order_id, Some(&id)),
                        api.order_shipments(&order.order_id, Some(&id)),
                    )?;
                    Ok::<_, BffError>((history.into_items(), shipments.into_items()))
                },
            )
            .await?;
        let (history, shipments) = kept.as_ref().clone();
        Ok::<_, BffError>(present::Tracked {
            segment,
            history,
            shipments,
        })
    }))
    .await?;
    let placed = caller
        .bff()
        .checkouts()
        .placed(caller.party(), &order.order_id)
        .await?;
    let definitions = placed
        .and_then(|checkout| checkout.confirmed)
        .map(|confirmed| confirmed.definitions)
        .unwrap_or_default();
    let mut view = present::order(&order, tracked, &definitions);
    view.notice = notice::take(caller.session(), &order.order_id).await?;
    view.decision = panel(caller, &order).await?;
    view.can_order_again = can_order_again(&order);
    Ok(view)
}

/// The approve / reject panel, for an approver ordering as themselves, while the
/// order awaits approval. MOBPROC still decides whether they may decide it.
async fn panel(caller: &Caller, order: &Order) -> Result<Option<DecisionPanel>, BffError> {
    if order.status != OrderStatus::AwaitingApproval || caller.party().acting.is_some() {
        return Ok(None);
    }
    if !caller.own_permissions().await?.is_approver {
        return Ok(None);
    }
    Ok(Some(
        decision::panel(caller.session(), &order.order_id).await?,
    ))
}

/// Accessories come back into the cart once their order is over.
pub fn can_order_again(order: &Order) -> bool {
    order.transaction_type == TransactionType::OrderAccessories
        && matches!(order.status, OrderStatus::Completed | OrderStatus::Rejected)
}
