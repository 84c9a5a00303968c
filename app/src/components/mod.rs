//! Widgets shared between pages.

pub mod csp;
pub mod error_notice;
pub mod header;
pub mod hydration;
