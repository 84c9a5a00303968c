//! What MOBPROC says the checkout form must ask for: the order properties of the cart's
//! transaction type, the countries, and the chosen country's address format with its
//! state options.

use app::model::cart::ItemKind;
use mobproc::{
    client::{collection, PropertiesQuery},
    model::{AddressComponent, AddressOption, Employee, PropertyGroup, Region, RegionType},
};

use crate::bff::{
    caller::Caller,
    cart::store::Cart,
    error::BffError,
    transactions::{self, CartShape, Need},
};

/// Definitions come as a page or two; a runaway chain of links must still end.
const MAX_PAGES: usize = 20;

pub struct Definitions {
    pub groups: Vec<PropertyGroup>,
    pub countries: Vec<Region>,
    /// The chosen country's id.
    pub region_id: String,
    /// Its address components, in MOBPROC's order; a STATE without `options` gets
    /// the country's states.
    pub address: Vec<AddressComponent>,
    /// Whose order it is, for the defaults (name, office phone).
    pub actor: Employee,
}

/// The order properties MOBPROC asks for this cart: for its line, and (for carts whose
/// device and plan are optional) whether the order leaves either out.
fn properties_query(cart: &Cart) -> PropertiesQuery {
    let transaction = transactions::of(cart.order);
    let mut query = PropertiesQuery::for_service(transaction.wire.clone(), &cart.service_id);
    if let CartShape::Equipment { device, plan, .. } = transaction.cart {
        let has = |kind| cart.items.iter().any(|i| i.kind == kind);
        if device == Need::Optional {
            query.order_excludes_device = Some(!has(ItemKind::Device));
        }
        if plan == Need::Optional {
            query.order_excludes_plan = Some(!has(ItemKind::Plan));
        }
    }
    query
}

/// Loads the definitions for `cart`, with the address form of `region_id` (or of
/// the first country when it is not one).
pub async fn load(
    caller: &Caller,
    cart: &Cart,
    region_id: Option<&str>,
) -> Result<Definitions, BffError> {
    let api = caller.api();
    let query = properties_query(cart);
    let (groups, me, regions) = tokio::try_join!(
        api.walk(&collection::PROPERTIES, &query, MAX_PAGES),
        api.me(),
        api.walk(&collection::REGIONS, &(), MAX_PAGES),
    )?;
    let countries: Vec<Region> = regions
        .items
        .into_iter()
        .filter(|r| {
            r.region_type
                .as_ref()
                .is_none_or(|t| *t == RegionType::Country)
        })
        .collect();
    let chosen = region_id
        .filter(|id| countries.iter().any(|c| c.id == *id))
        .or(countries.first().map(|c| c.id.as_str()))
        .unwrap_or_default()
        .to_owned();
    let mut address = Vec::new();
    if !chosen.is_empty() {
        let country = api.region(&chosen).await?;
        address = country.address_format.unwrap_or_default();
        if let Some(state) = address
            .iter_mut()
            .find(|c| c.id == "STATE" && c.options.as_ref().is_none_or(Vec::is_empty))
        {
            let parent = [("parentRegion", chosen.as_str())];
            let states = api.walk(&collection::REGIONS, &parent, MAX_PAGES).await?;
            state.options = Some(
                states
                    .items
                    .into_iter()
                    .map(|s| AddressOption {
                        value: s.abbreviation.clone().unwrap_or_else(|| s.id.clone()),
                        label: s.name.unwrap_or(s.id),
                    })
                    .collect(),
            );
        }
    }
    Ok(Definitions {
        groups: groups.items,
        countries,
        region_id: chosen,
        address,
        actor: me.actor,
    })
}
