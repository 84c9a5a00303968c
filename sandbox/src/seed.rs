//! The seed: everything the sandbox knows before anyone calls it (tenant, employees,
//! their lines and devices, the catalog, regions, order properties, acknowledgements).
//!
//! Our own TOML format (keys camelCase, like the wire), embedded from `seed/acme.toml`
//! and replaceable with `--seed FILE`. Loading checks every cross-reference, so a
//! lookup by an id taken from the seed never fails at request time. Prices are
//! strings (`"22.49"`, `"300"`) so they keep the scale the docs show.

use std::collections::HashMap;

use mobproc::model::{
    AccessMethod, AcknowledgementDefinition, AddressOption, Currency, InfoBlock, PropertyChoice,
    PropertyType, Recurrence, RegionType, SerialNumberType, TextRules, TransactionType, Validation,
};
use regex::Regex;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::synthetic::{self, Sizes};

/// The built-in seed.
pub const DEFAULT_SEED: &str = include_str!("../seed/acme.toml");

/// Records with an id, so they can be indexed.
pub trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),+) => {$(impl Keyed for $t { fn key(&self) -> &str { &self.id } })+};
}

/// Records in seed order, with an index by id.
#[derive(Debug, Clone)]
pub struct Table<T> {
    items: Vec<T>,
    by_id: HashMap<String, usize>,
}

impl<T: Keyed> Table<T> {
    fn new(items: Vec<T>, what: &str) -> Result<Self> {
        let mut by_id = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if by_id.insert(item.key().to_owned(), i).is_some() {
                return Err(Error::Seed(format!("duplicate {what} id {}", item.key())));
            }
        }
        Ok(Self { items, by_id })
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.by_id.get(id).and_then(|&i| self.items.get(i))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// What is the same for the whole tenant. Its code is `--tenant` (default `ACME`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tenant {
    /// The password of every seeded employee.
    pub password: String,
    /// `identityProvider` of the validate grant's answer.
    pub identity_provider: String,
    /// Company employee ids the identity provider's sign-in page suggests.
    #[serde(default)]
    pub demo_users: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Department {
    pub id: String,
    pub name: String,
    /// The catalog its employees order from.
    pub catalog: String,
}

/// A named selection of the catalog; items list the catalogs they belong to.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Catalog {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Employee {
    pub id: String,
    pub company_employee_id: String,
    /// Other company ids that find this employee (the move example's
    /// `barbara.andrews.acme`); the wire always shows `companyEmployeeId`.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub first_name: String,
    pub last_name: String,
    #[serde(default = "active")]
    pub status: String,
    pub department: String,
    pub email: Option<String>,
    pub office_phone: Option<String>,
    /// May act for (and see) every employee.
    #[serde(default)]
    pub admin: bool,
    #[serde(default)]
    pub is_approver: bool,
    /// Who approves this employee's orders.
    pub approver: Option<String>,
    #[serde(default)]
    pub can_move_service: bool,
    /// Overrides the department's catalog.
    pub catalog: Option<String>,
    /// What this employee may order; default: every transaction type.
    pub transaction_types: Option<Vec<TransactionType>>,
}

fn active() -> String {
    "ACTIVE".to_owned()
}

impl Employee {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    /// `CARRIER` for network operators; others supply accessories.
    #[serde(rename = "type")]
    pub vendor_type: String,
    /// The documented logo path (under the sandbox's base URL).
    pub logo: String,
    pub access_method: Option<AccessMethod>,
    /// Colour of its drawn logo.
    #[serde(default = "grey")]
    pub color: String,
    /// `false` for other ids the docs give the same carrier: found by id, not listed.
    #[serde(default = "yes")]
    pub listed: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manufacturer {
    pub id: String,
    pub name: String,
    pub logo: String,
    /// Brand colour of drawn images.
    #[serde(default = "grey")]
    pub color: String,
}

fn grey() -> String {
    "#5f6b7a".to_owned()
}

/// What a drawn image shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Phone,
    Flip,
    Tablet,
    Hotspot,
    Charger,
    Cable,
    Case,
    Headset,
    Battery,
    Mount,
    Screen,
    Sim,
    Logo,
}

/// A device model: what assets are and what accessories fit. Ids are the docs'
/// model ids (`Cookie Plus`, `iPhone 6 (64GB) - Space Gray`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Model {
    pub id: String,
    pub manufacturer: String,
    pub name: String,
    pub image: Option<String>,
    #[serde(default = "phone")]
    pub shape: Shape,
    /// Models that accept the same accessories (e.g. colour and storage variants).
    #[serde(default)]
    pub fits_like: Option<String>,
}

fn phone() -> Shape {
    Shape::Phone
}

/// Where a catalog item may be ordered; empty lists mean "everywhere".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Availability {
    #[serde(default)]
    pub catalogs: Vec<String>,
    /// Country region ids.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Postal-code prefixes (regional carriers, local plans).
    #[serde(default)]
    pub postal_prefixes: Vec<String>,
}

impl Availability {
    pub fn in_catalog(&self, catalog: &str) -> bool {
        self.catalogs.is_empty() || self.catalogs.iter().any(|c| c == catalog)
    }

    pub fn in_region(&self, region: &str) -> bool {
        self.regions.is_empty() || self.regions.iter().any(|r| r == region)
    }

    pub fn serves_postal_code(&self, postal_code: &str) -> bool {
        self.postal_prefixes.is_empty()
            || self
                .postal_prefixes
                .iter()
                .any(|p| postal_code.starts_with(p.as_str()))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CatalogDevice {
    pub id: String,
    pub name: String,
    pub manufacturer: String,
    pub model: String,
    pub vendor: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub price: Decimal,
    #[serde(default = "usd")]
    pub currency: String,
    pub access_method: AccessMethod,
    /// The image path of the catalog and of confirmations.
    pub image: String,
    /// The image path order segments show, where the docs' differs.
    pub order_image: Option<String>,
    /// Where it may be ordered; default everywhere.
    #[serde(default)]
    pub available: Availability,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub vendor: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub price: Decimal,
    #[serde(default = "usd")]
    pub currency: String,
    #[serde(default)]
    pub included_features: Vec<String>,
    /// Feature ids.
    #[serde(default)]
    pub optional_features: Vec<String>,
    /// Where it may be ordered; default everywhere.
    #[serde(default)]
    pub available: Availability,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Feature {
    pub id: String,
    pub description: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub price: Decimal,
    #[serde(default = "usd")]
    pub currency: String,
    #[serde(default = "monthly")]
    pub recurrence: Recurrence,
    /// The carrier offering it; plans list the features they accept.
    pub vendor: String,
}

fn usd() -> String {
    "USD".to_owned()
}

fn monthly() -> Recurrence {
    Recurrence::Monthly
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Accessory {
    pub id: String,
    pub name: String,
    pub manufacturer: String,
    pub vendor: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub price: Decimal,
    #[serde(default = "usd")]
    pub currency: String,
    pub image: String,
    pub order_image: Option<String>,
    pub shape: Shape,
    /// Model ids this accessory fits.
    pub compatible_models: Vec<String>,
    /// Where it may be ordered; default everywhere.
    #[serde(default)]
    pub available: Availability,
}

/// One component of a country's address form; `optionsFromChildren` fills the
/// dropdown from the country's STATE_PROVINCE children (label = name, value =
/// abbreviation).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddressComponent {
    pub id: String,
    pub label: String,
    pub min_length: u32,
    pub max_length: u32,
    pub validation: Validation,
    #[serde(default)]
    pub options_from_children: bool,
    pub pattern: Option<String>,
    pub reg_ex: Option<String>,
    /// The label order confirmations give this component (`Zip Code` for `Postal Code`).
    pub ship_to_label: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub abbreviation: Option<String>,
    #[serde(rename = "type")]
    pub region_type: RegionType,
    pub parent: Option<String>,
    pub country_code: Option<String>,
    pub currency: Option<Currency>,
    #[serde(default)]
    pub address_format: Vec<AddressComponent>,
    pub postal_code_pattern: Option<String>,
    pub postal_code_reg_ex: Option<String>,
    /// Another id of the same country that the docs use; it answers with this
    /// region's data under its own id but is not listed.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContractDates {
    pub activated: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub last_device_upgrade: Option<String>,
}

/// A line. Copied into the mutable store at start and reset (moves, orders change it).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub service_number: String,
    #[serde(default = "active")]
    pub status: String,
    /// The owner's employee id.
    pub employee: String,
    /// The billing carrier's vendor id.
    pub vendor: String,
    /// The carrier now carrying the line, when it differs (after a transfer).
    pub current_vendor: Option<String>,
    /// The plan's catalog id, or only its name for plans no longer sold.
    pub plan: Option<String>,
    pub plan_name: Option<String>,
    /// Optional feature ids on the line.
    #[serde(default)]
    pub features: Vec<String>,
    /// The device asset in use.
    pub device: Option<String>,
    /// The country the line is in.
    pub region: String,
    #[serde(default)]
    pub contract_dates: ContractDates,
    pub upgrade_eligibility_date: Option<String>,
    pub order_actions: Vec<TransactionType>,
}

/// A physical device asset. Copied into the mutable store like [`Service`].
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeviceAsset {
    pub id: String,
    pub employee: String,
    pub manufacturer: String,
    /// A model id.
    pub model: String,
    pub serial_type: SerialNumberType,
    pub serial_number: String,
    pub sim_id: Option<String>,
    pub access_method: AccessMethod,
    pub mac_address: Option<String>,
    pub company_asset_id: Option<String>,
    pub upgrade_eligibility_date: Option<String>,
    pub order_actions: Vec<TransactionType>,
}

/// Where a property's default `text` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DefaultText {
    /// The actor's office phone.
    ActorOfficePhone,
    /// The actor's full name.
    ActorName,
    /// The actor's company employee id.
    ActorCompanyEmployeeId,
    /// The number of the `service` the properties were asked for.
    ServiceNumber,
}

/// One property definition. `key` is unique in the seed; `id` is the wire id, which
/// several definitions may share (e.g. a `Reason` per transaction type).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyField {
    pub key: String,
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub property_type: PropertyType,
    pub min_length: Option<u32>,
    pub max_length: Option<u32>,
    pub pattern: Option<String>,
    pub reg_ex: Option<String>,
    pub text: Option<String>,
    pub default_text: Option<DefaultText>,
    pub choices: Option<Vec<PropertyChoice>>,
}

impl PropertyField {
    /// Its text rules, as [`mobproc::model::PropertyDefinition::text_rules`] gives them.
    pub fn text_rules(&self) -> TextRules<'_> {
        TextRules {
            min_length: self.min_length,
            max_length: self.max_length,
            reg_ex: self.reg_ex.as_deref(),
            hint: self.pattern.as_deref(),
        }
    }
}

impl Keyed for PropertyField {
    fn key(&self) -> &str {
        &self.key
    }
}

/// What part of an order a property is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OrderPart {
    Device,
    Plan,
}

/// A field of a property set: which definition, and whether it must be filled.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyRef {
    pub key: String,
    pub validation: Validation,
    /// Left out when the order excludes this part (`orderExcludesDevice`/`Plan`).
    pub requires: Option<OrderPart>,
}

/// The properties of some transaction types for some vendors. For a (type, vendor)
/// the set naming that vendor wins over the `*` set.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertySet {
    pub transaction_types: Vec<TransactionType>,
    pub vendors: Vec<String>,
    pub group_id: String,
    pub fields: Vec<PropertyRef>,
}

/// Info blocks and acknowledgements of some transfer types for some vendors (the
/// carrier the line comes from); selection as for [`PropertySet`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcknowledgementSet {
    pub transaction_types: Vec<TransactionType>,
    pub vendors: Vec<String>,
    pub infoblocks: Vec<InfoBlock>,
    pub acknowledgements: Vec<AcknowledgementDefinition>,
}

keyed!(
    Department,
    Catalog,
    Employee,
    Vendor,
    Manufacturer,
    Model,
    CatalogDevice,
    Plan,
    Feature,
    Accessory,
    Region,
    Service,
    DeviceAsset
);

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SeedFile {
    tenant: Tenant,
    catalogs: Vec<Catalog>,
    departments: Vec<Department>,
    employees: Vec<Employee>,
    vendors: Vec<Vendor>,
    manufacturers: Vec<Manufacturer>,
    models: Vec<Model>,
    devices: Vec<CatalogDevice>,
    plans: Vec<Plan>,
    features: Vec<Feature>,
    accessories: Vec<Accessory>,
    regions: Vec<Region>,
    services: Vec<Service>,
    device_assets: Vec<DeviceAsset>,
    property_fields: Vec<PropertyField>,
    property_sets: Vec<PropertySet>,
    acknowledgement_sets: Vec<AcknowledgementSet>,
}

/// The loaded, cross-checked seed. Immutable; services and device assets are copied
/// into the store, where they may change.
#[derive(Debug, Clone)]
pub struct Seed {
    pub tenant: Tenant,
    pub catalogs: Table<Catalog>,
    pub departments: Table<Department>,
    pub employees: Table<Employee>,
    pub vendors: Table<Vendor>,
    pub manufacturers: Table<Manufacturer>,
    pub models: Table<Model>,
    pub devices: Table<CatalogDevice>,
    pub plans: Table<Plan>,
    pub features: Table<Feature>,
    pub accessories: Table<Accessory>,
    pub regions: Table<Region>,
    pub services: Table<Service>,
    pub device_assets: Table<DeviceAsset>,
    pub property_fields: Table<PropertyField>,
    pub property_sets: Vec<PropertySet>,
    pub acknowledgement_sets: Vec<AcknowledgementSet>,
    /// Region alias id → the region it stands for.
    region_aliases: HashMap<String, String>,
    /// Company employee ids and aliases, ASCII-lowercased → employee id.
    by_company_id: HashMap<String, String>,
    /// Compiled `postalCodeRegEx` per country id.
    postal_code_checks: HashMap<String, Regex>,
}

impl Seed {
    pub fn parse(text: &str) -> Result<Self> {
        Self::parse_with(text, Sizes::default())
    }

    /// The seed with [`synthetic`](crate::synthetic) employees and accessories added.
    pub fn parse_with(text: &str, sizes: Sizes) -> Result<Self> {
        let mut file: SeedFile = toml::from_str(text).map_err(|e| Error::Seed(e.to_string()))?;
        let departments: Vec<String> = file.departments.iter().map(|d| d.id.clone()).collect();
        file.employees
            .extend(synthetic::employees(sizes.employees, &departments)?);
        let (models, makers) = (&file.models, &file.manufacturers);
        // "LG Cookie Plus": the maker's name, then the model's.
        let model_name = |model: &str| {
            let Some(m) = models.iter().find(|m| m.id == model) else {
                return model.to_owned();
            };
            match makers.iter().find(|maker| maker.id == m.manufacturer) {
                Some(maker) if !m.name.starts_with(&maker.name) => {
                    format!("{} {}", maker.name, m.name)
                }
                _ => m.name.clone(),
            }
        };
        let extra = synthetic::accessories(
            sizes.accessories,
            &file.services,
            &file.device_assets,
            &file.accessories,
            model_name,
        )?;
        file.accessories.extend(extra);
        let mut by_company_id = HashMap::new();
        for e in &file.employees {
            for company_id in std::iter::once(&e.company_employee_id).chain(&e.aliases) {
                // The first employee in seed order answers to a shared id.
                by_company_id
                    .entry(company_id.to_ascii_lowercase())
                    .or_insert_with(|| e.id.clone());
            }
        }
        let mut postal_code_checks = HashMap::new();
        for r in &file.regions {
            if let Some(pattern) = &r.postal_code_reg_ex {
                let regex = Regex::new(pattern).map_err(|e| {
                    Error::Seed(format!("region {}: bad postalCodeRegEx: {e}", r.id))
                })?;
                postal_code_checks.insert(r.id.clone(), regex);
            }
        }
        let seed = Self {
            by_company_id,
            postal_code_checks,
            region_aliases: file
                .regions
                .iter()
                .flat_map(|r| r.aliases.iter().map(|a| (a.clone(), r.id.clone())))
                .collect(),
            tenant: file.tenant,
            catalogs: Table::new(file.catalogs, "catalog")?,
            departments: Table::new(file.departments, "department")?,
            employees: Table::new(file.employees, "employee")?,
            vendors: Table::new(file.vendors, "vendor")?,
            manufacturers: Table::new(file.manufacturers, "manufacturer")?,
            models: Table::new(file.models, "model")?,
            devices: Table::new(file.devices, "device")?,
            plans: Table::new(file.plans, "plan")?,
            features: Table::new(file.features, "feature")?,
            accessories: Table::new(file.accessories, "accessory")?,
            regions: Table::new(file.regions, "region")?,
            services: Table::new(file.services, "service")?,
            device_assets: Table::new(file.device_assets, "device asset")?,
            property_fields: Table::new(file.property_fields, "property field")?,
            property_sets: file.property_sets,
            acknowledgement_sets: file.acknowledgement_sets,
        };
        seed.check()?;
        Ok(seed)
    }

    /// The built-in seed.
    pub fn builtin() -> Result<Self> {
        Self::parse(DEFAULT_SEED)
    }

    /// The built-in seed with synthetic records.
    pub fn builtin_with(sizes: Sizes) -> Result<Self> {
        Self::parse_with(DEFAULT_SEED, sizes)
    }

    /// Every reference points at something that exists.
    fn check(&self) -> Result<()> {
        fn need<T: Keyed>(table: &Table<T>, id: &str, what: &str, from: &str) -> Result<()> {
            if table.contains(id) {
                Ok(())
            } else {
                Err(Error::Seed(format!("{from} names unknown {what} {id}")))
            }
        }
        let catalogs_exist = |a: &Availability, from: &str| -> Result<()> {
            for c in &a.catalogs {
                need(&self.catalogs, c, "catalog", from)?;
            }
            for r in &a.regions {
                need(&self.regions, r, "region", from)?;
            }
            Ok(())
        };
        for d in self.departments.iter() {
            need(&self.catalogs, &d.catalog, "catalog", &d.id)?;
        }
        for e in self.employees.iter() {
            need(&self.departments, &e.department, "department", &e.id)?;
            if let Some(c) = &e.catalog {
                need(&self.catalogs, c, "catalog", &e.id)?;
            }
            if let Some(a) = &e.approver {
                need(&self.employees, a, "approver", &e.id)?;
            }
        }
        for m in self.models.iter() {
            need(&self.manufacturers, &m.manufacturer, "manufacturer", &m.id)?;
            if let Some(f) = &m.fits_like {
                need(&self.models, f, "model", &m.id)?;
            }
        }
        for d in self.devices.iter() {
            need(&self.manufacturers, &d.manufacturer, "manufacturer", &d.id)?;
            need(&self.models, &d.model, "model", &d.id)?;
            need(&self.vendors, &d.vendor, "vendor", &d.id)?;
            catalogs_exist(&d.available, &d.id)?;
        }
        for p in self.plans.iter() {
            need(&self.vendors, &p.vendor, "vendor", &p.id)?;
            for f in &p.optional_features {
                need(&self.features, f, "feature", &p.id)?;
            }
            catalogs_exist(&p.available, &p.id)?;
        }
        for f in self.features.iter() {
            need(&self.vendors, &f.vendor, "vendor", &f.id)?;
        }
        for a in self.accessories.iter() {
            need(&self.manufacturers, &a.manufacturer, "manufacturer", &a.id)?;
            need(&self.vendors, &a.vendor, "vendor", &a.id)?;
            for m in &a.compatible_models {
                need(&self.models, m, "model", &a.id)?;
            }
            catalogs_exist(&a.available, &a.id)?;
        }
        for r in self.regions.iter() {
            if let Some(p) = &r.parent {
                need(&self.regions, p, "region", &r.id)?;
            }
        }
        for s in self.services.iter() {
            need(&self.employees, &s.employee, "employee", &s.id)?;
            need(&self.vendors, &s.vendor, "vendor", &s.id)?;
            need(&self.regions, &s.region, "region", &s.id)?;
            if let Some(v) = &s.current_vendor {
                need(&self.vendors, v, "vendor", &s.id)?;
            }
            if let Some(p) = &s.plan {
                need(&self.plans, p, "plan", &s.id)?;
            }
            if let Some(d) = &s.device {
                need(&self.device_assets, d, "device asset", &s.id)?;
            }
            for f in &s.features {
                need(&self.features, f, "feature", &s.id)?;
            }
        }
        for d in self.device_assets.iter() {
            need(&self.employees, &d.employee, "employee", &d.id)?;
            need(&self.manufacturers, &d.manufacturer, "manufacturer", &d.id)?;
            need(&self.models, &d.model, "model", &d.id)?;
        }
        for set in &self.property_sets {
            for f in &set.fields {
                need(
                    &self.property_fields,
                    &f.key,
                    "property field",
                    &set.group_id,
                )?;
            }
        }
        Ok(())
    }

    /// An employee by Tangoe id.
    pub fn employee(&self, id: &str) -> Option<&Employee> {
        self.employees.get(id)
    }

    /// An employee by company employee id or alias (case-insensitive).
    pub fn employee_by_company_id(&self, company_id: &str) -> Option<&Employee> {
        self.by_company_id
            .get(&company_id.to_ascii_lowercase())
            .and_then(|id| self.employees.get(id))
    }

    /// The employee a sign-in username names: `command://peter.edwards.acme`,
    /// `rivermine://…` or the plain company employee id.
    pub fn employee_by_username(&self, username: &str) -> Option<(&Employee, &'static str)> {
        let (platform, user) = match username.split_once("://") {
            Some(("command", user)) => ("command", user),
            Some(("rivermine", user)) => ("rivermine", user),
            Some(_) => return None,
            None => ("tangoe", username),
        };
        self.employee_by_company_id(user).map(|e| (e, platform))
    }

    /// The catalog an employee orders from.
    pub fn catalog_of<'a>(&'a self, employee: &'a Employee) -> &'a str {
        employee.catalog.as_deref().unwrap_or_else(|| {
            self.departments
                .get(&employee.department)
                .map_or("", |d| d.catalog.as_str())
        })
    }

    /// The transaction types an employee may order.
    pub fn transaction_types_of(&self, employee: &Employee) -> Vec<TransactionType> {
        employee
            .transaction_types
            .clone()
            .unwrap_or_else(all_transaction_types)
    }

    /// A region by id or alias id.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.get(id).or_else(|| {
            self.region_aliases
                .get(id)
                .and_then(|real| self.regions.get(real))
        })
    }

    /// Whether a postal code is valid in a country (countries without a rule accept any).
    pub fn postal_code_valid(&self, region: &Region, postal_code: &str) -> bool {
        self.postal_code_checks
            .get(&region.id)
            .is_none_or(|check| check.is_match(postal_code))
    }

    /// The STATE_PROVINCE children of a country, in seed order.
    pub fn children_of<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Region> + 'a {
        self.regions
            .iter()
            .filter(move |r| r.parent.as_deref() == Some(parent))
    }

    /// The address form of a country, dropdowns filled in.
    pub fn address_format(&self, region: &Region) -> Vec<mobproc::model::AddressComponent> {
        region
            .address_format
            .iter()
            .map(|c| mobproc::model::AddressComponent {
                id: c.id.clone(),
                label: Some(c.label.clone()),
                min_length: Some(c.min_length),
                max_length: Some(c.max_length),
                validation: Some(c.validation.clone()),
                options: c.options_from_children.then(|| {
                    self.children_of(&region.id)
                        .map(|s| AddressOption {
                            label: s.name.clone(),
                            value: s.abbreviation.clone().unwrap_or_else(|| s.name.clone()),
                        })
                        .collect()
                }),
                pattern: c.pattern.clone(),
                reg_ex: c.reg_ex.clone(),
            })
            .collect()
    }

    /// The label a confirmation gives an address component of this country.
    pub fn ship_to_label(&self, region: &Region, component: &str) -> Option<String> {
        region
            .address_format
            .iter()
            .find(|c| c.id == component)
            .map(|c| c.ship_to_label.clone().unwrap_or_else(|| c.label.clone()))
    }

    /// Accessories can be compared by the model they fit "like".
    fn fit_key<'a>(&'a self, model: &'a str) -> &'a str {
        self.models
            .get(model)
            .and_then(|m| m.fits_like.as_deref())
            .unwrap_or(model)
    }

    /// Whether an accessory fits a device model.
    pub fn fits(&self, accessory: &Accessory, model: &str) -> bool {
        let key = self.fit_key(model);
        accessory
            .compatible_models
            .iter()
            .any(|m| m == model || self.fit_key(m) == key)
    }

    /// The property set for a transaction type and vendor: the vendor's own, else `*`.
    pub fn property_set(&self, tt: &TransactionType, vendor: &str) -> Option<&PropertySet> {
        pick(&self.property_sets, tt, vendor, |s| {
            (&s.transaction_types, &s.vendors)
        })
    }

    /// The acknowledgement set for a transfer type and the carrier the line comes from.
    pub fn acknowledgement_set(
        &self,
        tt: &TransactionType,
        vendor: &str,
    ) -> Option<&AcknowledgementSet> {
        pick(&self.acknowledgement_sets, tt, vendor, |s| {
            (&s.transaction_types, &s.vendors)
        })
    }
}

/// The set of `sets` for this type naming `vendor`, else the one naming `*`.
fn pick<'a, T>(
    sets: &'a [T],
    tt: &TransactionType,
    vendor: &str,
    keys: impl Fn(&T) -> (&Vec<TransactionType>, &Vec<String>),
) -> Option<&'a T> {
    let for_type = || sets.iter().filter(|s| keys(s).0.contains(tt));
    for_type()
        .find(|s| keys(s).1.iter().any(|v| v == vendor))
        .or_else(|| for_type().find(|s| keys(s).1.iter().any(|v| v == "*")))
}

pub fn all_transaction_types() -> Vec<TransactionType> {
    use TransactionType::*;
    vec![
        NewActivation,
        Upgrade,
        PortNumber,
        OrderAccessories,
        Suspend,
        Unsuspend,
        Deactivate,
        UpdateFeatures,
        SwapDevices,
        XferServiceOut,
        XferServiceIn,
        XferServiceInAndPort,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_seed_loads() {
        let seed = Seed::builtin().unwrap();
        assert_eq!(seed.tenant.password, "demo");
        assert!(seed.employees.len() >= 15);
        let peter = seed
            .employee_by_username("command://peter.edwards.acme")
            .unwrap();
        assert_eq!((peter.0.id.as_str(), peter.1), ("28673732", "command"));
        assert!(seed
            .employee_by_username("ldap://peter.edwards.acme")
            .is_none());
        let barbara = seed.employee_by_company_id("barbara.andrews.acme").unwrap();
        assert_eq!(barbara.id, "48068931");
        assert_eq!(
            seed.region("70144222").map(|r| r.id.as_str()),
            Some("70144640")
        );
        assert_eq!(seed.children_of("70144640").count(), 51);
    }

    #[test]
    fn accessories_fit_models_and_their_variants() {
        let seed = Seed::builtin().unwrap();
        let charger = seed.accessories.get("3628935898").unwrap();
        assert!(seed.fits(charger, "Cookie Plus"));
        assert!(!seed.fits(charger, "iPhone 5"));
        let case = seed.accessories.get("456").unwrap();
        assert!(seed.fits(case, "iPhone 6 (64GB) - Space Gray"));
    }

    #[test]
    fn a_vendors_own_property_set_wins() {
        let seed = Seed::builtin().unwrap();
        let tt = TransactionType::NewActivation;
        let any = seed.property_set(&tt, "98").unwrap();
        let tmobile = seed.property_set(&tt, "777").unwrap();
        assert!(any.fields.iter().any(|f| f.key == "PREFERRED_AREA_CODE"));
        assert!(!tmobile
            .fields
            .iter()
            .any(|f| f.key == "PREFERRED_AREA_CODE"));
    }

    #[test]
    fn refuses_dangling_references() {
        let broken =
            DEFAULT_SEED.replacen("department = \"11569020385\"", "department = \"nope\"", 1);
        let err = Seed::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("unknown department nope"), "{err}");
    }
}
