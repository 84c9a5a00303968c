//! PKCE (RFC 7636) with the one method the sandbox accepts, `S256`: the challenge is
//! BASE64URL(SHA-256(verifier)), a verifier 43–128 unreserved characters.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The only `code_challenge_method` accepted (`plain` is refused).
pub const S256: &str = "S256";

/// RFC 7636 §4.1: `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`, 43 to 128 of them.
fn unreserved(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// Whether a `code_verifier` is well formed.
pub fn valid_verifier(verifier: &str) -> bool {
    unreserved(verifier)
}

/// Whether a `code_challenge` could be an S256 challenge (43 base64url characters).
pub fn valid_challenge(challenge: &str) -> bool {
    challenge.len() == 43 && unreserved(challenge)
}

/// The S256 challenge of a verifier.
pub fn challenge_of(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Whether `verifier` is the one `challenge` was made from.
pub fn verifies(verifier: &str, challenge: &str) -> bool {
    valid_verifier(verifier) && challenge_of(verifier) == challenge
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_7636_example_verifies() {
        // RFC 7636 Appendix B.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert_eq!(challenge_of(verifier), challenge);
        assert!(verifies(verifier, challenge));
        assert!(valid_challenge(challenge));
        assert!(!verifies(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK",
            challenge
        ));
    }

    #[test]
    fn verifiers_have_their_length_and_alphabet() {
        assert!(!valid_verifier(&"a".repeat(42)));
        assert!(valid_verifier(&"a".repeat(43)));
        assert!(valid_verifier(&"a".repeat(128)));
        assert!(!valid_verifier(&"a".repeat(129)));
        assert!(!valid_verifier(&format!("{}+", "a".repeat(43))));
        assert!(!valid_challenge(&"a".repeat(44)));
    }
}
