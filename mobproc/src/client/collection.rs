//! MOBPROC's collections (API.md §6, §7): each one's path under the API base, the key it
//! answers under (`{"<name>":{"_meta":…,"items":[…]}}`), and its item type. Callers name
//! a collection by its constant and never spell a path or an envelope themselves.
//!
//! MOBPROC documents only the `properties` and `regions` envelopes; the others are this
//! project's choice, which the sandbox answers with too.

use std::marker::PhantomData;

use crate::model::{
    Accessory, CatalogDevice, DeviceAsset, Employee, Feature, Order, Plan, PropertyGroup, Region,
    ServiceAsset, Vendor,
};

/// A collection of `T` at a fixed path.
pub struct Collection<T> {
    pub(crate) segments: &'static [&'static str],
    pub(crate) envelope: &'static str,
    item: PhantomData<fn() -> T>,
}

impl<T> Collection<T> {
    const fn new(segments: &'static [&'static str], envelope: &'static str) -> Self {
        Self {
            segments,
            envelope,
            item: PhantomData,
        }
    }
}

impl<T> std::fmt::Debug for Collection<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Collection(/{})", self.segments.join("/"))
    }
}

/// `GET /employees`: whom the caller may see, e.g. to act for.
pub const EMPLOYEES: Collection<Employee> = Collection::new(&["employees"], "employees");
/// `GET /assets/services`: lines.
pub const SERVICES: Collection<ServiceAsset> = Collection::new(&["assets", "services"], "services");
/// `GET /assets/devices`: devices in use.
pub const DEVICE_ASSETS: Collection<DeviceAsset> =
    Collection::new(&["assets", "devices"], "devices");
/// `GET /catalog/devices`: the actor's orderable devices.
pub const DEVICES: Collection<CatalogDevice> = Collection::new(&["catalog", "devices"], "devices");
/// `GET /catalog/plans`.
pub const PLANS: Collection<Plan> = Collection::new(&["catalog", "plans"], "plans");
/// `GET /catalog/features?plan=`.
pub const FEATURES: Collection<Feature> = Collection::new(&["catalog", "features"], "features");
/// `GET /catalog/accessories`; with `service`, only what fits that line's device.
pub const ACCESSORIES: Collection<Accessory> =
    Collection::new(&["catalog", "accessories"], "accessories");
/// `GET /regions`: countries, or with `parentRegion` a country's states.
pub const REGIONS: Collection<Region> = Collection::new(&["regions"], "regions");
/// `GET /vendors`.
pub const VENDORS: Collection<Vendor> = Collection::new(&["vendors"], "vendors");
/// `GET /orders/properties` (API.md §9).
pub const PROPERTIES: Collection<PropertyGroup> =
    Collection::new(&["orders", "properties"], "properties");
/// `GET /orders`.
pub const ORDERS: Collection<Order> = Collection::new(&["orders"], "orders");
