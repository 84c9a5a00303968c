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
    let place = cart.place.as_ref();
    Parts {
        external_order_number,
        service_id: cart.service_id.clone(),
        region_id: place.map(|p| p.region_id.clone()),
        postal_code: place.and_then(|p| p.postal_code.clone()),
        current_vendor_id: place.and_then(|p| p.from.as_ref()).map(|c| c.id.clone()),
        cart: Some(cart_request(cart)),
        existing_device,
        properties: checked.properties,
        ship_to: Some(checked.ship_to),
        acknowledgements: checked.acknowledgements,
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
    use crate::bff::{
        cart::store::CartEntry,
        place::{Carrier, PlaceFacts},
        transactions,
    };
    use app::model::cart::OrderKind;
    use mobproc::model::{AcknowledgementAnswer, PropertyValue, PropertyValueGroup, ShipTo};
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
            vendor_id: None,
            image_url: None,
            price: None,
            access_method: None,
        }
    }

    /// The documented request's properties and ship-to, as the checked form gives them.
    fn checked(properties: Vec<PropertyValue>) -> Checked {
        documented("order_accessories", properties)
    }

    /// The properties, ship-to and acknowledgements of the documented request of `name`.
    fn documented(name: &str, properties: Vec<PropertyValue>) -> Checked {
        let request = &example(name)["orderRequest"];
        let ship_to: ShipTo = serde_json::from_value(request["shipTo"].clone()).unwrap();
        let acknowledgements: Vec<AcknowledgementAnswer> =
            serde_json::from_value(request["acknowledgements"].clone()).unwrap_or_default();
        Checked {
            properties: vec![PropertyValueGroup {
                group_id: "MISCELLANEOUS".into(),
                fields: properties,
            }],
            ship_to,
            acknowledgements,
        }
    }

    /// The documented request's properties, as the form would give them back.
    fn properties_of(name: &str) -> Vec<PropertyValue> {
        serde_json::from_value(example(name)["orderRequest"]["properties"][0]["fields"].clone())
            .unwrap()
    }

    fn cart(order: OrderKind, items: Vec<CartEntry>) -> Cart {
        Cart {
            service_id: Some("38382349".into()),
            order,
            line_number: "203-555-7676".into(),
            line_access_method: Some("CDMA".into()),
            place: None,
            items,
        }
    }

    fn new_line(
        order: OrderKind,
        region_id: &str,
        postal_code: &str,
        from: Option<&str>,
        items: Vec<CartEntry>,
    ) -> Cart {
        Cart {
            service_id: None,
            line_number: String::new(),
            line_access_method: None,
            place: Some(PlaceFacts {
                region_id: region_id.into(),
                country: "United States".into(),
                postal_code: Some(postal_code.into()),
                from: from.map(|id| Carrier {
                    id: id.into(),
                    name: id.into(),
                    network: None,
                }),
            }),
            ..cart(order, items)
        }
    }

    #[test]
    fn a_new_line_is_ordered_in_the_documented_shape() {
        let cart = new_line(
            OrderKind::NewActivation,
            "70144640",
            "06477",
            None,
            vec![
                entry(ItemKind::Device, "9194791812"),
                entry(ItemKind::Plan, "6568886494"),
                entry(ItemKind::Feature, "951"),
                entry(ItemKind::Feature, "88"),
                entry(ItemKind::Accessory, "3628935899"),
                entry(ItemKind::Accessory, "3628939022"),
            ],
        );
        let name = "new_activation";
        let parts = of(
            &cart,
            "AZ99087547-001".into(),
            documented(name, properties_of(name)),
            None,
        );
        let body = transactions::of(OrderKind::NewActivation).request(parts);
        assert_eq!(serde_json::to_value(&body).unwrap(), example(name));
    }

    #[test]
    fn a_carrier_change_is_ordered_in_the_documented_shape() {
        let mut cart = new_line(
            OrderKind::PortNumber,
            "70144640",
            "06477",
            Some("111"),
            vec![
                entry(ItemKind::Device, "9194713909"),
                entry(ItemKind::Plan, "6568886494"),
                entry(ItemKind::Feature, "2082"),
                entry(ItemKind::Feature, "1399"),
            ],
        );
        cart.service_id = Some("34415733".into());
        let name = "port_number";
        let parts = of(
            &cart,
            "MM11234".into(),
            documented(name, properties_of(name)),
            None,
        );
        let body = transactions::of(OrderKind::PortNumber).request(parts);
        assert_eq!(serde_json::to_value(&body).unwrap(), example(name));
    }

    #[test]
    fn transfers_in_are_ordered_in_the_documented_shapes() {
        let items = || {
            vec![
                entry(ItemKind::Device, "37948999"),
                entry(ItemKind::Plan, "123454111"),
            ]
        };
        let mut with_accessories = items();
        with_accessories.push(entry(ItemKind::Accessory, "123"));
        with_accessories.push(entry(ItemKind::Accessory, "456"));
        let transfer = new_line(
            OrderKind::TransferIn,
            "70144222",
            "06484",
            Some("888"),
            with_accessories,
        );
        let name = "xfer_service_in";
        let parts = of(
            &transfer,
            "AZ99087547-001".into(),
            documented(name, properties_of(name)),
            None,
        );
        let body = transactions::of(OrderKind::TransferIn).request(parts);
        assert_eq!(serde_json::to_value(&body).unwrap(), example(name));

        let ported = new_line(
            OrderKind::TransferInAndPort,
            "70144222",
            "06484",
            Some("111"),
            items(),
        );
        let name = "xfer_service_in_and_port";
        let parts = of(
            &ported,
            "AZ99087547-001".into(),
            documented(name, properties_of(name)),
            None,
        );
        let body = transactions::of(OrderKind::TransferInAndPort).request(parts);
        assert_eq!(serde_json::to_value(&body).unwrap(), example(name));
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
