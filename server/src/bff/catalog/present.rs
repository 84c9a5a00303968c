//! Catalog items as the UI shows them: proxied images, prices with their recurrence,
//! and the filter's choices.

use std::collections::BTreeMap;

use app::model::catalog::{CatalogItem, Choice, PlanFeature};
use mobproc::model::{Accessory, CatalogDevice, Feature, Money, Plan};

use super::items::Listed;
use crate::bff::{media, money};

fn price(money: Option<&Money>) -> Option<String> {
    money.map(money::price)
}

fn item<T: Listed>(
    listed: &T,
    id: String,
    image_url: Option<&str>,
    network: Option<String>,
) -> CatalogItem {
    CatalogItem {
        id,
        name: listed.name().to_owned(),
        image: image_url.map(media::proxied),
        manufacturer: listed
            .manufacturer()
            .map(|m| m.name.clone().unwrap_or_else(|| m.id.clone())),
        carrier: listed.vendor().and_then(|v| v.name.clone()),
        price: price(listed.price()),
        network,
        included_features: Vec::new(),
        needs_new_device: None,
    }
}

pub fn accessory(accessory: Accessory) -> CatalogItem {
    item(
        &accessory,
        accessory.id.clone(),
        accessory.image_url.as_deref(),
        None,
    )
}

pub fn device(device: CatalogDevice) -> CatalogItem {
    let network = device.access_method.as_ref().map(|m| m.as_str().to_owned());
    item(
        &device,
        device.id.clone(),
        device.image_url.as_deref(),
        network,
    )
}

/// A plan, with why it would need a new device, if it would.
pub fn plan(plan: &Plan, needs_new_device: Option<String>) -> CatalogItem {
    let included_features = plan
        .included_features
        .iter()
        .flatten()
        .filter_map(|f| f.description.clone())
        .collect();
    CatalogItem {
        included_features,
        needs_new_device,
        ..item(plan, plan.id.clone(), None, None)
    }
}

/// An optional feature as the plan page offers it; one without an id cannot be
/// ordered and is left out.
pub fn optional_feature(feature: Feature) -> Option<PlanFeature> {
    Some(PlanFeature {
        id: feature.id?,
        description: feature
            .description
            .unwrap_or_else(|| "Unnamed feature".into()),
        price: price(feature.price.as_ref()),
    })
}

/// The manufacturers and carriers of `items`, each once, by name.
pub fn choices<T: Listed>(items: &[T]) -> (Vec<Choice>, Vec<Choice>) {
    let mut manufacturers = BTreeMap::new();
    let mut carriers = BTreeMap::new();
    for item in items {
        if let Some(m) = item.manufacturer() {
            manufacturers.insert(m.id.clone(), m.name.clone().unwrap_or_else(|| m.id.clone()));
        }
        if let Some(v) = item.vendor() {
            carriers.insert(v.id.clone(), v.name.clone().unwrap_or_else(|| v.id.clone()));
        }
    }
    (by_label(manufacturers), by_label(carriers))
}

/// Two options of the same name (a carrier under two ids) are told apart by id.
fn by_label(options: BTreeMap<String, String>) -> Vec<Choice> {
    let shared = |label: &String| options.values().filter(|l| *l == label).count() > 1;
    let mut choices: Vec<Choice> = options
        .iter()
        .map(|(value, label)| Choice {
            label: if shared(label) {
                format!("{label} ({value})")
            } else {
                label.clone()
            },
            value: value.clone(),
        })
        .collect();
    choices.sort_by_cached_key(|c| (c.label.to_lowercase(), c.value.clone()));
    choices
}

/// "Showing 10 of 11 accessories", "2 plans", "No devices found".
pub fn summary<T: Listed>(shown: usize, total: Option<u32>) -> String {
    let noun = |n: usize| if n == 1 { T::ONE } else { T::MANY };
    match total.and_then(|t| usize::try_from(t).ok()) {
        _ if shown == 0 => format!("No {} found", T::MANY),
        Some(total) if total > shown => format!("Showing {shown} of {total} {}", noun(total)),
        _ => format!("{shown} {}", noun(shown)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accessories(json: &str) -> Vec<Accessory> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn items_are_display_ready() {
        let [charger]: [Accessory; 1] = accessories(
            r#"[{"id":"3628935898","name":"Vehicle Charger","imageUrl":"http://m.test//images/a.jpg",
                "manufacturer":{"id":"Verizon Wireless","name":"Verizon Wireless"},
                "vendor":{"id":"98","name":"Verizon Wireless"},
                "price":{"amount":22.49,"currencyCode":"USD","recurrence":"ONETIME"}}]"#,
        )
        .try_into()
        .unwrap();
        let item = accessory(charger);
        assert_eq!(item.price.as_deref(), Some("$22.49 one-time"));
        assert_eq!(
            item.image.as_deref(),
            Some("/media?src=%2F%2Fimages%2Fa.jpg")
        );
        assert_eq!(item.manufacturer.as_deref(), Some("Verizon Wireless"));
        assert_eq!(item.carrier.as_deref(), Some("Verizon Wireless"));
    }

    #[test]
    fn choices_are_distinct_and_by_name() {
        let items = accessories(
            r#"[{"id":"1","name":"a","manufacturer":{"id":"LG","name":"LG"},"vendor":{"id":"98","name":"Verizon Wireless"}},
                {"id":"2","name":"b","manufacturer":{"id":"anker","name":"Anker"},"vendor":{"id":"5001","name":"Ingram Micro Mobility"}},
                {"id":"3","name":"c","manufacturer":{"id":"LG","name":"LG"}},
                {"id":"4","name":"d","vendor":{"id":"888","name":"Verizon Wireless"}}]"#,
        );
        let (manufacturers, carriers) = choices(&items);
        let labels = |c: &[Choice]| c.iter().map(|c| c.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&manufacturers), ["Anker", "LG"]);
        assert_eq!(
            labels(&carriers),
            [
                "Ingram Micro Mobility",
                "Verizon Wireless (888)",
                "Verizon Wireless (98)"
            ]
        );
        assert_eq!(carriers[2].value, "98");
    }

    #[test]
    fn summaries_count_what_is_shown() {
        assert_eq!(
            summary::<Accessory>(10, Some(11)),
            "Showing 10 of 11 accessories"
        );
        assert_eq!(summary::<Accessory>(1, Some(1)), "1 accessory");
        assert_eq!(summary::<Plan>(2, None), "2 plans");
        assert_eq!(summary::<CatalogDevice>(0, Some(0)), "No devices found");
    }
}
