//! What MOBPROC says the checkout form must ask for: the order properties of the cart's
//! transaction type, the countries, the chosen country's address format with its state
//! options, and for a transfer the info blocks and acknowledgements of the carrier the
//! number comes from.

use std::sync::Arc;

use app::model::cart::ItemKind;
use mobproc::{
    client::{collection, PropertiesQuery, Walked},
    model::{
        AcknowledgementDefinition, Acknowledgements, AddressComponent, AddressOption, Employee,
        InfoBlock, PropertyGroup, Region,
    },
};

use crate::bff::{
    caller::Caller,
    cart::{rules, store::Cart},
    error::BffError,
    place,
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
    let query = PropertiesQuery::for_service(transaction.wire.clone(), service_id);
    let (groups, me, acknowledgements) = tokio::try_join!(
        properties(caller, &query),
        caller.me(),
        acknowledgements(caller, transaction, carrier),
    )?;
    Ok(CareDefinitions {
        groups: groups.items.clone(),
        actor: me.actor.clone(),
        info_blocks: info_blocks(acknowledgements.as_deref()),
        acknowledgements: acknowledgement_definitions(acknowledgements.as_deref()),
    })
}

/// Loads the definitions for `cart`, with the address form of `region_id` (else of
/// where the new line will be used, else of the first country).
pub async fn load(
    caller: &Caller,
    cart: &Cart,
    region_id: Option<&str>,
) -> Result<Definitions, BffError> {
    let query = properties_query(cart);
    let transaction = transactions::of(cart.order);
    let acknowledging = cart
        .place
        .as_ref()
        .and_then(|p| p.from.as_ref())
        .map(|from| from.id.as_str());
    let (groups, me, countries, acknowledgements) = tokio::try_join!(
        properties(caller, &query),
        caller.me(),
        place::countries(caller),
        acknowledgements(caller, transaction, acknowledging),
    )?;
    let region_id = region_id.or(cart.place.as_ref().map(|p| p.region_id.as_str()));
    let chosen = region_id
        .filter(|id| countries.iter().any(|c| c.id == *id))
        .or(countries.first().map(|c| c.id.as_str()))
        .unwrap_or_default()
        .to_owned();
    let mut address = Vec::new();
    if !chosen.is_empty() {
        let country = place::region(caller, &chosen).await?;
        address = country.address_format.clone().unwrap_or_default();
        if let Some(state) = address
            .iter_mut()
            .find(|c| c.id == "STATE" && c.options.as_ref().is_none_or(Vec::is_empty))
        {
            let states = place::states(caller, &chosen).await?;
            state.options = Some(
                states
                    .items
                    .iter()
                    .map(|s| AddressOption {
                        value: s.abbreviation.clone().unwrap_or_else(|| s.id.clone()),
                        label: s.name.clone().unwrap_or_else(|| s.id.clone()),
                    })
                    .collect(),
            );
        }
    }
    Ok(Definitions {
        groups: groups.items.clone(),
        countries,
        region_id: chosen,
        address,
        actor: me.actor.clone(),
        info_blocks: info_blocks(acknowledgements.as_deref()),
        acknowledgements: acknowledgement_definitions(acknowledgements.as_deref()),
    })
}

/// The property groups MOBPROC asks for `query`, kept a while: per person and actor
/// when they are a line's, for everyone when a vendor's.
async fn properties(
    caller: &Caller,
    query: &PropertiesQuery,
) -> Result<Arc<Walked<PropertyGroup>>, BffError> {
    let personal = query.service.is_some();
    caller
        .kept_definitions(format!("properties {query:?}"), personal, || async {
            caller
                .api()
                .walk(&collection::PROPERTIES, query, MAX_PAGES)
                .await
        })
        .await
}

/// The info blocks and acknowledgements of `carrier` for `transaction`, when it has
/// any; kept a while for everyone.
async fn acknowledgements(
    caller: &Caller,
    transaction: &Transaction,
    carrier: Option<&str>,
) -> Result<Option<Arc<Acknowledgements>>, BffError> {
    let Some(vendor) = carrier.filter(|_| transaction.acknowledgements) else {
        return Ok(None);
    };
    let call = format!("acknowledgements {:?} {vendor}", transaction.wire);
    caller
        .kept_definitions(call, false, || async {
            caller
                .api()
                .acknowledgements(&transaction.wire, Some(vendor))
                .await
        })
        .await
        .map(Some)
}

fn info_blocks(acknowledgements: Option<&Acknowledgements>) -> Vec<InfoBlock> {
    acknowledgements
        .and_then(|a| a.infoblocks.clone())
        .unwrap_or_default()
}

fn acknowledgement_definitions(
    acknowledgements: Option<&Acknowledgements>,
) -> Vec<AcknowledgementDefinition> {
    acknowledgements
        .and_then(|a| a.acknowledgements.clone())
        .unwrap_or_default()
}
