//! MOBPROC's wire types turned into the UI's view models: readable numbers and dates,
//! same-origin image URLs, and only the actions the person may take.

use app::{
    links,
    model::{checkout::LabelledValue, Line, LineAction},
};
use mobproc::model::{
    Employee, PropertyGroup, PropertyType, PropertyValue, SerialNumber, ServiceAsset,
    TransactionType, Vendor,
};

use super::{media, transactions};

/// "First Last" as MOBPROC spells them; empty when it gave neither.
pub fn full_name(employee: &Employee) -> String {
    [
        employee.first_name.as_deref(),
        employee.last_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

/// "First Last (email)", or whatever of it MOBPROC gave, at least the id.
pub fn person(employee: &Employee) -> String {
    let name = full_name(employee);
    match (&employee.email, name.is_empty()) {
        (Some(email), false) => format!("{name} ({email})"),
        (Some(email), true) => email.clone(),
        (None, false) => name,
        (None, true) => employee.id.clone(),
    }
}

/// `2035557676` → `203-555-7676`; anything that is not ten digits stays as it is.
pub fn phone_number(raw: &str) -> String {
    if raw.len() == 10 && raw.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &raw[..3], &raw[3..6], &raw[6..])
    } else {
        raw.to_owned()
    }
}

/// `2016-01-21T06:00:00Z` → `January 21, 2016`; unreadable dates are shown as sent.
pub fn date(raw: &str) -> String {
    use time::{
        format_description::well_known::Rfc3339, macros::format_description, OffsetDateTime,
    };
    let readable = format_description!("[month repr:long] [day padding:none], [year]");
    OffsetDateTime::parse(raw, &Rfc3339)
        .ok()
        .and_then(|d| d.format(&readable).ok())
        .unwrap_or_else(|| raw.to_owned())
}

/// A line as "My lines" shows it; `allowed` are the transaction types `/me` permits.
/// The carrier a line is with now: the one carrying it, else the one billing it.
pub fn carrier(service: &ServiceAsset) -> Option<&Vendor> {
    service
        .vendor
        .as_ref()
        .and_then(|v| v.current.as_ref().or(v.billing.as_ref()))
}

pub fn line(service: ServiceAsset, allowed: &[TransactionType]) -> Line {
    let offered = service.order_actions.clone().unwrap_or_default();
    let actions = transactions::ALL
        .into_iter()
        .filter(|t| t.allowed(allowed, Some(&offered)) && t.fits_status(service.status.as_deref()))
        .filter_map(|t| t.entry.as_ref())
        .map(|entry| LineAction {
            label: entry.label.to_owned(),
            href: links::line(&service.id, entry.page),
            group: entry.group,
        })
        .collect();
    let device = service.device.as_ref();
    let model = device.and_then(|d| d.model.as_ref());
    let device_name = device.map(|d| {
        let maker = d.manufacturer.as_ref().and_then(|m| m.name.clone());
        let model = d.model.as_ref().and_then(|m| m.name.clone());
        [maker, model]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let contract = service.contract_dates.as_ref();
    let plan = service.plan.as_ref();
    Line {
        number: phone_number(service.service_number.as_deref().unwrap_or(&service.id)),
        status: service.status.as_deref().map(line_status),
        carrier: carrier(&service).and_then(|v| v.name.clone()),
        plan: plan.and_then(|p| p.name.clone()),
        features: plan
            .and_then(|p| p.optional_features.as_ref())
            .into_iter()
            .flatten()
            .filter_map(|f| f.description.clone().or_else(|| f.id.clone()))
            .collect(),
        device_name: device_name.filter(|n| !n.is_empty()),
        device_serial: device
            .and_then(|d| d.serial_number.as_ref())
            .map(serial_ending),
        device_image: model
            .and_then(|m| m.image_url.as_deref())
            .map(media::proxied),
        contract_start: contract.and_then(|c| c.start.as_deref()).map(date),
        contract_end: contract.and_then(|c| c.end.as_deref()).map(date),
        upgrade_eligible_on: service
            .upgrade_eligibility_date
            .as_deref()
            .or(device.and_then(|d| d.upgrade_eligibility_date.as_deref()))
            .map(date),
        service_id: service.id,
        actions,
    }
}

/// A line's status in words: `SUSPENDED` is "Suspended".
pub fn line_status(status: &str) -> String {
    match status {
        "ACTIVE" => "Active".to_owned(),
        "SUSPENDED" => "Suspended".to_owned(),
        "DEACTIVATED" => "Cancelled".to_owned(),
        other => {
            let words = other.replace('_', " ").to_lowercase();
            let mut chars = words.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// A serial number by its type and last four digits, e.g. "ESN ending 7832": enough
/// to tell phones apart without showing the whole number.
pub fn serial_ending(serial: &SerialNumber) -> String {
    let digits: Vec<char> = serial
        .value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let last: String = digits[digits.len().saturating_sub(4)..].iter().collect();
    format!("{} ending {last}", serial.kind)
}

/// MOBPROC's label, else the definition's; a choice by its option's label.
pub fn property(value: &PropertyValue, definitions: &[PropertyGroup]) -> LabelledValue {
    let definition = definitions
        .iter()
        .flat_map(|g| &g.fields)
        .find(|d| d.id == value.id);
    let label = value
        .label
        .clone()
        .or_else(|| definition.and_then(|d| d.label.clone()))
        .unwrap_or_else(|| value.id.clone());
    let text = match (&value.property_type, &value.choice) {
        (PropertyType::Choice, Some(choice)) => {
            let picked = definition
                .and_then(|d| d.choices.as_ref())
                .and_then(|choices| choices.iter().find(|c| c.id == choice.id))
                .and_then(|c| c.label.clone())
                .unwrap_or_else(|| choice.id.clone());
            match &choice.other_text {
                Some(other) => format!("{picked}: {other}"),
                None => picked,
            }
        }
        _ => value
            .text
            .clone()
            .or_else(|| value.date.as_deref().map(date))
            .unwrap_or_default(),
    };
    LabelledValue { label, value: text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_digit_numbers_are_grouped() {
        assert_eq!(phone_number("2035557676"), "203-555-7676");
        assert_eq!(phone_number("+44 20 7946 0958"), "+44 20 7946 0958");
    }

    #[test]
    fn dates_are_readable() {
        assert_eq!(date("2016-01-21T06:00:00Z"), "January 21, 2016");
        assert_eq!(date("2009-05-24T11:45:00+00:00"), "May 24, 2009");
        assert_eq!(date("soon"), "soon");
    }

    #[test]
    fn actions_need_both_the_line_and_the_person() {
        let service: ServiceAsset = serde_json::from_str(
            r#"{"id":"1","serviceNumber":"2035557676","orderActions":["UPGRADE","ORDER_ACCESSORIES","SUSPEND"]}"#,
        )
        .unwrap();
        let labels =
            |line: Line| -> Vec<String> { line.actions.into_iter().map(|a| a.label).collect() };
        let only_accessories = line(service.clone(), &[TransactionType::OrderAccessories]);
        assert_eq!(labels(only_accessories), ["Accessories"]);
        let both = line(
            service,
            &[TransactionType::Upgrade, TransactionType::OrderAccessories],
        );
        assert_eq!(both.number, "203-555-7676");
        assert_eq!(both.actions[0].href, "/lines/1/upgrade");
        assert_eq!(labels(both), ["Upgrade", "Accessories"]);
    }

    #[test]
    fn a_line_reads_as_it_is() {
        let service: ServiceAsset = serde_json::from_value(serde_json::json!({
            "id": "1", "serviceNumber": "2035557676", "status": "SUSPENDED",
            "plan": {"name": "Talk Share", "optionalFeatures": [{"id": "2082", "description": "Visual Voice Mail"}]},
            "device": {"id": "d", "serialNumber": {"type": "ESN", "value": "4289183847832"}},
            "orderActions": ["UNSUSPEND", "DEACTIVATE"]
        }))
        .unwrap();
        let line = line(
            service,
            &[TransactionType::Unsuspend, TransactionType::Suspend],
        );
        assert_eq!(line.status.as_deref(), Some("Suspended"));
        assert_eq!(line.plan.as_deref(), Some("Talk Share"));
        assert_eq!(line.features, ["Visual Voice Mail"]);
        assert_eq!(line.device_serial.as_deref(), Some("ESN ending 7832"));
        let labels: Vec<&str> = line.actions.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Reconnect"],
            "a suspended line is reconnected, not suspended"
        );
        assert_eq!(line_status("PENDING_ACTIVATION"), "Pending activation");

        let active: ServiceAsset = serde_json::from_value(serde_json::json!({
            "id": "2", "serviceNumber": "2035554468", "status": "ACTIVE",
            "orderActions": ["SUSPEND", "UNSUSPEND"]
        }))
        .unwrap();
        let shown = super::line(
            active,
            &[TransactionType::Unsuspend, TransactionType::Suspend],
        );
        let labels: Vec<&str> = shown.actions.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Lost or stolen? Suspend this line"],
            "an active line is suspended, not reconnected, whatever MOBPROC lists"
        );
    }
}
