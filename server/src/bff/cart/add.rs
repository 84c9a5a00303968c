//! Adding to the cart: the line and the item are checked with MOBPROC, and a cart of
//! another line or kind is only replaced when the person said so.

use app::{
    error::{AppError, FieldError},
    model::cart::{CartChange, ItemKind, OrderKind},
};

use super::{catalog, rules, store::Cart, ATTEMPTS};
use crate::bff::{error::BffError, party::Party, present, request::RequestScope, Bff};

/// What to add, as the catalog pages post it.
pub struct Addition {
    pub service_id: String,
    pub order: OrderKind,
    pub item_kind: ItemKind,
    pub item_id: String,
    pub replace: bool,
}

pub async fn add(
    bff: &Bff,
    scope: &RequestScope,
    party: &Party,
    addition: Addition,
) -> Result<CartChange, BffError> {
    let Addition {
        service_id,
        order,
        item_kind,
        item_id,
        replace,
    } = addition;
    if !rules::fits(order, item_kind) {
        return Err(invalid("That item cannot be part of this order.", None));
    }
    let (client, carts) = (bff.client(), bff.carts());
    let line = bff
        .call(scope, |token, context| {
            let service_id = &service_id;
            async move { client.service_asset(&token, &context, service_id).await }
        })
        .await?;
    let transaction_type = rules::transaction_type(order);
    if line
        .order_actions
        .as_ref()
        .is_some_and(|allowed| !allowed.contains(&transaction_type))
    {
        return Err(invalid("This line does not allow that order now.", None));
    }
    let line_number = present::phone_number(line.service_number.as_deref().unwrap_or(&line.id));
    let wanted = rules::summary(order, &line_number);

    for _ in 0..ATTEMPTS {
        let stored = carts.load(party).await?;
        let same_order = stored
            .as_ref()
            .filter(|s| s.cart.service_id == service_id && s.cart.order == order);
        if let Some(other) = stored.as_ref().filter(|_| same_order.is_none()) {
            if !replace {
                let holds = rules::summary(other.cart.order, &other.cart.line_number);
                let message = format!("Your cart holds {holds}. Replace it with {wanted}?");
                return Err(invalid(&message, Some("replace")));
            }
        }
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
        let plan = rules::plan(&cart).cloned();
        let entry =
            catalog::entry(bff, scope, &service_id, item_kind, &item_id, plan.as_ref()).await?;
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
    Err(invalid(
        "Your cart was changed at the same time elsewhere. Please try again.",
        None,
    ))
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
