//! TLS with rustls (`--tls-cert`, `--tls-key`) and, with `--tls-client-ca`, mutual TLS: clients
//! must then present a certificate that chains to one of those CAs. The files are read and
//! checked when the server is made, so a bad file stops it at start with its path.

use std::path::Path;

use tonic::transport::{Certificate, Identity, ServerTlsConfig};

use super::config::{Config, ConfigError};

/// The TLS configuration `config` asks for; `None` for plaintext.
pub(crate) fn load(config: &Config) -> Result<Option<ServerTlsConfig>, ConfigError> {
    let (cert, key) = match (&config.tls_cert, &config.tls_key) {
        (None, None) => {
            return match &config.tls_client_ca {
                None => Ok(None),
                Some(_) => Err(ConfigError::TlsIncomplete(
                    "--tls-client-ca needs --tls-cert and --tls-key",
                )),
            };
        }
        (Some(cert), Some(key)) => (cert, key),
        _ => {
            return Err(ConfigError::TlsIncomplete(
                "--tls-cert and --tls-key go together",
            ));
        }
    };
    let identity = Identity::from_pem(
        read_pem("--tls-cert", cert, "CERTIFICATE")?,
        read_pem("--tls-key", key, "PRIVATE KEY")?,
    );
    let mut tls = ServerTlsConfig::new().identity(identity);
    if let Some(ca) = &config.tls_client_ca {
        let ca = read_pem("--tls-client-ca", ca, "CERTIFICATE")?;
        tls = tls.client_ca_root(Certificate::from_pem(ca));
    }
    // rustls parses the PEM here: a bad certificate or key fails now, not at the first call.
    tonic::transport::Server::builder()
        .tls_config(tls.clone())
        .map_err(|error| ConfigError::Unusable {
            flag: "--tls-cert/--tls-key",
            path: cert.clone(),
            reason: error_chain(&error),
        })?;
    Ok(Some(tls))
}

/// The file at `path`, which must hold a PEM block of `kind` (e.g. `CERTIFICATE`).
fn read_pem(flag: &'static str, path: &Path, kind: &str) -> Result<Vec<u8>, ConfigError> {
    let unusable = |reason: String| ConfigError::Unusable {
        flag,
        path: path.to_path_buf(),
        reason,
    };
    let pem = std::fs::read(path).map_err(|e| unusable(e.to_string()))?;
    let text = String::from_utf8_lossy(&pem);
    let has_block = text
        .lines()
        .any(|line| line.starts_with("-----BEGIN ") && line.contains(kind));
    if !has_block {
        return Err(unusable(format!("no PEM \"{kind}\" block in the file")));
    }
    Ok(pem)
}

/// An error and its sources, joined with ": ".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}
