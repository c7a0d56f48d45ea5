//! Arbitrary bytes as a request: prost decoding, then the service's validation, then (for a
//! valid request) extraction with the offsets in the unit it asks for. Nothing panics; an
//! accepted request is answered with spans whose text is the slice their offsets cover.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prost::Message;
use sitrep::convert::{self, Limits};
use sitrep::pb;
use sitrep_fuzz::{ENGINE, check_api_spans};

fuzz_target!(|data: &[u8]| {
    let Ok(request) = pb::ExtractRequest::decode(data) else {
        return;
    };
    let limits = Limits {
        max_article_bytes: 64 << 10,
    };
    let Ok(request) = convert::validate(request, &limits) else {
        return;
    };
    if let Ok(output) = convert::extract(&ENGINE, &request) {
        check_api_spans(&request.text, &output.events, request.offset_unit);
    }
});
