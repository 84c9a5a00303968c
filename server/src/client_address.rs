//! Whom a request comes from: the peer's address, or, when the peer is a configured
//! trusted proxy (`STOREFRONT_TRUSTED_PROXIES`), the address it names in
//! `X-Forwarded-For`. Anyone else's `X-Forwarded-For` is ignored: it is only words.

use std::{fmt, net::IpAddr, net::SocketAddr, sync::Arc};

use axum::{extract::ConnectInfo, http::HeaderMap};
use ipnet::IpNet;

/// The client's address, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl fmt::Display for ClientAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(address) => address.fmt(f),
            None => f.write_str("-"),
        }
    }
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    pub fn new(networks: Vec<IpNet>) -> Self {
        Self(Arc::new(networks))
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client of a request from `peer` with `headers`: walking `X-Forwarded-For`
    /// from the nearest hop back, the first address that is not a trusted proxy.
    pub fn client_of(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> ClientAddress {
        let Some(mut client) = peer else {
            return ClientAddress(None);
        };
        if !self.trusts(client) {
            return ClientAddress(Some(client));
        }
        let hops: Vec<Option<IpAddr>> = headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|value| value.to_str().unwrap_or_default().split(','))
            .map(|hop| hop.trim().parse().ok())
            .collect();
        // A hop that is no address ends the walk: nothing before it can be believed.
        for hop in hops.into_iter().rev().map_while(|hop| hop) {
            client = hop;
            if !self.trusts(hop) {
                break;
            }
        }
        ClientAddress(Some(client))
    }

    /// The client of an axum request.
    pub fn client_of_request(&self, request: &axum::extract::Request) -> ClientAddress {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip());
        self.client_of(peer, request.headers())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", forwarded.parse().unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_may_name_the_client() {
        let proxies = TrustedProxies::new(vec!["10.0.0.0/8".parse().unwrap()]);
        let forwarded = headers("198.51.100.7, 10.0.0.2");
        assert_eq!(
            proxies.client_of(Some(ip("10.0.0.1")), &forwarded),
            ClientAddress(Some(ip("198.51.100.7"))),
            "through two trusted hops"
        );
        assert_eq!(
            proxies.client_of(Some(ip("203.0.113.9")), &forwarded),
            ClientAddress(Some(ip("203.0.113.9"))),
            "an untrusted peer's header is ignored"
        );
        assert_eq!(
            proxies.client_of(Some(ip("10.0.0.1")), &headers("1.2.3.4, 198.51.100.7")),
            ClientAddress(Some(ip("198.51.100.7"))),
            "what the client wrote itself, before the first trusted hop, is not believed"
        );
        assert_eq!(
            proxies.client_of(Some(ip("10.0.0.1")), &HeaderMap::new()),
            ClientAddress(Some(ip("10.0.0.1")))
        );
        assert_eq!(
            TrustedProxies::default().client_of(Some(ip("10.0.0.1")), &forwarded),
            ClientAddress(Some(ip("10.0.0.1"))),
            "nobody is trusted by default"
        );
        assert_eq!(ClientAddress(None).to_string(), "-");
    }
}
