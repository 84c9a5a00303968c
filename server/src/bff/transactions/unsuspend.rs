//! UNSUSPEND: a suspended line works again.

use mobproc::model::TransactionType;

use super::{Entry, ForStatus, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::Unsuspend, |line| {
    format!("Reconnection of {line}")
})
.offered()
.for_status(ForStatus::Suspended)
.for_line(Entry::manage("Reconnect", "reconnect"));
