//! SWAP_DEVICES: another phone on the line; the new one as `newDevice`, the one it
//! replaces from the line's device asset as `existingDevice`.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub const TRANSACTION: Transaction =
    Transaction::plain(OrderKind::SwapDevices, TransactionType::SwapDevices, |line| {
        format!("Device swap for {line}")
    })
    .for_line(Entry::manage("Put another phone on this line", "swap"))
    .existing_device()
    .new_device();
