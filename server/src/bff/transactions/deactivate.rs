//! DEACTIVATE: the line is cancelled and its number stops working.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub const TRANSACTION: Transaction =
    Transaction::plain(OrderKind::Deactivate, TransactionType::Deactivate, |line| {
        format!("Cancellation of {line}")
    })
    .for_line(Entry::manage("Cancel the line", "cancel"));
