//! The ship-to address against its country's address form (API.md §11).

use mobproc::model::{ShipTo, Validation};

use super::{country, Problems, RegionRef};
use crate::seed::Seed;

/// Checks every component of the form: required ones present, lengths, `regEx`, and
/// dropdown values. A dropdown accepts an option's label as well as its value (the
/// transfer examples send `Connecticut` for `CT`); components the form lacks are
/// refused.
pub fn check_ship_to<'a>(
    seed: &'a Seed,
    ship_to: &ShipTo,
    problems: &mut Problems,
) -> Option<RegionRef<'a>> {
    if ship_to.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        problems.missing("shipTo.name", "The recipient's name");
    }
    let region_id = ship_to
        .region_id
        .as_deref()
        .or(ship_to.region.as_ref().map(|r| r.id.as_str()));
    let Some(region_id) = region_id else {
        problems.missing("shipTo.regionId", "The country (shipTo.regionId)");
        return None;
    };
    let Some(region) = country(seed, region_id) else {
        problems.add(
            "shipTo.regionId",
            "Unknown-Id",
            format!("Region {region_id} is not a country."),
        );
        return None;
    };
    let form = seed.address_format(region.region);
    for line in &ship_to.address {
        if !form.iter().any(|c| c.id == line.id) {
            problems.add(
                format!("shipTo.address.{}", line.id),
                "Invalid-Value",
                format!(
                    "{} addresses have no component {}.",
                    region.region.name, line.id
                ),
            );
        }
    }
    for component in &form {
        let field = format!("shipTo.address.{}", component.id);
        let label = component.label.as_deref().unwrap_or(&component.id);
        let sent = ship_to
            .address
            .iter()
            .find(|l| l.id == component.id)
            .map(|l| l.value.trim())
            .filter(|v| !v.is_empty());
        let Some(sent) = sent else {
            if component.validation == Some(Validation::Required) {
                problems.missing(&field, label);
            }
            continue;
        };
        let options = component.options.as_deref();
        let value = options
            .and_then(|o| o.iter().find(|o| o.label.eq_ignore_ascii_case(sent)))
            .map_or(sent, |o| o.value.as_str());
        let message = component
            .check(value)
            .err()
            .map(|p| p.to_string())
            .or_else(|| {
                let listed = options?.iter().any(|o| o.value.eq_ignore_ascii_case(value));
                (!listed).then(|| "is not one of the listed options.".to_owned())
            });
        if let Some(message) = message {
            problems.add(field, "Invalid-Value", format!("{label} {message}"));
        }
    }
    Some(region)
}
