//! Bad and odd input through the real server and client: each case gets a clear status and
//! message, or a normal answer whose spans are slices of the text; the server serves on after
//! every case. Requests that generated types cannot express (invalid UTF-8, broken protobuf)
//! are encoded by hand and sent with a raw codec.
#![cfg(feature = "server")]

mod harness;

use harness::{TestServer, assert_spans_match};
use prost::bytes::BufMut;
use prost::encoding::{WireType, encode_key, encode_varint};
use sitrep::pb;
use sitrep::pb::extract_response::Result as Answer;
use tokio_stream::StreamExt;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::codegen::http::uri::PathAndQuery;
use tonic::{Code, Status};

/// What a case must get back.
enum Expect {
    /// A normal answer; the function checks the summary further.
    Answer(fn(&pb::Summary)),
    /// This status, with a message that contains each of the strings.
    Fails(Code, &'static [&'static str]),
}

fn anything(_: &pb::Summary) {}

fn nothing_found(summary: &pb::Summary) {
    assert_eq!((summary.event_count, summary.sentence_count), (0, 0));
}

fn one_sentence(summary: &pb::Summary) {
    assert_eq!(summary.sentence_count, 1);
}

fn some_events(summary: &pb::Summary) {
    assert!(summary.event_count > 0, "{summary:?}");
}

/// The table: name, text, published_date, what comes back.
fn cases() -> Vec<(&'static str, String, &'static str, Expect)> {
    let talks = "Ukraine and US officials started talks in Riyadh on Sunday.";
    // Trigger words over and over with no sentence end: each event carries the words near its
    // trigger, not the whole 1 MB "sentence".
    let dense = "officials held talks with Russia and drones struck Kyiv ".repeat(1_000_000 / 56);
    // Nothing but short strike clauses: 50,000 strikes, each with 2 KB of evidence, 100 MB in all.
    let only_strikes = "Russia shelled Kyiv ".repeat(1_000_000 / 20);
    vec![
        ("empty", String::new(), "", Expect::Answer(nothing_found)),
        (
            "whitespace only",
            " \n\t\r\u{a0}\u{2003}\u{3000} ".into(),
            "2025-03-23",
            Expect::Answer(nothing_found),
        ),
        (
            "over the size limit",
            "x".repeat((1 << 20) + 1),
            "",
            Expect::Fails(
                Code::InvalidArgument,
                &["article.text is 1048577 bytes; the limit is 1048576"],
            ),
        ),
        (
            "at the size limit",
            "x".repeat(1 << 20),
            "",
            Expect::Answer(anything),
        ),
        (
            "impossible date",
            talks.into(),
            "2025-02-30",
            Expect::Fails(
                Code::InvalidArgument,
                &["article.published_date \"2025-02-30\" is not a calendar date in the form YYYY-MM-DD"],
            ),
        ),
        (
            "date in another form",
            talks.into(),
            "23/03/2025",
            Expect::Fails(
                Code::InvalidArgument,
                &["article.published_date", "\"23/03/2025\""],
            ),
        ),
        (
            "date with a time",
            talks.into(),
            "2025-03-23T10:00:00Z",
            Expect::Fails(
                Code::InvalidArgument,
                &["article.published_date", "\"2025-03-23T10:00:00Z\""],
            ),
        ),
        (
            "NUL bytes",
            format!("\0{}\0 Talks\0began.\0\0", talks.replace(' ', " \0")),
            "2025-03-23",
            Expect::Answer(anything),
        ),
        (
            "a 1 MB sentence without punctuation",
            "the quiet brown fox walks over the lazy dog and "
                .repeat(1_000_000 / 48)
                .trim_end()
                .into(),
            "2025-03-23",
            Expect::Answer(one_sentence),
        ),
        (
            "a 1 MB sentence dense in triggers",
            dense,
            "2025-03-23",
            Expect::Answer(anything),
        ),
        (
            "1 MB of strike clauses with no sentence end",
            only_strikes,
            "2025-03-23",
            Expect::Fails(
                Code::ResourceExhausted,
                &["would be answered with", "the limit is 67108864", "punctuation"],
            ),
        ),
        (
            "thousands of quote marks",
            format!("{}{talks}{}", "\"".repeat(5000), "“”‘’«»„\"'".repeat(1000)),
            "2025-03-23",
            Expect::Answer(anything),
        ),
        (
            "unbalanced quotes and parentheses",
            format!(
                "(((( \"Russia rejected the proposal, officials said. {talks} (He said \"no. \
                 )))) ]] ” Kyiv (was struck\" on Monday. «"
            ),
            "2025-03-23",
            Expect::Answer(some_events),
        ),
        (
            "mixed scripts",
            format!(
                "Переговоры начались в Эр-Рияде. {talks} 会谈在利雅得举行。 محادثات في الرياض. \
                 שיחות בריאד. Συνομιλίες στο Ριάντ."
            ),
            "2025-03-23",
            Expect::Answer(some_events),
        ),
        (
            "emoji and combining marks",
            "🇺🇦🤝🇺🇸 Ukraine and US officials started talks in Rïyadh\u{301}\u{323} on Sunday 👨‍👩‍👧‍👦. \
             A Russian drone strike on Kyiv killed three civilians\u{20e3}\u{fe0f}. e\u{301}\u{302}\u{303}"
                .into(),
            "2025-03-23",
            Expect::Answer(some_events),
        ),
        (
            "ALL CAPS",
            "UKRAINE AND US OFFICIALS STARTED TALKS IN RIYADH ON SUNDAY. A RUSSIAN DRONE STRIKE \
             ON KYIV KILLED THREE CIVILIANS, OFFICIALS SAID."
                .into(),
            "2025-03-23",
            Expect::Answer(anything),
        ),
    ]
}

#[tokio::test]
async fn each_bad_input_gets_a_clear_status_or_a_normal_answer() {
    let server = TestServer::default().await;
    let mut client = server
        .client()
        .await
        .with_max_message_size(64 << 20)
        .with_timeout(std::time::Duration::from_secs(300));
    let unit = pb::OffsetUnit::CodePoint;
    for (name, text, date, expect) in cases() {
        let request = pb::ExtractRequest {
            article: Some(pb::Article {
                id: name.into(),
                text: text.clone(),
                published_date: date.into(),
                ..Default::default()
            }),
            options: Some(pb::ExtractOptions {
                offset_unit: unit as i32,
                ..Default::default()
            }),
        };
        let mut events = Vec::new();
        let outcome = async {
            let mut stream = client.extract(request).await?;
            while let Some(event) = stream.next().await {
                events.push(event?);
            }
            Ok::<_, Status>(stream.summary().cloned())
        }
        .await;
        match (expect, outcome) {
            (Expect::Answer(check), Ok(summary)) => {
                let summary = summary.unwrap_or_else(|| panic!("{name}: no summary"));
                assert_eq!(summary.event_count as usize, events.len(), "{name}");
                assert_eq!(
                    summary.char_count as usize,
                    text.chars().count(),
                    "{name}: characters processed"
                );
                assert_spans_match(&text, &events, unit);
                check(&summary);
            }
            (Expect::Fails(code, parts), Err(status)) => {
                assert_eq!(status.code(), code, "{name}: {}", status.message());
                for part in parts {
                    assert!(
                        status.message().contains(part),
                        "{name}: {:?} lacks {part:?}",
                        status.message()
                    );
                }
            }
            (Expect::Answer(_), Err(status)) => panic!("{name}: failed with {status:?}"),
            (Expect::Fails(code, _), Ok(_)) => panic!("{name}: answered, expected {code:?}"),
        }
    }
    // Nothing above broke the server.
    let summary = client
        .extract(harness::reference_article())
        .await
        .unwrap()
        .collect::<Vec<_>>()
        .await;
    assert!(!summary.is_empty());
    server.stop().await.unwrap();
}

/// Sends requests as bytes, decodes answers with prost.
struct RawCodec;

struct RawEncoder;

impl Encoder for RawEncoder {
    type Item = Vec<u8>;
    type Error = Status;

    fn encode(&mut self, item: Vec<u8>, buf: &mut EncodeBuf<'_>) -> Result<(), Status> {
        buf.put_slice(&item);
        Ok(())
    }
}

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = pb::ExtractResponse;
    type Encoder = RawEncoder;
    type Decoder = AnswerDecoder;

    fn encoder(&mut self) -> RawEncoder {
        RawEncoder
    }

    fn decoder(&mut self) -> AnswerDecoder {
        AnswerDecoder
    }
}

struct AnswerDecoder;

impl Decoder for AnswerDecoder {
    type Item = pb::ExtractResponse;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<pb::ExtractResponse>, Status> {
        prost::Message::decode(buf)
            .map(Some)
            .map_err(|e| Status::internal(e.to_string()))
    }
}

fn length_delimited(tag: u32, bytes: &[u8], out: &mut Vec<u8>) {
    encode_key(tag, WireType::LengthDelimited, out);
    encode_varint(bytes.len() as u64, out);
    out.extend_from_slice(bytes);
}

/// An `ExtractRequest` with these raw bytes as its article's id, text and published_date.
fn raw_request(id: &[u8], text: &[u8], date: &[u8]) -> Vec<u8> {
    let mut article = Vec::new();
    length_delimited(1, id, &mut article);
    length_delimited(2, text, &mut article);
    length_delimited(3, date, &mut article);
    let mut request = Vec::new();
    length_delimited(1, &article, &mut request);
    request
}

/// A status code and what its message must contain.
type Failure = (Code, &'static [&'static str]);

/// The raw cases: name, bytes, the status expected (None: a normal answer) and what its
/// message must contain.
fn raw_cases() -> Vec<(&'static str, Vec<u8>, Option<Failure>)> {
    let not_utf8 = |field: &'static str| -> Failure {
        let parts: &'static [&'static str] = match field {
            "id" => &["not valid protobuf", "Article.id", "not UTF-8"],
            "text" => &["not valid protobuf", "Article.text", "not UTF-8"],
            _ => &["not valid protobuf", "Article.published_date", "not UTF-8"],
        };
        (Code::InvalidArgument, parts)
    };
    let mut truncated = raw_request(b"t", b"Talks began.", b"");
    truncated.truncate(truncated.len() - 3);
    vec![
        (
            "hand-encoded and valid",
            raw_request(
                b"ok",
                "Talks began in Riyadh on Sunday.".as_bytes(),
                b"2025-03-23",
            ),
            None,
        ),
        (
            "invalid UTF-8 in text",
            raw_request(b"t", b"Talks \xff\xfe began in \xc3\x28 Riyadh.", b""),
            Some(not_utf8("text")),
        ),
        (
            "a lone surrogate (CESU) in text",
            raw_request(b"t", b"Talks \xed\xa0\x80 began.", b""),
            Some(not_utf8("text")),
        ),
        (
            "invalid UTF-8 in id",
            raw_request(b"\x80id", b"Talks began.", b""),
            Some(not_utf8("id")),
        ),
        (
            "invalid UTF-8 in published_date",
            raw_request(b"d", b"Talks began.", b"2025-03-2\xff"),
            Some(not_utf8("published_date")),
        ),
        (
            "truncated message",
            truncated,
            Some((
                Code::InvalidArgument,
                &["not valid protobuf", "buffer underflow"],
            )),
        ),
        (
            "wrong wire type",
            vec![0x0b, 0x01],
            Some((Code::InvalidArgument, &["not valid protobuf"])),
        ),
    ]
}

#[tokio::test]
async fn requests_that_do_not_decode_are_invalid_argument_naming_the_field() {
    let server = TestServer::default().await;
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    for (name, bytes, expected) in raw_cases() {
        for method in ["Extract", "ExtractStream"] {
            grpc.ready().await.unwrap();
            let path = format!("/sitrep.v1.EventExtractor/{method}");
            let path = PathAndQuery::try_from(path).unwrap();
            let answers: Result<Vec<pb::ExtractResponse>, Status> = async {
                let stream = if method == "Extract" {
                    grpc.server_streaming(tonic::Request::new(bytes.clone()), path, RawCodec)
                        .await?
                } else {
                    let requests = tokio_stream::iter([bytes.clone()]);
                    grpc.streaming(tonic::Request::new(requests), path, RawCodec)
                        .await?
                };
                stream.into_inner().collect().await
            }
            .await;
            match (expected, answers) {
                (None, Ok(answers)) => assert!(
                    matches!(answers.last().unwrap().result, Some(Answer::Summary(_))),
                    "{name} ({method})"
                ),
                (Some((code, parts)), Err(status)) => {
                    assert_eq!(
                        status.code(),
                        code,
                        "{name} ({method}): {}",
                        status.message()
                    );
                    for part in parts {
                        assert!(
                            status.message().contains(part),
                            "{name} ({method}): {:?} lacks {part:?}",
                            status.message()
                        );
                    }
                }
                (expected, answers) => {
                    panic!("{name} ({method}): expected {expected:?}, got {answers:?}")
                }
            }
        }
    }
    server.stop().await.unwrap();
}
