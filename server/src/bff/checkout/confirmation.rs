//! MOBPROC's priced confirmation as the person checks it: items, plan, totals,
//! ship-to and properties with their labels, where a new line will be used and the
//! acknowledgements agreed to, whose order it is and who places it.

use app::{
    links,
    model::checkout::{
        ConfirmationView, ConfirmedFeature, ConfirmedFeatureChange, ConfirmedItem, ConfirmedPlan,
        ConfirmedShipTo, LabelledValue,
    },
};
use mobproc::model::{
    AcknowledgementDefinition, DescribedDevice, Feature, FeatureAction, Money, OrderConfirmation,
    Recurrence, TransactionType, Vendor,
};
use rust_decimal::Decimal;

use super::store::{Checkout, Confirmed};
use crate::bff::present::person;
use crate::bff::{care::order, media, money, present, transactions};

/// The checkout as the person checks it: MOBPROC's confirmation, or only its order when
/// the confirmation was not kept.
pub fn view(checkout: &Checkout) -> ConfirmationView {
    let request = &checkout.request.order_request;
    let Some(confirmed) = &checkout.confirmed else {
        return unkept(checkout);
    };
    let confirmation = &confirmed.confirmation;
    let subject = confirmation
        .service
        .as_ref()
        .and_then(|s| s.service_number.as_deref())
        .map(present::phone_number)
        .or_else(|| request.postal_code.clone())
        .unwrap_or_default();
    let transaction = transactions::of_wire(&request.transaction_type);
    // A care order is changed on its own form, not in the cart and checkout.
    let edit = transaction
        .filter(|t| !t.orders_from_a_cart())
        .zip(transaction.and_then(|t| t.entry.as_ref()))
        .zip(request.service_id.as_deref())
        .map(|((_, entry), service_id)| links::line(service_id, entry.page));
    let warning = match request.transaction_type {
        TransactionType::Deactivate => Some(order::cancel_warning(&subject)),
        _ => None,
    };
    ConfirmationView {
        summary: summary(checkout, &subject),
        order_id: checkout.order_id.clone(),
        approval_note: checkout.approval_note.clone(),
        edit,
        warning,
        ..view_of(&checkout.id, confirmed)
    }
}

/// What an order of this checkout's type is, in words.
fn summary(checkout: &Checkout, subject: &str) -> String {
    let wire = &checkout.request.order_request.transaction_type;
    transactions::of_wire(wire).map_or_else(|| wire.to_string(), |t| (t.summary)(subject))
}

/// A checkout kept from before confirmations were stored as MOBPROC sent them.
fn unkept(checkout: &Checkout) -> ConfirmationView {
    ConfirmationView {
        checkout_id: checkout.id.clone(),
        summary: summary(checkout, "your line"),
        line: None,
        place: None,
        current_carrier: None,
        items: Vec::new(),
        plan: None,
        one_time_total: String::new(),
        monthly_total: String::new(),
        ship_to: None,
        properties: Vec::new(),
        acknowledgements: Vec::new(),
        feature_changes: Vec::new(),
        feature_comment: None,
        devices: Vec::new(),
        warning: None,
        edit: None,
        account_holder: None,
        requested_by: None,
        order_id: checkout.order_id.clone(),
        approval_note: None,
    }
}

fn view_of(checkout_id: &str, confirmed: &Confirmed) -> ConfirmationView {
    let confirmation = &confirmed.confirmation;
    let definitions = confirmed.definitions.as_slice();
    let shopping_cart = confirmation.shopping_cart.as_ref();
    let device = shopping_cart.and_then(|c| c.device.as_ref()).map(|d| {
        item(
            &d.name,
            d.vendor.as_ref(),
            d.image_url.as_deref(),
            d.price.as_ref(),
        )
    });
    let accessories = shopping_cart
        .and_then(|c| c.accessories.as_ref())
        .into_iter()
        .flatten()
        .map(|a| {
            item(
                &a.name,
                a.vendor.as_ref(),
                a.image_url.as_deref(),
                a.price.as_ref(),
            )
        });
    let plan = shopping_cart
        .and_then(|c| c.plan.as_ref())
        .map(|p| ConfirmedPlan {
            name: p.name.clone(),
            vendor: p.vendor.as_ref().and_then(|v| v.name.clone()),
            price: p.price.as_ref().map(money::price),
            included: features(p.included_features.as_deref()),
            optional: features(p.optional_features.as_deref()),
        });
    let costs = confirmation.cost_summary.as_deref().unwrap_or_default();
    ConfirmationView {
        checkout_id: checkout_id.to_owned(),
        summary: String::new(),
        line: confirmation
            .service
            .as_ref()
            .and_then(|s| s.service_number.as_deref())
            .map(present::phone_number),
        place: place(confirmation),
        current_carrier: confirmation
            .current_vendor
            .as_ref()
            .and_then(|v| v.name.clone()),
        items: device.into_iter().chain(accessories).collect(),
        plan,
        one_time_total: total(costs, &Recurrence::OneTime),
        monthly_total: total(costs, &Recurrence::Monthly),
        ship_to: confirmation.ship_to.as_ref().map(|s| ConfirmedShipTo {
            name: s.name.clone().unwrap_or_default(),
            country: s.region.as_ref().and_then(|r| r.name.clone()),
            address: s
                .address
                .iter()
                .map(|line| LabelledValue {
                    label: line.label.clone().unwrap_or_else(|| line.id.clone()),
                    value: line.value.clone(),
                })
                .collect(),
            expedite: s.expedite == Some(true),
        }),
        properties: confirmation
            .properties
            .iter()
            .flatten()
            .flat_map(|g| &g.fields)
            .map(|value| present::property(value, definitions))
            .collect(),
        acknowledgements: acknowledged(confirmation, &confirmed.acknowledgements),
        feature_changes: shopping_cart
            .and_then(|c| c.features.as_ref())
            .into_iter()
            .flatten()
            .map(|f| ConfirmedFeatureChange {
                action: match f.action {
                    FeatureAction::Add => "Add".to_owned(),
                    FeatureAction::Remove => "Remove".to_owned(),
                    FeatureAction::Unknown(ref other) => other.clone(),
                },
                description: f.description.clone().unwrap_or_else(|| f.id.clone()),
                price: f.price.as_ref().map(money::price),
            })
            .collect(),
        feature_comment: shopping_cart.and_then(|c| c.feature_request_comment.clone()),
        devices: [
            ("New phone", confirmation.new_device.as_ref()),
            ("Replaces", confirmation.existing_device.as_ref()),
        ]
        .into_iter()
        .filter_map(|(label, device)| {
            device.map(|d| LabelledValue {
                label: label.to_owned(),
                value: described(d),
            })
        })
        .collect(),
        warning: None,
        edit: None,
        account_holder: confirmation.account_holder.as_ref().map(person),
        requested_by: confirmation.requested_by.as_ref().map(person),
        order_id: None,
        approval_note: None,
    }
}

/// A device of a swap as MOBPROC confirmed it: "Apple iPhone 6 (64GB) - Space Gray,
/// IMEI 123456789001230".
fn described(device: &DescribedDevice) -> String {
    let maker = device.manufacturer.as_ref().and_then(|m| m.name.clone());
    let model = device.model.as_ref().and_then(|m| m.name.clone());
    let name = match (&device.other_make_model_name, maker, model) {
        (Some(other), _, _) if !other.trim().is_empty() => other.clone(),
        (_, maker, model) => [maker, model]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    };
    match &device.serial_number {
        Some(serial) => format!("{name}, {} {}", serial.kind, serial.value),
        None => name,
    }
}

/// Where a new line will be used, as MOBPROC confirmed it: "United States, 06477".
/// Where the line will be used, for the types that ask for it (MOBPROC names every
/// line's region; for a suspension or a feature change it says nothing worth checking).
fn place(confirmation: &OrderConfirmation) -> Option<String> {
    if !transactions::of_wire(&confirmation.transaction_type).is_some_and(|t| t.needs_place) {
        return None;
    }
    let country = confirmation.region.as_ref().and_then(|r| r.name.clone());
    match (country, confirmation.postal_code.clone()) {
        (Some(country), Some(code)) => Some(format!("{country}, {code}")),
        (country, code) => country.or(code),
    }
}

/// The acknowledgements MOBPROC confirmed as agreed to, by the labels the checkout
/// showed.
fn acknowledged(
    confirmation: &OrderConfirmation,
    definitions: &[AcknowledgementDefinition],
) -> Vec<String> {
    confirmation
        .acknowledgements
        .iter()
        .flatten()
        .filter(|a| a.boolean)
        .map(|a| {
            definitions
                .iter()
                .find(|d| d.id == a.id)
                .and_then(|d| d.label.clone())
                .unwrap_or_else(|| a.id.clone())
        })
        .collect()
}

fn item(
    name: &str,
    vendor: Option<&Vendor>,
    image_url: Option<&str>,
    price: Option<&Money>,
) -> ConfirmedItem {
    ConfirmedItem {
        name: name.to_owned(),
        vendor: vendor.and_then(|v| v.name.clone()),
        image: image_url.map(media::proxied),
        price: price.map(money::price),
    }
}

fn features(features: Option<&[Feature]>) -> Vec<ConfirmedFeature> {
    features
        .unwrap_or_default()
        .iter()
        .map(|f| ConfirmedFeature {
            description: f
                .description
                .clone()
                .or_else(|| f.id.clone())
                .unwrap_or_default(),
            price: f.price.as_ref().map(money::price),
        })
        .collect()
}

/// The cost summary's total for `recurrence`; none listed is nothing to pay.
fn total(costs: &[Money], recurrence: &Recurrence) -> String {
    let currency = costs.first().map_or("USD", |m| m.currency_code.as_str());
    match costs
        .iter()
        .find(|m| m.recurrence.as_ref() == Some(recurrence))
    {
        Some(money) => money::amount(money.amount, &money.currency_code),
        None => money::amount(Decimal::ZERO, currency),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bff::checkout::store::State;
    use mobproc::model::{ConfirmationResponse, OrderRequestBody, PropertyGroup};
    use std::path::Path;

    fn documented(name: &str) -> OrderConfirmation {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/mobproc/examples/orders")
            .join(name)
            .join("confirmation.json");
        let response: ConfirmationResponse =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        response.order_confirmation.unwrap()
    }

    fn checkout(name: &str, definitions: Vec<PropertyGroup>) -> Checkout {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/mobproc/examples/orders")
            .join(name)
            .join("request.json");
        let request: OrderRequestBody =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        Checkout {
            id: "c1".into(),
            external_order_number: "SF-1".into(),
            activity_id: "a1".into(),
            cart_version: 1,
            request,
            confirmed: Some(Confirmed {
                confirmation: documented(name),
                definitions,
                acknowledgements: Vec::new(),
            }),
            state: State::Confirmed,
            order_id: None,
            approval_note: None,
        }
    }

    #[test]
    fn the_accessories_confirmation_reads_like_the_tutorial() {
        let view = view(&checkout("order_accessories", Vec::new()));
        assert_eq!(view.summary, "Accessories for 203-555-7676");
        assert_eq!(view.one_time_total, "$44.98");
        assert_eq!(view.monthly_total, "$0.00");
        assert_eq!(view.items.len(), 2);
        assert_eq!(view.items[0].price.as_deref(), Some("$22.49 one-time"));
        assert_eq!(view.items[1].vendor.as_deref(), Some("Verizon Wireless"));
        assert_eq!(view.line.as_deref(), Some("203-555-7676"));
        let ship_to = view.ship_to.unwrap();
        assert_eq!(ship_to.address[3].label, "Zip Code");
        assert!(ship_to.expedite);
        assert_eq!(view.properties[0].label, "Contact Phone Number");
        assert_eq!(
            view.account_holder.as_deref(),
            Some("Peter Edwards (peter.edwards@acme.com)")
        );
    }

    #[test]
    fn the_upgrade_confirmation_shows_the_plan_and_the_reason_by_label() {
        let definitions: Vec<PropertyGroup> = serde_json::from_value(serde_json::json!([{
            "groupId": "MISCELLANEOUS",
            "fields": [{"id": "Reason", "label": "Reason", "type": "CHOICE",
                        "choices": [{"id": "21", "label": "Eligible for upgrade", "isOther": false}]}]
        }]))
        .unwrap();
        let view = view(&checkout("upgrade", definitions));
        assert_eq!(view.one_time_total, "$199.99");
        assert_eq!(view.monthly_total, "$558.67");
        let plan = view.plan.unwrap();
        assert_eq!(plan.optional.len(), 2);
        assert_eq!(plan.optional[0].price.as_deref(), Some("$300.00 / month"));
        assert_eq!(view.properties[2].label, "Reason");
        assert_eq!(view.properties[2].value, "Eligible for upgrade");
    }

    #[test]
    fn a_new_line_shows_where_it_will_be_used() {
        let view = view(&checkout("new_activation", Vec::new()));
        assert_eq!(view.summary, "New line in 06477");
        assert_eq!(view.place.as_deref(), Some("United States, 06477"));
        assert_eq!(view.line, None);
        assert!(view.acknowledgements.is_empty());
    }

    #[test]
    fn a_transfer_names_its_carrier_and_what_was_agreed_to() {
        let mut checkout = checkout("xfer_service_in", Vec::new());
        if let Some(confirmed) = checkout.confirmed.as_mut() {
            confirmed.acknowledgements = serde_json::from_value(serde_json::json!([
                {"id": "SHARED_PLAN", "label": "No longer on a shared plan.", "validation": "REQUIRED"},
            ]))
            .unwrap();
        }
        let view = view(&checkout);
        assert_eq!(view.summary, "Personal line moved to the company in 06484");
        assert_eq!(view.current_carrier.as_deref(), Some("Verizon Wireless"));
        assert_eq!(
            view.acknowledgements,
            ["No longer on a shared plan.", "LIABILITY_TRANSFER"]
        );
    }
}

#[cfg(test)]
mod unkept {
    use super::*;
    use crate::bff::checkout::store::State;

    #[test]
    fn a_checkout_without_its_confirmation_shows_its_order() {
        let request = serde_json::from_value(serde_json::json!({
            "orderRequest": {"transactionType": "ORDER_ACCESSORIES", "serviceId": "1"}
        }))
        .unwrap();
        let checkout = Checkout {
            id: "c1".into(),
            external_order_number: "SF-1".into(),
            activity_id: "SF-1".into(),
            cart_version: 1,
            request,
            confirmed: None,
            state: State::Submitted,
            order_id: Some("8711820".into()),
            approval_note: None,
        };
        let view = view(&checkout);
        assert_eq!(view.order_id.as_deref(), Some("8711820"));
        assert_eq!(view.summary, "Accessories for your line");
        assert!(view.items.is_empty());
    }
}
