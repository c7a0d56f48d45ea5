//! Shared by the integration tests: a server in-process on 127.0.0.1:0, and checks on events.

#![allow(dead_code)] // each test crate uses part of this module

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use sitrep::client::Client;
use sitrep::engine::Engine;
use sitrep::pb;
use sitrep::server::{Config, Server, ServerError};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;
use tonic::transport::Channel;

/// The reference article of the event model, as a plain-text file.
pub const REFERENCE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/fixtures/ukraine-talks-2025-03-23.txt"
);

/// The reference article, its `date` header taken as `published_date`.
pub fn reference_article() -> pb::Article {
    let raw =
        std::fs::read_to_string(REFERENCE_PATH).expect("../shared/fixtures beside the repository");
    sitrep::convert::plain_text_article("ukraine-talks-2025-03-23", &raw)
}

/// One engine for every server of a test binary.
pub fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| Arc::new(Engine::embedded().expect("embedded lexicons load")))
        .clone()
}

/// A server running in-process until stopped.
pub struct TestServer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Calls whose work is running.
    pub calls: watch::Receiver<usize>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: JoinHandle<Result<(), ServerError>>,
}

impl TestServer {
    /// Starts a server with `config` on a free port of 127.0.0.1.
    pub async fn start(config: Config) -> TestServer {
        TestServer::run(Server::with_engine(engine(), &config).expect("valid test config")).await
    }

    /// Runs `server` on a free port of 127.0.0.1.
    pub async fn run(server: Server) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let calls = server.calls_in_flight();
        let (shutdown, stop) = oneshot::channel::<()>();
        let handle = tokio::spawn(server.serve(listener, async {
            let _ = stop.await;
        }));
        TestServer {
            addr,
            calls,
            shutdown: Some(shutdown),
            handle,
        }
    }

    /// Starts a server with the default configuration.
    pub async fn default() -> TestServer {
        TestServer::start(Config::default()).await
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A typed client of this server.
    pub async fn client(&self) -> Client {
        Client::connect(self.url())
            .await
            .expect("server is listening")
    }

    /// A raw channel to this server, for the health and reflection clients.
    pub async fn channel(&self) -> Channel {
        Channel::from_shared(self.url())
            .unwrap()
            .connect()
            .await
            .expect("server is listening")
    }

    /// Signals shutdown (as SIGTERM would) without waiting.
    pub fn begin_shutdown(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// Signals shutdown and waits for the server to return.
    pub async fn stop(mut self) -> Result<(), ServerError> {
        self.begin_shutdown();
        self.handle.await.expect("server task does not panic")
    }
}

/// Every span an event carries, with what it is.
pub fn spans(event: &pb::Event) -> Vec<(&'static str, &pb::Span)> {
    fn push<'e>(
        out: &mut Vec<(&'static str, &'e pb::Span)>,
        name: &'static str,
        span: Option<&'e pb::Span>,
    ) {
        out.extend(span.map(|s| (name, s)));
    }
    let mut out = Vec::new();
    let out_ = &mut out;
    push(out_, "trigger", event.trigger.as_ref());
    push(out_, "sentence", event.sentence.as_ref());
    for m in &event.mentions {
        push(out_, "mention", Some(m));
    }
    push(
        out_,
        "time",
        event.time.as_ref().and_then(|t| t.span.as_ref()),
    );
    push(
        out_,
        "place",
        event.place.as_ref().and_then(|p| p.span.as_ref()),
    );
    let mut actors: Vec<&pb::Actor> = event.reported_by.iter().collect();
    use pb::event::Detail;
    match &event.detail {
        Some(Detail::Talks(t)) => {
            actors.extend(&t.participants);
            actors.extend(t.host.iter().chain(t.mediator.iter()));
        }
        Some(Detail::Strike(s)) => {
            actors.extend(s.attacker.iter());
            match s.target.as_ref().and_then(|t| t.target.as_ref()) {
                Some(pb::target::Target::Actor(a)) => actors.push(a),
                Some(pb::target::Target::Place(p)) => push(out_, "target", p.span.as_ref()),
                None => {}
            }
            actors.extend(s.casualties.iter().flat_map(|c| &c.victims));
        }
        Some(Detail::Statement(s)) => {
            actors.extend(s.speaker.iter().chain(s.channel.iter()));
            push(out_, "quote", s.quote_span.as_ref());
            push(out_, "content", s.content_span.as_ref());
        }
        Some(Detail::Proposal(p)) => {
            actors.extend(&p.proposers);
            push(out_, "content", p.content_span.as_ref());
            for r in &p.responses {
                actors.extend(r.actor.iter());
                push(out_, "response", r.trigger.as_ref());
            }
        }
        None => {}
    }
    for a in actors {
        push(out_, "actor", a.span.as_ref());
    }
    out
}

/// The byte offset of each offset counted in `unit`, and of the text's end: indexing it turns
/// a span in `unit` into a byte range in one step, however many spans are checked. An offset
/// inside a character (the second UTF-16 unit of a surrogate pair) has no byte offset.
fn byte_offsets(text: &str, unit: pb::OffsetUnit) -> Vec<Option<usize>> {
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        match unit {
            pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Byte => {
                offsets.push(Some(at));
                offsets.extend(std::iter::repeat_n(None, c.len_utf8() - 1));
            }
            pb::OffsetUnit::CodePoint => offsets.push(Some(at)),
            pb::OffsetUnit::Utf16CodeUnit => {
                offsets.push(Some(at));
                offsets.extend(std::iter::repeat_n(None, c.len_utf16() - 1));
            }
        }
    }
    offsets.push(Some(text.len()));
    offsets
}

/// Asserts that every span of every event covers, in `unit`, exactly the text it carries.
pub fn assert_spans_match(text: &str, events: &[pb::Event], unit: pb::OffsetUnit) {
    let offsets = byte_offsets(text, unit);
    let byte = |at: u32| offsets.get(at as usize).copied().flatten();
    for event in events {
        for (name, span) in spans(event) {
            let range = byte(span.start).zip(byte(span.end));
            assert_eq!(
                range.and_then(|(start, end)| text.get(start..end)),
                Some(span.text.as_str()),
                "{name} span {}..{} of event {} ({unit:?})",
                span.start,
                span.end,
                event.id
            );
        }
    }
}
