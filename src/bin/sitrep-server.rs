//! `sitrep-server`: configuration → telemetry (logs, traces, metrics) → serve → flush.
//! Everything else lives in `sitrep::server`.

use std::process::ExitCode;

use clap::Parser;
use sitrep::server::{Config, Server, ServerError, Telemetry, shutdown_signal};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    let telemetry = match Telemetry::init(config.log_format) {
        Ok(telemetry) => telemetry,
        Err(error) => {
            eprintln!("sitrep-server: {error}");
            return ExitCode::FAILURE;
        }
    };
    let served = serve(&config).await;
    // The spans and metrics still buffered go out before the process ends.
    let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sitrep-server: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: &Config) -> Result<(), ServerError> {
    let server = Server::new(config)?;
    if let Some(addr) = config.metrics_addr {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        let addr = listener.local_addr().unwrap_or(addr);
        tracing::info!(%addr, "serving Prometheus metrics at /metrics");
        tokio::spawn(server.metrics().serve(listener));
    }
    server
        .bind_and_serve(config.listen, shutdown_signal())
        .await
}
