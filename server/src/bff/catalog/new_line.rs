//! The steps before a new line's catalog: what the actor may start, and where the line
//! will be used (with, for a personal line, the carrier it is with now).

use app::{
    error::AppError,
    links,
    model::{
        cart::{OrderKind, OrderTarget, Place},
        checkout::SelectOption,
        new_line::{NewLineChoices, NewLineOption, PlaceAnswer, PlaceForm},
    },
};

use crate::bff::{caller::Caller, error::BffError, place, present, subject, transactions};

/// The ways the actor may get a new line; `Forbidden` when there is none.
pub async fn choices(caller: &Caller) -> Result<NewLineChoices, BffError> {
    let permissions = caller.actor_permissions().await?;
    let options: Vec<NewLineOption> = [
        (
            OrderKind::NewActivation,
            "A new number",
            "A new line with a new phone number, and a device and a plan from the company.",
        ),
        (
            OrderKind::TransferIn,
            "Move my personal line to the company",
            "Keep the number of your personal line: the company takes it over and pays for \
             it. You choose the company's plan, and a new device if yours cannot use its \
             network.",
        ),
    ]
    .into_iter()
    .filter(|(order, _, _)| transactions::may_start(*order, &permissions.transaction_types))
    .map(|(order, title, description)| NewLineOption {
        order,
        title: title.to_owned(),
        description: description.to_owned(),
        href: links::place_step(order, None),
    })
    .collect();
    if options.is_empty() {
        return Err(BffError::User(AppError::Forbidden));
    }
    Ok(NewLineChoices { options })
}

/// The place step for `order`, with `answer` checked when there is one.
pub async fn place_form(
    caller: &Caller,
    order: OrderKind,
    service_id: Option<String>,
    answer: Option<PlaceAnswer>,
) -> Result<PlaceForm, BffError> {
    let order = match (&service_id, order) {
        (Some(_), _) => OrderKind::PortNumber,
        (None, OrderKind::TransferIn | OrderKind::TransferInAndPort) => OrderKind::TransferIn,
        (None, OrderKind::NewActivation) => OrderKind::NewActivation,
        (None, _) => return Err(BffError::User(AppError::NotFound)),
    };
    let transaction = transactions::of(order);
    subject::may_order(caller, order).await?;
    let line = match &service_id {
        Some(id) => Some(subject::line(caller, transaction, id).await?),
        None => None,
    };
    let countries = place::countries(caller).await?;
    let carriers = match transaction.needs_current_vendor {
        true => place::carriers(caller).await?,
        false => Vec::new(),
    };
    let postal_hint = place::postal_hint(caller, &countries).await?;
    let (heading, lede) = match (&line, order) {
        (Some(line), _) => {
            let number = present::line(line.clone(), &[]).number;
            let carrier = present::carrier(line)
                .and_then(|v| v.name.clone())
                .map(|name| format!(" It is with {name} now."))
                .unwrap_or_default();
            (
                format!("Change carrier for {number}"),
                format!(
                    "The number stays and the line moves to another carrier.{carrier} Where \
                     will it be used? The catalog then shows the devices and plans offered there."
                ),
            )
        }
        (None, OrderKind::NewActivation) => (
            "A new line".to_owned(),
            "Where will the new line be used? The catalog then shows the devices and plans \
             offered there."
                .to_owned(),
        ),
        (None, _) => (
            "Move your personal line to the company".to_owned(),
            "Where will the line be used, and which carrier is it with now? The catalog then \
             shows the company's plans there."
                .to_owned(),
        ),
    };
    let mut form = PlaceForm {
        order,
        service_id: service_id.clone(),
        heading,
        lede,
        countries: countries
            .iter()
            .map(|c| SelectOption {
                value: c.id.clone(),
                label: c.name.clone().unwrap_or_else(|| c.id.clone()),
            })
            .collect(),
        postal_hint,
        carriers: carriers
            .iter()
            .map(|v| SelectOption {
                value: v.id.clone(),
                label: v.name.clone().unwrap_or_else(|| v.id.clone()),
            })
            .collect(),
        answer: answer.clone().unwrap_or_default(),
        errors: Vec::new(),
        next: None,
    };
    if let Some(answer) = answer {
        let asked = Place {
            region: answer.region,
            postal_code: Some(answer.postal_code),
            from: Some(answer.from),
        };
        match place::check(caller, transaction, &asked).await? {
            Ok(facts) => {
                let target = OrderTarget {
                    order,
                    service_id,
                    place: Some(facts.asked(transaction)),
                };
                form.next = Some(format!(
                    "{}{}",
                    links::catalog(&target),
                    links::query(&links::place_pairs(&target))
                ));
            }
            Err(problems) => form.errors = problems,
        }
    }
    Ok(form)
}
