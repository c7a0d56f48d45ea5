//! The `sitrep` CLI: in-process and through a server give the same output; JSON lines keep
//! order and survive bad lines; offsets match the text.
#![cfg(feature = "server")]

mod harness;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use harness::{REFERENCE_PATH, TestServer};
use serde_json::Value;

/// Runs `sitrep ARGS` with `stdin`.
fn sitrep(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sitrep runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "sitrep failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn temp_file(name: &str, content: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// JSON lines as the scorer sends them, with a few that are not right.
fn jsonl_input() -> String {
    let reference = harness::reference_article();
    [
        serde_json::json!({"id": "ref", "text": reference.text, "published_date": reference.published_date}).to_string(),
        "this is not JSON".to_string(),
        serde_json::json!({"id": "bad-date", "text": "Talks began.", "published_date": "2025-02-30"}).to_string(),
        serde_json::json!({"id": 42, "text": "Émigrés 😀 said “talks” on Monday.", "published_date": null}).to_string(),
        serde_json::json!({"id": "no-text"}).to_string(),
        serde_json::json!({"id": "blank", "text": "   "}).to_string(),
    ]
    .map(|line| line + "\n")
    .concat()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_process_and_server_outputs_are_identical() {
    let server = TestServer::default().await;
    let url = server.url();
    let unicode = temp_file(
        "unicode.txt",
        "date 2025-03-23\nÉmigrés 😀 said “talks” began in Riyadh.\n",
    );
    let unicode = unicode.to_str().unwrap().to_string();
    let runs: Vec<(Vec<String>, String)> = vec![
        (
            vec!["extract".into(), REFERENCE_PATH.into(), unicode.clone()],
            String::new(),
        ),
        (
            vec![
                "extract".into(),
                "--offsets".into(),
                "utf16".into(),
                REFERENCE_PATH.into(),
            ],
            String::new(),
        ),
        (
            vec![
                "extract".into(),
                "--pretty".into(),
                REFERENCE_PATH.into(),
                unicode.clone(),
            ],
            String::new(),
        ),
        (
            vec![
                "extract".into(),
                "--types".into(),
                "strike,talks".into(),
                "--min-confidence".into(),
                "0.5".into(),
                REFERENCE_PATH.into(),
            ],
            String::new(),
        ),
        (
            vec!["extract".into(), "-".into()],
            std::fs::read_to_string(REFERENCE_PATH).unwrap(),
        ),
        (
            vec![
                "extract".into(),
                "--jsonl".into(),
                "--offsets".into(),
                "code-point".into(),
            ],
            jsonl_input(),
        ),
    ];
    for (args, input) in runs {
        let (local, remote) = tokio::task::spawn_blocking({
            let url = url.clone();
            move || {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let local = stdout(&sitrep(&args, &input));
                let remote_args: Vec<&str> =
                    args.iter().copied().chain(["--server", &url]).collect();
                let remote = stdout(&sitrep(&remote_args, &input));
                (local, remote)
            }
        })
        .await
        .unwrap();
        assert!(!local.is_empty());
        assert_eq!(local, remote);
    }
    server.stop().await.unwrap();
}

#[test]
fn jsonl_answers_every_line_in_order_and_reports_bad_lines_in_band() {
    let output = sitrep(
        &["extract", "--jsonl", "--offsets", "code-point"],
        &jsonl_input(),
    );
    let out = lines(&stdout(&output));
    let ids: Vec<&Value> = out.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, ["ref", "", "bad-date", "42", "no-text", "blank"]);
    for (i, line) in out.iter().enumerate() {
        assert!(line["events"].is_array(), "line {i} has events");
        assert_eq!(
            line.get("error").is_some(),
            [1, 2, 4].contains(&i),
            "line {i}: {line}"
        );
    }
    assert_eq!(
        out[1]["error"],
        "line 2 is not JSON: expected ident at line 1 column 2"
    );
    assert_eq!(
        out[2]["error"],
        "article.published_date \"2025-02-30\" is not a calendar date in the form YYYY-MM-DD"
    );
    assert_eq!(out[4]["error"], "line 5: \"text\" is missing");
}

/// Every span object (only `start`, `end`, `text`) inside `value`.
fn json_spans<'v>(value: &'v Value, out: &mut Vec<&'v serde_json::Map<String, Value>>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("text")
                && map
                    .keys()
                    .all(|k| ["start", "end", "text"].contains(&k.as_str()))
            {
                out.push(map);
            }
            map.values().for_each(|v| json_spans(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| json_spans(v, out)),
        _ => {}
    }
}

#[test]
fn code_point_offsets_in_json_match_the_text() {
    let input = jsonl_input();
    let texts: Vec<String> = input
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l)
                .ok()
                .and_then(|v| v["text"].as_str().map(String::from))
                .unwrap_or_default()
        })
        .collect();
    let out = lines(&stdout(&sitrep(
        &["extract", "--jsonl", "--offsets", "code-point"],
        &input,
    )));
    for (line, text) in out.iter().zip(&texts) {
        let mut spans = Vec::new();
        json_spans(&line["events"], &mut spans);
        for span in spans {
            // proto3 JSON leaves out zero values: a missing start is 0.
            let at = |k: &str| span.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
            let slice: String = text
                .chars()
                .skip(at("start"))
                .take(at("end") - at("start"))
                .collect();
            assert_eq!(span["text"].as_str(), Some(slice.as_str()), "{span:?}");
        }
        for event in line["events"].as_array().unwrap() {
            assert!(
                event["type"].as_str().unwrap().starts_with("EVENT_TYPE_"),
                "proto3 JSON enum names: {event}"
            );
        }
    }
}

#[test]
fn a_file_that_cannot_be_read_fails_the_run_after_the_others() {
    let output = sitrep(&["extract", REFERENCE_PATH, "/nonexistent/article.txt"], "");
    assert!(!output.status.success());
    let out = lines(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], REFERENCE_PATH);
    assert!(
        out[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot read /nonexistent/article.txt")
    );
}

#[test]
fn pretty_report_names_each_article() {
    let out = stdout(&sitrep(&["extract", "--pretty", REFERENCE_PATH], ""));
    assert!(out.starts_with(&format!("== {REFERENCE_PATH}: ")), "{out}");
    assert!(out.contains(" event"), "{out}");
}

#[test]
fn analyze_reads_the_date_header_and_prints_json_on_request() {
    let file = temp_file(
        "analyze.txt",
        "date 2025-03-23 Ukraine and US officials started talks on Sunday.\n",
    );
    let file = file.to_str().unwrap();
    let human = stdout(&sitrep(&["analyze", file], ""));
    assert!(human.starts_with("published 2025-03-23; "), "{human}");
    let json: Value =
        serde_json::from_str(&stdout(&sitrep(&["analyze", "--json", file], ""))).unwrap();
    for key in [
        "sentences",
        "tokens",
        "entities",
        "numbers",
        "times",
        "all_caps",
    ] {
        assert!(json.get(key).is_some(), "analysis has {key}");
    }
}

#[test]
fn an_unreachable_server_is_a_clear_failure() {
    let output = sitrep(
        &["extract", "--server", "http://127.0.0.1:1", REFERENCE_PATH],
        "",
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cannot connect to http://127.0.0.1:1"),
        "{stderr}"
    );
}
