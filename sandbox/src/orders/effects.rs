//! What completed orders change on the lines. Whenever the store is read or written,
//! every order whose `COMPLETED` time ([`progress::completes_at`]) has passed by the
//! sandbox clock is settled: its effect is applied once, in completion order, and
//! saved with the order marked settled. No background task; moving the clock is enough.
//!
//! | order | effect on the store |
//! |---|---|
//! | `SUSPEND` | line `SUSPENDED`: offers `UNSUSPEND` and `DEACTIVATE` only, its device nothing |
//! | `UNSUSPEND` | line `ACTIVE` again, with the actions of an active line |
//! | `DEACTIVATE` | line `DEACTIVATED`, no actions; left out of `/assets/services` unless asked for |
//! | `UPDATE_FEATURES` | features added to and removed from the line's plan |
//! | `SWAP_DEVICES` | a new device asset as `newDevice` describes it (its serial number and SIM, else the old SIM) replaces the line's |
//! | `UPGRADE` | the catalog device (serial number as shipped) replaces the line's; the plan and its optional features replace the line's; a new device restarts the contract and the upgrade eligibility |
//! | `PORT_NUMBER` | the line keeps its number and moves to the plan's carrier, with the new device and plan |
//! | `XFER_SERVICE_OUT` | the line and its device leave the employee (and the sandbox) |
//! | `NEW_ACTIVATION` | a new line with a new number (the `PREFERRED_AREA_CODE` property's area code, else the account holder's) and its device |
//! | `XFER_SERVICE_IN`, `XFER_SERVICE_IN_AND_PORT` | a new line with the transferred number (the `SERVICE_NUMBER` property) and the cart's device; a transfer without porting stays carried by `currentVendorId` |
//!
//! Replaced device assets are removed. New contracts run two years; a line may be
//! upgraded again 18 months after its device changed.

use chrono::{DateTime, Months, Utc};
use mobproc::model::{AccessMethod, FeatureAction, SerialNumberType, TransactionType};

use super::expand::WIRE_DATE;
use super::progress;
use super::record::{OrderRecord, SegmentRecord};
use crate::seed::{CatalogDevice, ContractDates, DeviceAsset, Plan, Seed, Service};
use crate::store::{Store, StoredOrder};

/// Line statuses the sandbox sets.
pub const ACTIVE: &str = "ACTIVE";
pub const SUSPENDED: &str = "SUSPENDED";
pub const DEACTIVATED: &str = "DEACTIVATED";

const CONTRACT_MONTHS: u32 = 24;
const UPGRADE_AFTER_MONTHS: u32 = 18;

/// What a line with this status allows; device actions need a device.
pub fn line_actions(status: &str, has_device: bool) -> Vec<TransactionType> {
    use TransactionType::*;
    match status {
        ACTIVE => [
            (Upgrade, true),
            (OrderAccessories, has_device),
            (UpdateFeatures, true),
            (SwapDevices, has_device),
            (Suspend, true),
            (Deactivate, true),
            (PortNumber, true),
            (XferServiceOut, true),
        ]
        .into_iter()
        .filter_map(|(action, offered)| offered.then_some(action))
        .collect(),
        SUSPENDED => vec![Unsuspend, Deactivate],
        _ => Vec::new(),
    }
}

/// What a device in a line with this status allows.
pub fn device_actions(status: &str) -> Vec<TransactionType> {
    use TransactionType::*;
    if status == ACTIVE {
        vec![Upgrade, OrderAccessories, SwapDevices]
    } else {
        Vec::new()
    }
}

/// Applies the effect of every order completed by `now` that is not settled yet;
/// whether anything changed.
pub fn settle(seed: &Seed, store: &mut Store, now: DateTime<Utc>) -> bool {
    let mut due: Vec<(DateTime<Utc>, usize, String)> = store
        .orders
        .iter()
        .filter(|o| !o.settled)
        .filter_map(|o| {
            let at = o.completes_at.filter(|at| *at <= now)?;
            Some((at, o.order_id.len(), o.order_id.clone()))
        })
        .collect();
    if due.is_empty() {
        return false;
    }
    // Completion order; ids are numeric strings, the shorter the older.
    due.sort();
    for (at, _, id) in due {
        let Some(order) = store.order(&id).cloned() else {
            continue;
        };
        match OrderRecord::of(&order) {
            Ok(record) => apply(seed, store, &order, &record, at),
            Err(error) => tracing::error!(order = %id, %error, "an order's record does not read"),
        }
        if let Some(order) = store.order_mut(&id) {
            order.settled = true;
        }
    }
    true
}

/// Gives orders saved before completion times were kept theirs.
pub fn schedule(store: &mut Store) {
    for order in store
        .orders
        .iter_mut()
        .filter(|o| !o.settled && o.completes_at.is_none())
    {
        if let Ok(record) = OrderRecord::of(order) {
            order.completes_at = progress::completes_at(order, &record);
            let decided = record.approval.is_some_and(|a| a.decision.is_some());
            // Decided and never completing: rejected, nothing to apply.
            order.settled = decided && order.completes_at.is_none();
        }
    }
}

/// What an order's segments bring, across vendors.
struct Delivered<'a> {
    device: Option<(&'a CatalogDevice, &'a SegmentRecord)>,
    plan: Option<(&'a Plan, &'a SegmentRecord)>,
}

impl<'a> Delivered<'a> {
    fn of(seed: &'a Seed, record: &'a OrderRecord) -> Self {
        let device = record.segments.iter().find_map(|s| {
            let device = seed.devices.get(s.device.as_deref()?)?;
            Some((device, s))
        });
        let plan = record.segments.iter().find_map(|s| {
            let plan = seed.plans.get(s.plan.as_deref()?)?;
            Some((plan, s))
        });
        Self { device, plan }
    }
}

fn apply(
    seed: &Seed,
    store: &mut Store,
    order: &StoredOrder,
    record: &OrderRecord,
    at: DateTime<Utc>,
) {
    use TransactionType::*;
    let request = &order.request;
    let line = request.service_id.as_deref();
    let delivered = Delivered::of(seed, record);
    match (&request.transaction_type, line) {
        (Suspend, Some(line)) => set_status(store, line, SUSPENDED),
        (Unsuspend, Some(line)) => set_status(store, line, ACTIVE),
        (Deactivate, Some(line)) => set_status(store, line, DEACTIVATED),
        (UpdateFeatures, Some(line)) => update_features(store, line, record),
        (SwapDevices, Some(line)) => swap_device(seed, store, line, order),
        (Upgrade | PortNumber, Some(line)) => {
            // The line's owner now: it may have moved since the order.
            let owner = store.service(line).map(|s| s.employee.clone());
            if let (Some(owner), Some((device, segment))) = (owner, delivered.device) {
                let asset = device_from_catalog(store, &owner, device, segment, at);
                replace_device(store, line, asset);
                restart_contract(store, line, at);
            }
            if let Some((plan, segment)) = delivered.plan {
                change_plan(store, line, plan, segment);
            }
        }
        (XferServiceOut, Some(line)) => leave(store, line),
        (NewActivation | XferServiceIn | XferServiceInAndPort, _) => {
            activate(seed, store, order, record, &delivered, at);
        }
        _ => {}
    }
}

fn wire(at: DateTime<Utc>) -> String {
    at.format(WIRE_DATE).to_string()
}

fn months_after(at: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    at.checked_add_months(Months::new(months)).unwrap_or(at)
}

fn set_status(store: &mut Store, line: &str, status: &str) {
    let Some(service) = store.service_mut(line) else {
        return;
    };
    status.clone_into(&mut service.status);
    service.order_actions = line_actions(status, service.device.is_some());
    let device = service.device.clone();
    if let Some(asset) = device.and_then(|d| store.device_asset_mut(&d)) {
        asset.order_actions = device_actions(status);
    }
}

fn update_features(store: &mut Store, line: &str, record: &OrderRecord) {
    let Some(service) = store.service_mut(line) else {
        return;
    };
    for change in record.segments.iter().flat_map(|s| &s.features) {
        match change.action {
            FeatureAction::Add if !service.features.contains(&change.id) => {
                service.features.push(change.id.clone());
            }
            FeatureAction::Remove => service.features.retain(|f| *f != change.id),
            _ => {}
        }
    }
}

/// A new device asset for a catalog device a segment shipped.
fn device_from_catalog(
    store: &mut Store,
    employee: &str,
    device: &CatalogDevice,
    segment: &SegmentRecord,
    at: DateTime<Utc>,
) -> DeviceAsset {
    let serial = progress::shipped_serial(segment);
    // GSM devices come with a SIM card; its ICCID follows the serial number.
    let sim_id =
        (device.access_method == AccessMethod::Gsm).then(|| format!("8901{}", serial.value));
    DeviceAsset {
        id: store.next_id(),
        employee: employee.to_owned(),
        manufacturer: device.manufacturer.clone(),
        model: device.model.clone(),
        serial_type: serial.kind,
        serial_number: serial.value,
        sim_id,
        access_method: device.access_method.clone(),
        mac_address: None,
        company_asset_id: None,
        upgrade_eligibility_date: Some(wire(months_after(at, UPGRADE_AFTER_MONTHS))),
        order_actions: device_actions(ACTIVE),
    }
}

/// `asset` becomes the line's device; the one it replaces goes.
fn replace_device(store: &mut Store, line: &str, asset: DeviceAsset) {
    let Some(service) = store.service_mut(line) else {
        return;
    };
    if let Some(old) = service.device.replace(asset.id.clone()) {
        store.device_assets.retain(|d| d.id != old);
    }
    store.device_assets.push(asset);
}

/// A new device on a new contract: two years from `at`, upgradable again
/// [`UPGRADE_AFTER_MONTHS`] later.
fn restart_contract(store: &mut Store, line: &str, at: DateTime<Utc>) {
    if let Some(service) = store.service_mut(line) {
        let dates = &mut service.contract_dates;
        dates.start = Some(wire(at));
        dates.end = Some(wire(months_after(at, CONTRACT_MONTHS)));
        dates.last_device_upgrade = Some(wire(at));
        service.upgrade_eligibility_date = Some(wire(months_after(at, UPGRADE_AFTER_MONTHS)));
    }
}

/// The line goes on `plan`, with the optional features its segment ordered, billed and
/// carried by the plan's carrier.
fn change_plan(store: &mut Store, line: &str, plan: &Plan, segment: &SegmentRecord) {
    if let Some(service) = store.service_mut(line) {
        service.plan = Some(plan.id.clone());
        service.plan_name = None;
        service.features.clone_from(&segment.optional_features);
        service.vendor.clone_from(&plan.vendor);
        service.current_vendor = None;
    }
}

/// A swap is not an upgrade: the contract and the upgrade eligibility stay.
fn swap_device(seed: &Seed, store: &mut Store, line: &str, order: &StoredOrder) {
    let Some(new) = &order.request.new_device else {
        return;
    };
    let Some(service) = store.service(line) else {
        return;
    };
    let old = service
        .device
        .as_deref()
        .and_then(|d| store.device_asset(d));
    let carrier = service.current_vendor.as_deref().unwrap_or(&service.vendor);
    let access_method = seed
        .vendors
        .get(carrier)
        .and_then(|v| v.access_method.clone())
        .or_else(|| old.map(|d| d.access_method.clone()))
        .unwrap_or(AccessMethod::Gsm);
    let other_name = new
        .other_make_model_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let model = match (new.model_id.as_deref(), other_name) {
        (Some(model), _) if model != "Other" => model.to_owned(),
        (_, Some(name)) => name.to_owned(),
        (model, None) => model.unwrap_or("Other").to_owned(),
    };
    let (serial_type, serial_number) = new.serial_number.as_ref().map_or_else(
        || (SerialNumberType::Imei, String::new()),
        |s| (s.kind.clone(), s.value.clone()),
    );
    let employee = service.employee.clone();
    let sim_id = new
        .sim_id
        .clone()
        .or_else(|| old.and_then(|d| d.sim_id.clone()));
    let eligibility = service.upgrade_eligibility_date.clone();
    let asset = DeviceAsset {
        id: store.next_id(),
        employee,
        manufacturer: new
            .manufacturer_id
            .clone()
            .unwrap_or_else(|| "Other".to_owned()),
        model,
        serial_type,
        serial_number,
        sim_id,
        access_method,
        mac_address: None,
        company_asset_id: None,
        upgrade_eligibility_date: eligibility,
        order_actions: device_actions(ACTIVE),
    };
    replace_device(store, line, asset);
}

fn leave(store: &mut Store, line: &str) {
    let device = store.service(line).and_then(|s| s.device.clone());
    store.services.retain(|s| s.id != line);
    if let Some(device) = device {
        store.device_assets.retain(|d| d.id != device);
    }
}

/// The text of a property the request sent, trimmed, if not blank.
fn property<'r>(order: &'r StoredOrder, id: &str) -> Option<&'r str> {
    order
        .request
        .properties
        .iter()
        .flatten()
        .flat_map(|g| &g.fields)
        .find(|f| f.id == id)
        .and_then(|f| f.text.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// A number for a new line, unused in the store, derived from the order id.
fn new_number(seed: &Seed, store: &Store, order: &StoredOrder, region: &str) -> String {
    let nanp = seed
        .region(region)
        .and_then(|r| r.country_code.as_deref())
        .is_none_or(|code| code == "1");
    let area_code = property(order, "PREFERRED_AREA_CODE")
        .filter(|a| a.len() == 3 && a.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
        .or_else(|| {
            let phone = seed
                .employee(&order.account_holder_id)?
                .office_phone
                .as_deref()?;
            phone.get(..3).map(str::to_owned)
        })
        .unwrap_or_else(|| "203".to_owned());
    let seed_number = progress::number_of(&order.order_id);
    (0..10_000u64)
        .map(|i| {
            let n = (seed_number + i) % 10_000;
            if nanp {
                format!("{area_code}555{n:04}")
            } else {
                format!("077009{n:05}")
            }
        })
        .find(|number| !store.services.iter().any(|s| s.service_number == *number))
        .unwrap_or_else(|| format!("{area_code}555{:04}", seed_number % 10_000))
}

/// A new line for the account holder: NEW_ACTIVATION and the transfers in.
fn activate(
    seed: &Seed,
    store: &mut Store,
    order: &StoredOrder,
    record: &OrderRecord,
    delivered: &Delivered,
    at: DateTime<Utc>,
) {
    let request = &order.request;
    let Some((plan, plan_segment)) = delivered.plan else {
        return;
    };
    let region = request
        .region_id
        .as_deref()
        .and_then(|id| seed.region(id))
        .map_or_else(String::new, |r| r.id.clone());
    let number = match request.transaction_type {
        TransactionType::NewActivation => new_number(seed, store, order, &region),
        _ => property(order, "SERVICE_NUMBER")
            .map_or_else(|| new_number(seed, store, order, &region), str::to_owned),
    };
    let current_vendor = match (
        &request.transaction_type,
        request.current_vendor_id.as_deref(),
    ) {
        (TransactionType::XferServiceIn, Some(carrier)) if carrier != plan.vendor => {
            Some(carrier.to_owned())
        }
        _ => None,
    };
    let employee = order.account_holder_id.clone();
    let device = delivered
        .device
        .map(|(device, segment)| device_from_catalog(store, &employee, device, segment, at));
    let service = Service {
        id: store.next_id(),
        service_number: number.clone(),
        status: ACTIVE.to_owned(),
        employee,
        vendor: plan.vendor.clone(),
        current_vendor,
        plan: Some(plan.id.clone()),
        plan_name: None,
        features: plan_segment.optional_features.clone(),
        device: device.as_ref().map(|d| d.id.clone()),
        region,
        contract_dates: ContractDates {
            activated: Some(wire(at)),
            start: Some(wire(at)),
            end: Some(wire(months_after(at, CONTRACT_MONTHS))),
            last_device_upgrade: device.as_ref().map(|_| wire(at)),
        },
        upgrade_eligibility_date: Some(wire(months_after(at, UPGRADE_AFTER_MONTHS))),
        order_actions: line_actions(ACTIVE, device.is_some()),
    };
    store.services.push(service);
    store.device_assets.extend(device);
    // The order names its new line from now on.
    if let Some(stored) = store.order_mut(&order.order_id) {
        let mut record = record.clone();
        record.service_number = Some(number);
        if let Ok(details) = serde_json::to_value(&record) {
            stored.details = details;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_follow_the_status() {
        use TransactionType::*;
        assert!(line_actions(ACTIVE, true).contains(&Suspend));
        assert!(!line_actions(ACTIVE, true).contains(&Unsuspend));
        assert!(!line_actions(ACTIVE, false).contains(&OrderAccessories));
        assert_eq!(line_actions(SUSPENDED, true), [Unsuspend, Deactivate]);
        assert!(line_actions(DEACTIVATED, true).is_empty());
        assert!(device_actions(SUSPENDED).is_empty());
    }
}
