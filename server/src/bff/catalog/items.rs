//! What the listing code needs of an accessory, a device or a plan, so one listing
//! strategy serves all three collections.

use mobproc::{
    client::{collection, Collection},
    model::{Accessory, CatalogDevice, Manufacturer, Money, Plan, Vendor},
};
use serde::de::DeserializeOwned;

pub trait Listed: DeserializeOwned + Clone + Send + Sync + Sized + 'static {
    /// MOBPROC's collection of these items.
    const COLLECTION: Collection<Self>;
    /// Whether MOBPROC narrows this collection by `manufacturer`.
    const BY_MANUFACTURER: bool;
    /// For summaries: "1 plan", "2 plans".
    const ONE: &'static str;
    const MANY: &'static str;

    fn name(&self) -> &str;
    fn price(&self) -> Option<&Money>;
    fn manufacturer(&self) -> Option<&Manufacturer>;
    fn vendor(&self) -> Option<&Vendor>;
}

impl Listed for Accessory {
    const COLLECTION: Collection<Self> = collection::ACCESSORIES;
    const BY_MANUFACTURER: bool = true;
    const ONE: &'static str = "accessory";
    const MANY: &'static str = "accessories";

    fn name(&self) -> &str {
        &self.name
    }
    fn price(&self) -> Option<&Money> {
        self.price.as_ref()
    }
    fn manufacturer(&self) -> Option<&Manufacturer> {
        self.manufacturer.as_ref()
    }
    fn vendor(&self) -> Option<&Vendor> {
        self.vendor.as_ref()
    }
}

impl Listed for CatalogDevice {
    const COLLECTION: Collection<Self> = collection::DEVICES;
    const BY_MANUFACTURER: bool = true;
    const ONE: &'static str = "device";
    const MANY: &'static str = "devices";

    fn name(&self) -> &str {
        &self.name
    }
    fn price(&self) -> Option<&Money> {
        self.price.as_ref()
    }
    fn manufacturer(&self) -> Option<&Manufacturer> {
        self.manufacturer.as_ref()
    }
    fn vendor(&self) -> Option<&Vendor> {
        self.vendor.as_ref()
    }
}

impl Listed for Plan {
    const COLLECTION: Collection<Self> = collection::PLANS;
    const BY_MANUFACTURER: bool = false;
    const ONE: &'static str = "plan";
    const MANY: &'static str = "plans";

    fn name(&self) -> &str {
        &self.name
    }
    fn price(&self) -> Option<&Money> {
        self.price.as_ref()
    }
    fn manufacturer(&self) -> Option<&Manufacturer> {
        None
    }
    fn vendor(&self) -> Option<&Vendor> {
        self.vendor.as_ref()
    }
}
