//! UPDATE_FEATURES: features of the line's plan added and removed, with a comment.

use mobproc::model::TransactionType;

use super::{CartShape, Entry, Transaction};

pub static TRANSACTION: Transaction = Transaction::plain(TransactionType::UpdateFeatures, |line| {
    format!("Feature changes for {line}")
})
.offered()
.for_line(Entry::manage("Change features", "features"))
.cart(CartShape::FeatureChanges);
