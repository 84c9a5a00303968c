//! Messages the server issues and reads back from the browser (a sign-in message in a
//! cookie, an error in a redirect's query) carry an HMAC-SHA256 tag under a key kept in
//! the database, so every instance can check what any of them issued, and nothing
//! else is shown.

use std::sync::Arc;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::database::{on_pool, Database};

type HmacSha256 = Hmac<Sha256>;

const KEY_NAME: &str = "signing";

/// Signs and checks; cheap to clone.
#[derive(Clone)]
pub struct Signer {
    key: Arc<Vec<u8>>,
}

impl Signer {
    /// The deployment's key: made once by the first instance, read by all.
    pub async fn load(database: &Database) -> Result<Self, sqlx::Error> {
        use rand::RngCore;
        let mut fresh = [0u8; 32];
        rand::rng().fill_bytes(&mut fresh);
        let fresh = URL_SAFE_NO_PAD.encode(fresh);
        let secret: String = on_pool!(database, |pool| {
            sqlx::query(
                "INSERT INTO server_keys (name, secret) VALUES ($1, $2)
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(KEY_NAME)
            .bind(&fresh)
            .execute(pool)
            .await?;
            sqlx::query_scalar("SELECT secret FROM server_keys WHERE name = $1")
                .bind(KEY_NAME)
                .fetch_one(pool)
                .await
        })?;
        Ok(Self::from_key(secret.into_bytes()))
    }

    pub fn from_key(key: Vec<u8>) -> Self {
        Self { key: Arc::new(key) }
    }

    fn mac(&self, purpose: &str, parts: &[&str]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        // Each part's length first, so that parts cannot be shifted into each other.
        for part in std::iter::once(purpose).chain(parts.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        mac
    }

    /// The tag of `parts` for `purpose`, URL-safe.
    pub fn sign(&self, purpose: &str, parts: &[&str]) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(purpose, parts).finalize().into_bytes())
    }

    /// Whether `tag` is this server's for `parts` and `purpose` (in constant time).
    pub fn verify(&self, purpose: &str, parts: &[&str], tag: &str) -> bool {
        URL_SAFE_NO_PAD
            .decode(tag)
            .is_ok_and(|tag| self.mac(purpose, parts).verify_slice(&tag).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_holds_for_its_parts_and_purpose_only() {
        let signer = Signer::from_key(b"k".to_vec());
        let tag = signer.sign("flash", &["peter", "message"]);
        assert!(signer.verify("flash", &["peter", "message"], &tag));
        assert!(!signer.verify("flash", &["peter", "other"], &tag));
        assert!(!signer.verify("error", &["peter", "message"], &tag));
        assert!(
            !signer.verify("flash", &["pete", "rmessage"], &tag),
            "no shifting"
        );
        assert!(!Signer::from_key(b"other".to_vec()).verify("flash", &["peter", "message"], &tag));
        assert!(!signer.verify("flash", &["peter", "message"], "not base64!"));
    }

    #[tokio::test]
    async fn every_instance_on_a_database_shares_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display());
        let first = crate::session::Store::open(&url).await.unwrap().database();
        let second = crate::session::Store::open(&url).await.unwrap().database();
        let (a, b) = (
            Signer::load(&first).await.unwrap(),
            Signer::load(&second).await.unwrap(),
        );
        assert!(b.verify("p", &["x"], &a.sign("p", &["x"])));
    }
}
