//! One page per module, each named `…Page`.

pub mod home;
pub mod not_found;
pub mod sign_in;
