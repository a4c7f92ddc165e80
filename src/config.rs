//! Configuration: where the data lives, where to listen, the secret key.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const SECRET_FILE: &str = "secret.key";
/// `Key::derive_from` needs at least 256 bits of key material.
pub const MIN_SECRET_BYTES: usize = 32;

/// What the web edge needs to know: which proxies to believe, how long sessions live, how
/// sign-in is throttled. `serve` reads it from the environment; tests set their own.
#[derive(Debug, Clone, Default)]
pub struct EdgeConfig {
    pub proxies: crate::auth::proxies::TrustedProxies,
    pub sessions: crate::auth::sessions::SessionPolicy,
    pub throttle: crate::auth::throttle::ThrottlePolicy,
}

impl EdgeConfig {
    /// `VERKOSTO_TRUSTED_PROXIES`, `VERKOSTO_SESSION_IDLE_MINUTES`, `VERKOSTO_SESSION_MAX_HOURS`.
    pub fn from_env() -> Result<Self, ConfigError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let mut edge = EdgeConfig::default();
        if let Some(list) = var("VERKOSTO_TRUSTED_PROXIES") {
            edge.proxies = crate::auth::proxies::TrustedProxies::parse(&list)
                .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        }
        let whole = |name: &'static str, max: i64| -> Result<Option<i64>, ConfigError> {
            match var(name) {
                None => Ok(None),
                Some(v) => v
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (1..=max).contains(n))
                    .map(Some)
                    .ok_or_else(|| {
                        ConfigError::Invalid(format!(
                            "{name} must be a whole number from 1 to {max} ({v:?})"
                        ))
                    }),
            }
        };
        if let Some(m) = whole("VERKOSTO_SESSION_IDLE_MINUTES", 7 * 24 * 60)? {
            edge.sessions.idle = chrono::TimeDelta::minutes(m);
        }
        if let Some(h) = whole("VERKOSTO_SESSION_MAX_HOURS", 90 * 24)? {
            edge.sessions.lifetime = chrono::TimeDelta::hours(h);
        }
        Ok(edge)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Invalid(String),
    #[error("VERKOSTO_SECRET_KEY must be at least {MIN_SECRET_BYTES} characters long")]
    SecretTooShort,
    #[error("cannot read or write the secret key file {path}: {source}")]
    SecretFile {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `VERKOSTO_DATA_DIR`, or `./data`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("VERKOSTO_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data"))
}

pub fn default_database_url(data_dir: &Path) -> String {
    format!("sqlite://{}", data_dir.join("verkosto.db").display())
}

/// The configured secret (`VERKOSTO_SECRET_KEY`), or the one kept in the data folder, made on
/// first start, so that sessions survive a restart.
pub fn secret(configured: Option<&str>, data_dir: &Path) -> Result<Vec<u8>, ConfigError> {
    if let Some(value) = configured.filter(|v| !v.is_empty()) {
        if value.len() < MIN_SECRET_BYTES {
            return Err(ConfigError::SecretTooShort);
        }
        return Ok(value.as_bytes().to_vec());
    }
    let path = data_dir.join(SECRET_FILE);
    let file_error = |source| ConfigError::SecretFile {
        path: path.clone(),
        source,
    };
    match std::fs::read_to_string(&path) {
        Ok(text) if text.trim().len() >= MIN_SECRET_BYTES => {
            return Ok(text.trim().as_bytes().to_vec())
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(file_error(e)),
    }
    std::fs::create_dir_all(data_dir).map_err(file_error)?;
    let generated = format!(
        "{}{}",
        crate::auth::token::generate(),
        crate::auth::token::generate()
    );
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path).map_err(file_error)?;
    file.write_all(generated.as_bytes()).map_err(file_error)?;
    Ok(generated.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let first = secret(None, dir.path()).unwrap();
        let second = secret(None, dir.path()).unwrap();
        assert_eq!(first, second);
        assert!(first.len() >= MIN_SECRET_BYTES);
        assert!(matches!(
            secret(Some("short"), dir.path()),
            Err(ConfigError::SecretTooShort)
        ));
        let configured = "x".repeat(40);
        assert_eq!(
            secret(Some(&configured), dir.path()).unwrap(),
            configured.as_bytes()
        );
    }
}
