//! DEACTIVATE: the line is cancelled and its number stops working.

use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::Deactivate, |line| {
    format!("Cancellation of {line}")
})
.offered()
.for_line(Entry::manage("Cancel the line", "cancel"));
