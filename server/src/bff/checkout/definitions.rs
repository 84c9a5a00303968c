//! What MOBPROC says the checkout form must ask for: the order properties of the cart's
//! transaction type, the countries, the chosen country's address format with its state
//! options, and for a transfer the info blocks and acknowledgements of the carrier the
//! number comes from.

use app::model::cart::ItemKind;
use mobproc::{
    client::{collection, PropertiesQuery},
    model::{
        AcknowledgementDefinition, AddressComponent, AddressOption, Employee, InfoBlock,
        PropertyGroup, Region, RegionType,
    },
};

use crate::bff::{
    caller::Caller,
    cart::{rules, store::Cart},
    error::BffError,
    transactions::{self, CartShape, Need, Transaction},
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
    pub info_blocks: Vec<InfoBlock>,
    pub acknowledgements: Vec<AcknowledgementDefinition>,
}

/// The order properties MOBPROC asks for this cart: for a new line or a carrier change,
/// those of the plan's carrier; else for its line; and (for carts whose device and plan
/// are optional) whether the order leaves either out.
fn properties_query(cart: &Cart) -> PropertiesQuery {
    let transaction = transactions::of(cart.order);
    let wire = transaction.wire.clone();
    let carrier = rules::plan(cart)
        .or(rules::device(cart))
        .and_then(|item| item.vendor_id.clone());
    let mut query = match (&cart.place, carrier, &cart.service_id) {
        (Some(_), Some(carrier), _) => PropertiesQuery::for_vendor(wire, carrier),
        (_, _, Some(service_id)) => PropertiesQuery::for_service(wire, service_id),
        (_, carrier, None) => PropertiesQuery::for_vendor(wire, carrier.unwrap_or_default()),
    };
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

/// What a line's care order asks for: its properties, and its info blocks and
/// acknowledgements (of the line's carrier) when it has any.
pub struct CareDefinitions {
    pub groups: Vec<PropertyGroup>,
    pub actor: Employee,
    pub info_blocks: Vec<InfoBlock>,
    pub acknowledgements: Vec<AcknowledgementDefinition>,
}

/// Loads what the care order of `transaction` asks for the line `service_id` of
/// `carrier`.
pub async fn for_line(
    caller: &Caller,
    transaction: &Transaction,
    service_id: &str,
    carrier: Option<&str>,
) -> Result<CareDefinitions, BffError> {
    let api = caller.api();
    let query = PropertiesQuery::for_service(transaction.wire.clone(), service_id);
    let acknowledgements = async {
        match carrier.filter(|_| transaction.acknowledgements) {
            Some(vendor) => api
                .acknowledgements(&transaction.wire, Some(vendor))
                .await
                .map(Some),
            None => Ok(None),
        }
    };
    let (groups, me, acknowledgements) = tokio::try_join!(
        api.walk(&collection::PROPERTIES, &query, MAX_PAGES),
        api.me(),
        acknowledgements,
    )?;
    Ok(CareDefinitions {
        groups: groups.items,
        actor: me.actor,
        info_blocks: acknowledgements
            .as_ref()
            .and_then(|a| a.infoblocks.clone())
            .unwrap_or_default(),
        acknowledgements: acknowledgements
            .and_then(|a| a.acknowledgements)
            .unwrap_or_default(),
    })
}

/// Loads the definitions for `cart`, with the address form of `region_id` (else of
/// where the new line will be used, else of the first country).
pub async fn load(
    caller: &Caller,
    cart: &Cart,
    region_id: Option<&str>,
) -> Result<Definitions, BffError> {
    let api = caller.api();
    let query = properties_query(cart);
    let transaction = transactions::of(cart.order);
    let acknowledging = cart
        .place
        .as_ref()
        .and_then(|p| p.from.as_ref())
        .filter(|_| transaction.acknowledgements)
        .map(|from| from.id.as_str());
    let acknowledgements = async {
        match acknowledging {
            Some(vendor) => api
                .acknowledgements(&transaction.wire, Some(vendor))
                .await
                .map(Some),
            None => Ok(None),
        }
    };
    let (groups, me, regions, acknowledgements) = tokio::try_join!(
        api.walk(&collection::PROPERTIES, &query, MAX_PAGES),
        api.me(),
        api.walk(&collection::REGIONS, &(), MAX_PAGES),
        acknowledgements,
    )?;
    let region_id = region_id.or(cart.place.as_ref().map(|p| p.region_id.as_str()));
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
        info_blocks: acknowledgements
            .as_ref()
            .and_then(|a| a.infoblocks.clone())
            .unwrap_or_default(),
        acknowledgements: acknowledgements
            .and_then(|a| a.acknowledgements)
            .unwrap_or_default(),
    })
}
