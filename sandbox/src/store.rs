//! The mutable state: lines and device assets (copied from the seed, changed by moves
//! and orders), orders, OAuth grants, and the id counter. Persisted as one JSON file
//! under `--data-dir` after every change.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use mobproc::model::OrderRequest;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::seed::{DeviceAsset, Seed, Service};

/// Ids handed out by [`Store::next_id`] start here, in the range of the docs' order ids.
const FIRST_ID: u64 = 8_712_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Store {
    pub services: Vec<Service>,
    pub device_assets: Vec<DeviceAsset>,
    pub orders: Vec<StoredOrder>,
    pub tokens: Tokens,
    /// Catalog items taken off sale at run time (`POST /_sandbox/withdraw`).
    #[serde(default)]
    pub withdrawn: Withdrawn,
    next_id: u64,
}

/// A kind of catalog item that can be withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CatalogKind {
    Accessory,
    Device,
    Plan,
}

/// Catalog ids withdrawn from sale, by kind: gone from listings, 404 in detail,
/// refused in orders as unknown ids. Orders placed before keep showing them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawn {
    #[serde(default)]
    pub accessories: BTreeSet<String>,
    #[serde(default)]
    pub devices: BTreeSet<String>,
    #[serde(default)]
    pub plans: BTreeSet<String>,
}

impl Withdrawn {
    fn of_kind(&self, kind: CatalogKind) -> &BTreeSet<String> {
        match kind {
            CatalogKind::Accessory => &self.accessories,
            CatalogKind::Device => &self.devices,
            CatalogKind::Plan => &self.plans,
        }
    }

    pub fn contains(&self, kind: CatalogKind, id: &str) -> bool {
        self.of_kind(kind).contains(id)
    }

    pub fn insert(&mut self, kind: CatalogKind, id: &str) {
        let ids = match kind {
            CatalogKind::Accessory => &mut self.accessories,
            CatalogKind::Device => &mut self.devices,
            CatalogKind::Plan => &mut self.plans,
        };
        ids.insert(id.to_owned());
    }
}

/// A submitted order. The orders module owns `details` (segments, approval,
/// progression) and keeps whatever shape it needs there.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredOrder {
    pub order_id: String,
    /// The actor the order was placed for.
    pub account_holder_id: String,
    /// The authenticated user who placed it.
    pub requested_by_id: String,
    pub submitted_at: DateTime<Utc>,
    pub request: OrderRequest,
    #[serde(default)]
    pub details: serde_json::Value,
    /// When the order completes, once known: at submission, or at the approver's
    /// decision for orders that need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completes_at: Option<DateTime<Utc>>,
    /// Whether what the order changes on the lines was applied (or there is nothing
    /// to apply, as for a rejected order).
    #[serde(default)]
    pub settled: bool,
}

/// Issued OAuth tokens, by token string; authorization codes and the identity
/// provider's sign-in sessions likewise.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tokens {
    pub access: HashMap<String, Grant>,
    pub refresh: HashMap<String, Grant>,
    #[serde(default)]
    pub codes: HashMap<String, AuthorizationCode>,
    #[serde(default)]
    pub sessions: HashMap<String, IdpSession>,
}

/// An authorization code: single use, bound to its client, redirect URI and PKCE
/// challenge. `grantId` is the grant its tokens will carry, so that a second use can
/// revoke them (RFC 6749 §4.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizationCode {
    pub employee_id: String,
    pub platform: String,
    pub client_id: String,
    pub redirect_uri: String,
    /// BASE64URL(SHA-256(code_verifier)), S256 being the only method.
    pub code_challenge: String,
    pub scope: String,
    pub grant_id: String,
    pub expires_at: DateTime<Utc>,
    #[serde(default)]
    pub used: bool,
}

/// Someone signed in at the identity provider (its `PF` cookie), so a second
/// authorization in the same browser needs no form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdpSession {
    pub employee_id: String,
    pub platform: String,
    pub expires_at: DateTime<Utc>,
}

/// Whom a token was issued to and until when. `grantId` ties an access token to the
/// refresh token issued with it, so revoking one family revokes both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    pub employee_id: String,
    pub client_id: String,
    pub scope: String,
    /// The source system of the username (`command`, `rivermine`, `tangoe`).
    pub platform: String,
    pub grant_id: String,
    pub expires_at: DateTime<Utc>,
}

impl Tokens {
    /// Drops every token, code and session that expired before `now`.
    pub fn prune(&mut self, now: DateTime<Utc>) {
        self.access.retain(|_, g| g.expires_at > now);
        self.refresh.retain(|_, g| g.expires_at > now);
        self.codes.retain(|_, c| c.expires_at > now);
        self.sessions.retain(|_, s| s.expires_at > now);
    }

    /// Revokes every token of a grant.
    pub fn revoke_grant(&mut self, grant_id: &str) {
        self.access.retain(|_, g| g.grant_id != grant_id);
        self.refresh.retain(|_, g| g.grant_id != grant_id);
    }

    /// Revokes a token and every token of the same grant.
    pub fn revoke(&mut self, token: &str) {
        let grant = self
            .access
            .get(token)
            .or_else(|| self.refresh.get(token))
            .map(|g| g.grant_id.clone());
        if let Some(grant) = grant {
            self.revoke_grant(&grant);
        }
    }
}

impl Store {
    pub fn from_seed(seed: &Seed) -> Self {
        Self {
            services: seed.services.iter().cloned().collect(),
            device_assets: seed.device_assets.iter().cloned().collect(),
            orders: Vec::new(),
            tokens: Tokens::default(),
            withdrawn: Withdrawn::default(),
            next_id: FIRST_ID,
        }
    }

    /// Back to the seed's lines, devices, catalog and no orders; tokens survive so a
    /// test can reset between steps without signing in again.
    pub fn reset(&mut self, seed: &Seed) {
        let tokens = std::mem::take(&mut self.tokens);
        *self = Self {
            tokens,
            ..Self::from_seed(seed)
        };
    }

    /// A fresh numeric id (orders, order segments, new lines).
    pub fn next_id(&mut self) -> String {
        self.next_id += 1;
        self.next_id.to_string()
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn service_mut(&mut self, id: &str) -> Option<&mut Service> {
        self.services.iter_mut().find(|s| s.id == id)
    }

    pub fn device_asset(&self, id: &str) -> Option<&DeviceAsset> {
        self.device_assets.iter().find(|d| d.id == id)
    }

    pub fn device_asset_mut(&mut self, id: &str) -> Option<&mut DeviceAsset> {
        self.device_assets.iter_mut().find(|d| d.id == id)
    }

    /// The line a device asset is in, if any.
    pub fn service_of_device(&self, device_id: &str) -> Option<&Service> {
        self.services
            .iter()
            .find(|s| s.device.as_deref() == Some(device_id))
    }

    pub fn order(&self, id: &str) -> Option<&StoredOrder> {
        self.orders.iter().find(|o| o.order_id == id)
    }

    pub fn order_mut(&mut self, id: &str) -> Option<&mut StoredOrder> {
        self.orders.iter_mut().find(|o| o.order_id == id)
    }
}

/// What `--data-dir` holds.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// How far tests had moved the clock, so expiry stays consistent after a restart.
    pub clock_offset_ms: i64,
    pub store: Store,
}

/// Reads and writes the snapshot file of a data directory.
#[derive(Debug, Clone)]
pub struct Persistence {
    file: PathBuf,
}

impl Persistence {
    pub fn new(dir: &Path) -> Result<Self> {
        fs::create_dir_all(dir)?;
        Ok(Self {
            file: dir.join("state.json"),
        })
    }

    /// The saved snapshot, or `None` on the first start.
    pub fn load(&self) -> Result<Option<Snapshot>> {
        match fs::read(&self.file) {
            Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes)?)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Writes atomically: a crash leaves the old or the new file, never half of one.
    pub fn save(&self, clock_offset_ms: i64, store: &Store) -> Result<()> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct SnapshotRef<'a> {
            clock_offset_ms: i64,
            store: &'a Store,
        }
        let snapshot = SnapshotRef {
            clock_offset_ms,
            store,
        };
        let tmp = self.file.with_extension("json.tmp");
        fs::write(&tmp, serde_json::to_vec(&snapshot)?)?;
        fs::rename(&tmp, &self.file)?;
        Ok(())
    }
}
