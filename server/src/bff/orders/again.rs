//! "Order again": the accessories of a finished accessories order back in the cart, for
//! the same line, as the line's catalog offers them now; those no longer offered are
//! named and left out. An order this storefront placed is ordered again by its catalog
//! ids; MOBPROC's ordered items carry none, so any other order is matched by name.

use app::model::{cart::OrderKind, order::OrderedAgain};
use mobproc::{
    client::{collection, AssetQuery},
    model::Order,
};

use super::detail::can_order_again;
use crate::bff::{
    caller::Caller,
    cart::{self, catalog, store::CartEntry},
    checkout::store::Checkout,
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
    let placed = caller
        .bff()
        .checkouts()
        .placed(caller.party(), order_id)
        .await?;
    let (service_id, wanted) = match placed {
        Some(checkout) => {
            let request = &checkout.request.order_request;
            let service_id = request.service_id.clone().unwrap_or_default();
            (service_id, placed_accessories(&checkout))
        }
        None => (line_of(caller, &order).await?, ordered_accessories(&order)),
    };
    let line = cart::allowed_line(caller, &service_id, OrderKind::Accessories).await?;
    let offered = catalog::accessories(caller, &service_id).await?;
    let mut found = Vec::new();
    let mut withdrawn = Vec::new();
    for item in wanted {
        let matches = |entry: &&CartEntry| match &item.id {
            Some(id) => entry.id == *id,
            None => entry.name == item.name,
        };
        match offered.iter().find(matches) {
            Some(entry) => found.push(entry.clone()),
            None => withdrawn.push(item.name),
        }
    }
    if found.is_empty() {
        return Err(cart::invalid(
            "None of this order's accessories are offered for the line any more.",
            None,
        ));
    }
    let change = cart::put_all(caller, line, OrderKind::Accessories, found, replace).await?;
    let again = OrderedAgain {
        count: change.count,
        withdrawn,
    };
    cart::leave_notice(caller.session(), &notice(&again)).await?;
    Ok(again)
}

/// An accessory to order again: by its catalog id when known, else by its name.
struct Wanted {
    id: Option<String>,
    name: String,
}

/// The accessories of a checkout this storefront placed, as MOBPROC confirmed them.
fn placed_accessories(checkout: &Checkout) -> Vec<Wanted> {
    let confirmed = checkout
        .confirmed
        .as_ref()
        .and_then(|c| c.confirmation.shopping_cart.as_ref())
        .and_then(|cart| cart.accessories.clone());
    match confirmed {
        Some(accessories) => accessories
            .into_iter()
            .map(|a| Wanted {
                id: Some(a.id),
                name: a.name,
            })
            .collect(),
        None => checkout
            .request
            .order_request
            .shopping_cart
            .iter()
            .flat_map(|cart| cart.accessory_ids.iter().flatten())
            .map(|id| Wanted {
                id: Some(id.clone()),
                name: id.clone(),
            })
            .collect(),
    }
}

/// The accessories of an order MOBPROC lists, by name.
fn ordered_accessories(order: &Order) -> Vec<Wanted> {
    order
        .order_segments
        .iter()
        .flat_map(|page| &page.items)
        .flat_map(|segment| segment.accessories.iter().flatten())
        .filter_map(|item| item.name.clone())
        .map(|name| Wanted { id: None, name })
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
