//! "My lines": the actor's lines with what may be done with each, and the way to a new
//! line.

use app::{
    links,
    model::{cart::OrderKind, ActionGroup, LineAction, MyLines},
};
use mobproc::client::{collection, AssetQuery};

use super::{caller::Caller, care::moves, error::BffError, present, session_data, transactions};

/// Lines of one person are few; a runaway chain of links must still end.
const MAX_PAGES: usize = 20;

pub async fn list(caller: &Caller) -> Result<MyLines, BffError> {
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
    let permitted = &permissions.transaction_types;
    let new_line = [OrderKind::NewActivation, OrderKind::TransferIn]
        .into_iter()
        .any(|order| transactions::may_start(order, permitted))
        .then(|| links::NEW_LINE.to_owned());
    // MOBPROC lets the signed-in person move lines, whoever they act for.
    let may_move = match caller.party().acting {
        None => permissions.can_move_service,
        Some(_) => caller.own_permissions().await?.can_move_service,
    };
    let notice = session_data::take(caller.session(), moves::LINES_NOTICE).await?;
    Ok(MyLines {
        lines: services
            .items
            .into_iter()
            .map(|service| {
                let mut line = present::line(service, permitted);
                if may_move {
                    line.actions.push(LineAction {
                        label: moves::MOVE_LABEL.to_owned(),
                        href: links::line(&line.service_id, "move"),
                        group: ActionGroup::Manage,
                    });
                }
                line
            })
            .collect(),
        new_line,
        notice,
    })
}
