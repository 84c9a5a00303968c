//! "Order again": the accessories of a finished accessories order back in the cart, for
//! the same line, as the line's catalog offers them now. Ordered items carry no ids, so
//! they are found in the catalog by name; those no longer offered are named and left out.

use app::model::{cart::OrderKind, order::OrderedAgain};
use mobproc::{
    client::{collection, AssetQuery},
    model::Order,
};

use super::detail::can_order_again;
use crate::bff::{
    caller::Caller,
    cart::{self, catalog},
    error::BffError,
};

/// A person's lines are few; a runaway chain of links must still end.
const MAX_PAGES: usize = 20;

pub async fn again(
    caller: &Caller,
    order_id: &str,
    replace: bool,
) -> Result<OrderedAgain, BffError> {
    let api = caller.api();
    let order = api.order(order_id).await?;
    if !can_order_again(&order) {
        return Err(cart::invalid(
            "Only a completed or rejected accessories order can be ordered again.",
            None,
        ));
    }
    let service_id = line_of(caller, &order).await?;
    let line = cart::allowed_line(caller, &service_id, OrderKind::Accessories).await?;
    let offered = catalog::accessories(caller, &service_id).await?;
    let mut found = Vec::new();
    let mut withdrawn = Vec::new();
    for name in ordered_accessories(&order) {
        match offered.iter().find(|entry| entry.name == name) {
            Some(entry) => found.push(entry.clone()),
            None => withdrawn.push(name),
        }
    }
    if found.is_empty() {
        return Err(cart::invalid(
            "None of this order's accessories are offered for the line any more.",
            None,
        ));
    }
    let change = cart::put_all(caller, &line, OrderKind::Accessories, found, replace).await?;
    let again = OrderedAgain {
        count: change.count,
        withdrawn,
    };
    cart::leave_notice(caller.session(), &notice(&again)).await?;
    Ok(again)
}

fn ordered_accessories(order: &Order) -> Vec<String> {
    order
        .order_segments
        .iter()
        .flat_map(|page| &page.items)
        .flat_map(|segment| segment.accessories.iter().flatten())
        .filter_map(|item| item.name.clone())
        .collect()
}

/// The actor's line the order was for, by its number.
async fn line_of(caller: &Caller, order: &Order) -> Result<String, BffError> {
    let number = order.service_number.as_deref().unwrap_or_default();
    let query = AssetQuery {
        employee: Some(caller.party().actor_id.clone()),
        ..AssetQuery::default()
    };
    let lines = caller
        .api()
        .walk(&collection::SERVICES, &query, MAX_PAGES)
        .await?;
    lines
        .items
        .into_iter()
        .find(|line| line.service_number.as_deref() == Some(number))
        .map(|line| line.id)
        .ok_or_else(|| cart::invalid("The line of this order is not one of yours any more.", None))
}

/// What the cart page says after "Order again".
fn notice(again: &OrderedAgain) -> String {
    let back = format!(
        "The accessories of your order are back in your cart ({} {}).",
        again.count,
        if again.count == 1 { "item" } else { "items" }
    );
    if again.withdrawn.is_empty() {
        back
    } else {
        format!(
            "{back} No longer offered, so left out: {}.",
            again.withdrawn.join(", ")
        )
    }
}
