//! Logs, and the export of traces and metrics: set up once per process (`sitrep-server` does it
//! first thing), shut down last so that buffered spans are not lost.
//!
//! Logs go to stderr, as text or JSON, filtered by `RUST_LOG` (default `info`). Spans and
//! metrics are exported over OTLP/gRPC only when the standard OpenTelemetry variables ask for
//! it; otherwise no exporter, no OpenTelemetry layer and no SDK work at all:
//!
//! - traces: `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, unless
//!   `OTEL_TRACES_EXPORTER=none`; sampled by `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG`
//!   (default `parentbased_always_on`);
//! - metrics: `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`, unless
//!   `OTEL_METRICS_EXPORTER=none`; every `OTEL_METRIC_EXPORT_INTERVAL` ms (default 60000);
//! - the resource: `OTEL_SERVICE_NAME` (default `sitrep`) and `OTEL_RESOURCE_ATTRIBUTES`;
//! - `OTEL_SDK_DISABLED=true` turns all of it off.
//!
//! The exporters read the rest of the `OTEL_EXPORTER_OTLP_*` variables themselves (headers,
//! timeout; gzip compression is not built in and refused at start).

use std::io::IsTerminal;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry::{Key, KeyValue};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::metrics::SdkMeterProvider;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing::Level;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use super::LogFormat;

/// Why telemetry could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum TelemetryError {
    /// An OTLP exporter could not be made from the `OTEL_EXPORTER_OTLP_*` variables.
    #[error("cannot set up the OTLP exporter: {0}")]
    Exporter(#[from] opentelemetry_otlp::ExporterBuildError),
    /// A global `tracing` subscriber was already installed.
    #[error("cannot install the log subscriber: {0}")]
    Subscriber(#[from] tracing_subscriber::util::TryInitError),
}

/// What the OpenTelemetry variables ask for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Export {
    traces: bool,
    metrics: bool,
    /// An `OTEL_EXPORTER_OTLP_*PROTOCOL` other than `grpc`, which sitrep does not speak.
    other_protocol: Option<String>,
}

impl Export {
    /// Reads the variables through `var` (the environment, or a table in tests).
    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Export {
        let set = |name: &str| var(name).is_some_and(|v| !v.trim().is_empty());
        let exporter_on = |name: &str| {
            var(name).is_none_or(|v| !v.split(',').any(|e| e.trim().eq_ignore_ascii_case("none")))
        };
        let disabled =
            var("OTEL_SDK_DISABLED").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        if disabled {
            return Export::default();
        }
        let any = set("OTEL_EXPORTER_OTLP_ENDPOINT");
        let traces = (any || set("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
            && exporter_on("OTEL_TRACES_EXPORTER");
        let metrics = (any || set("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"))
            && exporter_on("OTEL_METRICS_EXPORTER");
        let other_protocol = [
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
            "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL",
        ]
        .into_iter()
        .filter_map(&var)
        .find(|p| !p.trim().is_empty() && p.trim() != "grpc")
        .filter(|_| traces || metrics);
        Export {
            traces,
            metrics,
            other_protocol,
        }
    }
}

/// The process's telemetry: keep it until the server has stopped, then
/// [`Telemetry::shutdown`].
#[derive(Debug)]
#[must_use = "spans still buffered are lost unless `shutdown` is called"]
pub struct Telemetry {
    tracer_provider: Option<SdkTracerProvider>,
    meter_provider: Option<SdkMeterProvider>,
}

impl Telemetry {
    /// Installs the global `tracing` subscriber (log lines on stderr in `format`; spans to
    /// OTLP when asked) and the global OpenTelemetry meter provider (metrics to OTLP when
    /// asked), from the environment. Call it inside the Tokio runtime, before
    /// [`super::Server::new`], whose metrics take their instruments from the meter provider.
    pub fn init(format: LogFormat) -> Result<Telemetry, TelemetryError> {
        let export = Export::from_vars(|name| std::env::var(name).ok());
        let resource = (export.traces || export.metrics).then(resource);

        let tracer_provider = match (&resource, export.traces) {
            (Some(resource), true) => {
                let exporter = opentelemetry_otlp::SpanExporter::builder()
                    .with_tonic()
                    .build()?;
                opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
                Some(
                    SdkTracerProvider::builder()
                        .with_batch_exporter(exporter)
                        .with_resource(resource.clone())
                        .build(),
                )
            }
            _ => None,
        };
        let meter_provider = match (resource, export.metrics) {
            (Some(resource), true) => {
                let exporter = opentelemetry_otlp::MetricExporter::builder()
                    .with_tonic()
                    .build()?;
                let provider = SdkMeterProvider::builder()
                    .with_periodic_exporter(exporter)
                    .with_resource(resource)
                    .build();
                opentelemetry::global::set_meter_provider(provider.clone());
                Some(provider)
            }
            _ => None,
        };

        // Only sitrep's own spans go to the tracer: not those of tonic, hyper or h2 (which the
        // exporter itself uses). RUST_LOG filters the log lines, not the spans exported.
        let spans = tracer_provider.as_ref().map(|provider| {
            tracing_opentelemetry::layer()
                .with_tracer(provider.tracer("sitrep"))
                .with_filter(Targets::new().with_target("sitrep", Level::INFO))
        });
        let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
        let lines = tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::stderr().is_terminal());
        let lines = match format {
            LogFormat::Text => lines.with_filter(filter).boxed(),
            LogFormat::Json => lines
                .json()
                .with_current_span(true)
                .with_span_list(true)
                .with_filter(filter)
                .boxed(),
        };
        tracing_subscriber::registry()
            .with(spans)
            .with(lines)
            .try_init()?;

        if let Some(protocol) = export.other_protocol {
            tracing::warn!(
                protocol,
                "sitrep exports OTLP over gRPC only; the OTLP protocol variable is ignored"
            );
        }
        if export.traces || export.metrics {
            tracing::info!(
                traces = export.traces,
                metrics = export.metrics,
                "exporting over OTLP/gRPC"
            );
        }
        Ok(Telemetry {
            tracer_provider,
            meter_provider,
        })
    }

    /// Exports the spans and metrics still buffered and stops the exporters. Blocks for up to
    /// the exporters' timeout: from async code, call it on the blocking pool
    /// (`tokio::task::spawn_blocking`) while the runtime still runs.
    pub fn shutdown(self) {
        if let Some(provider) = self.tracer_provider
            && let Err(error) = provider.shutdown()
        {
            tracing::warn!(%error, "flushing the spans failed");
        }
        if let Some(provider) = self.meter_provider
            && let Err(error) = provider.shutdown()
        {
            tracing::warn!(%error, "flushing the metrics failed");
        }
    }
}

/// The resource from `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`, with `service.name`
/// `sitrep` and `service.version` this crate's version unless they say otherwise.
fn resource() -> Resource {
    let detected = Resource::builder().build();
    let mut builder = Resource::builder();
    let named = detected
        .get(&Key::from_static_str("service.name"))
        .is_some_and(|name| !name.as_str().starts_with("unknown_service"));
    if !named {
        builder = builder.with_service_name("sitrep");
    }
    if detected
        .get(&Key::from_static_str("service.version"))
        .is_none()
    {
        builder =
            builder.with_attribute(KeyValue::new("service.version", env!("CARGO_PKG_VERSION")));
    }
    builder.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(vars: &[(&str, &str)]) -> Export {
        Export::from_vars(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn nothing_unless_an_endpoint_is_set() {
        assert_eq!(export(&[]), Export::default());
        assert_eq!(
            export(&[
                ("OTEL_SERVICE_NAME", "x"),
                ("OTEL_EXPORTER_OTLP_ENDPOINT", " ")
            ]),
            Export::default()
        );
    }

    #[test]
    fn endpoints_per_signal() {
        let both = export(&[("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317")]);
        assert!(both.traces && both.metrics);
        let traces = export(&[("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4317")]);
        assert!(traces.traces && !traces.metrics);
        let metrics = export(&[("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://c:4317")]);
        assert!(!metrics.traces && metrics.metrics);
    }

    #[test]
    fn exporters_turned_off() {
        let some = export(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"),
            ("OTEL_METRICS_EXPORTER", "none"),
        ]);
        assert!(some.traces && !some.metrics);
        let none = export(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"),
            ("OTEL_SDK_DISABLED", "TRUE"),
        ]);
        assert_eq!(none, Export::default());
    }

    #[test]
    fn only_grpc() {
        let http = export(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        ]);
        assert_eq!(http.other_protocol.as_deref(), Some("http/protobuf"));
        let grpc = export(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
        ]);
        assert_eq!(grpc.other_protocol, None);
    }
}
