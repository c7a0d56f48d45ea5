//! TLS settings of a client from PEM files: the CA that signed the server's certificate and,
//! for mutual TLS, the client's own certificate and key.

use std::path::Path;

use tonic::transport::{Certificate, ClientTlsConfig, Identity};

use super::ConnectError;

/// TLS trusting the CA certificates in `ca` (PEM) and, when given, presenting the certificate
/// and key in `identity` (PEM files) to a server that asks for one (`--tls-client-ca`).
/// Pass the result to [`Client::connect_tls`](super::Client::connect_tls). The server's
/// certificate must name the host of the URI (a DNS name or an IP address).
pub fn tls_from_pem_files(
    ca: &Path,
    identity: Option<(&Path, &Path)>,
) -> Result<ClientTlsConfig, ConnectError> {
    let mut tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(read(ca)?));
    if let Some((cert, key)) = identity {
        tls = tls.identity(Identity::from_pem(read(cert)?, read(key)?));
    }
    Ok(tls)
}

fn read(path: &Path) -> Result<Vec<u8>, ConnectError> {
    std::fs::read(path).map_err(|source| ConnectError::Unreadable {
        path: path.to_path_buf(),
        source,
    })
}
