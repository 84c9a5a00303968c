//! `GET /orders/properties?transactionType=…&vendor=…|service=…` (API.md §9): the
//! extra fields a vendor needs for a transaction type, with defaults filled in from
//! the actor (`CONTACT_NUMBER` = the actor's office phone) and the line.

use axum::extract::{OriginalUri, State};
use axum::Json;
use mobproc::model::{Meta, Page, PropertyDefinition, PropertyGroup, TransactionType};

use super::acknowledgements::transaction_type;
use super::Named;
use crate::auth::ApiCaller;
use crate::error::{Error, Result};
use crate::links::{Links, API_PREFIX};
use crate::pagination::Params;
use crate::seed::{DefaultText, Employee, OrderPart, Seed, Service};
use crate::state::SandboxState;

/// What a property set is asked for.
pub struct PropertyQuery<'a> {
    pub transaction_type: &'a TransactionType,
    pub vendor: &'a str,
    /// Whose defaults fill the fields.
    pub actor: &'a Employee,
    /// The line, for `SERVICE_NUMBER`'s default.
    pub service: Option<&'a Service>,
    pub excludes_device: bool,
    pub excludes_plan: bool,
}

/// The property groups of a transaction type and vendor, defaults filled in. The
/// orders module checks submitted properties against these.
pub fn property_groups(seed: &Seed, query: &PropertyQuery<'_>) -> Vec<PropertyGroup> {
    let Some(set) = seed.property_set(query.transaction_type, query.vendor) else {
        return Vec::new();
    };
    let fields = set
        .fields
        .iter()
        .filter(|f| match f.requires {
            Some(OrderPart::Device) => !query.excludes_device,
            Some(OrderPart::Plan) => !query.excludes_plan,
            None => true,
        })
        .filter_map(|f| seed.property_fields.get(&f.key).map(|def| (f, def)))
        .map(|(f, def)| PropertyDefinition {
            id: def.id.clone(),
            label: Some(def.label.clone()),
            property_type: def.property_type.clone(),
            validation: Some(f.validation.clone()),
            min_length: def.min_length,
            max_length: def.max_length,
            pattern: def.pattern.clone(),
            reg_ex: def.reg_ex.clone(),
            text: def
                .default_text
                .and_then(|d| default_text(d, query))
                .or_else(|| def.text.clone()),
            choices: def.choices.clone(),
        })
        .collect();
    vec![PropertyGroup {
        group_id: set.group_id.clone(),
        fields,
    }]
}

fn default_text(source: DefaultText, query: &PropertyQuery<'_>) -> Option<String> {
    match source {
        DefaultText::ActorOfficePhone => query.actor.office_phone.clone(),
        DefaultText::ActorName => Some(query.actor.full_name()),
        DefaultText::ActorCompanyEmployeeId => Some(query.actor.company_employee_id.clone()),
        DefaultText::ServiceNumber => query.service.map(|s| s.service_number.clone()),
    }
}

/// Not paginated: one group per vendor, `_meta.href` the request itself (as in
/// `examples/orders/properties_response.json`).
pub async fn properties(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
    params: Params,
    OriginalUri(uri): OriginalUri,
) -> Result<Json<Named<Page<PropertyGroup>>>> {
    let seed = state.seed();
    let tt = transaction_type(&params)?;
    let service = match params.get("service") {
        Some(id) => Some(
            state
                .read(|store| store.service(id).cloned())
                .filter(|s| caller.may_see_id(seed, &s.employee))
                .ok_or_else(|| Error::not_found("Service", id))?,
        ),
        None => None,
    };
    let vendor = match (params.get("vendor"), &service) {
        (Some(vendor), _) => vendor.to_owned(),
        (None, Some(service)) => service.vendor.clone(),
        (None, None) => {
            return Err(Error::bad_request(
                "Missing-Vendor-Or-Service",
                "Vendor ID or Service ID must be passed in.",
            ))
        }
    };
    if !seed.vendors.contains(&vendor) {
        return Err(Error::not_found("Vendor", &vendor));
    }
    let items = property_groups(
        seed,
        &PropertyQuery {
            transaction_type: &tt,
            vendor: &vendor,
            actor: &caller.actor,
            service: service.as_ref(),
            excludes_device: params.flag("orderExcludesDevice"),
            excludes_plan: params.flag("orderExcludesPlan"),
        },
    );
    let path = uri
        .path_and_query()
        .map_or("/orders/properties", |p| p.as_str());
    let href = links.api(path.strip_prefix(API_PREFIX).unwrap_or(path));
    Ok(Json(Named::new(
        "properties",
        Page {
            meta: Some(Meta {
                href: Some(href),
                ..Meta::default()
            }),
            items,
        },
    )))
}
