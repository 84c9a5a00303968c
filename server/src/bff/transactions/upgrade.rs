//! UPGRADE: a new device, a new plan, or both, for a line. `existingDevice` is required
//! on Premium Mobile (Command), and a plan-only upgrade may still ship a SIM card, so it
//! always carries `shipTo` (API.md §10, §13).

use mobproc::model::TransactionType;

use super::{CartShape, Entry, Need, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::Upgrade, |line| {
    format!("Upgrade for {line}")
})
.offered()
.for_line(Entry::order("Upgrade", "upgrade", "Change the upgrade"))
.cart(CartShape::Equipment {
    device: Need::Optional,
    plan: Need::Optional,
    accessories: false,
    quantity: false,
})
.existing_device()
.ships();
