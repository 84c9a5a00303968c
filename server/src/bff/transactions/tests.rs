use std::path::Path;

use app::model::cart::OrderKind;
use mobproc::model::{AcknowledgementAnswer, DeviceIdentity, OrderRequest, ShipTo};
use serde_json::Value;

use super::*;

fn example(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/mobproc/examples/orders")
        .join(name)
        .join("request.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What every part would be if the documented request had it, for the types that
/// do not: a type must leave out what it does not carry.
fn filler<T: serde::de::DeserializeOwned>(json: Value) -> T {
    serde_json::from_value(json).unwrap()
}

/// The parts of `documented`, and something for every part it lacks.
fn parts_of(documented: &OrderRequest, transaction: &Transaction) -> Parts {
    let or = |value: &Option<String>, other: &str| {
        Some(value.clone().unwrap_or_else(|| other.to_owned()))
    };
    let mut cart = documented.shopping_cart.clone().unwrap_or_else(empty_cart);
    cart.device_id = cart.device_id.or(Some("filler-device".into()));
    cart.plan_id = cart.plan_id.or(Some("filler-plan".into()));
    // XFER_SERVICE_IN_AND_PORT may carry accessories as XFER_SERVICE_IN does, though its
    // documented request has none.
    if cart.accessory_ids.is_none() && !transaction.holds(ItemKind::Accessory) {
        cart.accessory_ids = Some(vec!["filler-accessory".into()]);
    }
    if cart.features.is_none() {
        cart.features = Some(filler(serde_json::json!([{"id": "1", "action": "ADD"}])));
    }
    let device: DeviceIdentity = filler(serde_json::json!({"manufacturerId": "LG"}));
    let ship_to: ShipTo = filler(serde_json::json!({"name": "Filler", "address": []}));
    let acknowledgement: AcknowledgementAnswer =
        filler(serde_json::json!({"id": "FILLER", "boolean": true}));
    Parts {
        external_order_number: documented.external_order_number.clone().unwrap(),
        service_id: or(&documented.service_id, "filler-line"),
        region_id: or(&documented.region_id, "filler-region"),
        postal_code: or(&documented.postal_code, "00000"),
        current_vendor_id: or(&documented.current_vendor_id, "filler-vendor"),
        cart: Some(cart),
        existing_device: documented.existing_device.clone().or(Some(device.clone())),
        new_device: documented.new_device.clone().or(Some(device)),
        properties: documented.properties.clone().unwrap_or_default(),
        ship_to: documented.ship_to.clone().or(Some(ship_to)),
        // A type with acknowledgements sends none when MOBPROC has none for it.
        acknowledgements: documented.acknowledgements.clone().unwrap_or_else(|| {
            if transaction.acknowledgements {
                Vec::new()
            } else {
                vec![acknowledgement]
            }
        }),
    }
}

#[test]
fn every_type_builds_its_documented_request_and_leaves_out_what_it_does_not_carry() {
    for (kind, name) in [
        (OrderKind::Accessories, "order_accessories"),
        (OrderKind::Upgrade, "upgrade"),
        (OrderKind::NewActivation, "new_activation"),
        (OrderKind::PortNumber, "port_number"),
        (OrderKind::Suspend, "suspend"),
        (OrderKind::Unsuspend, "unsuspend"),
        (OrderKind::Deactivate, "deactivate"),
        (OrderKind::UpdateFeatures, "update_features"),
        (OrderKind::SwapDevices, "swap_devices"),
        (OrderKind::TransferOut, "xfer_service_out"),
        (OrderKind::TransferIn, "xfer_service_in"),
        (OrderKind::TransferInAndPort, "xfer_service_in_and_port"),
    ] {
        let documented = example(name);
        let request: OrderRequestBody = serde_json::from_value(documented.clone()).unwrap();
        let transaction = of(kind);
        assert_eq!(transaction.wire, request.order_request.transaction_type);
        let built = transaction.request(parts_of(&request.order_request, transaction));
        assert_eq!(serde_json::to_value(&built).unwrap(), documented, "{name}");
    }
}

#[test]
fn every_kind_is_described_once() {
    let mut wires: Vec<&str> = <OrderKind as strum::VariantArray>::VARIANTS
        .iter()
        .map(|kind| of(*kind).wire.as_str())
        .collect();
    wires.sort_unstable();
    wires.dedup();
    assert_eq!(wires.len(), ALL.len(), "one description per kind");
    for transaction in ALL {
        assert!(wires.contains(&transaction.wire.as_str()));
        assert!(std::ptr::eq(
            of_wire(&transaction.wire).unwrap(),
            transaction
        ));
    }
}

#[test]
fn a_type_is_allowed_when_offered_permitted_and_on_the_line() {
    let accessories = of(OrderKind::Accessories);
    let both = [TransactionType::OrderAccessories];
    assert!(accessories.allowed(&both, Some(&both)));
    assert!(
        !accessories.allowed(&[], Some(&both)),
        "not for this person"
    );
    assert!(!accessories.allowed(&both, Some(&[])), "not for this line");
    assert!(!accessories.allowed(&both, None), "it is for a line");
    let suspend = of(OrderKind::Suspend);
    let types = [TransactionType::Suspend];
    assert_eq!(
        suspend.allowed(&types, Some(&types)),
        suspend.offered,
        "a type without its pages is never allowed"
    );
}

#[test]
fn a_suspended_line_is_reconnected_and_any_other_suspended() {
    let (suspend, reconnect) = (of(OrderKind::Suspend), of(OrderKind::Unsuspend));
    assert!(suspend.fits_status(Some("ACTIVE")));
    assert!(!suspend.fits_status(Some(SUSPENDED)));
    assert!(reconnect.fits_status(Some(SUSPENDED)));
    assert!(!reconnect.fits_status(Some("ACTIVE")));
    assert!(reconnect.fits_status(None), "MOBPROC's orderActions decide");
    assert!(of(OrderKind::Deactivate).fits_status(Some(SUSPENDED)));
}

#[test]
fn carts_hold_what_their_type_orders() {
    let accessories = of(OrderKind::Accessories);
    assert!(accessories.holds(ItemKind::Accessory));
    assert!(!accessories.holds(ItemKind::Plan));
    let upgrade = of(OrderKind::Upgrade);
    assert!(upgrade.holds(ItemKind::Feature));
    assert!(!upgrade.holds(ItemKind::Accessory));
    assert!(of(OrderKind::NewActivation).holds(ItemKind::Accessory));
    assert!(!of(OrderKind::Suspend).holds(ItemKind::Device));
}

#[test]
fn a_transfer_in_starts_with_either_transfers_permission() {
    let only_ported = [TransactionType::XferServiceInAndPort];
    assert!(may_start(OrderKind::TransferIn, &only_ported));
    assert!(may_start(
        OrderKind::TransferIn,
        &[TransactionType::XferServiceIn]
    ));
    assert!(!may_start(
        OrderKind::TransferIn,
        &[TransactionType::NewActivation]
    ));
    assert!(!may_start(OrderKind::NewActivation, &only_ported));
    assert!(same_family(
        OrderKind::TransferIn,
        OrderKind::TransferInAndPort
    ));
    assert!(!same_family(
        OrderKind::TransferIn,
        OrderKind::NewActivation
    ));
}
