//! MOBPROC v1: the wire model (always) and the async client (feature `client`).
//!
//! This crate is the only code in the workspace that knows MOBPROC's JSON and headers.

#[cfg(feature = "client")]
pub mod client;
pub mod model;
