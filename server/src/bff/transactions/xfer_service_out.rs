//! XFER_SERVICE_OUT: a leaver keeps their number; the line leaves the company, with the
//! acknowledgements MOBPROC has for it.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub const TRANSACTION: Transaction = Transaction::plain(
    OrderKind::TransferOut,
    TransactionType::XferServiceOut,
    |line| format!("Transfer of {line} to its holder"),
)
.for_line(Entry::manage("Let the holder keep the number", "transfer-out"))
.acknowledgements();
