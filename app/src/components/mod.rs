//! Widgets shared between pages.

pub mod error_notice;
pub mod header;
pub mod hydration;
