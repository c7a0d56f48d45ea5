//! Compiles `proto/` into Rust when the `client` feature is on (the engine alone needs none).
//!
//! protox parses the protos (no system `protoc`) into an encoded file descriptor set, written
//! to `OUT_DIR` for server reflection; tonic-prost-build generates the messages, the client and
//! (with feature `server`) the server stubs from it, and pbjson-build their proto3 JSON impls.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "client")]
    if let Err(e) = protos::compile() {
        eprintln!("error: compiling proto/: {e}");
        std::process::exit(1);
    }
}

#[cfg(feature = "client")]
mod protos {
    use std::{env, error::Error, fs, path::PathBuf};

    use prost::Message;

    const PROTO_DIR: &str = "proto";
    const FILES: [&str; 2] = ["sitrep/v1/events.proto", "sitrep/v1/extractor.proto"];

    pub fn compile() -> Result<(), Box<dyn Error>> {
        println!("cargo:rerun-if-changed={PROTO_DIR}");
        let out_dir = PathBuf::from(env::var("OUT_DIR")?);
        let server = env::var_os("CARGO_FEATURE_SERVER").is_some();

        let fds = protox::Compiler::new([PROTO_DIR])?
            .include_imports(true)
            .include_source_info(true)
            .open_files(FILES)?
            .file_descriptor_set();
        let encoded = fds.encode_to_vec();
        fs::write(out_dir.join("sitrep_descriptor.bin"), &encoded)?;

        tonic_prost_build::configure()
            .build_client(true)
            .build_server(server)
            .compile_well_known_types(true)
            // prost's codec, but a request that does not decode is INVALID_ARGUMENT.
            .codec_path("crate::codec::ProtoCodec")
            .extern_path(".google.protobuf", "::pbjson_types")
            .emit_rerun_if_changed(false)
            .compile_fds(fds)?;

        pbjson_build::Builder::new()
            .register_descriptors(&encoded)?
            .build(&[".sitrep"])?;
        Ok(())
    }
}
