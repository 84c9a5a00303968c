//! One page per module, each named `…Page`.

pub mod act_for;
pub mod approvals;
pub mod care;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod confirm;
pub mod home;
pub mod move_line;
pub mod new_line;
pub mod not_found;
pub mod order;
pub mod orders;
pub mod place;
pub mod plan_detail;
pub mod sign_in;
