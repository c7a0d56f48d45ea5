//! Arbitrary text (with an optional `date YYYY-MM-DD` first line, as in article files) through
//! the engine's analysis and extraction and through the conversion to the API's types: nothing
//! panics, every span lies in the text on character boundaries, and every span's text is the
//! slice its offsets cover.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::convert::{self, Limits};
use sitrep::engine::{self, Engine};
use sitrep::pb;
use sitrep_fuzz::{ENGINE, check_api_spans, check_engine_spans};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let engine: &Engine = &ENGINE;
    // Any first line as a date: an error or a date, never a panic.
    let _ = engine::parse_date(raw.lines().next().unwrap_or_default());

    let article = convert::plain_text_article("fuzz", &raw);
    let published = engine::parse_date(&article.published_date).ok();
    let text = article.text.as_str();

    let analysis = engine.analyze(text, published);
    check_engine_spans(text, &serde_json::to_value(&analysis).unwrap());
    let extraction = engine.extract(&engine::Article {
        id: "fuzz",
        text,
        published,
    });
    check_engine_spans(text, &serde_json::to_value(&extraction.events).unwrap());

    let request = pb::ExtractRequest::from(article.clone());
    if let Ok(request) = convert::validate(request, &Limits::default())
        && let Ok(output) = convert::extract(engine, &request)
    {
        assert_eq!(output.events.len(), output.summary.event_count as usize);
        check_api_spans(text, &output.events, request.offset_unit);
    }
});
