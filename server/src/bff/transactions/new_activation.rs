//! NEW_ACTIVATION: a new line with its device, plan and accessories, for where it will
//! be used (a region and, in the US, a postal code).

use mobproc::model::TransactionType;

use super::{CartShape, Need, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::NewActivation, |place| {
    format!("New line in {place}")
})
.offered()
.cart(CartShape::Equipment {
    device: Need::Required,
    plan: Need::Required,
    accessories: true,
    quantity: false,
})
.needs_place()
.ships();
