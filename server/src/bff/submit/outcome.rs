//! What a failed `POST /orders` says about the order: surely not placed, or unknown.

use mobproc::client::ErrorKind;

use crate::bff::error::BffError;

/// Whether MOBPROC surely placed nothing: it refused the order, or the request never
/// left (no connection, bad header, no token). A timeout, a dropped connection, a 5xx
/// or an unreadable answer may come after the order was placed; and a refused token,
/// though MOBPROC says it did nothing, is checked too before the order is sent again.
pub fn surely_not_placed(error: &BffError) -> bool {
    match error {
        BffError::Mobproc(error) => matches!(
            error.kind(),
            ErrorKind::OrderRejected(_)
                | ErrorKind::BadRequest(_)
                | ErrorKind::Forbidden(_)
                | ErrorKind::NotFound(_)
                | ErrorKind::Connect(_)
                | ErrorKind::InvalidHeader { .. }
                | ErrorKind::InvalidId
                | ErrorKind::Encode(_)
                | ErrorKind::ForeignHref
                | ErrorKind::Config(_)
                | ErrorKind::InvalidGrant { .. }
                | ErrorKind::OAuthRefused { .. }
                | ErrorKind::OAuthResponse { .. }
        ),
        // Failing to get or refresh the token happens before anything is sent.
        BffError::SignInRequired | BffError::Session(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc::client::MobprocError;

    fn mobproc(kind: ErrorKind) -> BffError {
        BffError::Mobproc(MobprocError::from(kind))
    }

    #[test]
    fn only_certain_failures_release_the_order_for_another_try() {
        assert!(surely_not_placed(&mobproc(ErrorKind::OrderRejected(
            Vec::new()
        ))));
        assert!(surely_not_placed(&BffError::SignInRequired));
        assert!(
            !surely_not_placed(&mobproc(ErrorKind::Unauthorized(None))),
            "a refused token is looked into first"
        );
        assert!(!surely_not_placed(&mobproc(ErrorKind::Timeout)));
        assert!(!surely_not_placed(&mobproc(ErrorKind::Server {
            status: 503,
            body: None
        })));
        assert!(!surely_not_placed(&mobproc(ErrorKind::UnexpectedStatus {
            status: 302
        })));
    }
}
