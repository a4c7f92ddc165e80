//! Whom TLS to the SMTP relay trusts: the public roots bundled with the program, the system's
//! certificate store (as OpenSSL finds it: `/etc/ssl/certs`, or `SSL_CERT_FILE` / `SSL_CERT_DIR`),
//! and the certificates in the file named by `VERKOSTO_SMTP_CA_FILE` (an organisation's own CA,
//! common on public-sector networks). The URL's TLS mode and host name are kept as lettre reads
//! them: `smtp://...?tls=required` is STARTTLS, `smtps://` is TLS from the start.

use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::RootCertStore;
use std::path::Path;

pub const CA_FILE_VAR: &str = "VERKOSTO_SMTP_CA_FILE";

/// Why the CA file cannot be used; each names the variable and the file.
#[derive(Debug, thiserror::Error)]
pub enum CaFileError {
    #[error("{CA_FILE_VAR} names {path}, which cannot be read: {error}")]
    Unreadable { path: String, error: std::io::Error },
    #[error("{CA_FILE_VAR} names {path}, which is not a PEM file ({error}); it must hold one or more -----BEGIN CERTIFICATE----- blocks")]
    NotPem { path: String, error: String },
    #[error("{CA_FILE_VAR} names {path}, which holds no certificate; it must hold one or more -----BEGIN CERTIFICATE----- blocks (PEM)")]
    NoCertificate { path: String },
    #[error(
        "{CA_FILE_VAR} names {path}, whose certificate number {number} cannot be used: {error}"
    )]
    BadCertificate {
        path: String,
        number: usize,
        error: String,
    },
}

/// The certificates of a CA file (PEM, one or more), each checked to be usable as a root.
pub fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, CaFileError> {
    let shown = path.display().to_string();
    let pem = std::fs::read(path).map_err(|error| CaFileError::Unreadable {
        path: shown.clone(),
        error,
    })?;
    let certificates = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CaFileError::NotPem {
            path: shown.clone(),
            error: e.to_string(),
        })?;
    if certificates.is_empty() {
        return Err(CaFileError::NoCertificate { path: shown });
    }
    for (i, certificate) in certificates.iter().enumerate() {
        RootCertStore::empty()
            .add(certificate.clone())
            .map_err(|e| CaFileError::BadCertificate {
                path: shown.clone(),
                number: i + 1,
                error: e.to_string(),
            })?;
    }
    Ok(certificates)
}

/// How the URL asks for TLS, read as lettre's `from_url` reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `smtp://host` without `tls=`: no TLS at all.
    Plain,
    /// `smtp://host?tls=opportunistic`: STARTTLS when the server offers it.
    Opportunistic,
    /// `smtp://host?tls=required`: STARTTLS, or no send.
    Required,
    /// `smtps://host`: TLS from the first byte.
    Wrapper,
}

impl Mode {
    /// The mode and the host name the certificate must be valid for; `None` for a URL that lettre
    /// refuses anyway.
    pub fn of(url: &str) -> Option<(Mode, String)> {
        let parsed = url::Url::parse(url).ok()?;
        let host = parsed.host_str()?.to_owned();
        let tls = parsed
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let mode = match (parsed.scheme(), tls.as_deref()) {
            ("smtp", None) => Mode::Plain,
            ("smtp", Some("opportunistic")) => Mode::Opportunistic,
            ("smtp", Some("required")) => Mode::Required,
            ("smtps", _) => Mode::Wrapper,
            _ => return None,
        };
        Some((mode, host))
    }

    fn with(self, parameters: TlsParameters) -> Tls {
        match self {
            Mode::Plain => Tls::None,
            Mode::Opportunistic => Tls::Opportunistic(parameters),
            Mode::Required => Tls::Required(parameters),
            Mode::Wrapper => Tls::Wrapper(parameters),
        }
    }
}

/// The roots beyond the bundled public ones: the system's and the CA file's.
pub struct Trust {
    extra: Vec<CertificateDer<'static>>,
    pub system: usize,
    pub from_file: usize,
}

impl Trust {
    /// Reads the system store (certificates it cannot use are left out and logged) and the CA
    /// file, if one is named (any fault in it is an error).
    pub fn load(ca_file: Option<&Path>) -> Result<Trust, CaFileError> {
        let from_file = match ca_file {
            Some(path) => read_ca_file(path)?,
            None => Vec::new(),
        };
        let native = rustls_native_certs::load_native_certs();
        for error in &native.errors {
            tracing::warn!(%error, "part of the system's certificate store could not be read");
        }
        let found = native.certs.len();
        let mut extra: Vec<CertificateDer<'static>> = native
            .certs
            .into_iter()
            .filter(|c| RootCertStore::empty().add(c.clone()).is_ok())
            .collect();
        let system = extra.len();
        if system < found {
            tracing::warn!(
                left_out = found - system,
                "certificates of the system store that cannot be used as roots were left out"
            );
        }
        let from_file_count = from_file.len();
        extra.extend(from_file);
        Ok(Trust {
            extra,
            system,
            from_file: from_file_count,
        })
    }

    /// TLS towards `host` (the URL's host: the name the certificate must carry) in `mode`.
    pub fn tls(&self, mode: Mode, host: &str) -> Result<Tls, lettre::transport::smtp::Error> {
        let mut builder = TlsParameters::builder(host.to_owned())
            .certificate_store(CertificateStore::WebpkiRoots);
        for certificate in &self.extra {
            builder = builder.add_root_certificate(Certificate::from_der(certificate.to_vec())?);
        }
        Ok(mode.with(builder.build()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_as_lettre_reads_them() {
        assert_eq!(
            Mode::of("smtp://u:p@mail.example.fi:587?tls=required"),
            Some((Mode::Required, "mail.example.fi".to_owned()))
        );
        assert_eq!(
            Mode::of("smtp://127.0.0.1:2525?tls=opportunistic"),
            Some((Mode::Opportunistic, "127.0.0.1".to_owned()))
        );
        assert_eq!(
            Mode::of("smtps://relay.sote.fi"),
            Some((Mode::Wrapper, "relay.sote.fi".to_owned()))
        );
        assert_eq!(
            Mode::of("smtp://127.0.0.1:25"),
            Some((Mode::Plain, "127.0.0.1".to_owned()))
        );
        assert_eq!(Mode::of("smtp://x?tls=maybe"), None);
        assert_eq!(Mode::of("http://x"), None);
    }
}
