//! The widgets of the catalog pages: which catalog a route shows, the filter form, the
//! results with their pager, an item's card and its "Add to cart" form.

pub mod add_to_cart;
pub mod filter_form;
pub mod item_card;
pub mod load_error;
pub mod pager;
pub mod place_facts;
pub mod results;
pub mod route;
