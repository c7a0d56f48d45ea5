//! A typed client for `sitrep.v1.EventExtractor`, for other Rust services.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use sitrep::{client::Client, pb};
//! use tokio_stream::StreamExt;
//!
//! let mut client = Client::connect("http://127.0.0.1:50051").await?;
//! let article = pb::Article { id: "a1".into(), text: "Talks began in Riyadh.".into(), ..Default::default() };
//! let mut events = client.extract(article).await?;
//! while let Some(event) = events.next().await {
//!     println!("{:?}", event?);
//! }
//! println!("{:?}", events.summary());
//! # Ok(())
//! # }
//! ```

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_core::Stream;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::transport::{Channel, ClientTlsConfig, Endpoint};
use tonic::{CancellationHandle, Request, Status, Streaming};

use crate::pb;
use crate::pb::event_extractor_client::EventExtractorClient;

mod tls;
pub use tls::tls_from_pem_files;

/// Why a client could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The address is not a URI.
    #[error("{uri:?} is not a valid endpoint URI: {source}")]
    InvalidUri {
        /// The address given.
        uri: String,
        /// Why it is not valid.
        source: tonic::transport::Error,
    },
    /// The server could not be reached.
    #[error("cannot connect to {uri}: {source}")]
    Connect {
        /// The address given.
        uri: String,
        /// Why.
        source: tonic::transport::Error,
    },
    /// An empty list of addresses.
    #[error("no endpoint given")]
    NoEndpoint,
    /// A certificate or key file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The TLS settings do not work (e.g. TLS on an `http://` URI).
    #[error("cannot use TLS: {0}")]
    Tls(tonic::transport::Error),
    /// A token that cannot travel in a header.
    #[error("the token has a character not allowed in a header (space, control, non-ASCII)")]
    InvalidToken,
}

/// A client of one server, or of several with calls balanced between them. Cheap to clone.
///
/// With feature `otel`, every call carries the caller's current trace context (W3C
/// `traceparent` and `tracestate`; see [`crate::propagation`]), so the server's spans join the
/// caller's trace.
#[derive(Clone, Debug)]
pub struct Client {
    inner: EventExtractorClient<Channel>,
    timeout: Option<Duration>,
    /// `Bearer TOKEN`, marked sensitive (kept out of `Debug`).
    authorization: Option<MetadataValue<Ascii>>,
}

impl Client {
    /// Connects to one server, e.g. `http://127.0.0.1:50051`.
    pub async fn connect(uri: impl Into<String>) -> Result<Client, ConnectError> {
        let uri = uri.into();
        let channel = endpoint(&uri)?
            .connect()
            .await
            .map_err(|source| ConnectError::Connect { uri, source })?;
        Ok(Client::new(channel))
    }

    /// Connects to one server over TLS, e.g. `https://sitrep.example:50051`, with `tls` from
    /// [`tls_from_pem_files`] or made with tonic.
    pub async fn connect_tls(
        uri: impl Into<String>,
        tls: ClientTlsConfig,
    ) -> Result<Client, ConnectError> {
        let uri = uri.into();
        let channel = endpoint(&uri)?
            .tls_config(tls)
            .map_err(ConnectError::Tls)?
            .connect()
            .await
            .map_err(|source| ConnectError::Connect { uri, source })?;
        Ok(Client::new(channel))
    }

    /// Balances calls over several servers. Connections are made when needed, so a server that
    /// is down is skipped rather than failing this call.
    pub fn balanced<S: Into<String>>(
        uris: impl IntoIterator<Item = S>,
    ) -> Result<Client, ConnectError> {
        let endpoints = uris
            .into_iter()
            .map(|uri| endpoint(&uri.into()))
            .collect::<Result<Vec<_>, _>>()?;
        if endpoints.is_empty() {
            return Err(ConnectError::NoEndpoint);
        }
        Ok(Client::new(Channel::balance_list(endpoints.into_iter())))
    }

    /// A client over a channel made by the caller (TLS, timeouts, interceptors).
    pub fn new(channel: Channel) -> Client {
        Client {
            inner: EventExtractorClient::new(channel),
            timeout: None,
            authorization: None,
        }
    }

    /// Gives every call this deadline (sent as `grpc-timeout`).
    pub fn with_timeout(mut self, timeout: Duration) -> Client {
        self.timeout = Some(timeout);
        self
    }

    /// Sends `authorization: Bearer TOKEN` with every call, for a server started with
    /// `--tokens-file`.
    pub fn with_token(mut self, token: &str) -> Result<Client, ConnectError> {
        let mut value: MetadataValue<Ascii> = format!("Bearer {token}")
            .parse()
            .map_err(|_| ConnectError::InvalidToken)?;
        value.set_sensitive(true);
        self.authorization = Some(value);
        Ok(self)
    }

    /// Raises the largest message sent and received (4 MiB by default), for large articles.
    pub fn with_max_message_size(mut self, bytes: usize) -> Client {
        self.inner = self
            .inner
            .max_decoding_message_size(bytes)
            .max_encoding_message_size(bytes);
        self
    }

    fn request<T>(&self, message: T) -> Request<T> {
        let mut request = Request::new(message);
        if let Some(timeout) = self.timeout {
            request.set_timeout(timeout);
        }
        if let Some(authorization) = &self.authorization {
            request
                .metadata_mut()
                .insert("authorization", authorization.clone());
        }
        #[cfg(feature = "otel")]
        crate::propagation::inject(
            &crate::propagation::current_context(),
            request.metadata_mut(),
        );
        request
    }

    /// The events of one article, in text order; the summary is there once the stream ends.
    /// Dropping the stream cancels the call.
    pub async fn extract(
        &mut self,
        request: impl Into<pb::ExtractRequest>,
    ) -> Result<Events, Status> {
        let stream = self
            .inner
            .extract(self.request(request.into()))
            .await?
            .into_inner();
        Ok(Events {
            stream,
            summary: None,
        })
    }

    /// Many articles over one stream: each response names its article; an article that fails
    /// gets an `error` response and the stream goes on. Responses come in request order.
    /// Dropping the responses cancels the call, even while `requests` is still open.
    pub async fn extract_many<S>(&mut self, requests: S) -> Result<Responses, Status>
    where
        S: Stream<Item = pb::ExtractRequest> + Send + 'static,
    {
        let mut request = self.request(requests);
        let cancel = request.cancellation_handle();
        let stream = self.inner.extract_stream(request).await?.into_inner();
        Ok(Responses {
            stream,
            cancel: Some(cancel),
        })
    }

    /// The event types, roles, enumerations and versions the server knows.
    pub async fn describe_schema(&mut self) -> Result<pb::DescribeSchemaResponse, Status> {
        Ok(self
            .inner
            .describe_schema(self.request(pb::DescribeSchemaRequest {}))
            .await?
            .into_inner())
    }
}

fn endpoint(uri: &str) -> Result<Endpoint, ConnectError> {
    Endpoint::from_shared(uri.to_string()).map_err(|source| ConnectError::InvalidUri {
        uri: uri.to_string(),
        source,
    })
}

/// The responses of an [`Client::extract_many`] call; dropping them cancels the call.
#[derive(Debug)]
pub struct Responses {
    stream: Streaming<pb::ExtractResponse>,
    cancel: Option<CancellationHandle>,
}

impl Stream for Responses {
    type Item = Result<pb::ExtractResponse, Status>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut self.stream).poll_next(cx)
    }
}

impl Drop for Responses {
    fn drop(&mut self) {
        if let Some(cancel) = self.cancel.take() {
            cancel.cancel();
        }
    }
}

/// The events of one article as the server sends them (see [`Client::extract`]).
#[derive(Debug)]
pub struct Events {
    stream: Streaming<pb::ExtractResponse>,
    summary: Option<pb::Summary>,
}

impl Events {
    /// The article's summary, once the stream has ended.
    pub fn summary(&self) -> Option<&pb::Summary> {
        self.summary.as_ref()
    }
}

impl Stream for Events {
    type Item = Result<pb::Event, Status>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        use pb::extract_response::Result as R;
        loop {
            let response = match Pin::new(&mut self.stream).poll_next(cx) {
                Poll::Ready(Some(Ok(response))) => response,
                Poll::Ready(Some(Err(status))) => return Poll::Ready(Some(Err(status))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            };
            match response.result {
                Some(R::Event(event)) => return Poll::Ready(Some(Ok(event))),
                Some(R::Summary(summary)) => self.summary = Some(summary),
                Some(R::Error(error)) => {
                    return Poll::Ready(Some(Err(Status::invalid_argument(error.message))));
                }
                None => {}
            }
        }
    }
}
