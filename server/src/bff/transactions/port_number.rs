//! PORT_NUMBER: a line moved to another carrier keeping its number, with a new device
//! and plan for where it is used.

use mobproc::model::TransactionType;

use super::{CartShape, Entry, Need, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::PortNumber, |line| {
    format!("Carrier change for {line}")
})
.offered()
.for_line(Entry::order(
    "Change carrier, keep the number",
    "port",
    "Change the device or plan",
))
.cart(CartShape::Equipment {
    device: Need::Required,
    plan: Need::Required,
    accessories: false,
    quantity: false,
})
.needs_place()
.ships();
