//! What the listing code needs of an accessory, a device or a plan, so one listing
//! strategy serves all three collections.

use mobproc::{
    client::envelope,
    model::{Accessory, CatalogDevice, Manufacturer, Money, Plan, Vendor},
};
use serde::de::DeserializeOwned;

pub trait Listed: DeserializeOwned + Send {
    /// The collection's path under the API base.
    const PATH: [&'static str; 2];
    /// The key MOBPROC answers the collection under.
    const ENVELOPE: &'static str;
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
    const PATH: [&'static str; 2] = ["catalog", "accessories"];
    const ENVELOPE: &'static str = envelope::ACCESSORIES;
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
    const PATH: [&'static str; 2] = ["catalog", "devices"];
    const ENVELOPE: &'static str = envelope::DEVICES;
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
    const PATH: [&'static str; 2] = ["catalog", "plans"];
    const ENVELOPE: &'static str = envelope::PLANS;
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
