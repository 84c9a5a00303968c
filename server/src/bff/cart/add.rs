//! Adding to the cart: the order type must be one the actor may order for the line, the
//! line and the item are checked with MOBPROC, and a cart of another line or kind is
//! only replaced when the person said so.

use app::{
    error::{AppError, FieldError},
    model::cart::{CartChange, ItemKind, OrderKind},
};

use super::{catalog, changed_elsewhere, rules, store::Cart, ATTEMPTS};
use crate::bff::{caller::Caller, error::BffError, present, transactions};

/// What to add, as the catalog pages post it.
pub struct Addition {
    pub service_id: String,
    pub order: OrderKind,
    pub item_kind: ItemKind,
    pub item_id: String,
    pub replace: bool,
}

pub async fn add(caller: &Caller, addition: Addition) -> Result<CartChange, BffError> {
    let Addition {
        service_id,
        order,
        item_kind,
        item_id,
        replace,
    } = addition;
    let transaction = transactions::of(order);
    if !transaction.holds(item_kind) {
        return Err(invalid("That item cannot be part of this order.", None));
    }
    let api = caller.api();
    let (permissions, line) =
        tokio::try_join!(caller.actor_permissions(), api.service_asset(&service_id),)?;
    if !transaction.allowed(
        &permissions.transaction_types,
        line.order_actions.as_deref(),
    ) {
        return Err(invalid("This line does not allow that order now.", None));
    }
    let line_number = present::phone_number(line.service_number.as_deref().unwrap_or(&line.id));
    let carts = caller.bff().carts();
    let party = caller.party();
    for _ in 0..ATTEMPTS {
        let stored = carts.load(party).await?;
        let same_order = stored
            .as_ref()
            .filter(|s| s.cart.service_id == service_id && s.cart.order == order);
        let mut cart = match same_order {
            Some(stored) => stored.cart.clone(),
            None => Cart {
                service_id: service_id.clone(),
                order,
                line_number: line_number.clone(),
                line_access_method: line
                    .device
                    .as_ref()
                    .and_then(|d| d.access_method.as_ref())
                    .map(|m| m.as_str().to_owned()),
                items: Vec::new(),
            },
        };
        let wanted = rules::summary(&cart);
        if let Some(other) = stored.as_ref().filter(|_| same_order.is_none()) {
            if !replace {
                let holds = rules::summary(&other.cart);
                let message = format!("Your cart holds {holds}. Replace it with {wanted}?");
                return Err(invalid(&message, Some("replace")));
            }
        }
        let plan = rules::plan(&cart).cloned();
        let entry = catalog::entry(caller, &service_id, item_kind, &item_id, plan.as_ref()).await?;
        let item = entry.name.clone();
        rules::put(&mut cart, entry);
        if carts
            .store(party, &cart, stored.as_ref().map(|s| s.version))
            .await?
        {
            return Ok(CartChange {
                count: cart.items.len(),
                summary: wanted,
                item,
            });
        }
    }
    Err(changed_elsewhere())
}

/// A refusal for the person, beside `field` when there is one.
pub fn invalid(message: &str, field: Option<&str>) -> BffError {
    BffError::User(AppError::Invalid {
        message: message.to_owned(),
        fields: field
            .map(|field| FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            })
            .into_iter()
            .collect(),
    })
}
