//! SUSPEND: a lost or stolen phone's line stops working until reconnected.

use mobproc::model::TransactionType;

use super::{Entry, ForStatus, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::Suspend, |line| {
    format!("Suspension of {line}")
})
.offered()
.for_status(ForStatus::NotSuspended)
.for_line(Entry::manage(
    "Lost or stolen? Suspend this line",
    "suspend",
));
