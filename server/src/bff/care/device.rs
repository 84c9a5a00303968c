//! The new phone of a swap: one of the devices the line's catalog offers, or any other
//! described by its maker and model, with its serial number checked; the phone it
//! replaces is the line's device asset, never typed.

use std::sync::Arc;

use app::{
    error::FieldError,
    model::{
        care::{DeviceForm, DeviceSource, NewDeviceInput, OTHER_MAKER},
        checkout::SelectOption,
    },
};
use mobproc::{
    client::collection,
    model::{CatalogDevice, DeviceAsset, DeviceIdentity, SerialNumber, SerialNumberType},
};

use super::serial;
use crate::bff::{caller::Caller, error::BffError, present};

/// A line's catalog is small; a runaway chain of links must end.
const MAX_PAGES: usize = 20;
/// Longer than any make and model anyone types.
const MAX_NAME_CHARS: usize = 100;

/// Devices per request of the walk: fewer calls.
const PAGE_SIZE: &str = "100";

/// The devices the line's catalog offers: catalog, kept per person and actor like every
/// listing.
pub async fn offered(caller: &Caller, service_id: &str) -> Result<Vec<CatalogDevice>, BffError> {
    let query = [("service", service_id), ("limit", PAGE_SIZE)];
    let devices = caller
        .kept_catalog(
            format!("devices to swap to {query:?}"),
            |devices: &Vec<CatalogDevice>| devices.len(),
            || async {
                let walked = caller
                    .api()
                    .walk(&collection::DEVICES, &query, MAX_PAGES)
                    .await?;
                Ok(walked.items)
            },
        )
        .await?;
    Ok(Arc::unwrap_or_clone(devices))
}

/// The phone on the line now, in words: "LG Cookie Plus, ESN ending 7832".
pub fn described(asset: &DeviceAsset) -> String {
    let maker = asset.manufacturer.as_ref().and_then(|m| m.name.clone());
    let model = asset.model.as_ref().and_then(|m| m.name.clone());
    let name = [maker, model]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let name = if name.is_empty() {
        "a phone".to_owned()
    } else {
        name
    };
    match &asset.serial_number {
        Some(serial) => format!("{name}, {}", present::serial_ending(serial)),
        None => name,
    }
}

/// The form's section: the catalog's phones, their makers, and what was typed.
pub fn input(
    offered: &[CatalogDevice],
    current: &DeviceAsset,
    typed: Option<&DeviceForm>,
) -> NewDeviceInput {
    let mut manufacturers: Vec<SelectOption> = Vec::new();
    for maker in offered.iter().filter_map(|d| d.manufacturer.as_ref()) {
        if !manufacturers.iter().any(|m| m.value == maker.id) {
            manufacturers.push(SelectOption {
                value: maker.id.clone(),
                label: maker.name.clone().unwrap_or_else(|| maker.id.clone()),
            });
        }
    }
    manufacturers.sort_by(|a, b| a.label.cmp(&b.label));
    NewDeviceInput {
        current: described(current),
        catalog: offered
            .iter()
            .map(|d| SelectOption {
                value: d.id.clone(),
                label: d.name.clone(),
            })
            .collect(),
        manufacturers,
        serial_types: vec![
            SelectOption {
                value: SerialNumberType::Imei.as_str().to_owned(),
                label: "IMEI".to_owned(),
            },
            SelectOption {
                value: SerialNumberType::Esn.as_str().to_owned(),
                label: "ESN or MEID".to_owned(),
            },
        ],
        typed: typed.cloned().unwrap_or_else(|| DeviceForm {
            serial_type: SerialNumberType::Imei.as_str().to_owned(),
            ..DeviceForm::default()
        }),
    }
}

/// `newDevice` as the person described it, each problem beside its field.
pub fn check(
    offered: &[CatalogDevice],
    form: &DeviceForm,
    problems: &mut Vec<FieldError>,
) -> DeviceIdentity {
    let mut problem = |field: &str, message: &str| {
        problems.push(FieldError {
            field: format!("newDevice.{field}"),
            message: message.to_owned(),
        })
    };
    let typed = |value: &str| -> String { value.trim().chars().take(MAX_NAME_CHARS).collect() };
    let (manufacturer_id, model_id, other_make_model_name) = match form.source {
        // MOBPROC's catalog names a device but gives no model id: its name is its make
        // and model.
        DeviceSource::Catalog => match offered.iter().find(|d| d.id == form.catalog_device) {
            Some(device) => (
                device.manufacturer.as_ref().map(|m| m.id.clone()),
                None,
                Some(device.name.clone()),
            ),
            None => {
                problem("catalogDevice", "Choose the phone from the catalog.");
                (None, None, None)
            }
        },
        DeviceSource::Described if form.manufacturer == OTHER_MAKER => {
            let name = typed(&form.other_name);
            if name.is_empty() {
                problem("otherMakeModelName", "Enter the phone's make and model.");
            }
            (
                Some(OTHER_MAKER.to_owned()),
                Some(OTHER_MAKER.to_owned()),
                Some(name),
            )
        }
        DeviceSource::Described => {
            let known = offered
                .iter()
                .filter_map(|d| d.manufacturer.as_ref())
                .any(|m| m.id == form.manufacturer);
            if !known {
                problem(
                    "manufacturerId",
                    "Choose the manufacturer, or Other if it is not listed.",
                );
            }
            let model = typed(&form.model);
            if model.is_empty() {
                problem("modelId", "Enter the phone's model.");
            }
            (Some(form.manufacturer.clone()), Some(model), None)
        }
    };
    let kind: SerialNumberType = form.serial_type.parse().unwrap_or(SerialNumberType::Imei);
    let serial_number = match serial::check(&kind, &form.serial) {
        Ok(value) => Some(SerialNumber { kind, value }),
        Err(message) => {
            problem("serialNumber.value", message);
            None
        }
    };
    let sim: String = form.sim.chars().filter(|c| !c.is_whitespace()).collect();
    let sim_id = match sim.len() {
        0 => None,
        18..=22 if sim.chars().all(|c| c.is_ascii_digit()) => Some(form.sim.trim().to_owned()),
        _ => {
            problem("simId", "A SIM card number (ICCID) has 19 or 20 digits.");
            None
        }
    };
    DeviceIdentity {
        manufacturer_id,
        model_id,
        other_make_model_name,
        serial_number,
        sim_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Vec<CatalogDevice> {
        serde_json::from_value(serde_json::json!([{
            "id": "9194713904", "name": "Apple iPhone 5 (16GB) - Black",
            "manufacturer": {"id": "Apple", "name": "Apple"}
        }]))
        .unwrap()
    }

    fn fields(problems: &[FieldError]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn a_described_phone_becomes_the_documented_new_device_shape() {
        let form = DeviceForm {
            source: DeviceSource::Described,
            manufacturer: "Apple".into(),
            model: "iPhone 6 (64GB) - Space Gray".into(),
            serial_type: "IMEI".into(),
            serial: "123456789001233".into(),
            ..DeviceForm::default()
        };
        let mut problems = Vec::new();
        let device = check(&catalog(), &form, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            serde_json::to_value(&device).unwrap(),
            serde_json::json!({"manufacturerId": "Apple", "modelId": "iPhone 6 (64GB) - Space Gray",
                               "serialNumber": {"type": "IMEI", "value": "123456789001233"}})
        );
    }

    #[test]
    fn a_phone_of_another_maker_is_named_and_a_bad_imei_refused() {
        let form = DeviceForm {
            source: DeviceSource::Described,
            manufacturer: OTHER_MAKER.into(),
            serial_type: "IMEI".into(),
            serial: "12345678900123".into(),
            sim: "89 91".into(),
            ..DeviceForm::default()
        };
        let mut problems = Vec::new();
        check(&catalog(), &form, &mut problems);
        assert_eq!(
            fields(&problems),
            [
                "newDevice.otherMakeModelName",
                "newDevice.serialNumber.value",
                "newDevice.simId"
            ]
        );
    }

    #[test]
    fn a_catalog_phone_is_named_by_its_make_and_model() {
        let form = DeviceForm {
            source: DeviceSource::Catalog,
            catalog_device: "9194713904".into(),
            serial_type: "ESN".into(),
            serial: "8ab3f2c1".into(),
            ..DeviceForm::default()
        };
        let mut problems = Vec::new();
        let device = check(&catalog(), &form, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(device.manufacturer_id.as_deref(), Some("Apple"));
        assert_eq!(
            device.other_make_model_name.as_deref(),
            Some("Apple iPhone 5 (16GB) - Black")
        );
    }
}
