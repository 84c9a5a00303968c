//! ORDER_ACCESSORIES: accessories that fit a line's device, shipped.

use mobproc::model::TransactionType;

use super::{CartShape, Entry, Transaction};

pub static TRANSACTION: Transaction =
    Transaction::plain(TransactionType::OrderAccessories, |line| {
        format!("Accessories for {line}")
    })
    .offered()
    .for_line(Entry::order(
        "Accessories",
        "accessories",
        "Add more accessories",
    ))
    .cart(CartShape::Accessories)
    .ships();
