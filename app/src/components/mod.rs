//! Widgets shared between pages.

pub mod hydration;
