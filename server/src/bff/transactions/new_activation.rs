//! NEW_ACTIVATION: a new line with its device, plan and accessories, for where it will
//! be used (a region and, in the US, a postal code).

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{CartShape, Need, Transaction};

pub const TRANSACTION: Transaction = Transaction::plain(
    OrderKind::NewActivation,
    TransactionType::NewActivation,
    |place| format!("New line in {place}"),
)
.cart(CartShape::Equipment {
    device: Need::Required,
    plan: Need::Required,
    accessories: true,
    quantity: false,
})
.needs_place()
.ships();
