//! Email: composing reminders (templates in `templates/email/`, calendar attachments), the
//! transport (SMTP, or .eml files in a folder), and reading a stored message back for admins.
//!
//! Everything an app instance needs to know about mail is in one [`MailConfig`], read from the
//! environment by `serve` and `send-mail` and set per app by the tests.

pub mod compose;
pub mod ics;
pub mod read;
pub mod templates;
pub mod tls;
pub mod transport;

use chrono::TimeDelta;
use lettre::message::Mailbox;
use std::path::{Path, PathBuf};

/// What composing needs: where links point and who the mail is from.
#[derive(Debug, Clone)]
pub struct Site {
    /// The app's public address without a trailing slash: `https://verkosto.example.fi`.
    pub base_url: String,
    pub from: Mailbox,
    pub organisation: String,
}

impl Site {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The domain of Message-IDs and calendar UIDs: the sender's domain.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }
}

/// Where messages go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// `VERKOSTO_SMTP_URL` in lettre's URL form.
    Smtp(String),
    /// No SMTP configured: each message is written as an .eml file into this folder.
    Folder(PathBuf),
}

#[derive(Debug, Clone)]
pub struct MailConfig {
    pub site: Site,
    pub delivery: Delivery,
    /// How long a claimed message is held by the instance that sends it. Longer than the
    /// longest send (the SMTP timeout): an instance that dies mid-send frees it after this.
    pub lease: TimeDelta,
    /// The first wait after a failed attempt; it doubles with each further failure.
    pub retry_base: TimeDelta,
    /// After this many attempts a message is marked failed and shown to admins.
    pub max_attempts: i64,
    /// How often the worker inside `serve` looks for work.
    pub poll: std::time::Duration,
    /// The SMTP client's timeout for each command.
    pub smtp_timeout: std::time::Duration,
    /// `VERKOSTO_SMTP_CA_FILE`: certificates (PEM) that TLS to the SMTP server trusts besides
    /// the bundled public roots and the system's store.
    pub smtp_ca_file: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("VERKOSTO_MAIL_FROM is not a valid address ({0:?}): use `Name <address@domain>` or `address@domain`")]
    From(String),
    #[error("VERKOSTO_BASE_URL must start with http:// or https:// ({0:?})")]
    BaseUrl(String),
    #[error("{0} must be a whole number of seconds ({1:?})")]
    Seconds(&'static str, String),
}

pub const DEFAULT_FROM: &str = "Verkosto <verkosto@localhost>";
pub const DEFAULT_MAX_ATTEMPTS: i64 = 8;

impl MailConfig {
    /// Defaults for a laptop: .eml files under the data folder, links to the bind address.
    pub fn folder(folder: PathBuf, base_url: &str) -> Self {
        Self {
            site: Site {
                base_url: base_url.trim_end_matches('/').to_owned(),
                from: default_from(),
                organisation: String::new(),
            },
            delivery: Delivery::Folder(folder),
            lease: TimeDelta::minutes(5),
            retry_base: TimeDelta::minutes(1),
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            poll: std::time::Duration::from_secs(5),
            smtp_timeout: std::time::Duration::from_secs(30),
            smtp_ca_file: None,
        }
    }

    /// From the environment: `VERKOSTO_SMTP_URL`, `VERKOSTO_SMTP_CA_FILE`, `VERKOSTO_MAIL_FROM`,
    /// `VERKOSTO_BASE_URL`, and for tests and tuning `VERKOSTO_MAIL_LEASE_SECONDS`,
    /// `VERKOSTO_MAIL_RETRY_SECONDS`.
    pub fn from_env(data_dir: &Path, bind: &str) -> Result<Self, MailConfigError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let base_url = var("VERKOSTO_BASE_URL").unwrap_or_else(|| default_base_url(bind));
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(MailConfigError::BaseUrl(base_url));
        }
        let mut config = Self::folder(data_dir.join("outbox"), &base_url);
        if let Some(url) = var("VERKOSTO_SMTP_URL") {
            config.delivery = Delivery::Smtp(url.trim().to_owned());
        }
        // Read (and any fault in it reported) when the mailer is built, at start.
        config.smtp_ca_file = var(tls::CA_FILE_VAR).map(|path| PathBuf::from(path.trim()));
        if let Some(from) = var("VERKOSTO_MAIL_FROM") {
            config.site.from = from
                .trim()
                .parse()
                .map_err(|_| MailConfigError::From(from.clone()))?;
        }
        let seconds = |name: &'static str| -> Result<Option<TimeDelta>, MailConfigError> {
            match var(name) {
                None => Ok(None),
                Some(v) => v
                    .trim()
                    .parse::<u32>()
                    .map(|s| Some(TimeDelta::seconds(i64::from(s))))
                    .map_err(|_| MailConfigError::Seconds(name, v)),
            }
        };
        if let Some(lease) = seconds("VERKOSTO_MAIL_LEASE_SECONDS")? {
            config.lease = lease;
        }
        if let Some(base) = seconds("VERKOSTO_MAIL_RETRY_SECONDS")? {
            config.retry_base = base;
        }
        Ok(config)
    }

    /// What the admin page and the logs say about the delivery, without any password.
    pub fn describe_delivery(&self) -> String {
        match &self.delivery {
            Delivery::Smtp(url) => transport::redact(url),
            Delivery::Folder(path) => path.display().to_string(),
        }
    }
}

fn default_from() -> Mailbox {
    // A constant, checked by a unit test below.
    DEFAULT_FROM
        .parse()
        .expect("the default sender is a valid mailbox")
}

/// `http://127.0.0.1:8080` for a bind address; an unspecified host becomes localhost.
fn default_base_url(bind: &str) -> String {
    let host = bind
        .replace("0.0.0.0:", "localhost:")
        .replace("[::]:", "localhost:");
    format!("http://{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_domains() {
        let config = MailConfig::folder("x".into(), "http://127.0.0.1:8080/");
        assert_eq!(
            config.site.url("/employers/3"),
            "http://127.0.0.1:8080/employers/3"
        );
        assert_eq!(config.site.domain(), "localhost");
        assert_eq!(default_base_url("0.0.0.0:80"), "http://localhost:80");
        assert_eq!(default_from().email.to_string(), "verkosto@localhost");
    }
}
