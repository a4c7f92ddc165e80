//! Random tokens for sessions, and their hashes as kept in the database.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The database keeps only the hash, so a leaked table does not hand out sessions.
pub fn hash(token: &str) -> String {
    hash_bytes(token.as_bytes())
}

/// SHA-256 as lower-case hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A keyed hash, for CSRF tokens bound to a session.
pub fn keyed(secret: &[u8], purpose: &str, value: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update((secret.len() as u64).to_be_bytes());
    hasher.update(secret);
    hasher.update(purpose.as_bytes());
    hasher.update([0]);
    hasher.update(value.as_bytes());
    URL_SAFE_NO_PAD.encode(hasher.finalize())
}

/// Compares without an early exit, so timing does not reveal the common prefix.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hashes_stable() {
        let a = generate();
        assert_ne!(a, generate());
        assert_eq!(hash(&a), hash(&a));
        assert_eq!(hash(&a).len(), 64);
        assert!(constant_time_eq(
            &keyed(b"k", "p", "v"),
            &keyed(b"k", "p", "v")
        ));
        assert!(!constant_time_eq(
            &keyed(b"k", "p", "v"),
            &keyed(b"k2", "p", "v")
        ));
    }
}
