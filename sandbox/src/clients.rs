//! The OAuth clients the sandbox knows: `--client-id`/`--client-secret` and any
//! `--extra-client ID:SECRET`, each with the redirect URIs registered for it
//! (`--redirect-uri` for the first client, `POST /_sandbox/redirect-uris` at run time
//! for any). Redirect URIs match exactly, as strings (RFC 6749 §3.1.2.3 simple
//! comparison); they survive a reset, as tokens do.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard, PoisonError};

use url::Url;

use crate::config::Config;

/// One more client: `ID:SECRET` as a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCredentials {
    pub id: String,
    pub secret: String,
}

impl FromStr for ClientCredentials {
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, String> {
        match spec.split_once(':') {
            Some((id, secret)) if !id.is_empty() && !secret.is_empty() => Ok(Self {
                id: id.to_owned(),
                secret: secret.to_owned(),
            }),
            _ => Err(format!("expected ID:SECRET, not {spec:?}")),
        }
    }
}

/// Why a redirect URI cannot be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistrationError {
    #[error("client {0:?} is not registered")]
    UnknownClient(String),
    #[error("{0:?} is not an absolute http(s) URL without a fragment")]
    InvalidUri(String),
}

/// Whether `uri` may be registered: absolute http(s), no fragment (RFC 6749 §3.1.2).
fn registrable(uri: &str) -> Option<Url> {
    Url::parse(uri)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.fragment().is_none())
        .filter(|u| u.host_str().is_some())
}

#[derive(Debug)]
pub struct Clients {
    credentials: Vec<ClientCredentials>,
    redirect_uris: Mutex<BTreeMap<String, Vec<String>>>,
}

impl Clients {
    /// The clients of `config`; its `--redirect-uri`s belong to the first client.
    pub fn new(config: &Config) -> Result<Self, RegistrationError> {
        let main = ClientCredentials {
            id: config.client_id.clone(),
            secret: config.client_secret.clone(),
        };
        let credentials: Vec<ClientCredentials> = std::iter::once(main)
            .chain(config.extra_clients.iter().cloned())
            .collect();
        let clients = Self {
            redirect_uris: Mutex::new(
                credentials
                    .iter()
                    .map(|c| (c.id.clone(), Vec::new()))
                    .collect(),
            ),
            credentials,
        };
        for uri in &config.redirect_uris {
            clients.register(&config.client_id, uri)?;
        }
        Ok(clients)
    }

    fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Vec<String>>> {
        self.redirect_uris
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub fn exists(&self, id: &str) -> bool {
        self.credentials.iter().any(|c| c.id == id)
    }

    /// Whether `id` and `secret` are a client's credentials.
    pub fn authenticate(&self, id: &str, secret: &str) -> bool {
        self.credentials
            .iter()
            .any(|c| c.id == id && c.secret == secret)
    }

    /// Registers `uri` for client `id` (again is fine).
    pub fn register(&self, id: &str, uri: &str) -> Result<(), RegistrationError> {
        if registrable(uri).is_none() {
            return Err(RegistrationError::InvalidUri(uri.to_owned()));
        }
        let mut all = self.lock();
        let uris = all
            .get_mut(id)
            .ok_or_else(|| RegistrationError::UnknownClient(id.to_owned()))?;
        if !uris.iter().any(|u| u == uri) {
            uris.push(uri.to_owned());
        }
        Ok(())
    }

    /// Whether `uri` is registered, exactly, for client `id`.
    pub fn redirect_uri_registered(&self, id: &str, uri: &str) -> bool {
        self.lock()
            .get(id)
            .is_some_and(|uris| uris.iter().any(|u| u == uri))
    }

    /// Whether `url` may be returned to after a logout: a registered redirect URI, or
    /// on the origin of one (any client's).
    pub fn return_allowed(&self, url: &str) -> bool {
        let Some(target) = registrable(url) else {
            return false;
        };
        self.lock()
            .values()
            .flatten()
            .any(|uri| uri == url || Url::parse(uri).is_ok_and(|u| u.origin() == target.origin()))
    }

    /// Every client's registered redirect URIs.
    pub fn redirect_uris(&self) -> BTreeMap<String, Vec<String>> {
        self.lock().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clients() -> Clients {
        Clients::new(&Config {
            redirect_uris: vec!["http://127.0.0.1:3000/auth/callback".to_owned()],
            extra_clients: vec!["other:other-secret".parse().unwrap()],
            ..Config::ephemeral()
        })
        .unwrap()
    }

    #[test]
    fn redirect_uris_match_exactly_per_client() {
        let clients = clients();
        let uri = "http://127.0.0.1:3000/auth/callback";
        assert!(clients.redirect_uri_registered("storefront", uri));
        assert!(!clients.redirect_uri_registered("other", uri));
        assert!(!clients.redirect_uri_registered("storefront", &format!("{uri}/")));
        assert!(!clients.redirect_uri_registered("storefront", &format!("{uri}?x=1")));
        clients.register("other", uri).unwrap();
        assert!(clients.redirect_uri_registered("other", uri));
    }

    #[test]
    fn only_absolute_http_uris_without_fragments_register() {
        let clients = clients();
        for bad in [
            "/relative",
            "ftp://host/x",
            "http://host/x#frag",
            "not a url",
        ] {
            assert!(clients.register("storefront", bad).is_err(), "{bad}");
        }
        assert_eq!(
            clients.register("nobody", "http://host/x"),
            Err(RegistrationError::UnknownClient("nobody".to_owned()))
        );
    }

    #[test]
    fn logout_may_return_to_a_registered_origin() {
        let clients = clients();
        assert!(clients.return_allowed("http://127.0.0.1:3000/"));
        assert!(clients.return_allowed("http://127.0.0.1:3000/signed-out?x=1"));
        assert!(!clients.return_allowed("http://127.0.0.1:3001/"));
        assert!(!clients.return_allowed("https://127.0.0.1:3000/"));
        assert!(!clients.return_allowed("http://evil.example/"));
    }

    #[test]
    fn credentials_check_id_and_secret_together() {
        let clients = clients();
        assert!(clients.authenticate("storefront", "storefront-secret"));
        assert!(clients.authenticate("other", "other-secret"));
        assert!(!clients.authenticate("other", "storefront-secret"));
        assert!("no-secret".parse::<ClientCredentials>().is_err());
        assert!(":x".parse::<ClientCredentials>().is_err());
    }
}
