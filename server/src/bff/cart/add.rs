//! Adding to the cart: the order type must be one the actor may order for the line, the
//! line and the item are checked with MOBPROC, and a cart of another line or kind is
//! only replaced when the person said so.

use app::{
    error::{AppError, FieldError},
    model::cart::{CartChange, ItemKind, OrderKind},
};
use mobproc::model::ServiceAsset;

use super::{
    catalog, change, changed_elsewhere, rules,
    store::{Cart, CartEntry, StoredCart},
    ATTEMPTS,
};
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
    if !transactions::of(order).holds(item_kind) {
        return Err(invalid("That item cannot be part of this order.", None));
    }
    let line = allowed_line(caller, &service_id, order).await?;
    let carts = caller.bff().carts();
    let party = caller.party();
    for _ in 0..ATTEMPTS {
        let stored = carts.load(party).await?;
        let mut cart = cart_for(stored.as_ref(), &line, order, replace)?;
        let plan = rules::plan(&cart).cloned();
        let entry = catalog::entry(caller, &service_id, item_kind, &item_id, plan.as_ref()).await?;
        let item = entry.name.clone();
        rules::put(&mut cart, entry);
        if carts
            .store(party, &cart, stored.as_ref().map(|s| s.version))
            .await?
        {
            return Ok(change(&cart, item));
        }
    }
    Err(changed_elsewhere())
}

/// Puts `entries` (already checked against the line's catalog) into the cart of
/// `order` for `line`, as [`add`] would one by one.
pub async fn put_all(
    caller: &Caller,
    line: &ServiceAsset,
    order: OrderKind,
    entries: Vec<CartEntry>,
    replace: bool,
) -> Result<CartChange, BffError> {
    let carts = caller.bff().carts();
    let party = caller.party();
    for _ in 0..ATTEMPTS {
        let stored = carts.load(party).await?;
        let mut cart = cart_for(stored.as_ref(), line, order, replace)?;
        for entry in entries.iter().cloned() {
            rules::put(&mut cart, entry);
        }
        if carts
            .store(party, &cart, stored.as_ref().map(|s| s.version))
            .await?
        {
            return Ok(change(&cart, String::new()));
        }
    }
    Err(changed_elsewhere())
}

/// The line, if the actor may order `order` for it now.
pub async fn allowed_line(
    caller: &Caller,
    service_id: &str,
    order: OrderKind,
) -> Result<ServiceAsset, BffError> {
    let api = caller.api();
    let (permissions, line) =
        tokio::try_join!(caller.actor_permissions(), api.service_asset(service_id),)?;
    let allowed = transactions::of(order).allowed(
        &permissions.transaction_types,
        line.order_actions.as_deref(),
    );
    if allowed {
        Ok(line)
    } else {
        Err(invalid("This line does not allow that order now.", None))
    }
}

/// The cart to add to: the stored one if it orders `order` for `line`, else a new one,
/// replacing another order only when the person said so.
fn cart_for(
    stored: Option<&StoredCart>,
    line: &ServiceAsset,
    order: OrderKind,
    replace: bool,
) -> Result<Cart, BffError> {
    if let Some(stored) = stored.filter(|s| s.cart.service_id == line.id && s.cart.order == order) {
        return Ok(stored.cart.clone());
    }
    let cart = Cart {
        service_id: line.id.clone(),
        order,
        line_number: present::phone_number(line.service_number.as_deref().unwrap_or(&line.id)),
        line_access_method: line
            .device
            .as_ref()
            .and_then(|d| d.access_method.as_ref())
            .map(|m| m.as_str().to_owned()),
        items: Vec::new(),
    };
    match stored {
        Some(other) if !replace => {
            let message = format!(
                "Your cart holds {}. Replace it with {}?",
                rules::summary(&other.cart),
                rules::summary(&cart)
            );
            Err(invalid(&message, Some(REPLACE_FIELD)))
        }
        _ => Ok(cart),
    }
}

/// The field a refusal names when the cart holds another order.
pub const REPLACE_FIELD: &str = "replace";

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
