//! Why the last sign-in did not work, shown once on the sign-in page. It travels in a
//! short-lived signed cookie, not in the session, so a failed attempt leaves no session
//! row behind; the signature means the page shows only what the server wrote.

use std::time::{SystemTime, UNIX_EPOCH};

use app::model::SignInFlash;
use axum::http::{header, HeaderMap, HeaderValue};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{Deserialize, Serialize};
use tower_sessions::cookie::{time::Duration, Cookie, SameSite};

use crate::signing::Signer;

const PURPOSE: &str = "sign-in flash";
/// Long enough for the redirect to be followed.
const LIFETIME_SECS: u64 = 120;

/// What the cookie holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    username: String,
    message: String,
    /// Seconds since the Unix epoch.
    expires: u64,
}

/// Writes and reads the sign-in flash cookie.
#[derive(Clone)]
pub struct Flashes {
    signer: Signer,
    secure: bool,
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Flashes {
    pub fn new(signer: Signer, secure: bool) -> Self {
        Self { signer, secure }
    }

    fn name(&self) -> &'static str {
        if self.secure {
            "__Host-storefront_sign_in"
        } else {
            "storefront_sign_in"
        }
    }

    fn cookie(&self, value: String, max_age: Duration) -> HeaderValue {
        let cookie = Cookie::build((self.name(), value))
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Lax)
            .path("/")
            .max_age(max_age)
            .build();
        HeaderValue::from_str(&cookie.to_string()).expect("a cookie is a header value")
    }

    /// The `Set-Cookie` value that carries `flash` to the sign-in page.
    pub fn set(&self, flash: &SignInFlash) -> HeaderValue {
        let stored = Stored {
            username: flash.username.clone(),
            message: flash.message.clone(),
            expires: unix_now() + LIFETIME_SECS,
        };
        let payload =
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&stored).expect("the flash serializes"));
        let tag = self.signer.sign(PURPOSE, &[&payload]);
        self.cookie(
            format!("{payload}.{tag}"),
            Duration::seconds(LIFETIME_SECS as i64),
        )
    }

    /// The `Set-Cookie` value that removes the flash once shown.
    pub fn clear(&self) -> HeaderValue {
        self.cookie(String::new(), Duration::ZERO)
    }

    /// The flash a request carries, if this server wrote it and it is recent.
    pub fn read(&self, headers: &HeaderMap) -> Option<SignInFlash> {
        let value = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|cookie| cookie.name() == self.name())?
            .value()
            .to_owned();
        let (payload, tag) = value.split_once('.')?;
        if !self.signer.verify(PURPOSE, &[payload], tag) {
            return None;
        }
        let stored: Stored = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
        (stored.expires >= unix_now()).then_some(SignInFlash {
            username: stored.username,
            message: stored.message,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carried(set_cookie: &HeaderValue) -> HeaderMap {
        let pair = set_cookie
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&pair).unwrap());
        headers
    }

    #[test]
    fn only_a_flash_this_server_wrote_is_read() {
        let flashes = Flashes::new(Signer::from_key(b"k".to_vec()), false);
        let flash = SignInFlash {
            username: "peter".into(),
            message: "The username or password is not correct.".into(),
        };
        let set = flashes.set(&flash);
        let text = set.to_str().unwrap().to_ascii_lowercase();
        assert!(
            text.contains("httponly") && text.contains("samesite=lax"),
            "{text}"
        );
        assert_eq!(flashes.read(&carried(&set)), Some(flash));

        let forged = Flashes::new(Signer::from_key(b"other".to_vec()), false).set(&SignInFlash {
            username: "x".into(),
            message: "Call 555-0100 now".into(),
        });
        assert_eq!(flashes.read(&carried(&forged)), None);
        assert!(flashes.clear().to_str().unwrap().contains("Max-Age=0"));
    }
}
