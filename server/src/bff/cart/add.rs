//! Adding to the cart: the order must be one the actor may place for its line or new
//! line, the item is looked up in MOBPROC's catalog for it, and a cart of another order
//! is only replaced when the person said so.

use app::{
    error::{AppError, FieldError},
    model::cart::{CartChange, ItemKind, OrderKind, OrderTarget},
};
use mobproc::model::ServiceAsset;

use super::{
    catalog, change, changed_elsewhere, rules,
    store::{Cart, CartEntry, StoredCart},
    ATTEMPTS,
};
use crate::bff::{
    caller::Caller,
    error::BffError,
    present,
    subject::{self, Subject},
    transactions,
};

/// What to add, as the catalog pages post it.
pub struct Addition {
    pub target: OrderTarget,
    pub item_kind: ItemKind,
    pub item_id: String,
    pub replace: bool,
}

pub async fn add(caller: &Caller, addition: Addition) -> Result<CartChange, BffError> {
    let Addition {
        target,
        item_kind,
        item_id,
        replace,
    } = addition;
    if !transactions::of(target.order).holds(item_kind) {
        return Err(invalid("That item cannot be part of this order.", None));
    }
    let subject = subject::check(caller, &target).await?;
    let permitted = caller.actor_permissions().await?.transaction_types;
    let carts = caller.bff().carts();
    let party = caller.party();
    for _ in 0..ATTEMPTS {
        let stored = carts.load(party).await?;
        let mut cart = cart_for(stored.as_ref(), &subject, replace)?;
        let plan = rules::plan(&cart).cloned();
        let query = catalog::Query::of(&subject, &cart, item_kind)?;
        let entry = catalog::entry(caller, &query, item_kind, &item_id, plan.as_ref()).await?;
        let item = entry.name.clone();
        rules::put(&mut cart, entry);
        // A transfer in the storefront turned into the other kind must be allowed too.
        if cart.order != subject.order && !transactions::of(cart.order).allowed(&permitted, None) {
            return Err(invalid(&rules::not_permitted(&cart), Some("item_id")));
        }
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
    line: ServiceAsset,
    order: OrderKind,
    entries: Vec<CartEntry>,
    replace: bool,
) -> Result<CartChange, BffError> {
    let subject = Subject {
        transaction: transactions::of(order),
        order,
        line: Some(line),
        place: None,
    };
    let carts = caller.bff().carts();
    let party = caller.party();
    for _ in 0..ATTEMPTS {
        let stored = carts.load(party).await?;
        let mut cart = cart_for(stored.as_ref(), &subject, replace)?;
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
    match subject::line(caller, transactions::of(order), service_id).await {
        Err(BffError::User(AppError::Forbidden)) => {
            Err(invalid("This line does not allow that order now.", None))
        }
        other => other,
    }
}

/// The cart to add to: the stored one if it orders the same for the same line and
/// place, else a new one, replacing another order only when the person said so.
fn cart_for(
    stored: Option<&StoredCart>,
    subject: &Subject,
    replace: bool,
) -> Result<Cart, BffError> {
    let service_id = subject.line.as_ref().map(|l| l.id.clone());
    let same = |cart: &Cart| {
        cart.service_id == service_id
            && transactions::same_family(cart.order, subject.order)
            && cart.place == subject.place
    };
    if let Some(stored) = stored.filter(|s| same(&s.cart)) {
        return Ok(stored.cart.clone());
    }
    let line = subject.line.as_ref();
    let cart = Cart {
        service_id,
        order: subject.order,
        line_number: line
            .map(|l| present::phone_number(l.service_number.as_deref().unwrap_or(&l.id)))
            .unwrap_or_default(),
        line_access_method: line
            .and_then(|l| l.device.as_ref())
            .and_then(|d| d.access_method.as_ref())
            .map(|m| m.as_str().to_owned()),
        place: subject.place.clone(),
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
