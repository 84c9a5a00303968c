//! The key each collection answers under: `{"<name>":{"_meta":…,"items":[…]}}`.
//! MOBPROC documents only `properties` and `regions` (API.md §6, §9); the others are this
//! project's choice, which the sandbox must answer with too. Pass them to the generic
//! listing calls, e.g. to fetch the next page of employees by its link.

pub const EMPLOYEES: &str = "employees";
pub const SERVICES: &str = "services";
pub const DEVICES: &str = "devices";
pub const PLANS: &str = "plans";
pub const FEATURES: &str = "features";
pub const ACCESSORIES: &str = "accessories";
pub const REGIONS: &str = "regions";
pub const VENDORS: &str = "vendors";
pub const PROPERTIES: &str = "properties";
pub const ORDERS: &str = "orders";
pub const HISTORY: &str = "history";
pub const SHIPMENTS: &str = "shipments";
