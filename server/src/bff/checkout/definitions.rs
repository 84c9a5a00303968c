//! What MOBPROC says the checkout form must ask for: the vendor's order properties,
//! the countries, and the chosen country's address format with its state options.

use mobproc::{
    client::{envelope, PropertiesQuery},
    model::{AddressComponent, AddressOption, Employee, PropertyGroup, Region, RegionType},
};

use crate::bff::{
    cart::{rules, store::Cart},
    error::BffError,
    request::RequestScope,
    Bff,
};
use app::model::cart::{ItemKind, OrderKind};

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

/// Loads the definitions for `cart`, with the address form of `region_id` (or of
/// the first country when it is not one).
pub async fn load(
    bff: &Bff,
    scope: &RequestScope,
    cart: &Cart,
    region_id: Option<&str>,
) -> Result<Definitions, BffError> {
    let client = bff.client();
    let mut query =
        PropertiesQuery::for_service(rules::transaction_type(cart.order), &cart.service_id);
    if cart.order == OrderKind::Upgrade {
        let has = |kind| cart.items.iter().any(|i| i.kind == kind);
        query.order_excludes_device = Some(!has(ItemKind::Device));
        query.order_excludes_plan = Some(!has(ItemKind::Plan));
    }
    let query = &query;
    let path = ["regions"];
    let path = &path;
    let (groups, me, regions) = tokio::try_join!(
        bff.call(scope, |token, context| async move {
            let properties = ["orders", "properties"];
            client
                .list_all::<PropertyGroup, _>(
                    &token,
                    &context,
                    &properties,
                    query,
                    envelope::PROPERTIES,
                )
                .await
        }),
        bff.call(scope, |token, context| async move {
            client.me(&token, &context).await
        }),
        bff.call(scope, |token, context| async move {
            client
                .list_all::<Region, _>(&token, &context, path, &(), envelope::REGIONS)
                .await
        }),
    )?;
    let countries: Vec<Region> = regions
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
        let chosen = &chosen;
        let country = bff
            .call(scope, |token, context| async move {
                client.region(&token, &context, chosen).await
            })
            .await?;
        address = country.address_format.unwrap_or_default();
        if let Some(state) = address
            .iter_mut()
            .find(|c| c.id == "STATE" && c.options.as_ref().is_none_or(Vec::is_empty))
        {
            let parent = [("parentRegion", Some(chosen.as_str()))];
            let parent = &parent;
            let states = bff
                .call(scope, |token, context| async move {
                    client
                        .list_all::<Region, _>(&token, &context, path, parent, envelope::REGIONS)
                        .await
                })
                .await?;
            state.options = Some(
                states
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
        groups,
        countries,
        region_id: chosen,
        address,
        actor: me.actor,
    })
}
