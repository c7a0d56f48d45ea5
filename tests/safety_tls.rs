//! TLS, mutual TLS and bearer tokens, with certificates made here by rcgen: the server, the
//! typed client and the CLI.
#![cfg(feature = "server")]

mod harness;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use harness::TestServer;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use sitrep::client::{Client, tls_from_pem_files};
use sitrep::pb;
use sitrep::server::{Config, Server};
use tokio_stream::StreamExt;
use tonic::Code;
use tonic::transport::{Channel, ClientTlsConfig};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

/// A directory of PEM files for one test, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new() -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "sitrep-tls-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

type Ca = CertifiedIssuer<'static, KeyPair>;

fn ca(name: &str) -> Ca {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

/// A certificate and key signed by `ca`, written as `NAME.pem` and `NAME.key`.
fn leaf(dir: &Dir, ca: &Ca, name: &str, purpose: ExtendedKeyUsagePurpose) -> (PathBuf, PathBuf) {
    let mut params =
        CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
    params.distinguished_name.push(DnType::CommonName, name);
    params.extended_key_usages = vec![purpose];
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, &**ca).unwrap();
    (
        dir.write(&format!("{name}.pem"), &cert.pem()),
        dir.write(&format!("{name}.key"), &key.serialize_pem()),
    )
}

/// Everything a test needs: a CA that signed the server's and a client's certificates, and a
/// CA that signed nothing the server knows.
struct Pki {
    dir: Dir,
    ca: PathBuf,
    other_ca: PathBuf,
    server: (PathBuf, PathBuf),
    client: (PathBuf, PathBuf),
    stranger: (PathBuf, PathBuf),
}

fn pki() -> Pki {
    let dir = Dir::new();
    let (ours, theirs) = (ca("sitrep test CA"), ca("another CA"));
    Pki {
        ca: dir.write("ca.pem", &ours.pem()),
        other_ca: dir.write("other-ca.pem", &theirs.pem()),
        server: leaf(&dir, &ours, "server", ExtendedKeyUsagePurpose::ServerAuth),
        client: leaf(&dir, &ours, "client", ExtendedKeyUsagePurpose::ClientAuth),
        stranger: leaf(
            &dir,
            &theirs,
            "stranger",
            ExtendedKeyUsagePurpose::ClientAuth,
        ),
        dir,
    }
}

fn tls_config(pki: &Pki, mutual: bool) -> Config {
    Config {
        tls_cert: Some(pki.server.0.clone()),
        tls_key: Some(pki.server.1.clone()),
        tls_client_ca: mutual.then(|| pki.ca.clone()),
        ..Config::default()
    }
}

fn https(server: &TestServer) -> String {
    format!("https://{}", server.addr)
}

fn article() -> pb::Article {
    pb::Article {
        id: "a1".into(),
        text: "Ukraine and US officials started talks in Riyadh on Sunday.".into(),
        published_date: "2025-03-23".into(),
        ..Default::default()
    }
}

/// Connects with `tls` and extracts one article: its summary, or why not.
async fn call(url: String, tls: ClientTlsConfig, token: Option<&str>) -> Result<u32, String> {
    let client = Client::connect_tls(url, tls)
        .await
        .map_err(|e| format!("connect: {e:?}"))?;
    let mut client = match token {
        Some(token) => client.with_token(token).unwrap(),
        None => client,
    };
    let mut events = client
        .extract(article())
        .await
        .map_err(|s| format!("call: {s:?}"))?;
    while let Some(event) = events.next().await {
        event.map_err(|s| format!("stream: {s:?}"))?;
    }
    Ok(events.summary().expect("a summary").event_count)
}

#[tokio::test]
async fn tls_serves_clients_that_trust_its_ca_and_no_others() {
    let pki = pki();
    let server = TestServer::start(tls_config(&pki, false)).await;
    let trusted = tls_from_pem_files(&pki.ca, None).unwrap();
    assert!(call(https(&server), trusted, None).await.unwrap() > 0);

    let wrong_ca = tls_from_pem_files(&pki.other_ca, None).unwrap();
    let error = call(https(&server), wrong_ca, None).await.unwrap_err();
    assert!(error.contains("UnknownIssuer"), "{error}");

    // Plaintext to a TLS port gets nothing.
    let plaintext = async {
        let mut client = Client::connect(server.url()).await.ok()?;
        client.extract(article()).await.ok()?.next().await?.ok()
    };
    assert!(plaintext.await.is_none());
    server.stop().await.unwrap();
}

#[tokio::test]
async fn mutual_tls_needs_a_client_certificate_from_its_ca() {
    let pki = pki();
    let server = TestServer::start(tls_config(&pki, true)).await;
    let with = |identity: Option<&(PathBuf, PathBuf)>| {
        tls_from_pem_files(
            &pki.ca,
            identity.map(|(cert, key)| (cert.as_path(), key.as_path())),
        )
        .unwrap()
    };
    assert!(call(https(&server), with(None), None).await.is_err());
    assert!(
        call(https(&server), with(Some(&pki.stranger)), None)
            .await
            .is_err()
    );
    assert!(
        call(https(&server), with(Some(&pki.client)), None)
            .await
            .unwrap()
            > 0
    );
    server.stop().await.unwrap();
}

#[tokio::test]
async fn tokens_are_required_except_for_health() {
    let pki = pki();
    let tokens = pki.dir.write(
        "tokens",
        "# ingest team\ntok-ingest-1\n\n  tok-search-2  \n",
    );
    let server = TestServer::start(Config {
        tokens_file: Some(tokens),
        ..tls_config(&pki, false)
    })
    .await;
    let tls = || tls_from_pem_files(&pki.ca, None).unwrap();

    for (token, expected) in [
        (None, "this server needs a token"),
        (Some("tok-ingest-"), "the bearer token is not valid"),
        (Some("tok-ingest-1x"), "the bearer token is not valid"),
    ] {
        let error = call(https(&server), tls(), token).await.unwrap_err();
        assert!(
            error.contains("Unauthenticated") && error.contains(expected),
            "{token:?}: {error}"
        );
    }
    for token in ["tok-ingest-1", "tok-search-2"] {
        assert!(call(https(&server), tls(), Some(token)).await.unwrap() > 0);
    }

    let channel = Channel::from_shared(https(&server))
        .unwrap()
        .tls_config(tls())
        .unwrap()
        .connect()
        .await
        .unwrap();
    // Probes need no token.
    let health = HealthClient::new(channel.clone())
        .check(HealthCheckRequest {
            service: "sitrep.v1.EventExtractor".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(health.status, ServingStatus::Serving as i32);
    // Everything else does, the schema and reflection included.
    let status = Client::new(channel.clone())
        .describe_schema()
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    {
        use tonic_reflection::pb::v1::ServerReflectionRequest;
        use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let status = ServerReflectionClient::new(channel)
            .server_reflection_info(tokio_stream::iter([request]))
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::Unauthenticated);
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn unusable_tls_and_token_files_stop_the_server_at_start() {
    let pki = pki();
    let garbage = pki.dir.write("garbage.pem", "not a certificate\n");
    let broken = pki.dir.write(
        "broken.pem",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    );
    let empty = pki.dir.write("empty-tokens", "# nobody\n\n");
    let missing = pki.dir.0.join("missing.pem");
    let server = || (Some(pki.server.0.clone()), Some(pki.server.1.clone()));
    let cases: Vec<(Config, String)> = vec![
        (
            Config {
                tls_cert: Some(missing.clone()),
                tls_key: server().1,
                ..Config::default()
            },
            format!("--tls-cert {}: No such file", missing.display()),
        ),
        (
            Config {
                tls_cert: Some(garbage.clone()),
                tls_key: server().1,
                ..Config::default()
            },
            format!(
                "--tls-cert {}: no PEM \"CERTIFICATE\" block in the file",
                garbage.display()
            ),
        ),
        (
            Config {
                tls_cert: Some(broken.clone()),
                tls_key: server().1,
                ..Config::default()
            },
            format!("--tls-cert/--tls-key {}: ", broken.display()),
        ),
        (
            Config {
                tls_cert: server().0,
                ..Config::default()
            },
            "--tls-cert and --tls-key go together".into(),
        ),
        (
            Config {
                tls_client_ca: Some(pki.ca.clone()),
                ..Config::default()
            },
            "--tls-client-ca needs --tls-cert and --tls-key".into(),
        ),
        (
            Config {
                tokens_file: Some(empty.clone()),
                ..Config::default()
            },
            format!("--tokens-file {}: the file holds no token", empty.display()),
        ),
    ];
    for (config, message) in cases {
        let error = Server::with_engine(harness::engine(), &config)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with(&message), "{error:?} vs {message:?}");
    }
}

/// Runs the CLI against `url` on one article file.
async fn cli(dir: &Path, url: &str, args: &[&str]) -> std::process::Output {
    let article = dir.join("article.txt");
    std::fs::write(
        &article,
        "date 2025-03-23\nUkraine and US officials started talks in Riyadh on Sunday.\n",
    )
    .unwrap();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "--server", url])
        .args(args)
        .arg(&article)
        .env_remove("SITREP_TOKEN")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    tokio::time::timeout(Duration::from_secs(120), child.wait_with_output())
        .await
        .expect("the CLI ends")
        .unwrap()
}

#[tokio::test]
async fn the_cli_speaks_mutual_tls_and_tokens() {
    let pki = pki();
    let tokens = pki.dir.write("tokens", "cli-token\n");
    let server = TestServer::start(Config {
        tokens_file: Some(tokens),
        ..tls_config(&pki, true)
    })
    .await;
    let url = https(&server);
    let ca = pki.ca.to_str().unwrap();
    let cert = pki.client.0.to_str().unwrap();
    let key = pki.client.1.to_str().unwrap();
    let tls = ["--tls-ca", ca, "--tls-cert", cert, "--tls-key", key];

    let ok = cli(
        &pki.dir.0,
        &url,
        &[&tls[..], &["--token", "cli-token"]].concat(),
    )
    .await;
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(stdout.contains("\"EVENT_TYPE_TALKS\""), "{stdout}");

    let no_token = cli(&pki.dir.0, &url, &tls).await;
    assert!(!no_token.status.success());
    let stderr = String::from_utf8_lossy(&no_token.stderr);
    assert!(stderr.contains("this server needs a token"), "{stderr}");

    let no_cert = cli(&pki.dir.0, &url, &["--tls-ca", ca, "--token", "cli-token"]).await;
    assert!(!no_cert.status.success());
    server.stop().await.unwrap();
}
