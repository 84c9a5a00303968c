//! XFER_SERVICE_IN_AND_PORT: as XFER_SERVICE_IN, when the company's carrier differs from
//! the line's, so it is ported and needs a new device.

use mobproc::model::TransactionType;

use super::{CartShape, Need, Transaction};

pub static TRANSACTION: Transaction =
    Transaction::plain(TransactionType::XferServiceInAndPort, |place| {
        format!("Personal line moved to the company in {place}, with a new carrier")
    })
    .cart(CartShape::Equipment {
        device: Need::Required,
        plan: Need::Required,
        accessories: false,
        quantity: true,
    })
    .needs_place()
    .needs_current_vendor()
    .ships()
    .acknowledgements();
