//! UNSUSPEND: a suspended line works again.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub const TRANSACTION: Transaction =
    Transaction::plain(OrderKind::Unsuspend, TransactionType::Unsuspend, |line| {
        format!("Reconnection of {line}")
    })
    .for_line(Entry::manage("Reconnect", "reconnect"));
