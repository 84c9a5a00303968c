//! ORDER_ACCESSORIES: accessories that fit a line's device, shipped.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{CartShape, Entry, Transaction};

pub const TRANSACTION: Transaction = Transaction::plain(
    OrderKind::Accessories,
    TransactionType::OrderAccessories,
    |line| format!("Accessories for {line}"),
)
.offered()
.for_line(Entry::order(
    "Accessories",
    "accessories",
    "Add more accessories",
))
.cart(CartShape::Accessories)
.ships();
