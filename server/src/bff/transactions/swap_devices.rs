//! SWAP_DEVICES: another phone on the line; the new one as `newDevice`, the one it
//! replaces from the line's device asset as `existingDevice`.

use mobproc::model::TransactionType;

use super::{Entry, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::SwapDevices, |line| {
    format!("Device swap for {line}")
})
.offered()
.for_line(Entry::manage("Put another phone on this line", "swap"))
.existing_device()
.new_device();
