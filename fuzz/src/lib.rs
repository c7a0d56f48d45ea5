//! What the fuzz targets share: the engine, built once, and span checks.

use std::sync::LazyLock;

use sitrep::engine::Engine;
use sitrep::pb;

/// The engine with the embedded lexicons.
pub static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::embedded().expect("embedded lexicons load"));

/// Checks the engine's own output (serialized): every span (`{start, end}` in UTF-8 bytes)
/// lies inside `text` on character boundaries. (A sentence's `tokens` range counts tokens.)
pub fn check_engine_spans(text: &str, value: &serde_json::Value) {
    walk(value, "", &mut |key, start, end, _| {
        if key == "tokens" {
            return;
        }
        assert!(
            start <= end && end <= text.len(),
            "{start}..{end} outside the text"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{start}..{end} off character boundaries"
        );
    });
}

/// Checks that every span of `events`, with offsets in `unit`, carries the text it covers.
pub fn check_api_spans(text: &str, events: &[pb::Event], unit: pb::OffsetUnit) {
    // Offset in `unit` → byte offset.
    let byte = |offset: usize| -> Option<usize> {
        let mut units = 0;
        for (byte, c) in text.char_indices() {
            if units == offset {
                return Some(byte);
            }
            units += match unit {
                pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Byte => c.len_utf8(),
                pb::OffsetUnit::Utf16CodeUnit => c.len_utf16(),
                pb::OffsetUnit::CodePoint => 1,
            };
        }
        (units == offset).then_some(text.len())
    };
    walk(
        &serde_json::to_value(events).unwrap(),
        "",
        &mut |_, start, end, carried| {
            let range = byte(start).zip(byte(end));
            let covered = range.and_then(|(start, end)| text.get(start..end));
            assert_eq!(covered, Some(carried), "span {start}..{end} ({unit:?})");
        },
    );
}

/// Calls `f(key, start, end, text)` for every span in `value` (found under `key`): an object
/// with an `end` (proto3 JSON leaves out a zero `start` and an empty `text`).
fn walk(value: &serde_json::Value, key: &str, f: &mut impl FnMut(&str, usize, usize, &str)) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(end) = map.get("end").and_then(serde_json::Value::as_u64) {
                let start = map.get("start").and_then(serde_json::Value::as_u64);
                let text = map.get("text").and_then(serde_json::Value::as_str);
                f(
                    key,
                    start.unwrap_or(0) as usize,
                    end as usize,
                    text.unwrap_or_default(),
                );
            }
            map.iter().for_each(|(key, v)| walk(v, key, f));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, key, f)),
        _ => {}
    }
}
