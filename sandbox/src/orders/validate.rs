//! Reading and checking an order request (API.md §5, §9–§12).
//!
//! [`parse`] turns the body into an [`OrderRequest`]; malformed JSON, a missing or
//! unknown `transactionType` and values of the wrong JSON type are refused at once.
//! [`check`] then resolves every id against the seed and the store and collects
//! *every* problem it finds, each with the `field` it is about, before refusing:
//!
//! - fields a transaction type needs (the §10 table), e.g. `serviceId`,
//!   `shoppingCart.planId`, `existingDevice`, `shipTo` when something physical ships;
//! - ids that are unknown or not the actor's (another employee's line, an item outside
//!   the actor's catalog, region or postal code);
//! - accessories that do not fit the line's (or the new) device, a plan whose carrier's
//!   access method the device in use lacks, a device and plan of different carriers;
//! - order properties (required, length, `regEx`, choice ids, "other" without text);
//! - the ship-to address against its country's address form;
//! - required acknowledgements of ownership transfers not ticked;
//! - a transaction type the actor may not order, or the line does not allow.
//!
//! The shopping cart is checked in [`cart`], properties and acknowledgements in
//! [`properties`], the address in [`ship_to`].

mod cart;
mod properties;
mod ship_to;

use chrono::{DateTime, NaiveDate, Utc};
use mobproc::model::{
    DeviceIdentity, FeatureAction, OrderError, OrderRequest, PropertyValueGroup, RegionType,
    TransactionType,
};
use serde_json::Value;

use self::cart::{Cart, Shelf};
use self::properties::{check_acknowledgements, check_properties, Includes};
use self::ship_to::check_ship_to;
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::seed::{
    Accessory, CatalogDevice, DeviceAsset, Feature, Plan, Region, Seed, Service, Vendor,
};
use crate::state::SandboxState;

/// A region as the request named it: alias ids keep their own id on the wire.
#[derive(Debug, Clone)]
pub struct RegionRef<'a> {
    pub id: String,
    pub region: &'a Region,
}

/// The line an order is about, as the store has it now.
#[derive(Debug, Clone)]
pub struct Line {
    pub service: Service,
    pub device: Option<DeviceAsset>,
}

impl Line {
    /// The carrier carrying the line now.
    pub fn carrier_id(&self) -> &str {
        self.service
            .current_vendor
            .as_deref()
            .unwrap_or(&self.service.vendor)
    }
}

/// A request whose ids all resolved: what confirmation and submission are built from.
#[derive(Debug)]
pub struct Checked<'a> {
    pub request: &'a OrderRequest,
    pub line: Option<Line>,
    /// The order's country: `regionId`, else the line's.
    pub region: Option<RegionRef<'a>>,
    pub device: Option<&'a CatalogDevice>,
    pub plan: Option<&'a Plan>,
    /// In request order.
    pub optional_features: Vec<&'a Feature>,
    /// In request order.
    pub accessories: Vec<&'a Accessory>,
    pub feature_changes: Vec<(&'a Feature, FeatureAction)>,
    pub current_vendor: Option<&'a Vendor>,
    /// The carrier fulfilling the order: whose properties apply.
    pub carrier: Option<&'a Vendor>,
    pub ship_region: Option<RegionRef<'a>>,
    /// The request's properties with required defaults filled in.
    pub properties: Option<Vec<PropertyValueGroup>>,
}

/// The problems found so far, each an [`OrderError`] with its `field`.
#[derive(Debug, Default)]
struct Problems(Vec<OrderError>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, code: &str, message: impl Into<String>) {
        self.0.push(problem(Some(field.into()), code, message));
    }

    fn missing(&mut self, field: &str, what: &str) {
        self.add(field, "Missing-Field", format!("{what} is required."));
    }

    fn into_result<T>(self, ok: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(ok)
        } else {
            Err(Error::Rejected(self.0))
        }
    }
}

fn problem(field: Option<String>, code: &str, message: impl Into<String>) -> OrderError {
    OrderError {
        status: Some(400),
        id: None,
        error_code: Some(format!("400-{code}")),
        message: Some(message.into()),
        field,
    }
}

fn reject(field: Option<&str>, code: &str, message: impl Into<String>) -> Error {
    Error::Rejected(vec![problem(field.map(str::to_owned), code, message)])
}

/// Reads `{"orderRequest":{…}}`. The first problem that stops reading is the answer.
pub fn parse(body: &[u8]) -> Result<OrderRequest> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        reject(
            None,
            "Invalid-Json",
            format!("The body is not valid JSON: {e}"),
        )
    })?;
    let inner = match value.get("orderRequest") {
        Some(inner @ Value::Object(_)) => inner,
        Some(_) => {
            return Err(reject(
                Some("orderRequest"),
                "Invalid-Value",
                "orderRequest must be an object.",
            ))
        }
        None => {
            return Err(reject(
                Some("orderRequest"),
                "Missing-Field",
                "The body must be {\"orderRequest\":{…}}.",
            ))
        }
    };
    match inner.get("transactionType") {
        None | Some(Value::Null) => {
            return Err(reject(
                Some("transactionType"),
                "Missing-Field",
                "transactionType is required.",
            ))
        }
        Some(Value::String(tt)) => {
            if let Ok(TransactionType::Unknown(other)) = tt.parse::<TransactionType>() {
                return Err(reject(
                    Some("transactionType"),
                    "Invalid-Value",
                    format!("{other:?} is not a transaction type."),
                ));
            }
        }
        Some(_) => {
            return Err(reject(
                Some("transactionType"),
                "Invalid-Value",
                "transactionType must be a string.",
            ))
        }
    }
    serde_path_to_error::deserialize(inner).map_err(|e| {
        let path = e.path().to_string();
        let field = (path != ".").then_some(path);
        reject(field.as_deref(), "Invalid-Value", e.inner().to_string())
    })
}

/// What a transaction type needs beyond `externalOrderNumber` and properties (§10).
#[derive(Debug, Default, Clone, Copy)]
struct Needs {
    service: bool,
    region: bool,
    device: bool,
    plan: bool,
    /// A device or a plan (UPGRADE).
    device_or_plan: bool,
    accessories: bool,
    features: bool,
    existing_device: bool,
    new_device: bool,
    current_vendor: bool,
}

fn needs(tt: &TransactionType) -> Needs {
    use TransactionType::*;
    let line = Needs {
        service: true,
        ..Needs::default()
    };
    match tt {
        NewActivation => Needs {
            region: true,
            device: true,
            plan: true,
            ..Needs::default()
        },
        Upgrade => Needs {
            existing_device: true,
            device_or_plan: true,
            ..line
        },
        PortNumber => Needs {
            region: true,
            device: true,
            plan: true,
            ..line
        },
        OrderAccessories => Needs {
            accessories: true,
            ..line
        },
        UpdateFeatures => Needs {
            features: true,
            ..line
        },
        SwapDevices => Needs {
            new_device: true,
            existing_device: true,
            ..line
        },
        XferServiceIn => Needs {
            current_vendor: true,
            region: true,
            plan: true,
            ..Needs::default()
        },
        XferServiceInAndPort => Needs {
            current_vendor: true,
            region: true,
            device: true,
            plan: true,
            ..Needs::default()
        },
        Suspend | Unsuspend | Deactivate | XferServiceOut | Unknown(_) => line,
    }
}

/// Transfers in bring a line from another carrier: there is no line of ours yet.
fn transfers_in(tt: &TransactionType) -> bool {
    matches!(
        tt,
        TransactionType::XferServiceIn | TransactionType::XferServiceInAndPort
    )
}

/// Checks `request` for `caller` and resolves its ids.
pub fn check<'a>(
    state: &'a SandboxState,
    caller: &ApiCaller,
    request: &'a OrderRequest,
) -> Result<Checked<'a>> {
    let seed = state.seed();
    let tt = &request.transaction_type;
    let needs = needs(tt);
    let mut problems = Problems::default();

    if !seed.transaction_types_of(&caller.actor).contains(tt) {
        problems.add(
            "transactionType",
            "Not-Allowed",
            format!("{tt} orders are not allowed for this employee."),
        );
    }

    let line = check_line(state, caller, request, needs, &mut problems);
    let region = check_region(seed, request, line.as_ref(), needs, &mut problems);
    let current_vendor = check_current_vendor(seed, request, needs, &mut problems);
    let withdrawn = state.read(|store| store.withdrawn.clone());
    let shelf = Shelf {
        catalog: caller.catalog(seed),
        withdrawn: &withdrawn,
    };
    let cart = Cart::check(
        seed,
        &shelf,
        request,
        line.as_ref(),
        region.as_ref(),
        needs,
        &mut problems,
    );
    check_devices(seed, request, needs, &mut problems);
    if *tt == TransactionType::XferServiceIn {
        check_transfer_network(seed, cart.plan, current_vendor, &mut problems);
    }

    let carrier = cart
        .plan
        .map(|p| p.vendor.as_str())
        .or(cart.device.map(|d| d.vendor.as_str()))
        .or(line.as_ref().map(Line::carrier_id))
        .or(cart.accessories.first().map(|a| a.vendor.as_str()))
        .or(current_vendor.map(|v| v.id.as_str()))
        .and_then(|id| seed.vendors.get(id));
    let properties = match seed.property_set(tt, carrier.map_or("*", |v| v.id.as_str())) {
        Some(set) => {
            let includes = Includes {
                device: cart.device.is_some(),
                plan: cart.plan.is_some(),
            };
            check_properties(seed, set, &includes, request, &mut problems)
        }
        None => request.properties.clone(),
    };

    // Transfers in are acknowledged for the carrier the number comes from.
    let acknowledging_vendor = if transfers_in(tt) {
        current_vendor.map(|v| v.id.as_str())
    } else {
        line.as_ref().map(Line::carrier_id)
    };
    if let Some(set) = acknowledging_vendor.and_then(|v| seed.acknowledgement_set(tt, v)) {
        check_acknowledgements(set, request, &mut problems);
    }

    let ships = cart.device.is_some()
        || !cart.accessories.is_empty()
        // Premium Mobile (Command) ships a SIM card even for a plan-only upgrade (§13).
        || (*tt == TransactionType::Upgrade
            && cart.plan.is_some()
            && caller.grant.platform == "command");
    let ship_region = match &request.ship_to {
        Some(ship_to) => check_ship_to(seed, ship_to, &mut problems),
        None if ships => {
            problems.add(
                "shipTo",
                "Missing-Field",
                "shipTo is required: this order ships physical items.",
            );
            None
        }
        None => None,
    };

    let checked = Checked {
        request,
        line,
        region,
        device: cart.device,
        plan: cart.plan,
        optional_features: cart.optional_features,
        accessories: cart.accessories,
        feature_changes: cart.feature_changes,
        current_vendor,
        carrier,
        ship_region,
        properties,
    };
    problems.into_result(checked)
}

/// A personal line moves to the company without porting only onto a plan of the
/// network its carrier uses; another network is XFER_SERVICE_IN_AND_PORT (§10).
fn check_transfer_network(
    seed: &Seed,
    plan: Option<&Plan>,
    current_vendor: Option<&Vendor>,
    problems: &mut Problems,
) {
    let (Some(plan), Some(from)) = (plan, current_vendor) else {
        return;
    };
    let plan_method = seed
        .vendors
        .get(&plan.vendor)
        .and_then(|v| v.access_method.as_ref());
    if let (Some(needed), Some(has)) = (plan_method, from.access_method.as_ref()) {
        if cart::network(needed) != cart::network(has) {
            problems.add(
                "transactionType",
                "Not-Compatible",
                format!(
                    "{} is on a {needed} network and the number comes from {} ({has}): \
                     order XFER_SERVICE_IN_AND_PORT, with a new device.",
                    plan.name, from.name
                ),
            );
        }
    }
}

fn check_line(
    state: &SandboxState,
    caller: &ApiCaller,
    request: &OrderRequest,
    needs: Needs,
    problems: &mut Problems,
) -> Option<Line> {
    if transfers_in(&request.transaction_type) {
        return None;
    }
    let Some(id) = request.service_id.as_deref() else {
        if needs.service {
            problems.missing("serviceId", "serviceId");
        }
        return None;
    };
    let line = state.read(|store| {
        store
            .service(id)
            .filter(|s| s.employee == caller.actor.id)
            .map(|s| Line {
                service: s.clone(),
                device: s
                    .device
                    .as_deref()
                    .and_then(|d| store.device_asset(d))
                    .cloned(),
            })
    });
    match &line {
        // Another employee's line answers like an unknown one: ids do not leak.
        None => problems.add(
            "serviceId",
            "Unknown-Id",
            format!("Service {id} is not one of this employee's lines."),
        ),
        Some(l) if !l.service.order_actions.contains(&request.transaction_type) => problems.add(
            "transactionType",
            "Not-Allowed",
            format!(
                "Line {} does not allow {} orders now.",
                l.service.service_number, request.transaction_type
            ),
        ),
        Some(_) => {}
    }
    line
}

fn check_region<'a>(
    seed: &'a Seed,
    request: &OrderRequest,
    line: Option<&Line>,
    needs: Needs,
    problems: &mut Problems,
) -> Option<RegionRef<'a>> {
    let region = match request.region_id.as_deref() {
        Some(id) => match country(seed, id) {
            Some(region) => Some(region),
            None => {
                problems.add(
                    "regionId",
                    "Unknown-Id",
                    format!("Region {id} is not a country."),
                );
                return None;
            }
        },
        None if needs.region => {
            problems.missing("regionId", "regionId");
            return None;
        }
        None => line.and_then(|l| country(seed, &l.service.region)),
    };
    if needs.region {
        if let Some(r) = &region {
            check_postal_code(seed, r.region, request.postal_code.as_deref(), problems);
        }
    }
    region
}

fn country<'a>(seed: &'a Seed, id: &str) -> Option<RegionRef<'a>> {
    seed.region(id)
        .filter(|r| r.region_type == RegionType::Country)
        .map(|region| RegionRef {
            id: id.to_owned(),
            region,
        })
}

/// `postalCode` must be valid for the country, and is required in the US (§10).
fn check_postal_code(
    seed: &Seed,
    region: &Region,
    postal_code: Option<&str>,
    problems: &mut Problems,
) {
    match postal_code.map(str::trim).filter(|p| !p.is_empty()) {
        None if region.abbreviation.as_deref() == Some("US") => {
            problems.missing("postalCode", "postalCode");
        }
        Some(code) if !seed.postal_code_valid(region, code) => problems.add(
            "postalCode",
            "Invalid-Value",
            format!("{code:?} is not a postal code of {}.", region.name),
        ),
        _ => {}
    }
}

fn check_current_vendor<'a>(
    seed: &'a Seed,
    request: &OrderRequest,
    needs: Needs,
    problems: &mut Problems,
) -> Option<&'a Vendor> {
    match request.current_vendor_id.as_deref() {
        Some(id) => {
            let vendor = seed.vendors.get(id);
            if vendor.is_none() {
                problems.add(
                    "currentVendorId",
                    "Unknown-Id",
                    format!("Vendor {id} is unknown."),
                );
            }
            vendor
        }
        None => {
            if needs.current_vendor {
                problems.missing("currentVendorId", "currentVendorId");
            }
            None
        }
    }
}

fn check_devices(seed: &Seed, request: &OrderRequest, needs: Needs, problems: &mut Problems) {
    let pairs = [
        (
            "existingDevice",
            &request.existing_device,
            needs.existing_device,
        ),
        ("newDevice", &request.new_device, needs.new_device),
    ];
    for (field, device, needed) in pairs {
        match device {
            Some(device) => check_device_identity(seed, field, device, problems),
            None if needed => problems.missing(field, field),
            None => {}
        }
    }
}

/// Maker and model must be known, or named in `otherMakeModelName`.
fn check_device_identity(
    seed: &Seed,
    field: &str,
    device: &DeviceIdentity,
    problems: &mut Problems,
) {
    let other_name = device
        .other_make_model_name
        .as_deref()
        .is_some_and(|n| !n.trim().is_empty());
    match device.manufacturer_id.as_deref() {
        None => problems.missing(&format!("{field}.manufacturerId"), "manufacturerId"),
        Some(id) if !seed.manufacturers.contains(id) => problems.add(
            format!("{field}.manufacturerId"),
            "Unknown-Id",
            format!("Manufacturer {id} is unknown."),
        ),
        Some(maker) => match device.model_id.as_deref() {
            None if !other_name => problems.missing(&format!("{field}.modelId"), "modelId"),
            Some(model)
                if !other_name
                    && seed
                        .models
                        .get(model)
                        .is_none_or(|m| m.manufacturer != maker) =>
            {
                problems.add(
                    format!("{field}.modelId"),
                    "Unknown-Id",
                    format!("{maker} makes no model {model:?}."),
                )
            }
            _ => {}
        },
    }
}

/// A date property: ISO 8601 with a time and offset, or a plain date (midnight UTC).
pub fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_both_documented_forms() {
        let expected = "2016-12-28T00:00:00Z";
        for text in ["2016-12-28T00:00:00+00:00", "2016-12-28", expected] {
            let date = parse_date(text).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
            assert_eq!(date.as_deref(), Some(expected), "{text}");
        }
        assert!(parse_date("28/12/2016").is_none());
    }

    #[test]
    fn parse_names_the_offending_field() {
        let field = |body: &str| match parse(body.as_bytes()) {
            Err(Error::Rejected(errors)) => errors[0].field.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(field("{"), None);
        assert_eq!(field("{}").as_deref(), Some("orderRequest"));
        assert_eq!(
            field(r#"{"orderRequest":{}}"#).as_deref(),
            Some("transactionType")
        );
        assert_eq!(
            field(r#"{"orderRequest":{"transactionType":"NOPE"}}"#).as_deref(),
            Some("transactionType")
        );
        assert_eq!(
            field(r#"{"orderRequest":{"transactionType":"ORDER_ACCESSORIES","shoppingCart":{"accessoryIds":["1",2]}}}"#)
                .as_deref(),
            Some("shoppingCart.accessoryIds[1]")
        );
    }
}
