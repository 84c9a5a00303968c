//! Server functions, grouped by domain; each is a thin call into the BFF.

pub mod lines;
pub mod session;
