//! The `orderRequest` for the cart, in exactly the shapes of the documented
//! ORDER_ACCESSORIES and UPGRADE examples.

use app::model::cart::{ItemKind, OrderKind};
use mobproc::model::{CartRequest, DeviceAsset, DeviceIdentity, OrderRequest, OrderRequestBody};

use super::validate::Checked;
use crate::bff::cart::{rules, store::Cart};

pub fn order_request(
    cart: &Cart,
    external_order_number: String,
    checked: Checked,
    existing_device: Option<DeviceIdentity>,
) -> OrderRequestBody {
    let ids = |kind: ItemKind| -> Vec<String> {
        cart.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id.clone())
            .collect()
    };
    let shopping_cart = match cart.order {
        OrderKind::Accessories => CartRequest {
            accessory_ids: Some(ids(ItemKind::Accessory)),
            ..empty_cart()
        },
        OrderKind::Upgrade => {
            let features = ids(ItemKind::Feature);
            CartRequest {
                device_id: ids(ItemKind::Device).into_iter().next(),
                plan_id: ids(ItemKind::Plan).into_iter().next(),
                optional_feature_ids: (!features.is_empty()).then_some(features),
                ..empty_cart()
            }
        }
    };
    OrderRequestBody {
        order_request: OrderRequest {
            external_order_number: Some(external_order_number),
            transaction_type: rules::transaction_type(cart.order),
            service_id: Some(cart.service_id.clone()),
            current_vendor_id: None,
            region_id: None,
            postal_code: None,
            existing_device,
            new_device: None,
            shopping_cart: Some(shopping_cart),
            properties: (!checked.properties.is_empty()).then_some(checked.properties),
            ship_to: Some(checked.ship_to),
            acknowledgements: None,
        },
    }
}

/// `existingDevice` of an UPGRADE: the line's device as its asset records it.
pub fn existing_device(device: DeviceAsset) -> DeviceIdentity {
    DeviceIdentity {
        manufacturer_id: device.manufacturer.map(|m| m.id),
        model_id: device.model.map(|m| m.id),
        other_make_model_name: None,
        serial_number: device.serial_number,
        sim_id: device.sim_id,
    }
}

fn empty_cart() -> CartRequest {
    CartRequest {
        device_id: None,
        plan_id: None,
        optional_feature_ids: None,
        accessory_ids: None,
        features: None,
        feature_request_comment: None,
        quantity: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bff::cart::store::CartEntry;
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
        let body = order_request(&cart, "MM123456A".into(), checked(properties), None);
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
        let body = order_request(
            &cart,
            "12345678".into(),
            checked(properties),
            Some(existing_device(device)),
        );
        assert_eq!(serde_json::to_value(&body).unwrap(), example("upgrade"));
    }
}
