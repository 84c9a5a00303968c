//! XFER_SERVICE_IN: a personal line moved to the company, from its current carrier,
//! with the info blocks and acknowledgements of the transfer.

use mobproc::model::TransactionType;

use super::{CartShape, Need, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::XferServiceIn, |place| {
    format!("Personal line moved to the company in {place}")
})
.offered()
.cart(CartShape::Equipment {
    device: Need::Optional,
    plan: Need::Required,
    accessories: true,
    quantity: false,
})
.needs_place()
.needs_current_vendor()
.ships()
.acknowledgements();
