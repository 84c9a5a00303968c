//! A checked request with every id expanded into what a person reads: the
//! confirmation of `POST /orders?confirm=true` (API.md §8), and the pieces orders
//! share with it (properties with labels, the ship-to address with labels, totals).

use mobproc::model::{
    self, AddressLine, ConfirmedCart, ConfirmedDevice, DescribedDevice, DeviceIdentity,
    FeatureAction, FeatureChange, Money, OrderConfirmation, PropertyType, PropertyValueGroup,
    Recurrence, SerialNumber, ShipTo, TransactionType,
};
use rust_decimal::Decimal;

use super::validate::{parse_date, Checked, RegionRef};
use crate::auth::ApiCaller;
use crate::present::{money, ImageFor, Presenter};
use crate::seed::{DeviceAsset, Seed};

/// How dates are written on the wire, as the docs write them.
pub const WIRE_DATE: &str = "%Y-%m-%dT%H:%M:%SZ";

/// What the order costs once (device, accessories) and every month (plan, features).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Totals {
    pub one_time: Decimal,
    pub monthly: Decimal,
    pub currency: String,
}

impl Totals {
    pub fn of(checked: &Checked) -> Self {
        let mut totals = Self {
            one_time: Decimal::ZERO,
            monthly: Decimal::ZERO,
            currency: String::new(),
        };
        let mut add = |amount: Decimal, currency: &str, recurrence: &Recurrence| {
            match recurrence {
                Recurrence::Monthly => totals.monthly += amount,
                _ => totals.one_time += amount,
            }
            if totals.currency.is_empty() {
                currency.clone_into(&mut totals.currency);
            }
        };
        if let Some(d) = checked.device {
            add(d.price, &d.currency, &Recurrence::OneTime);
        }
        for a in &checked.accessories {
            add(a.price, &a.currency, &Recurrence::OneTime);
        }
        if let Some(p) = checked.plan {
            add(p.price, &p.currency, &Recurrence::Monthly);
        }
        for f in &checked.optional_features {
            add(f.price, &f.currency, &f.recurrence);
        }
        // Removing a feature costs nothing; adding one costs its price.
        for (f, action) in &checked.feature_changes {
            if *action == FeatureAction::Add {
                add(f.price, &f.currency, &f.recurrence);
            }
        }
        if totals.currency.is_empty() {
            totals.currency = checked
                .region
                .as_ref()
                .and_then(|r| r.region.currency.as_ref())
                .map_or_else(|| "USD".to_owned(), |c| c.code.clone());
        }
        totals
    }

    /// `costSummary`: one ONETIME and one MONTHLY total.
    pub fn summary(&self) -> Vec<Money> {
        vec![
            money(self.one_time, &self.currency, Recurrence::OneTime),
            money(self.monthly, &self.currency, Recurrence::Monthly),
        ]
    }
}

/// How many new lines the order brings (`shoppingCart.quantity` when not sent).
fn default_quantity(tt: &TransactionType) -> u32 {
    use TransactionType::*;
    u32::from(matches!(
        tt,
        NewActivation | XferServiceIn | XferServiceInAndPort
    ))
}

/// Ownership transfers: their confirmations always list the acknowledgements.
fn transfer(tt: &TransactionType) -> bool {
    use TransactionType::*;
    matches!(tt, XferServiceIn | XferServiceInAndPort | XferServiceOut)
}

/// The confirmation of a checked request.
pub fn confirmation(checked: &Checked, caller: &ApiCaller, p: &Presenter) -> OrderConfirmation {
    let request = checked.request;
    let tt = &request.transaction_type;
    let line = checked.line.as_ref();
    OrderConfirmation {
        transaction_type: tt.clone(),
        external_order_number: request.external_order_number.clone(),
        account_holder: Some(p.employee(&caller.actor)),
        requested_by: Some(p.employee(&caller.user)),
        cost_summary: request
            .shopping_cart
            .is_some()
            .then(|| Totals::of(checked).summary()),
        region: checked
            .region
            .as_ref()
            .map(|r| p.region_ref(&r.id, r.region)),
        postal_code: request.postal_code.clone(),
        service: line.map(|l| p.service_summary(&l.service)),
        device: line
            .and_then(|l| l.device.as_ref())
            .map(|d| confirmed_device(d, p)),
        existing_device: request
            .existing_device
            .as_ref()
            .map(|d| described_device(d, p)),
        new_device: request.new_device.as_ref().map(|d| described_device(d, p)),
        current_vendor: checked.current_vendor.map(|v| p.vendor(v)),
        shopping_cart: request.shopping_cart.as_ref().map(|cart| ConfirmedCart {
            device: checked.device.map(|d| model::CatalogDevice {
                access_method: None,
                ..p.catalog_device(d, ImageFor::Catalog)
            }),
            plan: checked.plan.map(|plan| model::Plan {
                optional_features: Some(
                    checked
                        .optional_features
                        .iter()
                        .map(|f| p.feature(f))
                        .collect(),
                ),
                ..p.plan(plan, false)
            }),
            accessories: cart.accessory_ids.as_ref().map(|_| {
                checked
                    .accessories
                    .iter()
                    .map(|a| p.accessory(a, ImageFor::Catalog))
                    .collect()
            }),
            features: cart.features.as_ref().map(|_| {
                checked
                    .feature_changes
                    .iter()
                    .map(|(f, action)| feature_change(f, action))
                    .collect()
            }),
            feature_request_comment: cart.feature_request_comment.clone(),
            quantity: Some(cart.quantity.unwrap_or_else(|| default_quantity(tt))),
        }),
        properties: checked
            .properties
            .as_ref()
            .map(|groups| properties(p.seed, groups)),
        ship_to: request.ship_to.as_ref().map(|ship_to| {
            let mut shown = ship_to_shown(p, ship_to, checked.ship_region.as_ref());
            // The transfer examples echo the ship-to as sent, `regionId` included.
            if !transfer(tt) {
                shown.region_id = None;
            }
            shown
        }),
        acknowledgements: if transfer(tt) {
            Some(request.acknowledgements.clone().unwrap_or_default())
        } else {
            request.acknowledgements.clone()
        },
    }
}

/// A feature added or removed, with what it is and costs.
pub fn feature_change(f: &crate::seed::Feature, action: &FeatureAction) -> FeatureChange {
    FeatureChange {
        id: f.id.clone(),
        action: action.clone(),
        description: Some(f.description.clone()),
        price: Some(money(f.price, &f.currency, f.recurrence.clone())),
    }
}

/// The line's device as a confirmation shows it: the model by name, no link.
fn confirmed_device(d: &DeviceAsset, p: &Presenter) -> ConfirmedDevice {
    ConfirmedDevice {
        meta: None,
        id: d.id.clone(),
        manufacturer: p.manufacturer_by_id(&d.manufacturer),
        model: Some(
            p.seed
                .models
                .get(&d.model)
                .map_or_else(|| d.model.clone(), |m| m.name.clone()),
        ),
        serial_number: Some(SerialNumber {
            kind: d.serial_type.clone(),
            value: d.serial_number.clone(),
        }),
        sim_id: d.sim_id.clone(),
        access_method: Some(d.access_method.clone()),
        mac_address: d.mac_address.clone(),
        company_asset_id: d.company_asset_id.clone(),
    }
}

/// `existingDevice` / `newDevice` with maker and model expanded.
fn described_device(d: &DeviceIdentity, p: &Presenter) -> DescribedDevice {
    DescribedDevice {
        manufacturer: d
            .manufacturer_id
            .as_deref()
            .and_then(|m| p.manufacturer_by_id(m)),
        model: d.model_id.as_deref().map(|m| model::DeviceModel {
            image_url: None,
            ..p.model(m)
        }),
        other_make_model_name: d
            .other_make_model_name
            .clone()
            .filter(|n| !n.trim().is_empty()),
        serial_number: d.serial_number.clone(),
        sim_id: d.sim_id.clone(),
    }
}

/// Filled-in properties as responses echo them: labelled, dates written in UTC. A
/// property id that several definitions share (a `Reason` per kind of order) has no
/// single label and is echoed without one, as the docs' upgrade shows `Reason`.
pub fn properties(seed: &Seed, groups: &[PropertyValueGroup]) -> Vec<PropertyValueGroup> {
    let label_of = |id: &str| {
        let mut definitions = seed.property_fields.iter().filter(|def| def.id == id);
        match (definitions.next(), definitions.next()) {
            (Some(only), None) => Some(only.label.clone()),
            _ => None,
        }
    };
    groups
        .iter()
        .map(|group| PropertyValueGroup {
            group_id: group.group_id.clone(),
            fields: group
                .fields
                .iter()
                .map(|field| {
                    let mut shown = field.clone();
                    shown.label = label_of(&field.id).or_else(|| field.label.clone());
                    if field.property_type == PropertyType::Date {
                        shown.date = field.date.as_deref().map(|date| {
                            parse_date(date).map_or_else(
                                || date.to_owned(),
                                |d| d.format(WIRE_DATE).to_string(),
                            )
                        });
                    }
                    shown
                })
                .collect(),
        })
        .collect()
}

/// A ship-to as responses show it: the country expanded, each address line labelled as
/// the country's form labels it for confirmations.
pub fn ship_to_shown(p: &Presenter, ship_to: &ShipTo, region: Option<&RegionRef>) -> ShipTo {
    ShipTo {
        name: ship_to.name.clone(),
        region_id: ship_to.region_id.clone(),
        region: region.map(|r| p.region_ref(&r.id, r.region)),
        address: ship_to
            .address
            .iter()
            .map(|line| AddressLine {
                id: line.id.clone(),
                label: region
                    .and_then(|r| p.seed.ship_to_label(r.region, &line.id))
                    .or_else(|| line.label.clone()),
                value: line.value.clone(),
            })
            .collect(),
        expedite: ship_to.expedite,
    }
}
