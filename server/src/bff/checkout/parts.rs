//! What a checked cart and checkout form put into an `orderRequest`; the cart's
//! transaction type then takes what it carries (see [`crate::bff::transactions`]).

use app::model::cart::ItemKind;
use mobproc::model::{CartRequest, DeviceAsset, DeviceIdentity};

use super::validate::Checked;
use crate::bff::{
    cart::store::Cart,
    transactions::{empty_cart, Parts},
};

/// The parts of the order for `cart`, as the checkout checked them.
pub fn of(
    cart: &Cart,
    external_order_number: String,
    checked: Checked,
    existing_device: Option<DeviceIdentity>,
) -> Parts {
    Parts {
        external_order_number,
        service_id: Some(cart.service_id.clone()),
        cart: Some(cart_request(cart)),
        existing_device,
        properties: checked.properties,
        ship_to: Some(checked.ship_to),
        ..Parts::default()
    }
}

/// Everything the cart holds, by MOBPROC's ids.
fn cart_request(cart: &Cart) -> CartRequest {
    let ids = |kind: ItemKind| -> Vec<String> {
        cart.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id.clone())
            .collect()
    };
    CartRequest {
        device_id: ids(ItemKind::Device).into_iter().next(),
        plan_id: ids(ItemKind::Plan).into_iter().next(),
        optional_feature_ids: Some(ids(ItemKind::Feature)),
        accessory_ids: Some(ids(ItemKind::Accessory)),
        ..empty_cart()
    }
}

/// `existingDevice`: the line's device as its asset records it.
pub fn existing_device(device: DeviceAsset) -> DeviceIdentity {
    DeviceIdentity {
        manufacturer_id: device.manufacturer.map(|m| m.id),
        model_id: device.model.map(|m| m.id),
        other_make_model_name: None,
        serial_number: device.serial_number,
        sim_id: device.sim_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bff::{cart::store::CartEntry, transactions};
    use app::model::cart::OrderKind;
    use mobproc::model::{PropertyValue, PropertyValueGroup, ShipTo};
    use std::path::Path;

    fn example(name: &str) -> serde_json::Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/mobproc/examples/orders")
            .join(name)
            .join("request.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn entry(kind: ItemKind, id: &str) -> CartEntry {
        CartEntry {
            kind,
            id: id.into(),
            name: id.into(),
            vendor: None,
            image_url: None,
            price: None,
            access_method: None,
        }
    }

    /// The documented request's properties and ship-to, as the checked form gives them.
    fn checked(properties: Vec<PropertyValue>) -> Checked {
        let ship_to: ShipTo =
            serde_json::from_value(example("order_accessories")["orderRequest"]["shipTo"].clone())
                .unwrap();
        Checked {
            properties: vec![PropertyValueGroup {
                group_id: "MISCELLANEOUS".into(),
                fields: properties,
            }],
            ship_to,
        }
    }

    fn cart(order: OrderKind, items: Vec<CartEntry>) -> Cart {
        Cart {
            service_id: "38382349".into(),
            order,
            line_number: "203-555-7676".into(),
            line_access_method: Some("CDMA".into()),
            items,
        }
    }

    #[test]
    fn accessories_are_ordered_in_the_documented_shape() {
        let cart = cart(
            OrderKind::Accessories,
            vec![
                entry(ItemKind::Accessory, "3628935898"),
                entry(ItemKind::Accessory, "3628939021"),
            ],
        );
        let properties = vec![
            PropertyValue::text("CONTACT_NUMBER", "2035559999"),
            PropertyValue::text("SERVICE_NUMBER", "2035557676"),
        ];
        let parts = of(&cart, "MM123456A".into(), checked(properties), None);
        let body = transactions::of(OrderKind::Accessories).request(parts);
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            example("order_accessories")
        );
    }

    #[test]
    fn an_upgrade_is_ordered_in_the_documented_shape() {
        let cart = cart(
            OrderKind::Upgrade,
            vec![
                entry(ItemKind::Device, "9194713904"),
                entry(ItemKind::Plan, "6568886698"),
                entry(ItemKind::Feature, "122"),
                entry(ItemKind::Feature, "293"),
            ],
        );
        let properties = vec![
            PropertyValue::text("CONTACT_NUMBER", "2035559999"),
            PropertyValue::text("SERVICE_NUMBER", "2035557676"),
            PropertyValue::choice("Reason", "21", None),
        ];
        let device: DeviceAsset = serde_json::from_value(serde_json::json!({
            "id": "35362368",
            "manufacturer": {"id": "LG", "name": "LG"},
            "model": {"id": "Cookie Plus", "name": "Cookie Plus"},
            "serialNumber": {"type": "ESN", "value": "4289183847832"},
            "simId": "83924758342478392342",
            "accessMethod": "CDMA"
        }))
        .unwrap();
        let parts = of(
            &cart,
            "12345678".into(),
            checked(properties),
            Some(existing_device(device)),
        );
        let body = transactions::of(OrderKind::Upgrade).request(parts);
        assert_eq!(serde_json::to_value(&body).unwrap(), example("upgrade"));
    }
}
