//! SUSPEND: a lost or stolen phone's line stops working until reconnected.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub const TRANSACTION: Transaction =
    Transaction::plain(OrderKind::Suspend, TransactionType::Suspend, |line| {
        format!("Suspension of {line}")
    })
    .for_line(Entry::manage("Lost or stolen? Suspend this line", "suspend"));
