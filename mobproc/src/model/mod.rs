//! MOBPROC's JSON, as serde types. camelCase on the wire; ids are opaque strings;
//! money is [`rust_decimal::Decimal`]; closed sets keep unknown values.

mod open_enum;

pub mod error;
pub mod meta;
pub mod money;

pub use error::{ErrorBody, OrderError, ResponseStatus};
pub use meta::{Listing, Meta, Page};
pub use money::{Money, Recurrence};
