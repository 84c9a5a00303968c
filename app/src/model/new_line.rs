//! A new line, as the UI sees it: what the person may start, and the step that asks
//! where the line will be used (and, for a personal line, its current carrier).

use serde::{Deserialize, Serialize};

use super::{cart::OrderKind, checkout::SelectOption};
use crate::error::FieldError;

/// One way to get a new line, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLineOption {
    pub order: OrderKind,
    /// e.g. "A new number".
    pub title: String,
    pub description: String,
    /// The place step of this kind.
    pub href: String,
}

/// The "New line" page: the ways the actor may get one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLineChoices {
    pub options: Vec<NewLineOption>,
}

/// What the place step's form posts (a GET: the place goes into the catalog's URL).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceAnswer {
    pub region: String,
    pub postal_code: String,
    pub from: String,
}

/// The place step: where the line will be used, and for a transfer in, the carrier the
/// number comes from. Filled with what was asked, each problem beside its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceForm {
    pub order: OrderKind,
    /// The line a carrier change is for.
    pub service_id: Option<String>,
    /// e.g. "A new line" or "Change carrier for 512-344-0000".
    pub heading: String,
    pub lede: String,
    pub countries: Vec<SelectOption>,
    /// Which countries need a postal code and in what format, e.g. "Required in the
    /// United States (format 99999)".
    pub postal_hint: Option<String>,
    /// Carriers the number may come from; empty when the step does not ask.
    pub carriers: Vec<SelectOption>,
    pub answer: PlaceAnswer,
    pub errors: Vec<FieldError>,
    /// Where the catalog is for a good answer.
    pub next: Option<String>,
}

impl PlaceForm {
    /// The message for `field` (`region`, `postal_code`, `from`), if there is one.
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }
}
