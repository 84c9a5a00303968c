//! Server functions, grouped by domain; each is a thin call into the BFF.

pub mod acting;
pub mod care;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod lines;
pub mod orders;
pub mod session;
