//! The seed holds everything the documented examples reference, so that every
//! documented request can be confirmed against the sandbox.

use std::collections::BTreeSet;

use mobproc::model::{OrderRequestBody, PropertyType, TransactionType, Validation};
use sandbox::seed::Seed;
use serde_json::Value;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/mobproc/examples");

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `(type folder, request)` of every documented order request.
fn requests() -> Vec<(String, OrderRequestBody)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(format!("{EXAMPLES}/orders")).unwrap() {
        let dir = entry.unwrap().path();
        let request = dir.join("request.json");
        if request.exists() {
            let body = serde_json::from_str(&read(&request.to_string_lossy())).unwrap();
            found.push((
                dir.file_name().unwrap().to_string_lossy().into_owned(),
                body,
            ));
        }
    }
    assert_eq!(found.len(), 12);
    found
}

/// The vendor an order is with: the line's, else the plan's or the device's.
fn vendor_of(seed: &Seed, request: &mobproc::model::OrderRequest) -> String {
    if let Some(service) = &request.service_id {
        return seed.services.get(service).unwrap().vendor.clone();
    }
    let cart = request.shopping_cart.as_ref().unwrap();
    cart.plan_id
        .as_ref()
        .map(|p| seed.plans.get(p).unwrap().vendor.clone())
        .or_else(|| {
            cart.device_id
                .as_ref()
                .map(|d| seed.devices.get(d).unwrap().vendor.clone())
        })
        .unwrap()
}

#[test]
fn every_id_of_every_documented_request_resolves() {
    let seed = Seed::builtin().unwrap();
    for (name, body) in requests() {
        let r = &body.order_request;
        if let Some(id) = &r.service_id {
            assert!(seed.services.contains(id), "{name}: service {id}");
        }
        if let Some(id) = &r.region_id {
            assert!(seed.region(id).is_some(), "{name}: region {id}");
        }
        if let Some(id) = r.ship_to.as_ref().and_then(|s| s.region_id.as_ref()) {
            assert!(seed.region(id).is_some(), "{name}: shipTo region {id}");
        }
        if let Some(id) = &r.current_vendor_id {
            assert!(seed.vendors.contains(id), "{name}: vendor {id}");
        }
        for device in [&r.existing_device, &r.new_device].into_iter().flatten() {
            for (id, table) in [
                (&device.manufacturer_id, "manufacturer"),
                (&device.model_id, "model"),
            ] {
                let Some(id) = id else { continue };
                let known = match table {
                    "manufacturer" => seed.manufacturers.contains(id),
                    _ => seed.models.contains(id),
                };
                assert!(known, "{name}: {table} {id}");
            }
        }
        let Some(cart) = &r.shopping_cart else {
            continue;
        };
        if let Some(id) = &cart.device_id {
            assert!(seed.devices.contains(id), "{name}: device {id}");
        }
        if let Some(id) = &cart.plan_id {
            assert!(seed.plans.contains(id), "{name}: plan {id}");
        }
        for id in cart.accessory_ids.iter().flatten() {
            assert!(seed.accessories.contains(id), "{name}: accessory {id}");
        }
        for id in cart.optional_feature_ids.iter().flatten() {
            let plan = seed.plans.get(cart.plan_id.as_deref().unwrap()).unwrap();
            assert!(
                plan.optional_features.contains(id),
                "{name}: feature {id} of {}",
                plan.id
            );
        }
        for change in cart.features.iter().flatten() {
            assert!(
                seed.features.contains(&change.id),
                "{name}: feature {}",
                change.id
            );
        }
    }
}

#[test]
fn every_documented_property_is_defined_for_its_type_and_vendor() {
    let seed = Seed::builtin().unwrap();
    for (name, body) in requests() {
        let r = &body.order_request;
        let vendor = vendor_of(&seed, r);
        let set = seed
            .property_set(&r.transaction_type, &vendor)
            .unwrap_or_else(|| panic!("{name}: no properties for vendor {vendor}"));
        let defined: Vec<_> = set
            .fields
            .iter()
            .map(|f| seed.property_fields.get(&f.key).unwrap())
            .collect();
        for group in r.properties.iter().flatten() {
            assert_eq!(group.group_id, set.group_id);
            for value in &group.fields {
                let def = defined
                    .iter()
                    .find(|d| d.id == value.id)
                    .unwrap_or_else(|| panic!("{name}: {} is not defined for {vendor}", value.id));
                assert_eq!(
                    def.property_type, value.property_type,
                    "{name}: {}",
                    value.id
                );
                if def.property_type == PropertyType::Choice {
                    let chosen = value.choice.as_ref().unwrap();
                    let choice = def
                        .choices
                        .iter()
                        .flatten()
                        .find(|c| c.id == chosen.id)
                        .unwrap_or_else(|| {
                            panic!("{name}: {} has no choice {}", value.id, chosen.id)
                        });
                    if chosen.other_text.is_some() {
                        assert_eq!(choice.is_other, Some(true), "{name}: {}", value.id);
                    }
                }
            }
        }
    }
}

#[test]
fn every_documented_transfer_acknowledges_what_its_vendor_requires() {
    let seed = Seed::builtin().unwrap();
    for (name, body) in requests() {
        let r = &body.order_request;
        let Some(answers) = &r.acknowledgements else {
            continue;
        };
        let vendor = r
            .current_vendor_id
            .clone()
            .unwrap_or_else(|| vendor_of(&seed, r));
        let set = seed
            .acknowledgement_set(&r.transaction_type, &vendor)
            .unwrap();
        let sent: BTreeSet<_> = answers
            .iter()
            .filter(|a| a.boolean)
            .map(|a| a.id.as_str())
            .collect();
        let defined: BTreeSet<_> = set.acknowledgements.iter().map(|a| a.id.as_str()).collect();
        let required: BTreeSet<_> = set
            .acknowledgements
            .iter()
            .filter(|a| a.validation == Some(Validation::Required))
            .map(|a| a.id.as_str())
            .collect();
        assert!(sent.is_subset(&defined), "{name}: {sent:?} vs {defined:?}");
        assert!(
            required.is_subset(&sent),
            "{name}: {required:?} not all sent"
        );
    }
}

/// Items of the documented confirmations: same names and prices. (The transfer-in
/// example gives plan 123454111 a second identity; the seed keeps the
/// transfer-in-and-port one.)
#[test]
fn documented_catalog_items_keep_their_names_and_prices() {
    let seed = Seed::builtin().unwrap();
    let mut checked = 0;
    for (name, _) in requests() {
        let path = format!("{EXAMPLES}/orders/{name}/confirmation.json");
        let confirmation: Value = serde_json::from_str(&read(&path)).unwrap();
        let cart = &confirmation["orderConfirmation"]["shoppingCart"];
        let mut items: Vec<(&str, &Value)> = Vec::new();
        items.extend(
            cart["accessories"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| ("accessory", a)),
        );
        if cart["device"].is_object() {
            items.push(("device", &cart["device"]));
        }
        if cart["plan"].is_object() && name != "xfer_service_in" {
            items.push(("plan", &cart["plan"]));
        }
        for (kind, item) in items {
            let id = item["id"].as_str().unwrap();
            let (item_name, price) = match kind {
                "accessory" => seed.accessories.get(id).map(|a| (&a.name, a.price)),
                "device" => seed.devices.get(id).map(|d| (&d.name, d.price)),
                _ => seed.plans.get(id).map(|p| (&p.name, p.price)),
            }
            .unwrap_or_else(|| panic!("{name}: {kind} {id}"));
            assert_eq!(item["name"], item_name.as_str(), "{name}: {kind} {id}");
            assert_eq!(
                item["price"]["amount"].to_string(),
                price.to_string(),
                "{name}: {kind} {id}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 14, "{checked}");
}

#[test]
fn the_catalog_is_big_enough_to_search_and_page() {
    let seed = Seed::builtin().unwrap();
    let items = seed.devices.len() + seed.plans.len() + seed.accessories.len();
    assert!(items >= 60, "{items}");
    let carriers: BTreeSet<_> = seed.devices.iter().map(|d| d.vendor.as_str()).collect();
    assert!(carriers.len() >= 4);
    let transaction_types: Vec<TransactionType> = sandbox::seed::all_transaction_types();
    assert_eq!(transaction_types.len(), 12);
}
