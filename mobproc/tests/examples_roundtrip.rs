//! The wire contract: every JSON example of the MOBPROC documentation
//! (`../shared/mobproc/examples/`) reads into its model type and writes back unchanged.

use std::collections::BTreeSet;
use std::path::Path;

use mobproc::model::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/mobproc/examples");

/// Parses an example as `T` and serializes it back to a `Value`.
type RoundTrip = fn(&str) -> Result<Value, serde_json::Error>;

fn via<T: DeserializeOwned + Serialize>(json: &str) -> Result<Value, serde_json::Error> {
    serde_json::to_value(serde_json::from_str::<T>(json)?)
}

// Envelopes for fragments and collections: the client reads collections generically
// through `Listing<T>`, so the model has no per-collection envelope types.

#[derive(Serialize, Deserialize)]
struct MetaOnly {
    #[serde(rename = "_meta")]
    meta: Meta,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderRequestPropertiesFragment {
    order_request: PropertiesOnly,
}

#[derive(Serialize, Deserialize)]
struct PropertiesOnly {
    properties: Vec<PropertyValueGroup>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ShipToFragment {
    ship_to: ShipTo,
}

#[derive(Serialize, Deserialize)]
struct PropertiesCollection {
    properties: Listing<PropertyGroup>,
}

#[derive(Serialize, Deserialize)]
struct RegionsCollection {
    regions: Listing<Region>,
}

/// Every example, relative to `EXAMPLES`, with the type it must read as.
const TABLE: &[(&str, RoundTrip)] = &[
    (
        "acknowledgements/xfer_service_in.json",
        via::<Acknowledgements>,
    ),
    (
        "assets/move_service_request.json",
        via::<MoveServiceRequest>,
    ),
    ("assets/move_service_response.json", via::<ServiceAsset>),
    ("errors/error.json", via::<ErrorBody>),
    ("meta/employees_items.json", via::<Vec<Employee>>),
    ("meta/pagination_meta.json", via::<MetaOnly>),
    ("oauth/token_password_response.json", via::<TokenResponse>),
    ("oauth/token_refresh_response.json", via::<TokenResponse>),
    ("oauth/token_validate_response.json", via::<TokenValidation>),
    ("orders/approval_request.json", via::<ApprovalRequest>),
    ("orders/approval_response.json", via::<ApprovalResponse>),
    (
        "orders/properties_other_choice_fragment.json",
        via::<OrderRequestPropertiesFragment>,
    ),
    (
        "orders/properties_response.json",
        via::<PropertiesCollection>,
    ),
    ("regions/region_us_with_address_format.json", via::<Region>),
    ("regions/ship_to_fragment.json", via::<ShipToFragment>),
    ("regions/states_of_us.json", via::<RegionsCollection>),
    (
        "orders/new_activation/request.json",
        via::<OrderRequestBody>,
    ),
    (
        "orders/new_activation/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/new_activation/order.json", via::<OrderResponse>),
    ("orders/upgrade/request.json", via::<OrderRequestBody>),
    (
        "orders/upgrade/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/upgrade/order.json", via::<OrderResponse>),
    ("orders/port_number/request.json", via::<OrderRequestBody>),
    (
        "orders/port_number/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/port_number/order.json", via::<OrderResponse>),
    (
        "orders/order_accessories/request.json",
        via::<OrderRequestBody>,
    ),
    (
        "orders/order_accessories/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/order_accessories/order.json", via::<OrderResponse>),
    ("orders/suspend/request.json", via::<OrderRequestBody>),
    (
        "orders/suspend/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/suspend/order.json", via::<OrderResponse>),
    ("orders/unsuspend/request.json", via::<OrderRequestBody>),
    (
        "orders/unsuspend/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/unsuspend/order.json", via::<OrderResponse>),
    ("orders/deactivate/request.json", via::<OrderRequestBody>),
    (
        "orders/deactivate/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/deactivate/order.json", via::<OrderResponse>),
    (
        "orders/update_features/request.json",
        via::<OrderRequestBody>,
    ),
    (
        "orders/update_features/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/update_features/order.json", via::<OrderResponse>),
    ("orders/swap_devices/request.json", via::<OrderRequestBody>),
    (
        "orders/swap_devices/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/swap_devices/order.json", via::<OrderResponse>),
    (
        "orders/xfer_service_out/request.json",
        via::<OrderRequestBody>,
    ),
    (
        "orders/xfer_service_out/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/xfer_service_out/order.json", via::<OrderResponse>),
    (
        "orders/xfer_service_in/request.json",
        via::<OrderRequestBody>,
    ),
    (
        "orders/xfer_service_in/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    ("orders/xfer_service_in/order.json", via::<OrderResponse>),
    (
        "orders/xfer_service_in_and_port/request.json",
        via::<OrderRequestBody>,
    ),
    (
        "orders/xfer_service_in_and_port/confirmation.json",
        via::<ConfirmationResponse>,
    ),
    (
        "orders/xfer_service_in_and_port/order.json",
        via::<OrderResponse>,
    ),
];

/// The JSON path of the first difference between two values, to make a failure readable.
fn first_difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let keys: BTreeSet<&String> = e.keys().chain(a.keys()).collect();
            keys.into_iter()
                .find_map(|key| match (e.get(key), a.get(key)) {
                    (Some(ev), Some(av)) => first_difference(ev, av, &format!("{path}.{key}")),
                    (Some(_), None) => Some(format!("{path}.{key}: dropped")),
                    (None, _) => Some(format!("{path}.{key}: added")),
                })
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (ev, av))| first_difference(ev, av, &format!("{path}[{i}]"))),
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, got {actual}")),
    }
}

#[test]
fn every_example_round_trips_through_its_type() {
    let mut failures = Vec::new();
    for (relative, round_trip) in TABLE {
        let path = Path::new(EXAMPLES).join(relative);
        let json = match std::fs::read_to_string(&path) {
            Ok(json) => json,
            Err(err) => {
                failures.push(format!("{relative}: cannot read {}: {err}", path.display()));
                continue;
            }
        };
        let original: Value = serde_json::from_str(&json).expect("examples are valid JSON");
        match round_trip(&json) {
            Err(err) => failures.push(format!("{relative}: does not deserialize: {err}")),
            Ok(written) => {
                if let Some(difference) = first_difference(&original, &written, "$") {
                    failures.push(format!("{relative}: {difference}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn json_files_under(dir: &Path, root: &Path, found: &mut BTreeSet<String>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()));
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            json_files_under(&path, root, found);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            let relative = path.strip_prefix(root).expect("under the examples root");
            found.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_table_covers_every_example_file() {
    let root = Path::new(EXAMPLES);
    let mut on_disk = BTreeSet::new();
    json_files_under(root, root, &mut on_disk);
    assert!(
        !on_disk.is_empty(),
        "no examples found under {}",
        root.display()
    );

    let in_table: BTreeSet<String> = TABLE
        .iter()
        .map(|(relative, _)| (*relative).to_owned())
        .collect();
    assert_eq!(in_table.len(), TABLE.len(), "the table lists a file twice");

    let unmapped: Vec<_> = on_disk.difference(&in_table).collect();
    let missing: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(
        unmapped.is_empty(),
        "examples without a type in TABLE: {unmapped:?}"
    );
    assert!(
        missing.is_empty(),
        "TABLE lists files that do not exist: {missing:?}"
    );
}

#[test]
fn collections_are_read_in_both_shapes() {
    let read = |relative: &str| {
        std::fs::read_to_string(Path::new(EXAMPLES).join(relative)).expect("example exists")
    };

    let states: RegionsCollection =
        serde_json::from_str(&read("regions/states_of_us.json")).unwrap();
    assert!(matches!(states.regions, Listing::Bare(_)));
    assert!(states
        .regions
        .items()
        .iter()
        .all(|r| r.region_type == Some(RegionType::StateProvince)));

    let properties: PropertiesCollection =
        serde_json::from_str(&read("orders/properties_response.json")).unwrap();
    assert!(matches!(properties.properties, Listing::Paged(_)));
    assert_eq!(properties.properties.items()[0].group_id, "MISCELLANEOUS");
}
