//! The UI boundary's one error type: what a page or a server function can tell the user.

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

/// Everything that can go wrong, as users should hear it. Details go to the log,
/// tied to `correlation_id`, which users can quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    SignInRequired,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error("That was not found.")]
    NotFound,
    #[error("{message}")]
    Invalid {
        message: String,
        fields: Vec<FieldError>,
    },
    #[error("MOBPROC did not answer in time or failed. Nothing was changed; please try again. (Reference: {correlation_id})")]
    Upstream { correlation_id: String },
    #[error("Something went wrong on our side. (Reference: {correlation_id})")]
    Internal { correlation_id: String },
    #[error("The server could not be reached. Please check your connection and try again.")]
    Transport(String),
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
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value.to_string())
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
    }
}
