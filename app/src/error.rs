//! The UI boundary's one error type: what a page or a server function can tell the user,
//! and the one mapping of each case to an HTTP status ([`AppError::status`]).

use http::StatusCode;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// A message beside one form field, e.g. `shipTo.address.POSTAL_CODE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Everything that can go wrong, as users should hear it. Details go to the log, tied
/// to the request's correlation id, which users can quote; where no request is known
/// (the browser could not reach the server) there is none to quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    SignInRequired,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error("That was not found.")]
    NotFound,
    /// A request the server could not read at all, e.g. a form field of the wrong kind.
    #[error("This form could not be read. Please reload the page and try again.")]
    Malformed,
    /// Input that was read but is not acceptable; `fields` say where.
    #[error("{message}")]
    Invalid {
        message: String,
        fields: Vec<FieldError>,
    },
    /// Something changed at the same time elsewhere, e.g. the cart in another tab.
    #[error("{message}")]
    Conflict { message: String },
    /// Another request is placing this order right now.
    #[error("Your order is still being placed. Please reload this page in a moment to see how it went; do not order again.")]
    StillPlacing,
    /// MOBPROC's answer to an order was lost and it could not be looked up yet.
    #[error("We could not confirm whether MOBPROC received your order, and could not look for it just now. Please do not order again: try placing it again in a minute, and we will first check whether it went through. (Reference: {correlation_id})")]
    Unconfirmed { correlation_id: String },
    /// MOBPROC's answer to an order was lost, and the order is not among the actor's.
    #[error("We could not confirm that MOBPROC received your order; it was not found among your orders, so nothing was ordered. You may try again. (Reference: {correlation_id})")]
    NotPlaced { correlation_id: String },
    #[error("MOBPROC did not answer in time or failed. Nothing was changed; please try again. (Reference: {correlation_id})")]
    Upstream { correlation_id: String },
    #[error("Something went wrong on our side.{}", reference(.correlation_id))]
    Internal { correlation_id: Option<String> },
    /// Only ever made in the browser: the request did not get an answer.
    #[error("The server could not be reached. Please check your connection and try again.")]
    Transport(String),
}

fn reference(correlation_id: &Option<String>) -> String {
    correlation_id
        .as_deref()
        .map(|id| format!(" (Reference: {id})"))
        .unwrap_or_default()
}

impl AppError {
    /// The message for one field, if this error names it.
    pub fn field(&self, field: &str) -> Option<String> {
        match self {
            Self::Invalid { fields, .. } => fields
                .iter()
                .find(|f| f.field == field)
                .map(|f| f.message.clone()),
            _ => None,
        }
    }

    /// The HTTP status of an answer carrying this error: the one place that decides it,
    /// for server functions, plain routes and pages alike.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::SignInRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Malformed => StatusCode::BAD_REQUEST,
            Self::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict { .. } | Self::StillPlacing => StatusCode::CONFLICT,
            Self::NotPlaced { .. } | Self::Upstream { .. } => StatusCode::BAD_GATEWAY,
            Self::Unconfirmed { .. } => StatusCode::GATEWAY_TIMEOUT,
            Self::Internal { .. } | Self::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Makes the response of the page being rendered carry [`Self::status`]; a page that
    /// shows this error calls it (through the error components).
    pub fn set_response_status(&self) {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(self.status());
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// The framework's own failures keep their kind: a request it could not read is the
    /// sender's fault, one that never got an answer is the network's.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => Self::Malformed,
            ServerFnErrorErr::Request(message) | ServerFnErrorErr::Deserialization(message) => {
                Self::Transport(message)
            }
            ServerFnErrorErr::Registration(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_)
            | ServerFnErrorErr::ServerError(_)
            | ServerFnErrorErr::MiddlewareError(_)
            | ServerFnErrorErr::Serialization(_)
            | ServerFnErrorErr::Response(_) => Self::Internal {
                correlation_id: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_messages_are_found_by_name() {
        let error = AppError::Invalid {
            message: "Check the highlighted fields.".into(),
            fields: vec![FieldError {
                field: "shipTo.address.POSTAL_CODE".into(),
                message: "Enter a ZIP code like 06477.".into(),
            }],
        };
        assert_eq!(
            error.field("shipTo.address.POSTAL_CODE").as_deref(),
            Some("Enter a ZIP code like 06477.")
        );
        assert_eq!(error.field("shipTo.name"), None);
    }

    #[test]
    fn upstream_failures_quote_the_reference() {
        let error = AppError::Upstream {
            correlation_id: "abc-123".into(),
        };
        assert!(error.to_string().contains("abc-123"));
        let internal = AppError::Internal {
            correlation_id: None,
        };
        assert_eq!(internal.to_string(), "Something went wrong on our side.");
    }

    #[test]
    fn the_framework_keeps_its_kind() {
        let malformed = AppError::from_server_fn_error(ServerFnErrorErr::Args("bad".into()));
        assert_eq!(malformed, AppError::Malformed);
        assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
        let lost = AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into()));
        assert!(matches!(lost, AppError::Transport(_)));
    }

    #[test]
    fn states_that_are_not_bad_input_have_their_own_status() {
        assert_eq!(AppError::StillPlacing.status(), StatusCode::CONFLICT);
        let unconfirmed = AppError::Unconfirmed {
            correlation_id: "r".into(),
        };
        assert_eq!(unconfirmed.status(), StatusCode::GATEWAY_TIMEOUT);
        let invalid = AppError::Invalid {
            message: "m".into(),
            fields: Vec::new(),
        };
        assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
