//! The generated protobuf types of `proto/sitrep/v1/`, with their proto3 JSON (serde) impls.

#![allow(missing_docs, clippy::all, clippy::pedantic)]

tonic::include_proto!("sitrep.v1");
include!(concat!(env!("OUT_DIR"), "/sitrep.v1.serde.rs"));

/// The encoded `FileDescriptorSet` of the protos and their imports, for server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/sitrep_descriptor.bin"));

/// The protobuf package of the API.
pub const PACKAGE: &str = "sitrep.v1";
