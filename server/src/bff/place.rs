//! Where a new line will be used: a country (from `/regions`), its postal code checked
//! by the country's `postalCodeRegEx`, and for a personal line moved to the company the
//! carrier it comes from (from `/vendors`). Checked here before any catalog call, every
//! time a page, a cart or a checkout uses it (the browser sends it in URLs and forms),
//! against regions and vendors kept a while for everyone (`bff::cache`).

use std::sync::Arc;

use app::{
    error::{AppError, FieldError},
    model::cart::Place,
};
use mobproc::{
    client::{collection, ErrorKind, Walked},
    model::{validation::matches_reg_ex, AccessMethod, Region, RegionType, Vendor},
};
use serde::{Deserialize, Serialize};

use super::{caller::Caller, error::BffError, transactions::Transaction};

/// Countries and carriers come as a page or two; a runaway chain of links must end.
const MAX_PAGES: usize = 20;
/// Longer values are not anything a form offered.
const MAX_CHARS: usize = 40;

/// A checked place, with what the pages and the order need of it; kept in the cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceFacts {
    pub region_id: String,
    pub country: String,
    pub postal_code: Option<String>,
    /// The carrier the number comes from, for a transfer in; for a carrier change,
    /// the line's carrier now.
    pub from: Option<Carrier>,
}

/// A carrier, with the network its phones use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carrier {
    pub id: String,
    pub name: String,
    /// e.g. `GSM`.
    pub network: Option<String>,
}

impl Carrier {
    pub fn of(vendor: &Vendor) -> Self {
        Self {
            id: vendor.id.clone(),
            name: vendor.name.clone().unwrap_or_else(|| vendor.id.clone()),
            network: vendor.access_method.as_ref().map(|m| network(m).to_owned()),
        }
    }

    /// e.g. "T-Mobile (GSM)".
    pub fn described(&self) -> String {
        match &self.network {
            Some(network) => format!("{} ({network})", self.name),
            None => self.name.clone(),
        }
    }
}

/// CDMA_PCS phones work on CDMA networks, as MOBPROC's order validation sees it.
pub fn network(method: &AccessMethod) -> &str {
    match method {
        AccessMethod::CdmaPcs => AccessMethod::Cdma.as_str(),
        other => other.as_str(),
    }
}

impl PlaceFacts {
    /// The place as people read it: "06477", or the country where there is no code.
    pub fn short(&self) -> String {
        self.postal_code
            .clone()
            .unwrap_or_else(|| self.country.clone())
    }

    /// The place as it travels in URLs and forms.
    pub fn asked(&self, transaction: &Transaction) -> Place {
        Place {
            region: self.region_id.clone(),
            postal_code: self.postal_code.clone(),
            from: self
                .from
                .as_ref()
                .filter(|_| transaction.needs_current_vendor)
                .map(|c| c.id.clone()),
        }
    }
}

/// `place` checked for an order of `transaction`: the facts, or what is wrong with it,
/// each beside its field (`region`, `postal_code`, `from`).
pub async fn check(
    caller: &Caller,
    transaction: &Transaction,
    place: &Place,
) -> Result<Result<PlaceFacts, Vec<FieldError>>, BffError> {
    let mut problems = Vec::new();
    let region = match usable(&place.region) {
        Some(id) => country(caller, id).await?,
        None => None,
    };
    if region.is_none() {
        problems.push(problem(
            "region",
            "Choose the country where the line will be used.",
        ));
    }
    let postal_code = place
        .postal_code
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    if let Some(region) = &region {
        if let Some(message) = postal_code_problem(region, postal_code) {
            problems.push(problem("postal_code", &message));
        }
    }
    let from = match (transaction.needs_current_vendor, place.from.as_deref()) {
        (false, _) => None,
        (true, asked) => {
            let carrier = match asked.and_then(usable) {
                Some(id) => carrier(caller, id).await?,
                None => None,
            };
            if carrier.is_none() {
                problems.push(problem("from", "Choose the carrier your line is with now."));
            }
            carrier
        }
    };
    Ok(match region {
        Some(region) if problems.is_empty() => Ok(PlaceFacts {
            country: region.name.clone().unwrap_or_else(|| region.id.clone()),
            region_id: region.id,
            postal_code: postal_code.map(str::to_owned),
            from: from.as_ref().map(Carrier::of),
        }),
        _ => Err(problems),
    })
}

/// `place` checked, or a refusal that names what is wrong: for pages and carts that
/// were given a place the place step did not make.
pub async fn facts(
    caller: &Caller,
    transaction: &Transaction,
    place: Option<&Place>,
) -> Result<PlaceFacts, BffError> {
    let Some(place) = place else {
        return Err(invalid(Vec::new()));
    };
    check(caller, transaction, place).await?.map_err(invalid)
}

fn invalid(fields: Vec<FieldError>) -> BffError {
    BffError::User(AppError::Invalid {
        message: "Please choose again where the line will be used.".into(),
        fields,
    })
}

/// Why `postal_code` does not do for `region`: it is required in the US (API.md §10)
/// and must match the country's `postalCodeRegEx` when given.
fn postal_code_problem(region: &Region, postal_code: Option<&str>) -> Option<String> {
    let country = region.name.as_deref().unwrap_or("valid");
    let format = region
        .postal_code_pattern
        .as_deref()
        .map(|f| format!(" (format {f})"))
        .unwrap_or_default();
    match postal_code {
        None if is_us(region) => Some(format!(
            "Enter the postal code where the line will be used{format}."
        )),
        None => None,
        Some(code) if code.chars().count() > MAX_CHARS => {
            Some(format!("That is not a {country} postal code{format}."))
        }
        Some(code) => match &region.postal_code_reg_ex {
            Some(rule) if !matches_reg_ex(rule, code) => {
                Some(format!("{code} is not a {country} postal code{format}."))
            }
            _ => None,
        },
    }
}

fn is_us(region: &Region) -> bool {
    region.abbreviation.as_deref() == Some("US")
}

/// The country `id`, with its postal code rules, if it is one.
async fn country(caller: &Caller, id: &str) -> Result<Option<Region>, BffError> {
    match region(caller, id).await {
        Ok(region) => Ok(region
            .region_type
            .as_ref()
            .is_none_or(|t| *t == RegionType::Country)
            .then(|| Arc::unwrap_or_clone(region))),
        Err(error) if not_found(&error) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The carrier `id`, with its network, if it is one.
async fn carrier(caller: &Caller, id: &str) -> Result<Option<Vendor>, BffError> {
    let vendor = caller.kept_reference(format!("vendor {id}"), || async {
        caller.api().vendor(id).await
    });
    match vendor.await {
        Ok(vendor) => Ok(vendor
            .vendor_type
            .as_deref()
            .is_none_or(|t| t.eq_ignore_ascii_case(CARRIER))
            .then(|| Arc::unwrap_or_clone(vendor))),
        Err(error) if not_found(&error) => Ok(None),
        Err(error) => Err(error),
    }
}

const CARRIER: &str = "CARRIER";

fn not_found(error: &BffError) -> bool {
    matches!(error, BffError::Mobproc(e) if matches!(e.kind(), ErrorKind::NotFound(_) | ErrorKind::BadRequest(_)))
}

/// The countries a line may be used in, in MOBPROC's order.
pub async fn countries(caller: &Caller) -> Result<Vec<Region>, BffError> {
    let regions = caller
        .kept_reference("regions".to_owned(), || async {
            caller
                .api()
                .walk(&collection::REGIONS, &(), MAX_PAGES)
                .await
        })
        .await?;
    Ok(regions
        .items
        .iter()
        .filter(|r| {
            r.region_type
                .as_ref()
                .is_none_or(|t| *t == RegionType::Country)
        })
        .cloned()
        .collect())
}

/// Region `id` with its postal code rules and address format, kept for everyone.
pub async fn region(caller: &Caller, id: &str) -> Result<Arc<Region>, BffError> {
    caller
        .kept_reference(format!("region {id}"), || async {
            caller.api().region(id).await
        })
        .await
}

/// The states of country `id`, kept for everyone.
pub async fn states(caller: &Caller, id: &str) -> Result<Arc<Walked<Region>>, BffError> {
    caller
        .kept_reference(format!("states of {id}"), || async {
            let parent = [("parentRegion", id)];
            caller
                .api()
                .walk(&collection::REGIONS, &parent, MAX_PAGES)
                .await
        })
        .await
}

/// The carriers a number may come from.
pub async fn carriers(caller: &Caller) -> Result<Vec<Vendor>, BffError> {
    let vendors = caller
        .kept_reference("carriers".to_owned(), || async {
            let query = [("type", CARRIER)];
            caller
                .api()
                .walk(&collection::VENDORS, &query, MAX_PAGES)
                .await
        })
        .await?;
    Ok(vendors.items.clone())
}

/// Which countries need a postal code, in words, e.g. "United States: required
/// (format 99999). Elsewhere: if the country has them."
pub async fn postal_hint(
    caller: &Caller,
    countries: &[Region],
) -> Result<Option<String>, BffError> {
    let Some(us) = countries.iter().find(|c| is_us(c)) else {
        return Ok(None);
    };
    let detail = region(caller, &us.id).await?;
    let format = detail
        .postal_code_pattern
        .as_deref()
        .map(|f| format!(" (format {f})"))
        .unwrap_or_default();
    let country = detail.name.as_deref().unwrap_or("United States");
    Ok(Some(format!(
        "{country}: required{format}. Elsewhere: if the country has them."
    )))
}

/// A value a form could have sent: not blank, not over-long, no control characters.
fn usable(value: &str) -> Option<&str> {
    let value = value.trim();
    (!value.is_empty()
        && value.chars().count() <= MAX_CHARS
        && !value.chars().any(char::is_control))
    .then_some(value)
}

fn problem(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn united_states() -> Region {
        serde_json::from_value(serde_json::json!({
            "id": "70144640", "name": "United States", "abbreviation": "US", "type": "COUNTRY",
            "postalCodePattern": "99999", "postalCodeRegEx": "^\\d{5}$"
        }))
        .unwrap()
    }

    #[test]
    fn a_us_postal_code_is_required_and_checked() {
        let us = united_states();
        assert_eq!(postal_code_problem(&us, Some("06477")), None);
        assert_eq!(
            postal_code_problem(&us, Some("0647")).as_deref(),
            Some("0647 is not a United States postal code (format 99999).")
        );
        assert_eq!(
            postal_code_problem(&us, None).as_deref(),
            Some("Enter the postal code where the line will be used (format 99999).")
        );
    }

    #[test]
    fn elsewhere_a_postal_code_is_checked_only_when_given() {
        let canada: Region = serde_json::from_value(serde_json::json!({
            "id": "70144700", "name": "Canada", "abbreviation": "CA",
            "postalCodeRegEx": "^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$"
        }))
        .unwrap();
        assert_eq!(postal_code_problem(&canada, None), None);
        assert_eq!(postal_code_problem(&canada, Some("K1A 0B1")), None);
        assert!(postal_code_problem(&canada, Some("06477")).is_some());
    }

    #[test]
    fn carriers_read_with_their_network() {
        let vendor: Vendor = serde_json::from_value(serde_json::json!({
            "id": "105", "name": "Sprint", "accessMethod": "CDMA_PCS"
        }))
        .unwrap();
        assert_eq!(Carrier::of(&vendor).described(), "Sprint (CDMA)");
    }
}
