//! Checkout (issue 4 §6–§7): the form built from MOBPROC's definitions, checked here
//! first, then MOBPROC's priced confirmation, kept server-side for the submission.
//!
//! | module | what |
//! |---|---|
//! | `definitions` | order properties, countries, the address format, from MOBPROC |
//! | `form` | the form, with what was typed (`draft`) or the defaults |
//! | `validate` | every field checked, problems under MOBPROC's field paths |
//! | `request` | the `orderRequest`, in the documented shapes |
//! | `rejection` | MOBPROC's refusals, beside the fields they name |
//! | `confirmation` | the confirmation as the person checks it |
//! | `store` | confirmed orders and their submission state |

mod confirmation;
mod definitions;
mod draft;
pub mod form;
mod order_number;
pub mod rejection;
mod request;
pub mod store;
mod validate;

use app::{
    error::AppError,
    model::{
        cart::OrderKind,
        checkout::{CheckoutForm, CheckoutIntent, CheckoutView, ConfirmationView},
    },
};
use mobproc::client::ErrorKind;

use super::{
    audit,
    cart::{self, rules, store::CartStore},
    error::BffError,
    party::Party,
    request::RequestScope,
    Bff,
};
use store::{Checkout, CheckoutStore, State};

/// The checkout form for the party's cart.
pub async fn view(
    bff: &Bff,
    carts: &CartStore,
    scope: &RequestScope,
    party: &Party,
) -> Result<CheckoutView, BffError> {
    let cart = ready_cart(carts, party).await?.cart;
    let draft = draft::read(&scope.session).await?;
    let region_id = draft.as_ref().map(|d| d.form.region_id.as_str());
    let definitions = definitions::load(bff, scope, &cart, region_id).await?;
    Ok(form::view(&cart, &definitions, draft.as_ref()))
}

/// Keeps what was typed; to confirm, checks it, builds the order and has MOBPROC
/// price it. The new checkout's id, or `None` when only the country changed.
pub async fn save(
    bff: &Bff,
    carts: &CartStore,
    checkouts: &CheckoutStore,
    scope: &RequestScope,
    party: &Party,
    form: CheckoutForm,
    intent: CheckoutIntent,
) -> Result<Option<String>, BffError> {
    let stored = ready_cart(carts, party).await?;
    let cart = &stored.cart;
    let draft = draft::Draft {
        service_id: cart.service_id.clone(),
        order: cart.order,
        form,
    };
    draft::write(&scope.session, &draft).await?;
    if intent == CheckoutIntent::ChangeCountry {
        return Ok(None);
    }
    let definitions = definitions::load(bff, scope, cart, Some(&draft.form.region_id)).await?;
    let checked = validate::check(&draft.form, &definitions).map_err(|fields| {
        BffError::User(AppError::Invalid {
            message: "Please check the highlighted fields.".into(),
            fields,
        })
    })?;
    let existing_device = match cart.order {
        OrderKind::Upgrade => Some(request::existing_device(
            line_device(bff, scope, &cart.service_id).await?,
        )),
        OrderKind::Accessories => None,
    };
    let external_order_number = order_number::new();
    let body = request::order_request(
        cart,
        external_order_number.clone(),
        checked,
        existing_device,
    );
    let client = bff.client();
    let body_ref = &body;
    let confirmed = bff
        .call_as(scope, party, |token, context| async move {
            client.confirm_order(&token, &context, body_ref).await
        })
        .await;
    audit::on_behalf(
        &scope.correlation_id,
        party,
        "confirm",
        &external_order_number,
        None,
        if confirmed.is_ok() {
            "confirmed"
        } else {
            "refused"
        },
    );
    let confirmed = confirmed.map_err(|error| match error {
        BffError::Mobproc(e) if matches!(e.kind(), ErrorKind::OrderRejected(_)) => BffError::User(
            rejection::to_app_error(e.order_errors().unwrap_or_default()),
        ),
        other => other,
    })?;
    let id = uuid::Uuid::new_v4().simple().to_string();
    let checkout = Checkout {
        confirmation: confirmation::view(&id, cart, &confirmed, &definitions.groups),
        id: id.clone(),
        external_order_number,
        cart_version: stored.version,
        request: body,
        state: State::Confirmed,
        order_id: None,
        updated_at: 0,
    };
    checkouts.insert(party, &checkout).await?;
    Ok(Some(id))
}

/// A confirmation of the party's, with the order once it is placed.
pub async fn confirmation(
    checkouts: &CheckoutStore,
    party: &Party,
    id: &str,
) -> Result<ConfirmationView, BffError> {
    let checkout = find(checkouts, party, id).await?;
    Ok(ConfirmationView {
        order_id: checkout.order_id,
        ..checkout.confirmation
    })
}

/// The party's checkout `id`, or what to say when they have none by that id.
pub async fn find(
    checkouts: &CheckoutStore,
    party: &Party,
    id: &str,
) -> Result<Checkout, BffError> {
    match checkouts.get(party, id).await? {
        Some(checkout) => Ok(checkout),
        None if checkouts.for_another_actor(party, id).await? => {
            Err(BffError::User(AppError::Invalid {
                message:
                    "This order was confirmed for someone else. Switch to the person it is for to \
                          place it."
                        .into(),
                fields: Vec::new(),
            }))
        }
        None => Err(BffError::User(replaced())),
    }
}

/// What to say about a checkout that is gone: a newer confirmation replaced it.
pub fn replaced() -> AppError {
    AppError::Invalid {
        message: "This confirmation is no longer current: the order was reviewed again \
                  since. Please check the newest confirmation."
            .into(),
        fields: Vec::new(),
    }
}

/// The party's cart, if it can be ordered as it is.
async fn ready_cart(carts: &CartStore, party: &Party) -> Result<cart::store::StoredCart, BffError> {
    let stored = carts
        .load(party)
        .await?
        .ok_or_else(|| cart::invalid("Your cart is empty.", None))?;
    if let Some(blocker) = rules::blocker(&stored.cart) {
        return Err(cart::invalid(&blocker, None));
    }
    Ok(stored)
}

/// The line's device as its asset records it, for an UPGRADE's `existingDevice`:
/// filled here, never typed.
async fn line_device(
    bff: &Bff,
    scope: &RequestScope,
    service_id: &str,
) -> Result<mobproc::model::DeviceAsset, BffError> {
    let client = bff.client();
    let line = bff
        .call(scope, |token, context| async move {
            client.service_asset(&token, &context, service_id).await
        })
        .await?;
    let device_id = line
        .device
        .map(|d| d.id)
        .ok_or_else(|| cart::invalid("This line has no device on record to upgrade.", None))?;
    let device_id = &device_id;
    bff.call(scope, |token, context| async move {
        client.device_asset(&token, &context, device_id).await
    })
    .await
}
