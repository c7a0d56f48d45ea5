//! W3C trace context (`traceparent`, `tracestate`) in gRPC metadata (feature `otel`).
//!
//! [`crate::client::Client`] writes the caller's current OpenTelemetry context into every call,
//! and the server continues the trace it finds there, so a caller's trace runs through sitrep.

use opentelemetry::Context;
use opentelemetry::propagation::{Injector, TextMapPropagator};
use opentelemetry::trace::TraceContextExt;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use tonic::metadata::{MetadataKey, MetadataMap, MetadataValue};
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// The caller's trace context: the active OpenTelemetry context, or else that of the current
/// `tracing` span (through tracing-opentelemetry). Empty when the caller is not tracing.
pub fn current_context() -> Context {
    let active = Context::current();
    if active.span().span_context().is_valid() {
        active
    } else {
        tracing::Span::current().context()
    }
}

/// Writes `traceparent` and `tracestate` for `cx` into `metadata`; nothing when `cx` has no
/// valid span.
pub fn inject(cx: &Context, metadata: &mut MetadataMap) {
    TraceContextPropagator::new().inject_context(cx, &mut MetadataInjector(metadata));
}

struct MetadataInjector<'a>(&'a mut MetadataMap);

impl Injector for MetadataInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        if let (Ok(key), Ok(value)) = (
            MetadataKey::from_bytes(key.as_bytes()),
            MetadataValue::try_from(value),
        ) {
            self.0.insert(key, value);
        }
    }
}

/// The trace context that a call's headers carry; empty when there is none or it is malformed.
#[cfg(feature = "server")]
pub fn extract(headers: &http::HeaderMap) -> Context {
    TraceContextPropagator::new().extract(&HeaderExtractor(headers))
}

#[cfg(feature = "server")]
struct HeaderExtractor<'a>(&'a http::HeaderMap);

#[cfg(feature = "server")]
impl opentelemetry::propagation::Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key)?.to_str().ok()
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(http::HeaderName::as_str).collect()
    }
}

#[cfg(test)]
mod tests {
    use opentelemetry::trace::{SpanContext, SpanId, TraceFlags, TraceId, TraceState};

    use super::*;

    #[test]
    fn injects_traceparent_and_tracestate() {
        let span = SpanContext::new(
            TraceId::from_hex("4bf92f3577b34da6a3ce929d0e0e4736").unwrap(),
            SpanId::from_hex("00f067aa0ba902b7").unwrap(),
            TraceFlags::SAMPLED,
            true,
            TraceState::from_key_value([("vendor", "x")]).unwrap(),
        );
        let mut metadata = MetadataMap::new();
        inject(
            &Context::new().with_remote_span_context(span),
            &mut metadata,
        );
        assert_eq!(
            metadata.get("traceparent").unwrap(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        );
        assert_eq!(metadata.get("tracestate").unwrap(), "vendor=x");
    }

    #[test]
    fn nothing_to_inject_without_a_trace() {
        let mut metadata = MetadataMap::new();
        inject(&current_context(), &mut metadata);
        assert!(metadata.is_empty());
    }

    #[cfg(feature = "server")]
    #[test]
    fn extracts_what_was_injected() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                .parse()
                .unwrap(),
        );
        let cx = extract(&headers);
        let span = cx.span().span_context().clone();
        assert!(span.is_remote() && span.is_sampled());
        assert_eq!(
            span.trace_id().to_string(),
            "4bf92f3577b34da6a3ce929d0e0e4736"
        );
        assert_eq!(span.span_id().to_string(), "00f067aa0ba902b7");

        headers.insert("traceparent", "00-not-a-trace-01".parse().unwrap());
        assert!(!extract(&headers).span().span_context().is_valid());
    }
}
