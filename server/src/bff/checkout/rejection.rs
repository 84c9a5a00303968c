//! MOBPROC's refusal of an order, told beside the checkout fields it names.

use app::error::{AppError, FieldError};
use mobproc::model::OrderError;

/// Errors naming a property or a ship-to part go beside that field of the checkout
/// form (its keys are MOBPROC's paths); the others are about the order as a whole.
pub fn to_app_error(errors: &[OrderError]) -> AppError {
    let (fields, general): (Vec<_>, Vec<_>) = errors.iter().partition(|e| {
        e.field
            .as_deref()
            .is_some_and(|f| f.starts_with("properties.") || f.starts_with("shipTo."))
    });
    let message_of = |e: &OrderError| {
        e.message
            .clone()
            .unwrap_or_else(|| "MOBPROC refused this value.".to_owned())
    };
    let general: Vec<String> = general.into_iter().map(message_of).collect();
    let message = if general.is_empty() {
        "MOBPROC could not accept the order: please check the highlighted fields.".to_owned()
    } else {
        format!("MOBPROC could not accept the order: {}", general.join(" "))
    };
    AppError::Invalid {
        message,
        fields: fields
            .into_iter()
            .map(|e| FieldError {
                field: e.field.clone().unwrap_or_default(),
                message: message_of(e),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(field: Option<&str>, message: &str) -> OrderError {
        OrderError {
            status: Some(400),
            id: None,
            error_code: Some("400-Invalid-Value".into()),
            message: Some(message.into()),
            field: field.map(Into::into),
        }
    }

    #[test]
    fn field_errors_go_beside_their_fields() {
        let error = to_app_error(&[
            error(Some("shipTo.address.POSTAL_CODE"), "Postal Code is wrong."),
            error(Some("properties.CONTACT_NUMBER"), "Contact is required."),
            error(Some("shoppingCart.planId"), "Plan not offered."),
        ]);
        assert_eq!(
            error.field("shipTo.address.POSTAL_CODE").as_deref(),
            Some("Postal Code is wrong.")
        );
        assert_eq!(
            error.field("properties.CONTACT_NUMBER").as_deref(),
            Some("Contact is required.")
        );
        assert!(error.to_string().contains("Plan not offered."), "{error}");
    }
}
