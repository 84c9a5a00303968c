//! XFER_SERVICE_OUT: a leaver keeps their number; the line leaves the company, with the
//! acknowledgements MOBPROC has for it.

use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::XferServiceOut, |line| {
    format!("Transfer of {line} to its holder")
})
.offered()
.for_line(Entry::manage(
    "Let the holder keep the number",
    "transfer-out",
))
.acknowledgements();
