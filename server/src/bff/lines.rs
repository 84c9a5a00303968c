//! "My lines": the actor's lines with what may be done with each.

use app::model::Line;
use mobproc::client::{collection, AssetQuery};

use super::{caller::Caller, error::BffError, present};

/// Lines of one person are few; a runaway chain of links must still end.
const MAX_PAGES: usize = 20;

pub async fn list(caller: &Caller) -> Result<Vec<Line>, BffError> {
    let query = AssetQuery {
        employee: Some(caller.party().actor_id.clone()),
        include_upgrade_eligible_date: Some(true),
        ..AssetQuery::default()
    };
    let api = caller.api();
    let (permissions, services) = tokio::try_join!(
        caller.actor_permissions(),
        api.walk(&collection::SERVICES, &query, MAX_PAGES),
    )?;
    Ok(services
        .items
        .into_iter()
        .map(|service| present::line(service, &permissions.transaction_types))
        .collect())
}
