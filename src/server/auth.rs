//! Optional bearer tokens (`--tokens-file`): every call but health checks must carry
//! `authorization: Bearer TOKEN` with a token of the file, else UNAUTHENTICATED. Tokens are
//! compared in constant time (only a token's length can show through timing), and the
//! `grpc.health.v1.Health` service is left open for load balancers and kubelet probes.

use std::path::Path;
use std::sync::Arc;

use subtle::{Choice, ConstantTimeEq};
use tonic::service::Interceptor;
use tonic::{Request, Status};

use super::config::{Config, ConfigError};

/// The interceptor of the services that need a token: lets every call through when no tokens
/// file is configured.
#[derive(Clone, Debug)]
pub(crate) struct Auth(Option<Tokens>);

impl Auth {
    /// The tokens of `config.tokens_file`, if set.
    pub(crate) fn load(config: &Config) -> Result<Auth, ConfigError> {
        Ok(Auth(
            config
                .tokens_file
                .as_deref()
                .map(Tokens::load)
                .transpose()?,
        ))
    }
}

/// The tokens a call may present.
#[derive(Clone)]
struct Tokens(Arc<Vec<Vec<u8>>>);

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tokens({} tokens)", self.0.len())
    }
}

impl Tokens {
    /// Reads one token a line; blank lines and lines starting with `#` are skipped.
    fn load(path: &Path) -> Result<Tokens, ConfigError> {
        let unusable = |reason: String| ConfigError::Unusable {
            flag: "--tokens-file",
            path: path.to_path_buf(),
            reason,
        };
        let text = std::fs::read_to_string(path).map_err(|e| unusable(e.to_string()))?;
        let tokens: Vec<Vec<u8>> = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| line.as_bytes().to_vec())
            .collect();
        if tokens.is_empty() {
            return Err(unusable("the file holds no token".into()));
        }
        if let Some(n) = tokens
            .iter()
            .position(|t| t.iter().any(|b| !b.is_ascii_graphic()))
        {
            return Err(unusable(format!(
                "token {} has a character that cannot travel in a header (spaces and \
                 non-ASCII are not allowed)",
                n + 1
            )));
        }
        Ok(Tokens(Arc::new(tokens)))
    }

    /// True when `presented` is one of the tokens; every token is compared, in constant time.
    fn accepts(&self, presented: &[u8]) -> bool {
        let mut found = Choice::from(0);
        for token in self.0.iter() {
            found |= token.as_slice().ct_eq(presented);
        }
        found.into()
    }
}

impl Interceptor for Auth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        let Some(tokens) = &self.0 else {
            return Ok(request);
        };
        let Some(value) = request.metadata().get("authorization") else {
            return Err(Status::unauthenticated(
                "this server needs a token: send the metadata `authorization: Bearer TOKEN`",
            ));
        };
        // The scheme is case-insensitive (RFC 6750).
        let value = value.as_bytes();
        let presented = value
            .get(..7)
            .filter(|scheme| scheme.eq_ignore_ascii_case(b"Bearer "))
            .map(|_| &value[7..])
            .ok_or_else(|| Status::unauthenticated("authorization is not `Bearer TOKEN`"))?;
        if tokens.accepts(presented) {
            Ok(request)
        } else {
            Err(Status::unauthenticated("the bearer token is not valid"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(list: &[&str]) -> Tokens {
        Tokens(Arc::new(
            list.iter().map(|t| t.as_bytes().to_vec()).collect(),
        ))
    }

    #[test]
    fn accepts_only_a_listed_token() {
        let t = tokens(&["alpha-123", "beta-456"]);
        assert!(t.accepts(b"alpha-123"));
        assert!(t.accepts(b"beta-456"));
        for wrong in [
            &b""[..],
            b"alpha-12",
            b"alpha-1234",
            b"ALPHA-123",
            b"beta-457",
        ] {
            assert!(!t.accepts(wrong), "{wrong:?}");
        }
    }

    #[test]
    fn checks_the_authorization_metadata() {
        let mut t = Auth(Some(tokens(&["s3cret"])));
        let call = |t: &mut Auth, value: Option<&'static str>| {
            let mut request = Request::new(());
            if let Some(value) = value {
                request
                    .metadata_mut()
                    .insert("authorization", value.parse().unwrap());
            }
            t.call(request).map(drop).map_err(|s| s.code())
        };
        let denied = Err(tonic::Code::Unauthenticated);
        assert_eq!(call(&mut t, Some("Bearer s3cret")), Ok(()));
        assert_eq!(call(&mut t, Some("bearer s3cret")), Ok(()));
        assert_eq!(call(&mut t, None), denied);
        assert_eq!(call(&mut t, Some("Bearer nope")), denied);
        assert_eq!(call(&mut t, Some("Basic s3cret")), denied);
        assert_eq!(call(&mut t, Some("s3cret")), denied);
        assert_eq!(call(&mut Auth(None), None), Ok(()));
    }
}
