//! sitrep: news event extraction.
//!
//! - [`engine`]: the extraction engine, pure Rust, always built;
//! - `pb`, `convert`, `error`, `client` (feature `client`): the generated protobuf types, the
//!   conversion from engine types and request validation, the API's one error type, and a
//!   typed client; `codec`, the gRPC codec of both;
//! - `propagation` (feature `otel`, part of `server`): W3C trace context in gRPC metadata, so
//!   that the client carries the caller's trace and the server continues it;
//! - `server` (feature `server`): the gRPC service.

pub mod engine;

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod codec;
#[cfg(feature = "client")]
pub mod convert;
#[cfg(feature = "client")]
pub mod error;
#[cfg(feature = "client")]
pub mod pb;
#[cfg(feature = "otel")]
pub mod propagation;
#[cfg(feature = "server")]
pub mod server;

/// The README's client example, compiled with the doctests.
#[cfg(all(doctest, feature = "server"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
