//! The shopping cart of a request: catalog ids resolved in the actor's catalog, where
//! the order is placed, and checked against each other and the line.

use mobproc::model::{AccessMethod, FeatureAction, OrderRequest};

use super::{Line, Needs, Problems, RegionRef};
use crate::seed::{Accessory, Availability, CatalogDevice, Feature, Plan, Seed};
use crate::store::{CatalogKind, Withdrawn};

/// The shopping cart's ids, resolved.
#[derive(Debug, Default)]
pub struct Cart<'a> {
    pub device: Option<&'a CatalogDevice>,
    pub plan: Option<&'a Plan>,
    pub optional_features: Vec<&'a Feature>,
    pub accessories: Vec<&'a Accessory>,
    pub feature_changes: Vec<(&'a Feature, FeatureAction)>,
}

/// What the actor may order from: its catalog, less what was withdrawn.
pub struct Shelf<'r> {
    pub catalog: &'r str,
    pub withdrawn: &'r Withdrawn,
}

/// Where an order is placed, for catalog availability.
struct Place<'r> {
    catalog: &'r str,
    region: Option<&'r str>,
    postal_code: Option<&'r str>,
    withdrawn: &'r Withdrawn,
}

impl Place<'_> {
    /// Whether the item `id` of `kind` may be ordered here (and is still on sale).
    fn offers(&self, kind: CatalogKind, id: &str, available: &Availability) -> bool {
        !self.withdrawn.contains(kind, id)
            && available.in_catalog(self.catalog)
            && self.region.is_none_or(|r| available.in_region(r))
            && self
                .postal_code
                .is_none_or(|p| available.serves_postal_code(p))
    }
}

impl<'a> Cart<'a> {
    pub fn check(
        seed: &'a Seed,
        shelf: &Shelf,
        request: &OrderRequest,
        line: Option<&Line>,
        region: Option<&RegionRef<'_>>,
        needs: Needs,
        problems: &mut Problems,
    ) -> Self {
        let mut cart = Cart::default();
        let requested = request.shopping_cart.as_ref();
        let place = Place {
            catalog: shelf.catalog,
            region: region.map(|r| r.region.id.as_str()),
            postal_code: request.postal_code.as_deref(),
            withdrawn: shelf.withdrawn,
        };

        let device_id = requested.and_then(|c| c.device_id.as_deref());
        let plan_id = requested.and_then(|c| c.plan_id.as_deref());
        if needs.device && device_id.is_none() {
            problems.missing("shoppingCart.deviceId", "A device");
        }
        if needs.plan && plan_id.is_none() {
            problems.missing("shoppingCart.planId", "A plan");
        }
        if needs.device_or_plan && device_id.is_none() && plan_id.is_none() {
            problems.add(
                "shoppingCart",
                "Missing-Field",
                "The shopping cart needs a device, a plan or both.",
            );
        }

        if let Some(id) = device_id {
            cart.device = seed
                .devices
                .get(id)
                .filter(|d| place.offers(CatalogKind::Device, id, &d.available));
            if cart.device.is_none() {
                problems.add(
                    "shoppingCart.deviceId",
                    "Unknown-Id",
                    format!("Device {id} is not in this employee's catalog here."),
                );
            }
        }
        if let Some(id) = plan_id {
            cart.plan = seed
                .plans
                .get(id)
                .filter(|p| place.offers(CatalogKind::Plan, id, &p.available));
            match cart.plan {
                None => problems.add(
                    "shoppingCart.planId",
                    "Unknown-Id",
                    format!("Plan {id} is not in this employee's catalog here."),
                ),
                Some(plan) => check_plan_fits(seed, plan, cart.device, line, problems),
            }
        }

        let feature_ids = requested.and_then(|c| c.optional_feature_ids.as_deref());
        for (i, id) in feature_ids.unwrap_or_default().iter().enumerate() {
            let field = format!("shoppingCart.optionalFeatureIds[{i}]");
            let offered = cart
                .plan
                .filter(|p| p.optional_features.iter().any(|f| f == id))
                .and_then(|_| seed.features.get(id));
            match offered {
                Some(feature) => cart.optional_features.push(feature),
                None if cart.plan.is_none() && plan_id.is_none() => problems.add(
                    field,
                    "Not-Compatible",
                    "Optional features need a plan in the shopping cart.",
                ),
                None if cart.plan.is_some() => problems.add(
                    field,
                    "Unknown-Id",
                    format!("Feature {id} is not an optional feature of the plan."),
                ),
                None => {}
            }
        }

        let accessory_ids = requested.and_then(|c| c.accessory_ids.as_deref());
        if needs.accessories && accessory_ids.is_none_or(<[String]>::is_empty) {
            problems.missing("shoppingCart.accessoryIds", "At least one accessory");
        }
        // Accessories must fit the device the line will use: the new one, else its own.
        let target_model = cart
            .device
            .map(|d| d.model.as_str())
            .or_else(|| line?.device.as_ref().map(|d| d.model.as_str()));
        for (i, id) in accessory_ids.unwrap_or_default().iter().enumerate() {
            let field = format!("shoppingCart.accessoryIds[{i}]");
            match seed
                .accessories
                .get(id)
                .filter(|a| place.offers(CatalogKind::Accessory, id, &a.available))
            {
                None => problems.add(
                    field,
                    "Unknown-Id",
                    format!("Accessory {id} is not in this employee's catalog here."),
                ),
                Some(accessory) => match target_model {
                    Some(model) if !seed.fits(accessory, model) => problems.add(
                        field,
                        "Not-Compatible",
                        format!("{} does not fit the {model}.", accessory.name),
                    ),
                    _ => cart.accessories.push(accessory),
                },
            }
        }

        let changes = requested.and_then(|c| c.features.as_deref());
        if needs.features && changes.is_none_or(<[_]>::is_empty) {
            problems.missing("shoppingCart.features", "At least one feature change");
        }
        for (i, change) in changes.unwrap_or_default().iter().enumerate() {
            let field = format!("shoppingCart.features[{i}]");
            let Some(feature) = seed.features.get(&change.id) else {
                problems.add(
                    field,
                    "Unknown-Id",
                    format!("Feature {} is unknown.", change.id),
                );
                continue;
            };
            let on_line = line.is_some_and(|l| l.service.features.contains(&feature.id));
            let carrier = line.map(Line::carrier_id);
            match &change.action {
                FeatureAction::Add if carrier.is_some_and(|c| c != feature.vendor) => problems.add(
                    field,
                    "Not-Compatible",
                    format!(
                        "{} is not offered by the line's carrier.",
                        feature.description
                    ),
                ),
                FeatureAction::Add if on_line => problems.add(
                    field,
                    "Invalid-Value",
                    format!("{} is already on the line.", feature.description),
                ),
                FeatureAction::Remove if !on_line => problems.add(
                    field,
                    "Invalid-Value",
                    format!("{} is not on the line.", feature.description),
                ),
                FeatureAction::Unknown(other) => problems.add(
                    format!("{field}.action"),
                    "Invalid-Value",
                    format!("{other:?} is not ADD or REMOVE."),
                ),
                action => cart.feature_changes.push((feature, action.clone())),
            }
        }
        cart
    }
}

/// CDMA and CDMA_PCS devices work on the same networks.
pub fn network(method: &AccessMethod) -> &str {
    match method {
        AccessMethod::CdmaPcs => AccessMethod::Cdma.as_str(),
        other => other.as_str(),
    }
}

/// A plan needs a device of its carrier, and the line's own device must speak the
/// carrier's access method unless a new device comes with the plan (§10 UPGRADE).
fn check_plan_fits(
    seed: &Seed,
    plan: &Plan,
    device: Option<&CatalogDevice>,
    line: Option<&Line>,
    problems: &mut Problems,
) {
    if let Some(device) = device {
        if device.vendor != plan.vendor {
            problems.add(
                "shoppingCart.planId",
                "Not-Compatible",
                format!("{} is not a plan of the device's carrier.", plan.name),
            );
        }
        return;
    }
    let carrier_method = seed
        .vendors
        .get(&plan.vendor)
        .and_then(|v| v.access_method.as_ref());
    let device_method = line
        .and_then(|l| l.device.as_ref())
        .map(|d| &d.access_method);
    if let (Some(needed), Some(has)) = (carrier_method, device_method) {
        if network(needed) != network(has) {
            problems.add(
                "shoppingCart.planId",
                "Not-Compatible",
                format!(
                    "{} needs a {needed} device and the line's device is {has}: add a new device to the cart.",
                    plan.name
                ),
            );
        }
    }
}
