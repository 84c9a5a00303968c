//! Checkout: the form built from MOBPROC's definitions, checked here first, then
//! MOBPROC's priced confirmation, kept server-side for the submission. What the form
//! asks and the order carries comes from the cart's transaction type.
//!
//! | module | what |
//! |---|---|
//! | `definitions` | order properties, countries, the address format, from MOBPROC |
//! | `form` | the form, with what was typed (`draft`) or the defaults |
//! | `validate` | every field checked, problems under MOBPROC's field paths |
//! | `parts` | what the checked cart and form put into the `orderRequest` |
//! | `rejection` | MOBPROC's refusals, beside the fields they name |
//! | `confirmation` | the confirmation as the person checks it |
//! | `store` | confirmed orders and their submission state |

mod approval;
mod confirmation;
pub mod definitions;
mod draft;
pub mod form;
pub mod order_number;
mod parts;
pub mod rejection;
pub mod store;
pub mod validate;

use app::{
    error::AppError,
    model::checkout::{CheckoutForm, CheckoutIntent, CheckoutView, ConfirmationView},
};
use mobproc::{
    client::ErrorKind,
    model::{
        AcknowledgementDefinition, DeviceAsset, OrderRequestBody, PropertyGroup, ServiceAsset,
        TransactionType,
    },
};

use super::{
    audit,
    caller::Caller,
    cart::{self, rules},
    error::BffError,
    transactions,
};
pub use parts::existing_device;
use store::{Checkout, Confirmed, State};

/// The checkout form for the party's cart.
pub async fn view(caller: &Caller) -> Result<CheckoutView, BffError> {
    let cart = ready_cart(caller).await?.cart;
    let draft = draft::read(caller.session()).await?;
    let region_id = draft.as_ref().map(|d| d.form.region_id.as_str());
    let definitions = definitions::load(caller, &cart, region_id).await?;
    Ok(form::view(&cart, &definitions, draft.as_ref()))
}

/// Keeps what was typed; to confirm, checks it, builds the order and has MOBPROC
/// price it. The new checkout's id, or `None` when only the country changed.
pub async fn save(
    caller: &Caller,
    form: CheckoutForm,
    intent: CheckoutIntent,
) -> Result<Option<String>, BffError> {
    let stored = ready_cart(caller).await?;
    let cart = &stored.cart;
    let draft = draft::Draft {
        service_id: cart.service_id.clone(),
        order: cart.order,
        form,
    };
    draft::write(caller.session(), &draft).await?;
    if intent == CheckoutIntent::ChangeCountry {
        return Ok(None);
    }
    let transaction = transactions::of(cart.order);
    let definitions = definitions::load(caller, cart, Some(&draft.form.region_id)).await?;
    let checked = validate::check(&draft.form, &definitions).map_err(|fields| {
        BffError::User(AppError::Invalid {
            message: "Please check the highlighted fields.".into(),
            fields,
        })
    })?;
    let (existing_device, approval_note) = match transaction.existing_device {
        true => {
            let service_id = cart.service_id.as_deref().unwrap_or_default();
            let (line, device) = line_device(caller, service_id).await?;
            let note = (transaction.wire == TransactionType::Upgrade)
                .then(|| approval::before_eligibility(&line))
                .flatten();
            (Some(parts::existing_device(device)), note)
        }
        false => (None, None),
    };
    let external_order_number = order_number::new();
    let body = transaction.request(parts::of(
        cart,
        external_order_number.clone(),
        checked,
        existing_device,
    ));
    let id = confirm(
        caller,
        ForReview {
            body,
            external_order_number,
            cart_version: stored.version,
            definitions: definitions.groups,
            acknowledgements: definitions.acknowledgements,
            approval_note,
        },
    )
    .await?;
    Ok(Some(id))
}

/// An order to have MOBPROC price, and to keep as priced for its submission.
pub struct ForReview {
    pub body: OrderRequestBody,
    pub external_order_number: String,
    /// The cart it came from, emptied once the order is placed; [`NO_CART`] for none.
    pub cart_version: i64,
    pub definitions: Vec<PropertyGroup>,
    pub acknowledgements: Vec<AcknowledgementDefinition>,
    pub approval_note: Option<String>,
}

/// The cart version of an order that came from no cart (a care order): carts start at
/// version 1, so placing it empties none.
pub const NO_CART: i64 = 0;

/// Has MOBPROC price `order` and keeps its confirmation; the new checkout's id. A
/// refusal comes back beside the fields MOBPROC names.
pub async fn confirm(caller: &Caller, order: ForReview) -> Result<String, BffError> {
    let ForReview {
        body,
        external_order_number,
        cart_version,
        definitions,
        acknowledgements,
        approval_note,
    } = order;
    let activity_id = caller.party().new_activity_id();
    let confirmed = caller
        .api_in_activity(&activity_id)
        .confirm_order(&body)
        .await;
    audit::on_behalf(
        caller.request_id(),
        caller.party(),
        "confirm",
        &external_order_number,
        None,
        if confirmed.is_ok() {
            "confirmed"
        } else {
            "refused"
        },
    );
    let confirmation = confirmed.map_err(|error| match error {
        BffError::Mobproc(e) if matches!(e.kind(), ErrorKind::OrderRejected(_)) => BffError::User(
            rejection::to_app_error(e.order_errors().unwrap_or_default()),
        ),
        other => other,
    })?;
    let id = uuid::Uuid::new_v4().simple().to_string();
    let checkout = Checkout {
        id: id.clone(),
        external_order_number,
        activity_id,
        cart_version,
        request: body,
        confirmed: Some(Confirmed {
            confirmation,
            definitions,
            acknowledgements,
        }),
        state: State::Confirmed,
        order_id: None,
        approval_note,
    };
    caller
        .bff()
        .checkouts()
        .insert(caller.party(), &checkout)
        .await?;
    Ok(id)
}

/// A confirmation of the party's, with the order once it is placed.
pub async fn confirmation(caller: &Caller, id: &str) -> Result<ConfirmationView, BffError> {
    let checkout = find(caller, id).await?;
    Ok(confirmation::view(&checkout))
}

/// The party's checkout `id`, or what to say when they have none by that id.
pub async fn find(caller: &Caller, id: &str) -> Result<Checkout, BffError> {
    let checkouts = caller.bff().checkouts();
    let party = caller.party();
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
async fn ready_cart(caller: &Caller) -> Result<cart::store::StoredCart, BffError> {
    let stored = caller
        .bff()
        .carts()
        .load(caller.party())
        .await?
        .ok_or_else(|| cart::invalid("Your cart is empty.", None))?;
    if let Some(blocker) = rules::blocker(&stored.cart) {
        return Err(cart::invalid(&blocker, None));
    }
    Ok(stored)
}

/// The line, and its device as its asset records it, for `existingDevice`: filled
/// here, never typed.
async fn line_device(
    caller: &Caller,
    service_id: &str,
) -> Result<(ServiceAsset, DeviceAsset), BffError> {
    let api = caller.api();
    let line = api.service_asset(service_id).await?;
    let device_id = line
        .device
        .as_ref()
        .map(|d| d.id.clone())
        .ok_or_else(|| cart::invalid("This line has no device on record to upgrade.", None))?;
    let device = api.device_asset(&device_id).await?;
    Ok((line, device))
}
