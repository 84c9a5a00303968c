//! Moving a line to another employee (`POST /assets/services/{id}/move`), for people
//! `/me` lets move services: the employee is found with the search of "Order for
//! someone else", the move is kept as confirmed, and pressing "Move" sends it once.

use std::time::{Duration, Instant};

use app::{
    error::AppError,
    model::care::{MoveConfirmation, MoveView},
};
use mobproc::model::MoveServiceRequest;

use super::move_store::{Move, CONFIRMED, MOVED};
use crate::bff::{acting, caller::Caller, error::BffError, present, session_data};

/// The line card's button to the "Move this line" page.
pub const MOVE_LABEL: &str = "Move to another employee";

/// The session key of the notice "My lines" shows once after a move.
pub const LINES_NOTICE: &str = "lines_notice";

/// Refuses anyone `/me` does not let move services, before any call made for them.
async fn may_move(caller: &Caller) -> Result<(), BffError> {
    if caller.own_permissions().await?.can_move_service {
        Ok(())
    } else {
        Err(BffError::User(AppError::Forbidden))
    }
}

/// The page: the line, the employees matching `query`, or the move to `to` to confirm.
pub async fn view(
    caller: &Caller,
    service_id: &str,
    query: Option<&str>,
    to: Option<&str>,
) -> Result<MoveView, BffError> {
    may_move(caller).await?;
    let line = caller.api().service_asset(service_id).await?;
    let number = present::line(line.clone(), &[]).number;
    let mut view = MoveView {
        service_id: line.id.clone(),
        number,
        found: None,
        chosen: None,
    };
    if let Some(to) = to.map(str::trim).filter(|t| !t.is_empty()) {
        if to == caller.party().actor_id {
            return Err(BffError::User(AppError::Invalid {
                message: "The line is this person's already: choose someone else.".into(),
                fields: Vec::new(),
            }));
        }
        let employee = caller.api_as_user().employee(to).await?;
        let to = acting::result_of(&employee);
        let line_move = Move {
            id: uuid::Uuid::new_v4().simple().to_string(),
            service_id: line.id.clone(),
            new_owner_id: to.id.clone(),
            new_owner_company_id: to.company_employee_id.clone(),
            new_owner_name: to.name.clone(),
            state: CONFIRMED.to_owned(),
        };
        caller
            .bff()
            .moves()
            .insert(caller.party(), &line_move)
            .await?;
        view.chosen = Some(MoveConfirmation {
            move_id: line_move.id,
            to,
        });
    } else if let Some(query) = query {
        let mut found = acting::find(caller, query, 1).await?;
        found.results.retain(|e| e.id != caller.party().actor_id);
        view.found = Some(found);
    }
    Ok(view)
}

/// How often a press waiting for another one's move looks at it again.
const POLL: Duration = Duration::from_millis(200);
/// How long a press waits for another one's move (MOBPROC's request timeout is 30 s).
const WAIT: Duration = Duration::from_secs(40);

/// Sends the confirmed move `move_id` once; a press while it is under way waits for it,
/// and any later one shows what it did.
pub async fn send(caller: &Caller, service_id: &str, move_id: &str) -> Result<(), BffError> {
    may_move(caller).await?;
    let moves = caller.bff().moves();
    let started = Instant::now();
    loop {
        let line_move = moves
            .get(caller.party(), move_id, service_id)
            .await?
            .ok_or(BffError::User(AppError::NotFound))?;
        if line_move.state == MOVED {
            return leave_notice(caller, &line_move).await;
        }
        if moves.claim(&line_move.id).await? {
            // In its own task, so a browser that goes away mid-way (a second press
            // without JavaScript) cannot leave the move half done.
            let task = tokio::spawn(move_once(caller.clone(), line_move.clone()));
            task.await
                .map_err(|_| BffError::Context("the move task ended abnormally"))??;
            return leave_notice(caller, &line_move).await;
        }
        if started.elapsed() > WAIT {
            return Err(BffError::User(AppError::Conflict {
                message: "This line is being moved right now. Reload My lines in a moment.".into(),
            }));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Sends the move this request claimed, and records how it ended.
async fn move_once(caller: Caller, line_move: Move) -> Result<(), BffError> {
    let moves = caller.bff().moves();
    let request = MoveServiceRequest {
        new_owner_employee_id: line_move
            .new_owner_company_id
            .is_none()
            .then(|| line_move.new_owner_id.clone()),
        new_owner_company_employee_id: line_move.new_owner_company_id.clone(),
        move_charges: Some("MOVE_ALL_CHARGES".to_owned()),
    };
    let moved = caller
        .api()
        .move_service(&line_move.service_id, &request)
        .await;
    let outcome = if moved.is_ok() { "moved" } else { "refused" };
    crate::audit!(
        "line_move",
        outcome = outcome,
        user = caller.party().user_id.as_str(),
        actor = caller.party().actor_id.as_str(),
        service = line_move.service_id.as_str(),
        new_owner = line_move.new_owner_id.as_str(),
        correlation_id = caller.request_id(),
    );
    match moved {
        Ok(_) => moves.settle(&line_move.id, MOVED).await,
        Err(error) => {
            moves.settle(&line_move.id, CONFIRMED).await?;
            Err(error)
        }
    }
}

async fn leave_notice(caller: &Caller, line_move: &Move) -> Result<(), BffError> {
    let notice = format!(
        "The line now belongs to {}: it shows among their lines.",
        line_move.new_owner_name
    );
    session_data::write(caller.session(), LINES_NOTICE, &notice).await?;
    Ok(())
}
