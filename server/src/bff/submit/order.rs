//! A placed order as the result page shows it, with the one-time notice left by the
//! submission.

use app::model::order::{OrderSegmentView, OrderView, OrderedItemView};
use mobproc::model::{Order, OrderedItem};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::bff::{error::BffError, media, money, present, session_data};

const ORDER_NOTICE: &str = "order_notice";

/// What to tell the person on the order's page, once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Notice {
    pub order_id: String,
    pub message: String,
}

pub async fn leave_notice(session: &Session, notice: &Notice) -> Result<(), BffError> {
    Ok(session_data::write(session, ORDER_NOTICE, notice).await?)
}

/// The notice for `order_id`, removed once read.
pub async fn take_notice(session: &Session, order_id: &str) -> Result<Option<String>, BffError> {
    let notice: Option<Notice> = session_data::read(session, ORDER_NOTICE).await?;
    match notice {
        Some(notice) if notice.order_id == order_id => {
            session.remove::<String>(ORDER_NOTICE).await?;
            Ok(Some(notice.message))
        }
        _ => Ok(None),
    }
}

pub fn view(order: Order, notice: Option<String>) -> OrderView {
    OrderView {
        status: order.status.as_str().to_owned(),
        date_submitted: order.date_submitted.as_deref().map(present::date),
        external_order_number: order.external_order_number,
        account_holder: order.account_holder.as_ref().map(present::person),
        requested_by: order.requested_by.as_ref().map(present::person),
        segments: order
            .order_segments
            .map(|s| s.items)
            .unwrap_or_default()
            .into_iter()
            .map(|segment| OrderSegmentView {
                segment_id: segment.order_segment_id,
                vendor: segment.vendor.and_then(|v| v.name),
                status: segment.status.as_str().to_owned(),
                items: segment
                    .device
                    .into_iter()
                    .chain(segment.accessories.unwrap_or_default())
                    .map(item)
                    .collect(),
                features: segment
                    .plan
                    .as_ref()
                    .and_then(|p| p.optional_features.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|f| OrderedItemView {
                        name: f.description.or(f.id).unwrap_or_default(),
                        image: None,
                        price: f.price.as_ref().map(money::price),
                    })
                    .collect(),
                plan: segment
                    .plan
                    .filter(|p| p.name.is_some())
                    .map(|p| OrderedItemView {
                        name: p.name.unwrap_or_default(),
                        image: None,
                        price: p.price.as_ref().map(money::price),
                    }),
            })
            .collect(),
        order_id: order.order_id,
        notice,
    }
}

fn item(item: OrderedItem) -> OrderedItemView {
    OrderedItemView {
        name: item.name.unwrap_or_default(),
        image: item.image_url.as_deref().map(media::proxied),
        price: item.price.as_ref().map(money::price),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc::model::OrderResponse;
    use std::path::Path;

    #[test]
    fn the_documented_accessories_order_reads_per_segment() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/mobproc/examples/orders/order_accessories/order.json");
        let response: OrderResponse =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let view = view(response.order.unwrap(), None);
        assert_eq!(view.order_id, "8711820");
        assert_eq!(view.status, "ORDER_SUBMITTED");
        assert_eq!(view.date_submitted.as_deref(), Some("April 29, 2016"));
        let segment = &view.segments[0];
        assert_eq!(segment.vendor.as_deref(), Some("Verizon Wireless"));
        assert_eq!(segment.items.len(), 2);
        assert!(segment.plan.is_none());
    }
}
