//! The catalog as the UI sees it: what a listing page asks for and what it shows.

use serde::{Deserialize, Serialize};

/// How a listing is ordered. `Catalog` keeps MOBPROC's own order.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Catalog,
    NameAsc,
    NameDesc,
    PriceAsc,
    PriceDesc,
}

impl SortOrder {
    /// Every order, as the sort menu offers them.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The value in the page URL (`?sort=price_asc`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Unknown values fall back to the catalog's order.
    pub fn parse(value: &str) -> Self {
        value.parse().unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Catalog => "Catalog order",
            Self::NameAsc => "Name, A to Z",
            Self::NameDesc => "Name, Z to A",
            Self::PriceAsc => "Price, low to high",
            Self::PriceDesc => "Price, high to low",
        }
    }
}

/// What a listing page asks for, as its URL query says it. Every field is what the
/// person typed or picked; the BFF checks them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogFilter {
    /// Search by name.
    pub q: Option<String>,
    /// A manufacturer id, as the filter's choices offer them.
    pub manufacturer: Option<String>,
    /// A carrier (MOBPROC vendor) id.
    pub vendor: Option<String>,
    /// Lowest and highest price, as typed (e.g. `20`, `49.99`).
    pub min_price: Option<String>,
    pub max_price: Option<String>,
    pub sort: SortOrder,
    /// Which page: an opaque token the BFF handed out in a [`Pager`].
    pub page: Option<String>,
}

/// One option of a filter's drop-down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// What a listing is for, as the catalog pages name it: a line, or a new line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingSubject {
    /// The line's number (e.g. `203-555-7676`), or "a new line in 06477".
    pub name: String,
    /// The line's device now, e.g. `LG Cookie Plus`.
    pub device_name: Option<String>,
    /// Where a new line will be used.
    pub place: Option<PlaceSummary>,
}

/// A checked place, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceSummary {
    /// e.g. `United States`.
    pub country: String,
    pub postal_code: Option<String>,
    /// The carrier the number comes from, e.g. `T-Mobile (GSM)`.
    pub from: Option<String>,
}

/// An accessory, device or plan, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogItem {
    pub id: String,
    pub name: String,
    /// A same-origin URL (the BFF proxies MOBPROC's images).
    pub image: Option<String>,
    pub manufacturer: Option<String>,
    pub carrier: Option<String>,
    /// e.g. `$22.49 one-time`, `$58.67 / month`.
    pub price: Option<String>,
    /// A device's network, e.g. `CDMA`.
    pub network: Option<String>,
    /// A plan's included features, by description.
    pub included_features: Vec<String>,
    /// Why ordering this plan alone would not work for the line, if it would not.
    pub needs_new_device: Option<String>,
}

/// Links to other pages of a listing, each an opaque token for [`CatalogFilter::page`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pager {
    pub first: Option<String>,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub last: Option<String>,
}

impl Pager {
    pub fn is_empty(&self) -> bool {
        self.first.is_none()
            && self.previous.is_none()
            && self.next.is_none()
            && self.last.is_none()
    }
}

/// One page of accessories, devices or plans for a line, with the filter's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogListing {
    pub subject: ListingSubject,
    pub items: Vec<CatalogItem>,
    /// e.g. "Showing 10 of 11".
    pub summary: String,
    pub pager: Pager,
    /// The manufacturers and carriers of the line's whole catalog.
    pub manufacturers: Vec<Choice>,
    pub carriers: Vec<Choice>,
    /// Something the person should know about this listing, e.g. that it was cut short.
    pub notice: Option<String>,
}

/// An optional feature of a plan, with its monthly price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanFeature {
    pub id: String,
    pub description: String,
    pub price: Option<String>,
}

/// A plan's detail page for a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDetail {
    pub subject: ListingSubject,
    pub plan: CatalogItem,
    pub optional_features: Vec<PlanFeature>,
}
