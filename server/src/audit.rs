//! The audit trail: security events on the `audit` log target, one line each, all in
//! one format (the README's "Audit log"):
//!
//! ```text
//! <time> INFO request{request_id=<id> address=<client>}: audit: <event> event=<event> outcome=<outcome> user=<employee id or -> actor=<employee id or -> <details…>
//! ```
//!
//! `event` is one of `sign_in`, `sign_out`, `sign_out_everywhere`, `context_switch`,
//! `context_end`, `order_on_behalf`, `approval`, `line_move`; `outcome` says how it went
//! (`ok`, `refused`, `throttled`, `placed`, …). Routed to a file of its own with
//! `STOREFRONT_AUDIT_LOG`, besides the log.

/// One audit line: `audit!("sign_in", outcome = "ok", user = …, actor = …, key = value, …)`.
/// `user` and `actor` are employee ids (`"-"` when there is none).
#[macro_export]
macro_rules! audit {
    ($event:literal, outcome = $outcome:expr, user = $user:expr, actor = $actor:expr $(, $key:ident = $value:expr)* $(,)?) => {
        ::tracing::info!(
            target: "audit",
            event = $event,
            outcome = $outcome,
            user = $user,
            actor = $actor,
            $($key = $value,)*
            $event
        )
    };
}

/// What the employee id fields say when there is none.
pub const NOBODY: &str = "-";
