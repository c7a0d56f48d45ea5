//! The gRPC server: `sitrep.v1.EventExtractor`, health and reflection, graceful shutdown.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use sitrep::server::{Config, Server};
//!
//! let config = Config::default();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:50051").await?;
//! Server::new(&config)?.serve(listener, sitrep::server::shutdown_signal()).await?;
//! # Ok(())
//! # }
//! ```

mod admission;
mod auth;
mod config;
mod extraction;
mod metrics;
mod observe;
mod schema;
mod service;
mod telemetry;
mod tls;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::server::TcpIncoming;
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

pub use config::{
    Config, ConfigError, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_SHUTDOWN_GRACE, LogFormat,
};
pub use extraction::Extraction;
pub use metrics::Metrics;
pub use service::Extractor;
pub use telemetry::{Telemetry, TelemetryError};

use crate::engine::{Engine, LexiconError};
use crate::pb;
use crate::pb::event_extractor_server::EventExtractorServer;

/// Why the server could not start or serve.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The configuration does not work.
    #[error("bad configuration: {0}")]
    Config(#[from] ConfigError),
    /// The lexicons could not be loaded.
    #[error("cannot load the lexicons: {0}")]
    Lexicons(#[from] LexiconError),
    /// The listen address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: std::net::SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// Reflection could not read the descriptor sets.
    #[error("cannot build the reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The transport failed while serving.
    #[error("serving failed: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// After the grace period, how long the calls it ended get to send their UNAVAILABLE status.
const FINAL_FLUSH: Duration = Duration::from_secs(1);

/// A configured server, ready to serve on a listener.
#[derive(Debug)]
pub struct Server {
    extractor: Extractor,
    metrics: Metrics,
    max_message_bytes: usize,
    shutdown_grace: Duration,
    tls: Option<tonic::transport::ServerTlsConfig>,
    auth: auth::Auth,
}

impl Server {
    /// Validates `config` and loads the engine (embedded lexicons plus `config.lexicons`).
    pub fn new(config: &Config) -> Result<Server, ServerError> {
        config.validate()?;
        let mut builder = Engine::builder();
        if let Some(dir) = &config.lexicons {
            builder = builder.user_lexicons(dir);
        }
        Ok(Server::with_engine(Arc::new(builder.build()?), config)?)
    }

    /// A server over an engine already built.
    pub fn with_engine(engine: Arc<Engine>, config: &Config) -> Result<Server, ConfigError> {
        config.validate()?;
        let metrics = Metrics::new();
        Ok(Server {
            extractor: Extractor::new(
                engine,
                config.limits(),
                config.concurrency,
                config.max_queued,
                metrics.clone(),
            ),
            metrics,
            max_message_bytes: config.max_message_bytes,
            shutdown_grace: config.shutdown_grace,
            tls: tls::load(config)?,
            auth: auth::Auth::load(config)?,
        })
    }

    /// The same server running `extraction` for each article instead of the engine (see
    /// [`Extraction`]).
    pub fn with_extraction(mut self, extraction: Extraction) -> Server {
        self.extractor = self.extractor.with_extraction(extraction);
        self
    }

    /// The server's metrics, for [`Metrics::serve`] on a port of their own.
    pub fn metrics(&self) -> Metrics {
        self.metrics.clone()
    }

    /// The number of calls whose work is still running.
    pub fn calls_in_flight(&self) -> watch::Receiver<usize> {
        self.extractor.calls_in_flight()
    }

    /// Binds `addr` and serves until `shutdown` resolves (see [`Server::serve`]).
    pub async fn bind_and_serve(
        self,
        addr: std::net::SocketAddr,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        self.serve(listener, shutdown).await
    }

    /// Serves on `listener` until `shutdown` resolves; then reports NOT_SERVING, takes no new
    /// calls, and lets in-flight calls finish for up to the grace period before returning.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let (health, health_service) = tonic_health::server::health_reporter();
        let reflection = || {
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(
                    tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET,
                )
                .include_reflection_service(false)
        };
        let reflection_v1 = reflection().build_v1()?;
        let reflection_v1alpha = reflection().build_v1alpha()?;
        let extractor = EventExtractorServer::new(self.extractor.clone())
            .max_decoding_message_size(self.max_message_bytes)
            .max_encoding_message_size(self.max_message_bytes);
        set_status(&health, ServingStatus::Serving).await;

        let calls = self.extractor.calls_in_flight();
        let (draining_tx, mut draining) = watch::channel(false);
        let signal = {
            let health = health.clone();
            async move {
                shutdown.await;
                set_status(&health, ServingStatus::NotServing).await;
                tracing::info!(
                    in_flight = *calls.borrow(),
                    "shutting down: taking no new calls"
                );
                let _ = draining_tx.send(true);
            }
        };
        match listener.local_addr() {
            Ok(addr) => tracing::info!(%addr, "serving sitrep.v1.EventExtractor"),
            Err(error) => {
                tracing::info!(%error, "serving sitrep.v1.EventExtractor on an unknown address")
            }
        }
        let mut builder = tonic::transport::Server::builder();
        if let Some(tls) = self.tls.clone() {
            builder = builder.tls_config(tls)?;
        }
        // Health stays open to probes; everything else needs a token when tokens are set.
        let auth = &self.auth;
        let serving = builder
            .add_service(health_service)
            .add_service(InterceptedService::new(reflection_v1, auth.clone()))
            .add_service(InterceptedService::new(reflection_v1alpha, auth.clone()))
            .add_service(InterceptedService::new(
                observe::Observed::new(extractor, self.metrics.clone()),
                auth.clone(),
            ))
            .serve_with_incoming_shutdown(
                TcpIncoming::from(listener).with_nodelay(Some(true)),
                signal,
            );

        let grace = self.shutdown_grace;
        let grace_over = async move {
            let _ = draining.wait_for(|&d| d).await;
            tokio::time::sleep(grace).await;
        };
        tokio::pin!(serving);
        tokio::select! {
            served = &mut serving => served?,
            () = grace_over => {
                let in_flight = *self.extractor.calls_in_flight().borrow();
                tracing::warn!(in_flight, ?grace, "grace period over: ending the calls still in flight with UNAVAILABLE");
                // Their statuses go out on connections still served, for a moment at most.
                self.extractor.stop_calls();
                let _ = tokio::time::timeout(FINAL_FLUSH, serving).await;
            }
        }
        tracing::info!("stopped");
        Ok(())
    }
}

async fn set_status(health: &HealthReporter, status: ServingStatus) {
    health.set_service_status("", status).await;
    health
        .set_service_status(
            <EventExtractorServer<Extractor> as tonic::server::NamedService>::NAME,
            status,
        )
        .await;
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}
