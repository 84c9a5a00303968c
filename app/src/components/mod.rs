//! Widgets shared between pages.

pub mod acting_banner;
pub mod care_fields;
pub mod cart_badge;
pub mod catalog;
pub mod checkout_fields;
pub mod csp;
pub mod error_notice;
pub mod form_post;
pub mod header;
pub mod hydration;
pub mod item_row;
pub mod on_behalf;
pub mod order_list;
pub mod order_status;
pub mod pending;
pub mod stylesheet;
