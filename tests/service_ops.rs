//! Health, reflection (v1 and v1alpha) and graceful shutdown.
#![cfg(feature = "server")]

mod harness;

use std::time::Duration;

use harness::TestServer;
use sitrep::server::Config;
use tokio_stream::StreamExt;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

const SERVICES: [&str; 4] = [
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
    "sitrep.v1.EventExtractor",
];

fn check(service: &str) -> HealthCheckRequest {
    HealthCheckRequest {
        service: service.into(),
    }
}

#[tokio::test]
async fn health_is_serving_then_not_serving_while_draining() {
    let mut server = TestServer::default().await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "sitrep.v1.EventExtractor"] {
        let status = health
            .check(check(service))
            .await
            .unwrap()
            .into_inner()
            .status;
        assert_eq!(status, ServingStatus::Serving as i32, "{service:?}");
    }
    let mut watch = health
        .watch(check("sitrep.v1.EventExtractor"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        watch.next().await.unwrap().unwrap().status,
        ServingStatus::Serving as i32
    );

    server.begin_shutdown();
    // The watch is an in-flight call, so the server drains rather than exits, and says so.
    assert_eq!(
        watch.next().await.unwrap().unwrap().status,
        ServingStatus::NotServing as i32
    );
    drop(watch);
    drop(health);
    server.stop().await.unwrap();
}

#[tokio::test]
async fn reflection_v1_and_v1alpha_list_every_service() {
    let server = TestServer::default().await;
    {
        use tonic_reflection::pb::v1::ServerReflectionRequest;
        use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
        use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
        let mut client = ServerReflectionClient::new(server.channel().await);
        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut responses = client
            .server_reflection_info(tokio_stream::iter([request]))
            .await
            .unwrap()
            .into_inner();
        let Some(MessageResponse::ListServicesResponse(list)) =
            responses.next().await.unwrap().unwrap().message_response
        else {
            panic!("not a list of services");
        };
        let mut names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
        names.sort();
        assert_eq!(names, SERVICES);
    }
    {
        use tonic_reflection::pb::v1alpha::ServerReflectionRequest;
        use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest;
        use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse;
        let mut client = ServerReflectionClient::new(server.channel().await);
        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::FileContainingSymbol(
                "sitrep.v1.EventExtractor".into(),
            )),
        };
        let list = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut responses = client
            .server_reflection_info(tokio_stream::iter([request, list]))
            .await
            .unwrap()
            .into_inner();
        let Some(MessageResponse::FileDescriptorResponse(files)) =
            responses.next().await.unwrap().unwrap().message_response
        else {
            panic!("no file for sitrep.v1.EventExtractor");
        };
        assert!(!files.file_descriptor_proto.is_empty());
        let Some(MessageResponse::ListServicesResponse(list)) =
            responses.next().await.unwrap().unwrap().message_response
        else {
            panic!("not a list of services");
        };
        let mut names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
        names.sort();
        assert_eq!(names, SERVICES);
    }
    server.stop().await.unwrap();
}

#[tokio::test]
async fn shutdown_waits_for_in_flight_calls_no_longer_than_the_grace_period() {
    let grace = Duration::from_millis(300);
    let mut server = TestServer::start(Config {
        shutdown_grace: grace,
        ..Config::default()
    })
    .await;
    let mut health = HealthClient::new(server.channel().await);
    // A call that never ends by itself.
    let mut watch = health.watch(check("")).await.unwrap().into_inner();
    watch.next().await.unwrap().unwrap();
    server.begin_shutdown();
    let stopped = tokio::time::timeout(Duration::from_secs(20), server.stop()).await;
    stopped
        .expect("the server returns once the grace period is over")
        .unwrap();
}

#[tokio::test]
async fn shutdown_with_nothing_in_flight_is_immediate_and_clean() {
    let server = TestServer::start(Config {
        shutdown_grace: Duration::from_secs(3600),
        ..Config::default()
    })
    .await;
    let _ = server.client().await.describe_schema().await.unwrap();
    tokio::time::timeout(Duration::from_secs(20), server.stop())
        .await
        .expect("no waiting for the grace period")
        .unwrap();
}

#[tokio::test]
async fn the_server_binary_refuses_a_bad_configuration_clearly() {
    let cases: [(&[&str], &str); 2] = [
        (
            &["--lexicons", "/nonexistent/lexicons"],
            "sitrep-server: cannot load the lexicons: /nonexistent/lexicons",
        ),
        (
            &["--max-article-bytes", "9000000"],
            "sitrep-server: bad configuration: --max-article-bytes (9000000) must be below --max-message-bytes (4194304)",
        ),
    ];
    for (args, message) in cases {
        let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_sitrep-server"))
            .args(args)
            .args(["--listen", "127.0.0.1:0"])
            .env_remove("SITREP_MAX_MESSAGE_BYTES")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let output = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
            .await
            .unwrap_or_else(|_| panic!("sitrep-server started with {args:?}"))
            .unwrap();
        assert!(!output.status.success(), "{args:?} accepted");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(message), "{args:?}: {stderr}");
    }
}
