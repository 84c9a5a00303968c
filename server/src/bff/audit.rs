//! The audit trail of orders placed on behalf of others: one line per confirm and
//! submit, in the audit format (`crate::audit`).

use super::party::Party;

/// Logs `step` (`confirm`, `submit`) of an order `party` handles for someone else;
/// nothing for people ordering for themselves.
pub fn on_behalf(
    correlation_id: &str,
    party: &Party,
    step: &str,
    external_order_number: &str,
    order_id: Option<&str>,
    outcome: &str,
) {
    let Some(acting) = &party.acting else {
        return;
    };
    crate::audit!(
        "order_on_behalf",
        outcome = outcome,
        user = party.user_id.as_str(),
        actor = acting.employee_id.as_str(),
        admin = party.user_id.as_str(),
        activity_id = acting.activity_id.as_str(),
        step = step,
        external_order_number = external_order_number,
        order_id = order_id.unwrap_or(crate::audit::NOBODY),
        correlation_id = correlation_id,
    );
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing_subscriber::{layer::Context, prelude::*, Layer};

    use super::*;
    use crate::bff::session_data::ActingFor;

    /// An event's target and its fields, as text.
    type Event = (String, Vec<(String, String)>);

    #[derive(Clone, Default)]
    struct Recorded(Arc<Mutex<Vec<Event>>>);

    struct Fields(Vec<(String, String)>);

    impl Visit for Fields {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.0.push((field.name().to_owned(), format!("{value:?}")));
        }
        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.push((field.name().to_owned(), value.to_owned()));
        }
    }

    impl<S: tracing::Subscriber> Layer<S> for Recorded {
        fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
            let mut fields = Fields(Vec::new());
            event.record(&mut fields);
            let target = event.metadata().target().to_owned();
            self.0.lock().unwrap().push((target, fields.0));
        }
    }

    fn party(acting: bool) -> Party {
        Party {
            user_id: "28600001".into(),
            actor_id: if acting { "48068931" } else { "28600001" }.into(),
            acting: acting.then(|| ActingFor {
                employee_id: "48068931".into(),
                name: "Barbara Andrews".into(),
                department: Some("Marketing".into()),
                activity_id: "activity-1".into(),
                permissions: None,
            }),
        }
    }

    fn record(work: impl FnOnce()) -> Vec<Event> {
        let recorded = Recorded::default();
        let subscriber = tracing_subscriber::registry().with(recorded.clone());
        tracing::subscriber::with_default(subscriber, work);
        let events = recorded.0.lock().unwrap().clone();
        events
    }

    #[test]
    fn an_order_for_someone_else_leaves_one_line_with_who_what_and_how_it_went() {
        let events = record(|| {
            on_behalf(
                "corr-1",
                &party(true),
                "submit",
                "SF-1",
                Some("8712001"),
                "placed",
            );
        });
        assert_eq!(events.len(), 1);
        let (target, fields) = &events[0];
        assert_eq!(target, "audit");
        let field = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(field("admin"), Some("28600001"));
        assert_eq!(field("actor"), Some("48068931"));
        assert_eq!(field("activity_id"), Some("activity-1"));
        assert_eq!(field("step"), Some("submit"));
        assert_eq!(field("external_order_number"), Some("SF-1"));
        assert_eq!(field("order_id"), Some("8712001"));
        assert_eq!(field("outcome"), Some("placed"));
        assert_eq!(field("correlation_id"), Some("corr-1"));
        assert_eq!(field("event"), Some("order_on_behalf"));
        assert_eq!(field("user"), Some("28600001"));
    }

    #[test]
    fn ordering_for_oneself_is_not_audited() {
        let events = record(|| {
            on_behalf(
                "corr-2",
                &party(false),
                "confirm",
                "SF-2",
                None,
                "confirmed",
            );
        });
        assert!(events.is_empty());
    }
}
