//! The audit trail, as the log records it: one `audit` line per sign-in success,
//! failure and throttle (with the account and the client address, never the password),
//! sign-out, sign-out everywhere and context switch (refused ones too), in one format;
//! and a failed revocation at sign-out is logged as such.

mod support;

use std::sync::{Arc, Mutex, OnceLock};

use server::bff::throttle::{Rule, ThrottlePolicy};
use support::{start_set_up, Setup};
use tracing::field::{Field, Visit};
use tracing_subscriber::{layer::Context, prelude::*, Layer};

/// An event: its target, message and fields, as text.
#[derive(Debug, Clone)]
struct Event {
    target: String,
    fields: Vec<(String, String)>,
}

impl Event {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

struct Fields(Vec<(String, String)>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

#[derive(Clone, Default)]
struct Recorded(Arc<Mutex<Vec<Event>>>);

impl<S: tracing::Subscriber> Layer<S> for Recorded {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        self.0.lock().unwrap().push(Event {
            target: event.metadata().target().to_owned(),
            fields: fields.0,
        });
    }
}

fn recorded() -> &'static Recorded {
    static RECORDED: OnceLock<Recorded> = OnceLock::new();
    RECORDED.get_or_init(|| {
        let recorded = Recorded::default();
        tracing_subscriber::registry()
            .with(
                recorded
                    .clone()
                    .with_filter(tracing_subscriber::filter::LevelFilter::INFO),
            )
            .init();
        recorded
    })
}

fn audit_lines(event: &str) -> Vec<Event> {
    recorded()
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.target == "audit" && e.field("event") == Some(event))
        .cloned()
        .collect()
}

#[tokio::test]
async fn security_events_leave_one_audit_line_each_in_one_format() {
    recorded();
    let defaults = ThrottlePolicy::default();
    let harness = start_set_up(
        sandbox::Config::ephemeral(),
        Setup {
            throttle: ThrottlePolicy {
                account: Rule {
                    free_failures: 1,
                    ..defaults.account
                },
                ..defaults
            },
            ..Setup::default()
        },
    )
    .await;
    let stranger = harness.browser();
    harness
        .sign_in(&stranger, "james.carpenter@example.com", "wrong-guess")
        .await;
    harness
        .sign_in(&stranger, "james.carpenter@example.com", "wrong-guess")
        .await;
    let admin = harness.admin().await;
    harness
        .start_acting(&admin, "48068931")
        .await
        .expect("switched");
    harness.stop_acting(&admin).await.expect("switched back");
    let refused = harness.start_acting(&admin, "99999999").await;
    assert!(refused.is_err());
    // Revocation fails at sign-out: the log says so.
    harness
        .set_faults(serde_json::json!([{ "path": "/as/revoke_token.oauth2", "errorRate": 1.0 }]))
        .await;
    admin
        .post(harness.url("/auth/sign-out"))
        .send()
        .await
        .expect("signed out");

    let sign_ins = audit_lines("sign_in");
    let outcomes: Vec<(&str, &str)> = sign_ins
        .iter()
        .map(|e| (e.field("account").unwrap(), e.field("outcome").unwrap()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("james.carpenter@example.com", "refused"),
            ("james.carpenter@example.com", "throttled"),
            ("admin.acme", "ok"),
        ]
    );
    for line in &sign_ins {
        assert_eq!(line.field("address"), Some("127.0.0.1"), "{line:?}");
        for (name, _) in &line.fields {
            assert_ne!(name, "password");
        }
        assert!(
            line.fields
                .iter()
                .all(|(_, value)| !value.contains("wrong-guess") && value != "demo"),
            "no password in {line:?}"
        );
        for name in ["event", "outcome", "user", "actor", "method"] {
            assert!(line.field(name).is_some(), "{name} in {line:?}");
        }
    }
    assert_eq!(sign_ins[2].field("user"), Some("28600001"));

    let switches = audit_lines("context_switch");
    let switched: Vec<(&str, &str)> = switches
        .iter()
        .map(|e| (e.field("actor").unwrap(), e.field("outcome").unwrap()))
        .collect();
    assert_eq!(switched, [("48068931", "ok"), ("99999999", "refused")]);
    assert_eq!(audit_lines("context_end").len(), 1);
    let sign_outs = audit_lines("sign_out");
    assert_eq!(sign_outs.len(), 1);
    assert_eq!(sign_outs[0].field("user"), Some("28600001"));

    let not_revoked = recorded()
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.field("message") == Some("refresh token NOT revoked at sign-out"))
        .count();
    assert_eq!(not_revoked, 1, "the failed revocation is logged as such");
}
