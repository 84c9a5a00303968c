//! Whether a plan works with the line's device: a plan's carrier has one access
//! method (GSM or CDMA), and a device that lacks it needs replacing with the plan
//! (API.md §10, UPGRADE).

use std::collections::HashMap;

use mobproc::model::AccessMethod;

use crate::bff::{caller::Caller, error::BffError};

/// CDMA_PCS devices work on CDMA networks, as MOBPROC's order validation sees it.
fn network(method: &AccessMethod) -> &str {
    match method {
        AccessMethod::CdmaPcs => AccessMethod::Cdma.as_str(),
        other => other.as_str(),
    }
}

/// Why a plan on `plan_network` needs a new device, or `None` when it does not or
/// either network is unknown.
pub fn needs_new_device(
    plan_network: Option<&AccessMethod>,
    device_network: Option<&AccessMethod>,
    device_name: Option<&str>,
) -> Option<String> {
    let (plan, device) = (plan_network?, device_network?);
    if network(plan) == network(device) {
        return None;
    }
    let device_name = device_name.unwrap_or("current device");
    Some(format!(
        "Needs a new device: this plan's network ({}) does not work with your {device_name} ({}).",
        network(plan),
        network(device)
    ))
}

/// Why a plan on `plan_network` ports a personal line coming from a carrier on
/// `from_network`, or `None` when the networks match or either is unknown.
pub fn ports_the_number(
    plan_network: Option<&AccessMethod>,
    from_network: Option<&AccessMethod>,
) -> Option<String> {
    let (plan, from) = (plan_network?, from_network?);
    (network(plan) != network(from)).then(|| {
        format!(
            "Another network ({}) than your carrier's ({}): the number is ported, and a new \
             phone is needed.",
            network(plan),
            network(from)
        )
    })
}

/// The access method of each carrier in `vendor_ids` (distinct), from `/vendors/{id}` (list items
/// do not carry it), kept for everyone a while. A carrier that cannot be read is left out, and its plans get no
/// warning: the order's confirmation still checks.
pub async fn carrier_networks(
    caller: &Caller,
    vendor_ids: Vec<String>,
) -> Result<HashMap<String, AccessMethod>, BffError> {
    let mut networks = HashMap::new();
    for id in vendor_ids {
        let vendor = caller.kept_reference(format!("vendor {id}"), || async {
            caller.api().vendor(&id).await
        });
        match vendor.await {
            Ok(vendor) => {
                if let Some(method) = vendor.access_method.clone() {
                    networks.insert(id, method);
                }
            }
            Err(BffError::Mobproc(error)) => {
                tracing::warn!(%error, "carrier network unknown");
            }
            Err(error) => return Err(error),
        }
    }
    Ok(networks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_on_another_network_needs_a_new_device() {
        assert_eq!(
            needs_new_device(
                Some(&AccessMethod::Gsm),
                Some(&AccessMethod::Cdma),
                Some("LG Cookie Plus")
            )
            .as_deref(),
            Some("Needs a new device: this plan's network (GSM) does not work with your LG Cookie Plus (CDMA).")
        );
    }

    #[test]
    fn a_personal_line_onto_another_network_is_ported() {
        let (gsm, cdma) = (Some(&AccessMethod::Gsm), Some(&AccessMethod::Cdma));
        assert!(ports_the_number(cdma, gsm)
            .unwrap()
            .contains("the number is ported"));
        assert_eq!(ports_the_number(gsm, gsm), None);
        assert_eq!(ports_the_number(None, gsm), None);
    }

    #[test]
    fn same_network_or_unknown_needs_nothing() {
        let cdma = Some(&AccessMethod::Cdma);
        assert_eq!(
            needs_new_device(cdma, Some(&AccessMethod::CdmaPcs), None),
            None
        );
        assert_eq!(needs_new_device(cdma, cdma, None), None);
        assert_eq!(needs_new_device(None, cdma, None), None);
        assert_eq!(needs_new_device(cdma, None, None), None);
    }
}
