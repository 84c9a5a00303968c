//! Synthetic seed sizes for load and bounded-work tests (`--synthetic-employees N`,
//! `--synthetic-accessories N`): records added to the seed as it loads, the same on
//! every run.
//!
//! - Employee `i` (from 1): id `7` + `i` in 7 digits (`70000042`), company id and
//!   email `employee.00042@example.com`, a name from fixed lists, the seed's
//!   departments in turn, office phone `555` + 7 digits, approver Diane Foster
//!   ([`APPROVER`]). The admin sees them all, Diane too (she approves them).
//! - Accessory `i`: id `9` + `i` in 9 digits (`9000000042`), compatible with the device
//!   of Peter Edwards's line [`LINE`], made and sold by the makers and vendors of the
//!   seed's accessories for that device in turn, a price from 5.00 to 99.99, in every
//!   catalog.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::seed::{Accessory, Availability, DeviceAsset, Employee, Service, Shape};

/// Who approves synthetic employees: Diane Foster.
pub const APPROVER: &str = "48069010";
/// The line whose device synthetic accessories fit: Peter Edwards's LG Cookie Plus.
pub const LINE: &str = "38382349";

const FIRST_NAMES: [&str; 20] = [
    "Avery", "Blake", "Casey", "Dana", "Emery", "Finley", "Gray", "Harper", "Indra", "Jordan",
    "Kai", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sage", "Taylor",
];
const LAST_NAMES: [&str; 20] = [
    "Abbott", "Barnes", "Chen", "Delgado", "Ellis", "Fischer", "Garcia", "Hughes", "Ibarra",
    "Jensen", "Khan", "Lopez", "Murphy", "Nguyen", "Okafor", "Price", "Quintero", "Rossi", "Sato",
    "Turner",
];

/// What each kind of synthetic accessory is called and looks like.
const KINDS: [(&str, Shape); 7] = [
    ("Case", Shape::Case),
    ("Car Charger", Shape::Charger),
    ("USB Cable", Shape::Cable),
    ("Headset", Shape::Headset),
    ("Battery", Shape::Battery),
    ("Vent Mount", Shape::Mount),
    ("Screen Protector", Shape::Screen),
];

/// How many synthetic records to add.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    pub employees: usize,
    pub accessories: usize,
}

/// `n` employees spread over `departments` (ids, in seed order).
pub fn employees(n: usize, departments: &[String]) -> Result<Vec<Employee>> {
    if n > 0 && departments.is_empty() {
        return Err(Error::Seed(
            "synthetic employees need a department in the seed".to_owned(),
        ));
    }
    Ok((1..=n)
        .map(|i| {
            let company_id = format!("employee.{i:05}@example.com");
            Employee {
                id: format!("7{i:07}"),
                company_employee_id: company_id.clone(),
                aliases: Vec::new(),
                first_name: FIRST_NAMES[i % FIRST_NAMES.len()].to_owned(),
                last_name: LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()].to_owned(),
                status: "ACTIVE".to_owned(),
                department: departments[i % departments.len()].clone(),
                email: Some(company_id),
                office_phone: Some(format!("555{:07}", i % 10_000_000)),
                admin: false,
                is_approver: false,
                approver: Some(APPROVER.to_owned()),
                can_move_service: false,
                catalog: None,
                transaction_types: None,
            }
        })
        .collect())
}

/// `n` accessories for the device of [`LINE`], which `services` and `devices` must have.
pub fn accessories(
    n: usize,
    services: &[Service],
    devices: &[DeviceAsset],
    seeded: &[Accessory],
    model_name: impl Fn(&str) -> String,
) -> Result<Vec<Accessory>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let device = services
        .iter()
        .find(|s| s.id == LINE)
        .and_then(|s| s.device.as_deref())
        .and_then(|d| devices.iter().find(|asset| asset.id == d))
        .ok_or_else(|| {
            Error::Seed(format!(
                "synthetic accessories need line {LINE} and its device in the seed"
            ))
        })?;
    let mut makers: Vec<(&str, &str)> = seeded
        .iter()
        .filter(|a| a.compatible_models.contains(&device.model))
        .map(|a| (a.manufacturer.as_str(), a.vendor.as_str()))
        .collect();
    makers.dedup();
    let line_vendor = services
        .iter()
        .find(|s| s.id == LINE)
        .map_or("", |s| s.vendor.as_str());
    if makers.is_empty() {
        makers.push((device.manufacturer.as_str(), line_vendor));
    }
    let model = model_name(&device.model);
    Ok((1..=n)
        .map(|i| {
            let (kind, shape) = KINDS[i % KINDS.len()];
            let (manufacturer, vendor) = makers[i % makers.len()];
            let id = format!("9{i:09}");
            let cents = 500 + (i * 7919) % 9500;
            Accessory {
                name: format!("{kind} for {model} No. {i:05}"),
                manufacturer: manufacturer.to_owned(),
                vendor: vendor.to_owned(),
                price: Decimal::new(i64::try_from(cents).unwrap_or(500), 2),
                currency: "USD".to_owned(),
                image: format!("/images/accessories/synthetic/{id}.png"),
                order_image: None,
                shape,
                compatible_models: vec![device.model.clone()],
                available: Availability::default(),
                id,
            }
        })
        .collect())
}
