//! sitrep: news event extraction.
//!
//! - [`engine`]: the extraction engine, pure Rust, always built;
//! - `pb`, `convert`, `client` (feature `client`): generated protobuf types, the conversion
//!   from engine types, and a typed client;
//! - `server` (feature `server`): the gRPC service.

pub mod engine;
