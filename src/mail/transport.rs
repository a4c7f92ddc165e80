//! Sending a stored message: over SMTP (lettre), or into a folder as an .eml file.

use super::tls::{read_ca_file, Mode, Trust, CA_FILE_VAR};
use super::{Delivery, MailConfig};
use lettre::address::Envelope;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;

/// Why an attempt failed, and whether trying again could help.
#[derive(Debug, Clone)]
pub struct SendError {
    /// The receiving server refused for good (SMTP 5xx), or the message cannot be sent at all.
    pub permanent: bool,
    pub message: String,
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Address,
    },
    Folder {
        folder: PathBuf,
        from: Address,
    },
}

/// The stored message to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub id: i64,
    pub dedup_key: String,
    pub recipient: String,
    pub message: String,
}

impl Mailer {
    pub fn new(config: &MailConfig) -> anyhow::Result<Self> {
        let from = config.site.from.email.clone();
        Ok(match &config.delivery {
            Delivery::Smtp(url) => {
                let unusable = |e: &dyn std::fmt::Display| {
                    anyhow::anyhow!("VERKOSTO_SMTP_URL {} is not usable: {e}", redact(url))
                };
                let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| unusable(&e))?
                    .timeout(Some(config.smtp_timeout));
                match Mode::of(url) {
                    Some((mode, host)) if mode != Mode::Plain => {
                        // The URL's mode and host as lettre read them; only the roots change.
                        let trust = Trust::load(config.smtp_ca_file.as_deref())?;
                        builder = builder.tls(trust.tls(mode, &host).map_err(|e| unusable(&e))?);
                        tracing::info!(
                            ?mode,
                            %host,
                            system_roots = trust.system,
                            ca_file_roots = trust.from_file,
                            "TLS to the SMTP server trusts the bundled public roots, the system's store and {CA_FILE_VAR}"
                        );
                    }
                    _ => {
                        if let Some(path) = &config.smtp_ca_file {
                            read_ca_file(path)?;
                            tracing::warn!(
                                "{CA_FILE_VAR} is set, but VERKOSTO_SMTP_URL asks for no TLS (use ?tls=required or smtps://): the CA file is not used"
                            );
                        }
                    }
                }
                Mailer::Smtp {
                    transport: builder.build(),
                    from,
                }
            }
            Delivery::Folder(folder) => {
                if let Some(path) = &config.smtp_ca_file {
                    // Checked all the same, so that a bad file is found before SMTP is set up.
                    read_ca_file(path)?;
                }
                std::fs::create_dir_all(folder).map_err(|e| {
                    anyhow::anyhow!("cannot create the outbox folder {}: {e}", folder.display())
                })?;
                Mailer::Folder {
                    folder: folder.clone(),
                    from,
                }
            }
        })
    }

    pub async fn send(&self, out: &Outgoing) -> Result<(), SendError> {
        let to: Address = out.recipient.parse().map_err(|e| SendError {
            permanent: true,
            message: format!("invalid recipient {:?}: {e}", out.recipient),
        })?;
        match self {
            Mailer::Smtp { transport, from } => {
                let envelope =
                    Envelope::new(Some(from.clone()), vec![to]).map_err(|e| SendError {
                        permanent: true,
                        message: format!("invalid envelope: {e}"),
                    })?;
                transport
                    .send_raw(&envelope, out.message.as_bytes())
                    .await
                    .map(|_| ())
                    .map_err(|e| SendError {
                        permanent: e.is_permanent(),
                        message: e.to_string(),
                    })
            }
            Mailer::Folder { folder, .. } => {
                let path = folder.join(file_name(out.id, &out.dedup_key));
                let partial = path.with_extension("eml.partial");
                let io = |e: std::io::Error| SendError {
                    permanent: false,
                    message: format!("cannot write {}: {e}", path.display()),
                };
                // Written whole, then renamed: a reader never sees half a message, and sending
                // the same row again replaces its file instead of adding a second one.
                tokio::fs::write(&partial, out.message.as_bytes())
                    .await
                    .map_err(io)?;
                tokio::fs::rename(&partial, &path).await.map_err(io)
            }
        }
    }
}

/// `000042-digest-7-2026-11-25.eml`: sorted by id, readable, safe on every file system.
pub fn file_name(id: i64, key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{id:06}-{safe}.eml")
}

/// The URL with its password hidden, for logs and the admin page.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_passwords() {
        assert_eq!(
            redact("smtp://user:secret@mail.example.fi:587?tls=required"),
            "smtp://user:***@mail.example.fi:587?tls=required"
        );
        assert_eq!(redact("smtp://127.0.0.1:2525"), "smtp://127.0.0.1:2525");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(42, "digest:7:2026-11-25"),
            "000042-digest-7-2026-11-25.eml"
        );
        assert_eq!(file_name(1, "../x"), "000001----x.eml");
    }
}
