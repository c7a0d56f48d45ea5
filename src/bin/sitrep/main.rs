//! `sitrep`: extract events from article files or JSON lines, in-process or through a server.

mod analyze;
mod input;
mod report;

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use sitrep::client::{Client, ConnectError, tls_from_pem_files};
use sitrep::convert::{self, DEFAULT_MAX_ARTICLE_BYTES, Limits};
use sitrep::engine::Engine;
use sitrep::pb;
use tokio_stream::StreamExt;

use crate::input::Input;

#[derive(Debug, Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Extracts talks, strikes, statements and proposals from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extracts events from articles: files of plain text (or `-` for stdin), or JSON lines.
    Extract(ExtractArgs),
    /// Prints what the language layer finds in an article: sentences, entities, numbers, times.
    Analyze(AnalyzeArgs),
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Plain-text articles, each optionally starting with `date YYYY-MM-DD`; `-` reads stdin.
    #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
    files: Vec<PathBuf>,

    /// Read JSON lines {"id", "text", "published_date"} from stdin; write one line
    /// {"id", "events"} (or {"id", "error"}) per input line, in input order.
    #[arg(long)]
    jsonl: bool,

    /// Print a report for a person instead of JSON.
    #[arg(long)]
    pretty: bool,

    /// The unit of span offsets.
    #[arg(long, value_enum, default_value_t = Offsets::Byte)]
    offsets: Offsets,

    /// Event types wanted (comma-separated); all by default.
    #[arg(long, value_enum, value_delimiter = ',')]
    types: Vec<TypeArg>,

    /// Leave out events below this confidence (0..1).
    #[arg(long, default_value_t = 0.0)]
    min_confidence: f32,

    /// Call this server (e.g. http://127.0.0.1:50051) instead of extracting in-process.
    #[arg(long, value_name = "URL")]
    server: Option<String>,

    /// PEM CA certificate(s) that signed the server's certificate: TLS (an https:// URL).
    #[arg(long, value_name = "FILE", requires = "server")]
    tls_ca: Option<PathBuf>,

    /// PEM client certificate, for a server that asks for one (mutual TLS); with --tls-key.
    #[arg(long, value_name = "FILE", requires_all = ["tls_ca", "tls_key"])]
    tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,

    /// Bearer token, for a server started with --tokens-file.
    #[arg(long, env = "SITREP_TOKEN", hide_env_values = true)]
    token: Option<String>,

    /// Directory of extra lexicon files (in-process only: a server has its own).
    #[arg(long, value_name = "DIR", conflicts_with = "server")]
    lexicons: Option<PathBuf>,

    /// Largest article text accepted in-process, in UTF-8 bytes (a server has its own limit).
    #[arg(long, default_value_t = DEFAULT_MAX_ARTICLE_BYTES, conflicts_with = "server")]
    max_article_bytes: usize,
}

#[derive(Debug, clap::Args)]
struct AnalyzeArgs {
    /// A plain-text article, optionally starting with `date YYYY-MM-DD`; `-` reads stdin.
    file: PathBuf,

    /// Print the analysis as JSON.
    #[arg(long)]
    json: bool,

    /// Directory of extra lexicon files.
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Offsets {
    /// UTF-8 bytes.
    Byte,
    /// UTF-16 code units (Java, JavaScript).
    Utf16,
    /// Unicode code points (Python).
    CodePoint,
}

impl From<Offsets> for pb::OffsetUnit {
    fn from(offsets: Offsets) -> pb::OffsetUnit {
        match offsets {
            Offsets::Byte => pb::OffsetUnit::Utf8Byte,
            Offsets::Utf16 => pb::OffsetUnit::Utf16CodeUnit,
            Offsets::CodePoint => pb::OffsetUnit::CodePoint,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum TypeArg {
    Talks,
    Strike,
    Statement,
    Proposal,
}

impl From<TypeArg> for pb::EventType {
    fn from(t: TypeArg) -> pb::EventType {
        match t {
            TypeArg::Talks => pb::EventType::Talks,
            TypeArg::Strike => pb::EventType::Strike,
            TypeArg::Statement => pb::EventType::Statement,
            TypeArg::Proposal => pb::EventType::Proposal,
        }
    }
}

/// The answer for one article, from the engine or from a server alike.
#[derive(Debug, Serialize)]
struct ArticleResult {
    id: String,
    events: Vec<pb::Event>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Extract(args) => extract(&args),
        Command::Analyze(args) => analyze::run(&args.file, args.json, args.lexicons.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("sitrep: {error}");
            ExitCode::FAILURE
        }
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Articles handed to the engine at once in-process; their results are written in order.
const BATCH: usize = 256;

fn extract(args: &ExtractArgs) -> Result<ExitCode, BoxError> {
    let options = pb::ExtractOptions {
        types: args
            .types
            .iter()
            .map(|&t| pb::EventType::from(t) as i32)
            .collect(),
        min_confidence: args.min_confidence,
        offset_unit: pb::OffsetUnit::from(args.offsets) as i32,
    };
    let inputs = if args.jsonl {
        let mut stdin = String::new();
        io::stdin().read_to_string(&mut stdin)?;
        input::from_jsonl(&stdin, &options)
    } else {
        args.files
            .iter()
            .map(|path| input::from_file(path, &options))
            .collect()
    };
    let mut out = Output::new(args.pretty, args.offsets.into());
    let failed = match &args.server {
        None => {
            let engine = load_engine(args.lexicons.as_deref())?;
            let limits = Limits {
                max_article_bytes: args.max_article_bytes,
            };
            let mut failed = false;
            for batch in inputs.chunks(BATCH) {
                for result in in_process(&engine, &limits, batch) {
                    failed |= result.error.is_some();
                    out.write(&result)?;
                }
            }
            failed
        }
        Some(url) => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let results = runtime.block_on(through_server(connect(url, args), inputs))?;
            let failed = results.iter().any(|r| r.error.is_some());
            for result in &results {
                out.write(result)?;
            }
            failed
        }
    };
    out.flush()?;
    // JSON lines report failures in-band; a file that could not be read fails the run.
    Ok(if failed && !args.jsonl {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn load_engine(lexicons: Option<&std::path::Path>) -> Result<Engine, BoxError> {
    let mut builder = Engine::builder();
    if let Some(dir) = lexicons {
        builder = builder.user_lexicons(dir);
    }
    Ok(builder.build()?)
}

/// Extracts a batch on every core, keeping input order.
fn in_process(engine: &Engine, limits: &Limits, batch: &[Input]) -> Vec<ArticleResult> {
    let one = |input: &Input| match &input.request {
        Err(error) => ArticleResult {
            id: input.id.clone(),
            events: Vec::new(),
            error: Some(error.clone()),
        },
        Ok(request) => match convert::validate(request.clone(), limits)
            .and_then(|request| convert::extract(engine, &request))
        {
            Ok(output) => ArticleResult {
                id: input.id.clone(),
                events: output.events,
                error: None,
            },
            Err(error) => ArticleResult {
                id: input.id.clone(),
                events: Vec::new(),
                error: Some(error.to_string()),
            },
        },
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = batch.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = batch
            .chunks(chunk)
            .map(|inputs| scope.spawn(move || inputs.iter().map(one).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// A client of `url`, with the TLS and token the arguments give.
async fn connect(url: &str, args: &ExtractArgs) -> Result<Client, ConnectError> {
    let client = match &args.tls_ca {
        None => Client::connect(url).await?,
        Some(ca) => {
            let identity = args.tls_cert.as_deref().zip(args.tls_key.as_deref());
            Client::connect_tls(url, tls_from_pem_files(ca, identity)?).await?
        }
    };
    match &args.token {
        Some(token) => client.with_token(token),
        None => Ok(client),
    }
}

/// Sends every article over one ExtractStream call; answers come back in request order.
async fn through_server(
    client: impl Future<Output = Result<Client, ConnectError>>,
    inputs: Vec<Input>,
) -> Result<Vec<ArticleResult>, BoxError> {
    let mut client = client.await?.with_max_message_size(usize::MAX);
    let requests: Vec<pb::ExtractRequest> = inputs
        .iter()
        .filter_map(|i| i.request.clone().ok())
        .collect();
    let mut responses = client.extract_many(tokio_stream::iter(requests)).await?;
    let mut results = Vec::with_capacity(inputs.len());
    for input in inputs {
        if let Err(error) = input.request {
            results.push(ArticleResult {
                id: input.id,
                events: Vec::new(),
                error: Some(error),
            });
            continue;
        }
        let mut result = ArticleResult {
            id: input.id,
            events: Vec::new(),
            error: None,
        };
        loop {
            let response = responses.next().await.ok_or_else(|| {
                format!(
                    "the server ended the stream before answering article {:?}",
                    result.id
                )
            })??;
            if response.article_id != result.id {
                return Err(format!(
                    "expected an answer for article {:?}, got {:?}",
                    result.id, response.article_id
                )
                .into());
            }
            match response.result {
                Some(pb::extract_response::Result::Event(event)) => result.events.push(event),
                Some(pb::extract_response::Result::Summary(_)) => break,
                Some(pb::extract_response::Result::Error(error)) => {
                    result.error = Some(error.message);
                    break;
                }
                None => {}
            }
        }
        results.push(result);
    }
    Ok(results)
}

/// Where results go: JSON lines, or a report for a person.
struct Output {
    out: BufWriter<io::Stdout>,
    pretty: Option<report::Style>,
    unit: pb::OffsetUnit,
}

impl Output {
    fn new(pretty: bool, unit: pb::OffsetUnit) -> Output {
        let style = if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            report::Style::Color
        } else {
            report::Style::Plain
        };
        Output {
            out: BufWriter::new(io::stdout()),
            pretty: pretty.then_some(style),
            unit,
        }
    }

    fn write(&mut self, result: &ArticleResult) -> io::Result<()> {
        match self.pretty {
            Some(style) => report::write(&mut self.out, result, style, self.unit),
            None => {
                serde_json::to_writer(&mut self.out, result)?;
                self.out.write_all(b"\n")
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
