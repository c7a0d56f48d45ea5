//! `sitrep-bench`: a closed-loop load generator for `sitrep.v1.EventExtractor`.
//!
//! N connections, each with M calls in flight; every call sends one article and waits for the
//! end of its answer before the next one starts. A warm-up runs first, then a measured period
//! of fixed length. It reports calls, articles, events and text per second, and latency
//! percentiles of the time to the first event and to the end of the answer.
//!
//! Without `--addr` it starts `sitrep-server` itself on a free loopback port (optionally pinned
//! with `taskset`), and reports the server's peak resident memory (`VmHWM`) and its resident
//! memory over the run. Loopback only; bounded in time and in calls.
//!
//! ```sh
//! cargo build --release --bin sitrep-server --bin sitrep-bench
//! taskset -c 1 target/release/sitrep-bench --server-cpus 0 --connections 4 --in-flight 16
//! target/release/sitrep-bench --addr http://127.0.0.1:50051 --mode stream --duration 30
//! ```

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use clap::{Parser, ValueEnum};
use hdrhistogram::Histogram;
use sitrep::client::Client;
use sitrep::pb;
use sitrep::pb::extract_response::Result as Answer;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;

/// Longest measured period accepted, in seconds.
const MAX_DURATION_S: f64 = 3600.0;
/// Longest warm-up accepted, in seconds.
const MAX_WARMUP_S: f64 = 600.0;
/// Time the started server gets to answer its first call.
const SERVER_START_TIMEOUT: Duration = Duration::from_secs(60);
/// Largest gRPC message the client sends or accepts.
const MAX_MESSAGE_BYTES: usize = 16 << 20;

/// Closed-loop load generator for sitrep.v1.EventExtractor (loopback only).
#[derive(Debug, Parser)]
#[command(name = "sitrep-bench", version)]
struct Args {
    /// A running server, e.g. http://127.0.0.1:50051 (loopback only). Without it, sitrep-bench
    /// starts sitrep-server on a free port of 127.0.0.1 and stops it at the end.
    #[arg(long)]
    addr: Option<String>,

    /// The server binary to start [default: sitrep-server beside this program].
    #[arg(long)]
    server_bin: Option<PathBuf>,

    /// Pin the started server to these CPUs (`taskset -c LIST`), e.g. 0.
    #[arg(long)]
    server_cpus: Option<String>,

    /// Extra argument for the started server (repeatable), e.g. --server-arg=--concurrency=2.
    #[arg(long, allow_hyphen_values = true)]
    server_arg: Vec<String>,

    /// Which call to make: `extract` (one call per article) or `stream` (one long-lived
    /// ExtractStream per caller, one article at a time on it).
    #[arg(long, value_enum, default_value_t = Mode::Extract)]
    mode: Mode,

    /// HTTP/2 connections to the server.
    #[arg(long, default_value_t = 1)]
    connections: usize,

    /// Calls in flight on each connection (callers per connection).
    #[arg(long, default_value_t = 1)]
    in_flight: usize,

    /// Warm-up before measuring, in seconds.
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,

    /// Measured period, in seconds.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,

    /// Stop after this many calls in all (warm-up included), even before the time is up.
    #[arg(long, default_value_t = 10_000_000)]
    max_requests: u64,

    /// Article size in bytes: the dev texts are cut (at a word boundary) or joined to it.
    #[arg(long, default_value_t = 500)]
    article_bytes: usize,

    /// Directory of the dev texts (`*.jsonl` with a `text` field).
    #[arg(long, default_value = "../shared/eval/dev")]
    dev: PathBuf,

    /// The `published_date` sent with every article.
    #[arg(long, default_value = "2025-03-23")]
    published: String,

    /// Print the server's resident memory every this many seconds (0: only at the end).
    #[arg(long, default_value_t = 0.0)]
    rss_every: f64,

    /// Client runtime threads [default: the CPUs this process may run on].
    #[arg(long)]
    threads: Option<usize>,

    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Mode {
    Extract,
    Stream,
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    if let Err(message) = check(&args) {
        eprintln!("sitrep-bench: {message}");
        return std::process::ExitCode::from(2);
    }
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = args.threads {
        runtime.worker_threads(n.max(1));
    }
    let runtime = match runtime.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("sitrep-bench: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sitrep-bench: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn check(args: &Args) -> Result<(), String> {
    if !(args.duration > 0.0 && args.duration <= MAX_DURATION_S) {
        return Err(format!(
            "--duration must be in (0, {MAX_DURATION_S}] seconds"
        ));
    }
    if !(args.warmup >= 0.0 && args.warmup <= MAX_WARMUP_S) {
        return Err(format!("--warmup must be in [0, {MAX_WARMUP_S}] seconds"));
    }
    if !(1..=256).contains(&args.connections) {
        return Err("--connections must be 1 to 256".into());
    }
    if !(1..=4096).contains(&args.in_flight) {
        return Err("--in-flight must be 1 to 4096".into());
    }
    if !(1..=4 << 20).contains(&args.article_bytes) {
        return Err("--article-bytes must be 1 to 4194304".into());
    }
    if args.rss_every < 0.0 {
        return Err("--rss-every must not be negative".into());
    }
    Ok(())
}

/// The server sitrep-bench started: killed when dropped.
struct Server {
    child: Child,
}

impl Server {
    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn run(args: Args) -> Result<(), String> {
    let articles = Arc::new(load_articles(&args)?);
    let (addr, server) = match &args.addr {
        Some(addr) => {
            ensure_loopback(addr).await?;
            (addr.clone(), None)
        }
        None => {
            let (addr, server) = start_server(&args)?;
            (addr, Some(server))
        }
    };
    let pid = server.as_ref().map(Server::pid);
    wait_until_serving(&addr, server.is_some()).await?;

    let mut channels = Vec::with_capacity(args.connections);
    for _ in 0..args.connections {
        // One `connect` per connection: each channel is its own HTTP/2 connection.
        let client = Client::connect(addr.clone())
            .await
            .map_err(|e| e.to_string())?
            .with_max_message_size(MAX_MESSAGE_BYTES);
        channels.push(client);
    }

    let start = Instant::now();
    let timing = Timing {
        measure_from: start + Duration::from_secs_f64(args.warmup),
        end: start + Duration::from_secs_f64(args.warmup + args.duration),
        max_requests: args.max_requests,
        issued: Arc::new(AtomicU64::new(0)),
    };
    let sampler = pid.map(|pid| tokio::spawn(sample_rss(pid, timing.clone(), args.rss_every)));

    let mut tasks = Vec::new();
    for (c, client) in channels.iter().enumerate() {
        for m in 0..args.in_flight {
            let worker = Worker {
                client: client.clone(),
                articles: articles.clone(),
                next: c * args.in_flight + m,
                timing: timing.clone(),
            };
            tasks.push(match args.mode {
                Mode::Extract => tokio::spawn(worker.extract_loop()),
                Mode::Stream => tokio::spawn(worker.stream_loop()),
            });
        }
    }
    let mut total = Stats::new();
    for task in tasks {
        let stats = task.await.map_err(|e| format!("a caller failed: {e}"))?;
        total.merge(&stats);
    }
    let measured = timing
        .end
        .min(Instant::now())
        .saturating_duration_since(timing.measure_from);
    let memory = match (sampler, pid) {
        (Some(sampler), Some(pid)) => {
            let samples = sampler.await.unwrap_or_default();
            Some(Memory {
                pid,
                peak_kb: read_status_kb(pid, "VmHWM:").unwrap_or(0),
                samples,
            })
        }
        _ => None,
    };
    drop(server);
    let report = Report {
        args: &args,
        addr: &addr,
        pool: articles.len(),
        measured,
        stats: &total,
        memory: memory.as_ref(),
    };
    if args.json {
        println!("{}", report.json());
    } else {
        print!("{}", report.text());
    }
    Ok(())
}

/// Articles of about `--article-bytes` each, cut from the mixed-case dev texts (news prose;
/// the wire copy in capitals of MUC-4 is left out), joined where one text is too short.
fn load_articles(args: &Args) -> Result<Vec<pb::Article>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(&args.dev)
        .map_err(|e| format!("cannot read the dev texts in {}: {e}", args.dev.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .filter(|p| p.file_stem().is_none_or(|s| s != "muc4"))
        .collect();
    files.sort();
    let mut corpus = String::new();
    for file in &files {
        let content = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for line in content.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{}: not JSON lines: {e}", file.display()))?;
            if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
                corpus.push_str(text.trim());
                corpus.push_str("\n\n");
            }
        }
    }
    if corpus.is_empty() {
        return Err(format!("no texts in {}/*.jsonl", args.dev.display()));
    }
    let size = args.article_bytes;
    let count = (corpus.len() / size).clamp(1, 256);
    while corpus.len() < size * count + size {
        let again = corpus.clone();
        corpus.push_str(&again);
    }
    let mut articles = Vec::with_capacity(count);
    let mut at = 0;
    for n in 0..count {
        let text = cut(&corpus[at..], size);
        at += text.len();
        while corpus[at..].starts_with(char::is_whitespace) {
            at += corpus[at..].chars().next().map_or(1, char::len_utf8);
        }
        articles.push(pb::Article {
            id: format!("bench-{n}"),
            text: text.to_string(),
            published_date: args.published.clone(),
            ..Default::default()
        });
    }
    Ok(articles)
}

/// The longest prefix of `text` of at most `len` bytes that ends before a white space.
fn cut(text: &str, len: usize) -> &str {
    if text.len() <= len {
        return text;
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > 0 => text[..space].trim_end(),
        _ => &text[..end],
    }
}

/// Refuses any address that does not resolve to loopback only.
async fn ensure_loopback(addr: &str) -> Result<(), String> {
    let rest = addr
        .strip_prefix("http://")
        .ok_or_else(|| format!("--addr {addr:?}: use http://HOST:PORT"))?;
    let authority = rest.split('/').next().unwrap_or(rest);
    let resolved: Vec<SocketAddr> = tokio::net::lookup_host(authority)
        .await
        .map_err(|e| format!("--addr {addr:?}: {e}"))?
        .collect();
    if resolved.is_empty() || !resolved.iter().all(|a| a.ip().is_loopback()) {
        return Err(format!(
            "--addr {addr:?} is not a loopback address; sitrep-bench only loads 127.0.0.1 or ::1"
        ));
    }
    Ok(())
}

/// Starts `sitrep-server` on a free port of 127.0.0.1.
fn start_server(args: &Args) -> Result<(String, Server), String> {
    let bin = match &args.server_bin {
        Some(bin) => bin.clone(),
        None => std::env::current_exe()
            .map_err(|e| format!("cannot find this program: {e}"))?
            .with_file_name("sitrep-server"),
    };
    if !bin.exists() {
        return Err(format!(
            "{} not found: build it (cargo build --release --bin sitrep-server) or give \
             --server-bin or --addr",
            bin.display()
        ));
    }
    let port = std::net::TcpListener::bind((IpAddr::from([127, 0, 0, 1]), 0))
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("cannot find a free port: {e}"))?
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut command = match &args.server_cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.arg("-c").arg(cpus).arg(&bin);
            c
        }
        None => Command::new(&bin),
    };
    command
        .arg("--listen")
        .arg(&listen)
        .args(&args.server_arg)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    let child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    Ok((format!("http://{listen}"), Server { child }))
}

/// Waits until the server answers `DescribeSchema`.
async fn wait_until_serving(addr: &str, started: bool) -> Result<(), String> {
    let deadline = Instant::now()
        + if started {
            SERVER_START_TIMEOUT
        } else {
            Duration::from_secs(5)
        };
    loop {
        let error = match Client::connect(addr.to_string()).await {
            Ok(mut client) => match client.describe_schema().await {
                Ok(_) => return Ok(()),
                Err(status) => status.to_string(),
            },
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            return Err(format!("the server at {addr} does not answer: {error}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// When to measure and when to stop.
#[derive(Clone, Debug)]
struct Timing {
    measure_from: Instant,
    end: Instant,
    max_requests: u64,
    issued: Arc<AtomicU64>,
}

impl Timing {
    /// Whether another call may start now.
    fn may_start(&self) -> bool {
        Instant::now() < self.end && self.issued.fetch_add(1, Ordering::Relaxed) < self.max_requests
    }

    /// Whether a call that ran from `started` to now counts.
    fn counts(&self, started: Instant) -> bool {
        started >= self.measure_from && Instant::now() <= self.end
    }
}

/// What one caller measured.
#[derive(Debug)]
struct Stats {
    calls: u64,
    articles: u64,
    events: u64,
    bytes: u64,
    errors: u64,
    first_error: Option<String>,
    /// Time to the first event, in ns, of the articles that have one.
    first_event: Histogram<u64>,
    /// Time to the end of the answer (end of stream, or the article's summary), in ns.
    end: Histogram<u64>,
}

impl Stats {
    fn new() -> Stats {
        let histogram =
            || Histogram::new_with_bounds(100, 600_000_000_000, 3).expect("valid histogram bounds");
        Stats {
            calls: 0,
            articles: 0,
            events: 0,
            bytes: 0,
            errors: 0,
            first_error: None,
            first_event: histogram(),
            end: histogram(),
        }
    }

    fn merge(&mut self, other: &Stats) {
        self.calls += other.calls;
        self.articles += other.articles;
        self.events += other.events;
        self.bytes += other.bytes;
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error.clone_from(&other.first_error);
        }
        self.first_event
            .add(&other.first_event)
            .expect("same histogram bounds");
        self.end.add(&other.end).expect("same histogram bounds");
    }

    fn record(&mut self, outcome: &Outcome, bytes: usize) {
        self.articles += 1;
        self.events += outcome.events;
        self.bytes += bytes as u64;
        if let Some(first) = outcome.first_event {
            self.first_event.saturating_record(nanos(first));
        }
        self.end.saturating_record(nanos(outcome.end));
    }

    fn error(&mut self, message: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(message);
        }
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// One article's answer.
struct Outcome {
    events: u64,
    first_event: Option<Duration>,
    end: Duration,
}

/// One caller: one call in flight at a time.
struct Worker {
    client: Client,
    articles: Arc<Vec<pb::Article>>,
    next: usize,
    timing: Timing,
}

impl Worker {
    fn article(&mut self) -> pb::Article {
        let article = self.articles[self.next % self.articles.len()].clone();
        self.next += 1;
        article
    }

    /// `Extract`, one call per article.
    async fn extract_loop(mut self) -> Stats {
        let mut stats = Stats::new();
        while self.timing.may_start() {
            let article = self.article();
            let bytes = article.text.len();
            let started = Instant::now();
            let outcome = self.extract_one(article, started).await;
            if !self.timing.counts(started) {
                continue;
            }
            stats.calls += 1;
            match outcome {
                Ok(outcome) => stats.record(&outcome, bytes),
                Err(message) => stats.error(message),
            }
        }
        stats
    }

    async fn extract_one(
        &mut self,
        article: pb::Article,
        started: Instant,
    ) -> Result<Outcome, String> {
        let mut events = self
            .client
            .extract(article)
            .await
            .map_err(|s| s.to_string())?;
        let mut outcome = Outcome {
            events: 0,
            first_event: None,
            end: Duration::ZERO,
        };
        while let Some(event) = events.next().await {
            event.map_err(|s| s.to_string())?;
            if outcome.first_event.is_none() {
                outcome.first_event = Some(started.elapsed());
            }
            outcome.events += 1;
        }
        outcome.end = started.elapsed();
        if events.summary().is_none() {
            return Err("the answer ended without a summary".into());
        }
        Ok(outcome)
    }

    /// `ExtractStream`: one call kept open, one article at a time on it.
    async fn stream_loop(mut self) -> Stats {
        let mut stats = Stats::new();
        let mut stream = None;
        while self.timing.may_start() {
            if stream.is_none() {
                let (tx, rx) = mpsc::channel::<pb::ExtractRequest>(1);
                match self.client.extract_many(ReceiverStream::new(rx)).await {
                    Ok(responses) => stream = Some((tx, responses)),
                    Err(status) => {
                        stats.error(status.to_string());
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        continue;
                    }
                }
            }
            let (tx, responses) = stream.as_mut().expect("opened above");
            let article = self.article();
            let bytes = article.text.len();
            let started = Instant::now();
            let outcome = stream_one(tx, responses, article, started).await;
            if outcome.is_err() {
                stream = None; // broken: open a new one
            }
            if !self.timing.counts(started) {
                continue;
            }
            stats.calls += 1;
            match outcome {
                Ok(outcome) => stats.record(&outcome, bytes),
                Err(message) => stats.error(message),
            }
        }
        stats
    }
}

async fn stream_one(
    tx: &mpsc::Sender<pb::ExtractRequest>,
    responses: &mut sitrep::client::Responses,
    article: pb::Article,
    started: Instant,
) -> Result<Outcome, String> {
    tx.send(article.into())
        .await
        .map_err(|_| "the request stream closed".to_string())?;
    let mut outcome = Outcome {
        events: 0,
        first_event: None,
        end: Duration::ZERO,
    };
    loop {
        let response = responses
            .next()
            .await
            .ok_or_else(|| "the answer stream ended early".to_string())?
            .map_err(|s| s.to_string())?;
        match response.result {
            Some(Answer::Event(_)) => {
                if outcome.first_event.is_none() {
                    outcome.first_event = Some(started.elapsed());
                }
                outcome.events += 1;
            }
            Some(Answer::Summary(_)) => {
                outcome.end = started.elapsed();
                return Ok(outcome);
            }
            Some(Answer::Error(error)) => return Err(error.message),
            None => {}
        }
    }
}

/// The server's memory over the run.
#[derive(Debug)]
struct Memory {
    pid: u32,
    peak_kb: u64,
    /// (seconds since the measured period began, VmRSS in kB), once a second.
    samples: Vec<(f64, u64)>,
}

/// Samples the server's VmRSS once a second until the end.
async fn sample_rss(pid: u32, timing: Timing, every: f64) -> Vec<(f64, u64)> {
    let mut samples = Vec::new();
    let mut last_print = f64::NEG_INFINITY;
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tick.tick().await;
        let now = Instant::now();
        if now > timing.end {
            break;
        }
        let Some(rss) = read_status_kb(pid, "VmRSS:") else {
            break;
        };
        if now < timing.measure_from {
            continue;
        }
        let t = (now - timing.measure_from).as_secs_f64();
        samples.push((t, rss));
        if every > 0.0 && t - last_print >= every - 0.5 {
            last_print = t;
            eprintln!("  t={t:6.0}s  server RSS {:.1} MB", rss as f64 / 1024.0);
        }
    }
    samples
}

/// A `kB` field of /proc/PID/status.
fn read_status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

struct Report<'a> {
    args: &'a Args,
    addr: &'a str,
    pool: usize,
    measured: Duration,
    stats: &'a Stats,
    memory: Option<&'a Memory>,
}

const PERCENTILES: [(&str, f64); 4] =
    [("p50", 50.0), ("p90", 90.0), ("p99", 99.0), ("p99.9", 99.9)];

impl Report<'_> {
    fn per_second(&self, n: u64) -> f64 {
        n as f64 / self.measured.as_secs_f64().max(1e-9)
    }

    fn rss_mb(&self) -> Option<(f64, f64, f64, f64)> {
        let m = self.memory?;
        let first = m.samples.first().map_or(0, |s| s.1);
        let last = m.samples.last().map_or(0, |s| s.1);
        let max = m.samples.iter().map(|s| s.1).max().unwrap_or(0);
        let kb = |k: u64| k as f64 / 1024.0;
        Some((kb(m.peak_kb), kb(first), kb(last), kb(max)))
    }

    fn text(&self) -> String {
        use std::fmt::Write;
        let a = self.args;
        let s = self.stats;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "sitrep-bench  {}  mode={:?}  {} connection(s) x {} in flight = {} calls at once",
            self.addr,
            a.mode,
            a.connections,
            a.in_flight,
            a.connections * a.in_flight
        );
        let _ = writeln!(
            out,
            "articles of ~{} B (pool of {}), warm-up {:.1} s, measured {:.2} s",
            a.article_bytes,
            self.pool,
            a.warmup,
            self.measured.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "calls     {:>10}  {:>12.1}/s",
            s.calls,
            self.per_second(s.calls)
        );
        let _ = writeln!(
            out,
            "articles  {:>10}  {:>12.1}/s",
            s.articles,
            self.per_second(s.articles)
        );
        let _ = writeln!(
            out,
            "events    {:>10}  {:>12.1}/s",
            s.events,
            self.per_second(s.events)
        );
        let _ = writeln!(
            out,
            "text      {:>8.2} MB  {:>10.3} MB/s",
            s.bytes as f64 / 1e6,
            self.per_second(s.bytes) / 1e6
        );
        let _ = writeln!(out, "errors    {:>10}", s.errors);
        if let Some(e) = &s.first_error {
            let _ = writeln!(out, "          first error: {e}");
        }
        let _ = writeln!(
            out,
            "latency (µs)        p50       p90       p99     p99.9       max     count"
        );
        for (name, h) in [("first event", &s.first_event), ("end of answer", &s.end)] {
            let _ = write!(out, "{name:<14}");
            for (_, q) in PERCENTILES {
                let _ = write!(out, "{:>10.1}", h.value_at_percentile(q) as f64 / 1e3);
            }
            let _ = writeln!(out, "{:>10.1}{:>10}", h.max() as f64 / 1e3, h.len());
        }
        if let (Some(m), Some((peak, first, last, max))) = (self.memory, self.rss_mb()) {
            let _ = writeln!(
                out,
                "server pid {}: peak RSS (VmHWM) {peak:.1} MB; RSS over the measured period \
                 {first:.1} MB at start, {last:.1} MB at end, {max:.1} MB at most ({} samples)",
                m.pid,
                m.samples.len()
            );
        }
        out
    }

    fn json(&self) -> serde_json::Value {
        let s = self.stats;
        let latency = |h: &Histogram<u64>| {
            let mut o = serde_json::Map::new();
            for (name, q) in PERCENTILES {
                o.insert(
                    format!("{name}_us"),
                    (h.value_at_percentile(q) as f64 / 1e3).into(),
                );
            }
            o.insert("max_us".into(), (h.max() as f64 / 1e3).into());
            o.insert("count".into(), h.len().into());
            serde_json::Value::Object(o)
        };
        let memory = self.rss_mb().map(|(peak, first, last, max)| {
            serde_json::json!({
                "peak_rss_mb": peak,
                "rss_start_mb": first,
                "rss_end_mb": last,
                "rss_max_mb": max,
                "samples": self.memory.map_or(0, |m| m.samples.len()),
            })
        });
        serde_json::json!({
            "addr": self.addr,
            "mode": format!("{:?}", self.args.mode).to_lowercase(),
            "connections": self.args.connections,
            "in_flight_per_connection": self.args.in_flight,
            "article_bytes": self.args.article_bytes,
            "warmup_s": self.args.warmup,
            "measured_s": self.measured.as_secs_f64(),
            "calls": s.calls,
            "calls_per_s": self.per_second(s.calls),
            "articles_per_s": self.per_second(s.articles),
            "events_per_s": self.per_second(s.events),
            "mb_per_s": self.per_second(s.bytes) / 1e6,
            "errors": s.errors,
            "first_event": latency(&s.first_event),
            "end_of_answer": latency(&s.end),
            "server": memory,
        })
    }
}
