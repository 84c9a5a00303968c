//! UPDATE_FEATURES: features of the line's plan added and removed, with a comment.

use app::model::cart::OrderKind;
use mobproc::model::TransactionType;

use super::{CartShape, Entry, Transaction};

pub const TRANSACTION: Transaction = Transaction::plain(
    OrderKind::UpdateFeatures,
    TransactionType::UpdateFeatures,
    |line| format!("Feature changes for {line}"),
)
.for_line(Entry::manage("Change features", "features"))
.cart(CartShape::FeatureChanges);
