//! What an order is for, checked: the actor may place its kind, its line is theirs and
//! allows it, its place is good. Catalog pages and the cart both start here, so a URL
//! or form naming something else is refused the same way everywhere.

use app::{
    error::AppError,
    model::{
        cart::{OrderKind, OrderTarget},
        catalog::{ListingSubject, PlaceSummary},
    },
};
use mobproc::model::{AccessMethod, ServiceAsset};

use super::{
    caller::Caller,
    error::BffError,
    place::{self, Carrier, PlaceFacts},
    present,
    transactions::{self, Transaction},
};

pub struct Subject {
    pub transaction: &'static Transaction,
    pub order: OrderKind,
    pub line: Option<ServiceAsset>,
    pub place: Option<PlaceFacts>,
}

/// Refuses, before any other call, an order kind the actor may not place at all.
pub async fn may_order(caller: &Caller, order: OrderKind) -> Result<(), BffError> {
    let permissions = caller.actor_permissions().await?;
    if transactions::may_start(order, &permissions.transaction_types) {
        Ok(())
    } else {
        Err(BffError::User(AppError::Forbidden))
    }
}

/// `target` checked: `Forbidden` for a kind the actor may not order (or the line does
/// not allow), `NotFound` for a line they may not see, `Invalid` for a bad place.
pub async fn check(caller: &Caller, target: &OrderTarget) -> Result<Subject, BffError> {
    let transaction = transactions::of(target.order);
    may_order(caller, target.order).await?;
    let line = match (transaction.for_line, target.service_id.as_deref()) {
        (true, Some(id)) => Some(line(caller, transaction, id).await?),
        (true, None) => return Err(BffError::User(AppError::NotFound)),
        (false, _) => None,
    };
    let place = match transaction.needs_place {
        true => {
            let mut facts = place::facts(caller, transaction, target.place.as_ref()).await?;
            // A carrier change moves the line away from the carrier it is with now.
            if let Some(vendor) = line.as_ref().and_then(present::carrier) {
                facts.from = Some(Carrier::of(vendor));
            }
            Some(facts)
        }
        false => None,
    };
    Ok(Subject {
        transaction,
        order: target.order,
        line,
        place,
    })
}

/// The line `service_id`, if the actor may order `transaction` for it now.
pub async fn line(
    caller: &Caller,
    transaction: &Transaction,
    service_id: &str,
) -> Result<ServiceAsset, BffError> {
    let api = caller.api();
    let (permissions, line) =
        tokio::try_join!(caller.actor_permissions(), api.service_asset(service_id))?;
    if transaction.allowed(
        &permissions.transaction_types,
        line.order_actions.as_deref(),
    ) && transaction.fits_status(line.status.as_deref())
    {
        Ok(line)
    } else {
        Err(BffError::User(AppError::Forbidden))
    }
}

impl Subject {
    /// The query that narrows MOBPROC's catalog to this order: the line, or where the
    /// new line will be used (`regionId`, `postalCode`, no `service`).
    pub fn catalog_params(&self) -> Vec<(&'static str, String)> {
        match (&self.place, &self.line) {
            (Some(place), _) => {
                let mut params = vec![("regionId", place.region_id.clone())];
                params.extend(place.postal_code.clone().map(|p| ("postalCode", p)));
                params
            }
            (None, Some(line)) => vec![("service", line.id.clone())],
            (None, None) => Vec::new(),
        }
    }

    /// The network the order's phone uses if no new device comes with it: the line's
    /// device, or the phone of a personal line on its carrier now.
    pub async fn device_network(&self, caller: &Caller) -> Result<Option<AccessMethod>, BffError> {
        if let Some(from) = self.place.as_ref().and_then(|p| p.from.as_ref()) {
            if self.transaction.needs_current_vendor {
                return Ok(from.network.as_deref().and_then(|n| n.parse().ok()));
            }
        }
        let Some(device) = self.line.as_ref().and_then(|l| l.device.as_ref()) else {
            return Ok(None);
        };
        if let Some(method) = device.access_method.clone() {
            return Ok(Some(method));
        }
        Ok(caller.api().device_asset(&device.id).await?.access_method)
    }

    /// The line's device, for messages about its network.
    pub fn device_name(&self) -> Option<String> {
        self.summary().device_name
    }

    /// The subject as the catalog pages name it.
    pub fn summary(&self) -> ListingSubject {
        let line = self.line.clone().map(|l| present::line(l, &[]));
        let name = match (&line, &self.place) {
            (Some(line), _) => line.number.clone(),
            (None, Some(place)) => format!("a new line in {}", place.short()),
            (None, None) => "a new line".to_owned(),
        };
        ListingSubject {
            name,
            device_name: line.and_then(|l| l.device_name),
            place: self.place.as_ref().map(|p| PlaceSummary {
                country: p.country.clone(),
                postal_code: p.postal_code.clone(),
                from: p
                    .from
                    .as_ref()
                    .filter(|_| self.transaction.needs_current_vendor)
                    .map(Carrier::described),
            }),
        }
    }
}
