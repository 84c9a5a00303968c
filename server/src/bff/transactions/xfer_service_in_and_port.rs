//! XFER_SERVICE_IN_AND_PORT: as XFER_SERVICE_IN, when the company's carrier uses another
//! network than the line's, so it is ported and needs a new device. The storefront
//! chooses it itself once the plan is in the cart (see `cart::rules::settle`).

use mobproc::model::TransactionType;

use super::{CartShape, Need, Transaction};

pub static TRANSACTION: Transaction =
    Transaction::plain(TransactionType::XferServiceInAndPort, |place| {
        format!("Personal line moved to the company in {place}, ported to a new carrier")
    })
    .offered()
    .cart(CartShape::Equipment {
        device: Need::Required,
        plan: Need::Required,
        accessories: true,
        quantity: true,
    })
    .needs_place()
    .needs_current_vendor()
    .ships()
    .acknowledgements();
