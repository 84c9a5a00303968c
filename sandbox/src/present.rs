//! Seed and store records as MOBPROC wire types, with `_meta` links under the
//! sandbox's own base. Resources and orders share these so that an item looks the
//! same everywhere it appears.

use mobproc::model::{
    self, ContractDates, DeviceModel, Meta, Money, PlanSummary, Recurrence, RegionType,
    SerialNumber, ServiceAsset, ServiceVendors,
};
use rust_decimal::Decimal;

use crate::links::{segment, Links};
use crate::seed::{
    Accessory, CatalogDevice, DeviceAsset, Employee, Feature, Manufacturer, Plan, Region, Seed,
    Service, Vendor,
};

/// Which of an item's documented image paths to show: the catalog's (also used by
/// confirmations) or the one order segments show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFor {
    Catalog,
    Order,
}

fn href(url: String) -> Option<Meta> {
    Some(Meta {
        href: Some(url),
        ..Meta::default()
    })
}

pub fn money(amount: Decimal, currency: &str, recurrence: Recurrence) -> Money {
    Money {
        amount,
        currency_code: currency.to_owned(),
        recurrence: Some(recurrence),
    }
}

#[derive(Clone, Copy)]
pub struct Presenter<'a> {
    pub seed: &'a Seed,
    pub links: &'a Links,
}

impl<'a> Presenter<'a> {
    pub fn new(seed: &'a Seed, links: &'a Links) -> Self {
        Self { seed, links }
    }

    /// An employee as orders and assets embed one: `_meta.href` only.
    pub fn employee(&self, e: &Employee) -> model::Employee {
        model::Employee {
            meta: href(self.links.item("/employees", &e.id)),
            id: e.id.clone(),
            company_employee_id: Some(e.company_employee_id.clone()),
            first_name: Some(e.first_name.clone()),
            last_name: Some(e.last_name.clone()),
            status: Some(e.status.clone()),
            department: self
                .seed
                .departments
                .get(&e.department)
                .map(|d| model::Department {
                    id: d.id.clone(),
                    name: Some(d.name.clone()),
                }),
            email: e.email.clone(),
            office_phone: e.office_phone.clone(),
        }
    }

    /// An item of `/employees`: also links to the employee's devices and services.
    pub fn employee_item(&self, e: &Employee) -> model::Employee {
        let filter = format!("?limit=10&offset=0&employee={}", segment(&e.id));
        let mut employee = self.employee(e);
        employee.meta = Some(Meta {
            href: Some(self.links.item("/employees", &e.id)),
            href_devices: Some(self.links.api(&format!("/assets/devices{filter}"))),
            href_services: Some(self.links.api(&format!("/assets/services{filter}"))),
            ..Meta::default()
        });
        employee
    }

    /// A vendor as items embed it: id, name, logo.
    pub fn vendor(&self, v: &Vendor) -> model::Vendor {
        model::Vendor {
            meta: href(self.links.item("/vendors", &v.id)),
            id: v.id.clone(),
            name: Some(v.name.clone()),
            logo_url: Some(self.links.asset(&v.logo)),
            vendor_type: None,
            access_method: None,
        }
    }

    /// `/vendors` items and details: also `type` and the carrier's `accessMethod`.
    pub fn vendor_detail(&self, v: &Vendor) -> model::Vendor {
        model::Vendor {
            vendor_type: Some(v.vendor_type.clone()),
            access_method: v.access_method.clone(),
            ..self.vendor(v)
        }
    }

    pub fn vendor_by_id(&self, id: &str) -> Option<model::Vendor> {
        self.seed.vendors.get(id).map(|v| self.vendor(v))
    }

    pub fn manufacturer(&self, m: &Manufacturer) -> model::Manufacturer {
        model::Manufacturer {
            meta: href(self.links.item("/manufacturers", &m.id)),
            id: m.id.clone(),
            name: Some(m.name.clone()),
            logo_url: Some(self.links.asset(&m.logo)),
        }
    }

    pub fn manufacturer_by_id(&self, id: &str) -> Option<model::Manufacturer> {
        self.seed
            .manufacturers
            .get(id)
            .map(|m| self.manufacturer(m))
    }

    /// A device model as assets and confirmations name it.
    pub fn model(&self, model_id: &str) -> DeviceModel {
        let found = self.seed.models.get(model_id);
        DeviceModel {
            meta: found.map(|m| Meta {
                href: Some(self.links.api(&format!(
                    "/manufacturers/{}/models/{}",
                    segment(&m.manufacturer),
                    segment(&m.id)
                ))),
                ..Meta::default()
            }),
            id: model_id.to_owned(),
            name: Some(found.map_or(model_id, |m| m.name.as_str()).to_owned()),
            image_url: found
                .and_then(|m| m.image.as_deref())
                .map(|i| self.links.asset(i)),
        }
    }

    fn image(&self, catalog: &str, order: Option<&String>, which: ImageFor) -> String {
        let path = match which {
            ImageFor::Catalog => catalog,
            ImageFor::Order => order.map_or(catalog, String::as_str),
        };
        self.links.asset(path)
    }

    pub fn catalog_device(&self, d: &CatalogDevice, which: ImageFor) -> model::CatalogDevice {
        model::CatalogDevice {
            meta: href(self.links.item("/catalog/devices", &d.id)),
            id: d.id.clone(),
            name: d.name.clone(),
            image_url: Some(self.image(&d.image, d.order_image.as_ref(), which)),
            manufacturer: self.manufacturer_by_id(&d.manufacturer),
            vendor: self.vendor_by_id(&d.vendor),
            price: Some(money(d.price, &d.currency, Recurrence::OneTime)),
            access_method: Some(d.access_method.clone()),
        }
    }

    pub fn accessory(&self, a: &Accessory, which: ImageFor) -> model::Accessory {
        model::Accessory {
            meta: href(self.links.item("/catalog/accessories", &a.id)),
            id: a.id.clone(),
            name: a.name.clone(),
            image_url: Some(self.image(&a.image, a.order_image.as_ref(), which)),
            manufacturer: self.manufacturer_by_id(&a.manufacturer),
            vendor: self.vendor_by_id(&a.vendor),
            price: Some(money(a.price, &a.currency, Recurrence::OneTime)),
        }
    }

    /// A feature as plans list it: id, description, price.
    pub fn feature(&self, f: &Feature) -> model::Feature {
        model::Feature {
            meta: None,
            id: Some(f.id.clone()),
            description: Some(f.description.clone()),
            price: Some(money(f.price, &f.currency, f.recurrence.clone())),
        }
    }

    /// What a plan includes, by description.
    pub fn included_features(&self, p: &Plan) -> Vec<model::Feature> {
        p.included_features
            .iter()
            .map(|d| model::Feature {
                meta: None,
                id: None,
                description: Some(d.clone()),
                price: None,
            })
            .collect()
    }

    /// A plan; `detail` adds its features (the collection lists only the included ones).
    pub fn plan(&self, p: &Plan, detail: bool) -> model::Plan {
        model::Plan {
            meta: href(self.links.item("/catalog/plans", &p.id)),
            id: p.id.clone(),
            name: p.name.clone(),
            vendor: self.vendor_by_id(&p.vendor),
            price: Some(money(p.price, &p.currency, Recurrence::Monthly)),
            included_features: Some(self.included_features(p)),
            optional_features: detail.then(|| {
                p.optional_features
                    .iter()
                    .filter_map(|id| self.seed.features.get(id))
                    .map(|f| self.feature(f))
                    .collect()
            }),
        }
    }

    /// A region as orders embed it, under the id it was asked by (an alias keeps its id).
    pub fn region_ref(&self, id: &str, r: &Region) -> model::Region {
        model::Region {
            meta: href(self.links.item("/regions", id)),
            id: id.to_owned(),
            name: Some(r.name.clone()),
            abbreviation: None,
            region_type: None,
            parent_id: None,
            country_code: None,
            currency: None,
            address_format: None,
            postal_code_pattern: None,
            postal_code_reg_ex: None,
        }
    }

    /// An item of `/regions`: links to children (countries) or parent (states).
    pub fn region_item(&self, id: &str, r: &Region) -> model::Region {
        let children = |parent: &str| {
            self.links
                .api(&format!("/regions?parentRegion={}", segment(parent)))
        };
        let meta = Meta {
            href: Some(self.links.item("/regions", id)),
            href_children: (r.region_type == RegionType::Country).then(|| children(id)),
            href_parent: r.parent.as_deref().map(|p| self.links.item("/regions", p)),
            ..Meta::default()
        };
        model::Region {
            meta: Some(meta),
            abbreviation: r.abbreviation.clone(),
            region_type: Some(r.region_type.clone()),
            parent_id: r.parent.clone(),
            ..self.region_ref(id, r)
        }
    }

    /// `/regions/{id}`: a country adds its address form, currency and postal code rules.
    pub fn region_detail(&self, id: &str, r: &Region) -> model::Region {
        let is_country = r.region_type == RegionType::Country;
        model::Region {
            country_code: r.country_code.clone(),
            currency: r.currency.clone(),
            address_format: is_country.then(|| self.seed.address_format(r)),
            postal_code_pattern: r.postal_code_pattern.clone(),
            postal_code_reg_ex: r.postal_code_reg_ex.clone(),
            ..self.region_item(id, r)
        }
    }

    /// A device asset. `upgrade_eligibility` adds its upgrade date
    /// (`includeUpgradeEligibleDate=true`).
    pub fn device_asset(&self, d: &DeviceAsset, upgrade_eligibility: bool) -> model::DeviceAsset {
        model::DeviceAsset {
            meta: href(self.links.item("/assets/devices", &d.id)),
            id: d.id.clone(),
            manufacturer: self.manufacturer_by_id(&d.manufacturer),
            model: Some(self.model(&d.model)),
            serial_number: Some(SerialNumber {
                kind: d.serial_type.clone(),
                value: d.serial_number.clone(),
            }),
            sim_id: d.sim_id.clone(),
            access_method: Some(d.access_method.clone()),
            mac_address: d.mac_address.clone(),
            company_asset_id: d.company_asset_id.clone(),
            upgrade_eligibility_date: upgrade_eligibility
                .then(|| d.upgrade_eligibility_date.clone())
                .flatten(),
            order_actions: Some(d.order_actions.clone()),
        }
    }

    /// A line as confirmations embed it: number, status and contract dates.
    pub fn service_summary(&self, s: &Service) -> ServiceAsset {
        ServiceAsset {
            meta: href(self.links.item("/assets/services", &s.id)),
            id: s.id.clone(),
            service_number: Some(s.service_number.clone()),
            status: Some(s.status.clone()),
            contract_dates: Some(ContractDates {
                activated: s.contract_dates.activated.clone(),
                start: s.contract_dates.start.clone(),
                end: s.contract_dates.end.clone(),
                last_device_upgrade: s.contract_dates.last_device_upgrade.clone(),
            }),
            upgrade_eligibility_date: None,
            plan: None,
            vendor: None,
            device: None,
            employee: None,
            order_actions: None,
        }
    }

    /// The plan a line is on: a catalog plan with its id, price and included features;
    /// the optional features the line has, with their prices. Plans no longer sold
    /// show their name (and optional features, if any).
    pub fn service_plan(&self, s: &Service) -> Option<PlanSummary> {
        let plan = s.plan.as_deref().and_then(|id| self.seed.plans.get(id));
        let name = plan
            .map(|p| p.name.clone())
            .or_else(|| s.plan_name.clone())?;
        let features: Vec<model::Feature> = s
            .features
            .iter()
            .filter_map(|id| self.seed.features.get(id))
            .map(|f| self.feature(f))
            .collect();
        Some(PlanSummary {
            id: plan.map(|p| p.id.clone()),
            name: Some(name),
            price: plan.map(|p| money(p.price, &p.currency, Recurrence::Monthly)),
            included_features: plan.map(|p| self.included_features(p)),
            optional_features: (plan.is_some() || !features.is_empty()).then_some(features),
        })
    }

    /// A line with everything: plan, carriers, device, owner, allowed actions.
    /// `device` is the line's device asset as the store has it now.
    pub fn service(&self, s: &Service, device: Option<&DeviceAsset>) -> ServiceAsset {
        let billing = self.vendor_by_id(&s.vendor);
        let current = s
            .current_vendor
            .as_deref()
            .and_then(|v| self.vendor_by_id(v))
            .or_else(|| billing.clone());
        ServiceAsset {
            upgrade_eligibility_date: s.upgrade_eligibility_date.clone(),
            plan: self.service_plan(s),
            vendor: Some(ServiceVendors { billing, current }),
            device: device.map(|d| self.device_asset(d, true)),
            employee: self.seed.employee(&s.employee).map(|e| self.employee(e)),
            order_actions: Some(s.order_actions.clone()),
            ..self.service_summary(s)
        }
    }
}
