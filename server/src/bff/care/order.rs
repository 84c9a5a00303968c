//! A care order's form and its review: what each care type asks, checked, priced by
//! MOBPROC and kept for its submission like any other order.

use app::{
    error::AppError,
    model::{
        care::{CareForm, CareView},
        cart::OrderKind,
    },
};
use mobproc::model::{DeviceAsset, ServiceAsset};

use super::{device, draft, features};
use crate::bff::{
    caller::Caller,
    checkout::{
        self,
        definitions::{self, CareDefinitions},
        form::{self as checkout_form, Defaults, Typed},
        order_number, validate, ForReview, NO_CART,
    },
    error::BffError,
    present, subject,
    transactions::{self, Parts, Transaction},
};

/// The description of care order `order`; any other kind has no care form.
pub fn care_transaction(order: OrderKind) -> Result<&'static Transaction, BffError> {
    match order {
        OrderKind::Suspend
        | OrderKind::Unsuspend
        | OrderKind::Deactivate
        | OrderKind::UpdateFeatures
        | OrderKind::SwapDevices
        | OrderKind::TransferOut => Ok(transactions::of(order)),
        _ => Err(BffError::User(AppError::NotFound)),
    }
}

/// What a care form is about: the line, its device asset, and the definitions.
struct Context {
    transaction: &'static Transaction,
    line: ServiceAsset,
    /// The line's device as its asset records it, for a swap.
    device: Option<DeviceAsset>,
    definitions: CareDefinitions,
}

async fn context(caller: &Caller, service_id: &str, order: OrderKind) -> Result<Context, BffError> {
    let transaction = care_transaction(order)?;
    subject::may_order(caller, order).await?;
    let line = subject::line(caller, transaction, service_id).await?;
    let carrier = present::carrier(&line).map(|v| v.id.clone());
    // The line embeds its device; only one without its serial number is asked for.
    let device = async {
        match (transaction.existing_device, line.device.as_ref()) {
            (true, Some(device)) if device.serial_number.is_some() => Ok(Some(device.clone())),
            (true, Some(device)) => caller.api().device_asset(&device.id).await.map(Some),
            _ => Ok(None),
        }
    };
    let (definitions, device) = tokio::try_join!(
        definitions::for_line(caller, transaction, &line.id, carrier.as_deref()),
        device,
    )?;
    Ok(Context {
        transaction,
        line,
        device,
        definitions,
    })
}

/// The form of `order` for the line, with what was typed last.
pub async fn view(
    caller: &Caller,
    service_id: &str,
    order: OrderKind,
) -> Result<CareView, BffError> {
    let context = context(caller, service_id, order).await?;
    let typed = draft::read(caller.session(), &context.line.id, order).await?;
    let shown = present::line(context.line.clone(), &[]);
    let number = shown.number.clone();
    let defaults = Defaults {
        actor: &context.definitions.actor,
        line_number: &number,
        current_carrier: None,
    };
    let properties = context
        .definitions
        .groups
        .iter()
        .flat_map(|g| &g.fields)
        .map(|definition| {
            let typed = typed.as_ref().map(|f| Typed {
                values: &f.properties,
                other: &f.other,
            });
            checkout_form::property(definition, typed, &defaults)
        })
        .collect();
    let features = match order {
        OrderKind::UpdateFeatures => {
            let offered = features::offered(caller, &context.line).await?;
            features::inputs(&offered, &context.line, typed.as_ref())
        }
        _ => Vec::new(),
    };
    let device = match (order, &context.device) {
        (OrderKind::SwapDevices, Some(current)) => {
            let offered = device::offered(caller, &context.line.id).await?;
            Some(device::input(
                &offered,
                current,
                typed.as_ref().map(|f| &f.device),
            ))
        }
        (OrderKind::SwapDevices, None) => {
            return Err(BffError::User(AppError::Invalid {
                message: "This line has no phone on record to swap.".into(),
                fields: Vec::new(),
            }))
        }
        _ => None,
    };
    let (heading, lede, warning) = words(order, &number);
    let facts = [
        ("Status", shown.status.clone()),
        ("Carrier", shown.carrier.clone()),
        ("Plan", shown.plan.clone()),
        (
            "Features",
            (!shown.features.is_empty()).then(|| shown.features.join(", ")),
        ),
        (
            "Device",
            match (&shown.device_name, &shown.device_serial) {
                (Some(name), Some(serial)) => Some(format!("{name} ({serial})")),
                (name, serial) => name.clone().or(serial.clone()),
            },
        ),
    ]
    .into_iter()
    .filter_map(|(term, value)| value.map(|v| (term.to_owned(), v)))
    .collect();
    let ticked = |id: &str| {
        typed
            .as_ref()
            .is_some_and(|f| f.acknowledgements.contains_key(id))
    };
    Ok(CareView {
        order,
        service_id: context.line.id.clone(),
        number,
        heading,
        lede,
        warning,
        facts,
        properties,
        comment: (order == OrderKind::UpdateFeatures).then(|| {
            typed
                .as_ref()
                .map(|f| f.comment.clone())
                .unwrap_or_default()
        }),
        features,
        device,
        info_blocks: checkout_form::info_blocks(&context.definitions.info_blocks),
        acknowledgements: checkout_form::acknowledgements(
            &context.definitions.acknowledgements,
            ticked,
        ),
    })
}

/// A care order's heading, what it does, and what cannot be undone.
fn words(order: OrderKind, number: &str) -> (String, String, Option<String>) {
    match order {
        OrderKind::Suspend => (
            format!("Suspend {number}"),
            "Lost or stolen? Suspending the line stops calls, texts and data on it until it \
             is reconnected. The number stays the line's."
                .to_owned(),
            None,
        ),
        OrderKind::Unsuspend => (
            format!("Reconnect {number}"),
            "The line works again once its carrier reconnects it.".to_owned(),
            None,
        ),
        OrderKind::Deactivate => (
            format!("Cancel {number}"),
            "The line is cancelled with its carrier from the date you choose.".to_owned(),
            Some(cancel_warning(number)),
        ),
        OrderKind::UpdateFeatures => (
            format!("Change the features of {number}"),
            "Add or remove optional features of the line's plan; each is charged every month."
                .to_owned(),
            None,
        ),
        OrderKind::SwapDevices => (
            format!("Put another phone on {number}"),
            "The line moves to another phone, such as a spare or a replacement; its number \
             and plan stay."
                .to_owned(),
            None,
        ),
        _ => (
            format!("Let the holder keep {number}"),
            "The number leaves the company and becomes its holder's personal line, which they \
             then pay for."
                .to_owned(),
            Some(format!(
                "Once this is placed, {number} is no longer a company line."
            )),
        ),
    }
}

/// What cancelling a line means, said on its form and its confirmation.
pub fn cancel_warning(number: &str) -> String {
    format!(
        "Once the cancellation is placed, {number} stops working from the chosen date and the \
         number is given up. It cannot be reconnected."
    )
}

/// Keeps what was typed, checks it, builds the order and has MOBPROC price it; the new
/// checkout's id.
pub async fn review(
    caller: &Caller,
    service_id: &str,
    order: OrderKind,
    form: CareForm,
) -> Result<String, BffError> {
    let context = context(caller, service_id, order).await?;
    let draft = draft::Draft {
        service_id: context.line.id.clone(),
        order,
        form,
    };
    draft::write(caller.session(), &draft).await?;
    let form = &draft.form;
    let mut problems = Vec::new();
    let definitions = &context.definitions;
    let properties = validate::properties(
        &form.properties,
        &form.other,
        &definitions.groups,
        &mut problems,
    );
    let acknowledgements = validate::acknowledgements(
        &form.acknowledgements,
        &definitions.acknowledgements,
        &mut problems,
    );
    let cart = match order {
        OrderKind::UpdateFeatures => {
            let offered = features::offered(caller, &context.line).await?;
            Some(features::cart(&offered, &context.line, form, &mut problems))
        }
        _ => None,
    };
    let new_device = match order {
        OrderKind::SwapDevices => {
            let offered = device::offered(caller, &context.line.id).await?;
            Some(device::check(&offered, &form.device, &mut problems))
        }
        _ => None,
    };
    if !problems.is_empty() {
        return Err(BffError::User(AppError::Invalid {
            message: "Please check the highlighted fields.".into(),
            fields: problems,
        }));
    }
    let external_order_number = order_number::new();
    let body = context.transaction.request(Parts {
        external_order_number: external_order_number.clone(),
        service_id: Some(context.line.id.clone()),
        cart,
        existing_device: context.device.clone().map(checkout::existing_device),
        new_device,
        properties,
        acknowledgements,
        ..Parts::default()
    });
    checkout::confirm(
        caller,
        ForReview {
            body,
            external_order_number,
            cart_version: NO_CART,
            definitions: context.definitions.groups,
            acknowledgements: context.definitions.acknowledgements,
            approval_note: None,
        },
    )
    .await
}
