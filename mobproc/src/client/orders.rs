//! Reading order answers (API.md §5, §8): a body with `"status":"ERROR"` is a refusal with
//! per-field errors, whether it came with 200 or 400 (MOBPROC does not say which).

use serde::de::DeserializeOwned;

use super::error::ErrorKind;
use super::transport::{decode, Answer};
use crate::model::{
    ConfirmationResponse, Order, OrderConfirmation, OrderError, OrderResponse, ResponseStatus,
};

/// An order envelope: a status, a payload on success, errors on refusal.
pub(crate) trait OrderOutcome: DeserializeOwned {
    type Payload;
    /// The payload's key, named when a SUCCESS answer lacks it.
    const PAYLOAD: &'static str;
    fn into_parts(
        self,
    ) -> (
        ResponseStatus,
        Option<Self::Payload>,
        Option<Vec<OrderError>>,
    );
}

impl OrderOutcome for ConfirmationResponse {
    type Payload = OrderConfirmation;
    const PAYLOAD: &'static str = "orderConfirmation";
    fn into_parts(
        self,
    ) -> (
        ResponseStatus,
        Option<OrderConfirmation>,
        Option<Vec<OrderError>>,
    ) {
        (self.status, self.order_confirmation, self.errors)
    }
}

impl OrderOutcome for OrderResponse {
    type Payload = Order;
    const PAYLOAD: &'static str = "order";
    fn into_parts(self) -> (ResponseStatus, Option<Order>, Option<Vec<OrderError>>) {
        (self.status, self.order, self.errors)
    }
}

/// The payload of a successful order answer, or why there is none.
pub(crate) fn order_outcome<R: OrderOutcome>(answer: Answer) -> Result<R::Payload, ErrorKind> {
    let status = answer.status.as_u16();
    if status == 400 {
        if let Ok(outcome) = serde_json::from_slice::<R>(&answer.body) {
            if let (ResponseStatus::Error, _, errors) = outcome.into_parts() {
                return Err(ErrorKind::OrderRejected(errors.unwrap_or_default()));
            }
        }
    }
    match decode::<R>(answer)?.into_parts() {
        (ResponseStatus::Error, _, errors) => {
            Err(ErrorKind::OrderRejected(errors.unwrap_or_default()))
        }
        (_, Some(payload), _) => Ok(payload),
        (_, None, _) => Err(ErrorKind::Decode {
            status,
            source: serde::de::Error::missing_field(R::PAYLOAD),
        }),
    }
}

/// `GET /orders/{id}`: the order itself, or wrapped as `{"order":{…}}` like the answer to
/// a submission. Its shape is undocumented, so both are read.
pub(crate) fn order_detail(answer: Answer) -> Result<Order, ErrorKind> {
    let status = answer.status.as_u16();
    let decode_error = |source| ErrorKind::Decode { status, source };
    let mut value: serde_json::Value = decode(answer)?;
    let order = match value.get_mut("order") {
        Some(order) => order.take(),
        None => value,
    };
    serde_json::from_value(order).map_err(decode_error)
}
