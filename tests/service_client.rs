//! The typed client: one endpoint, several balanced, and its errors.
#![cfg(feature = "server")]

mod harness;

use harness::{TestServer, reference_article};
use sitrep::client::{Client, ConnectError};
use tokio_stream::StreamExt;

#[tokio::test]
async fn a_balanced_client_extracts_through_several_servers() {
    let (a, b) = (TestServer::default().await, TestServer::default().await);
    let client = Client::balanced([a.url(), b.url()]).unwrap();
    let mut expected = None;
    for _ in 0..8 {
        let mut client = client.clone();
        let mut events = client.extract(reference_article()).await.unwrap();
        let mut ids = Vec::new();
        while let Some(event) = events.next().await {
            ids.push(event.unwrap().id);
        }
        assert_eq!(events.summary().unwrap().event_count as usize, ids.len());
        // Every server gives the same events.
        assert_eq!(expected.get_or_insert_with(|| ids.clone()), &ids);
    }
    a.stop().await.unwrap();
    b.stop().await.unwrap();
}

#[tokio::test]
async fn connect_errors_say_what_was_wrong() {
    let no_endpoint = Client::balanced(Vec::<String>::new()).unwrap_err();
    assert!(matches!(no_endpoint, ConnectError::NoEndpoint));
    let invalid = Client::balanced(["not a uri"]).unwrap_err();
    assert!(
        invalid
            .to_string()
            .starts_with("\"not a uri\" is not a valid endpoint URI"),
        "{invalid}"
    );
    let unreachable = Client::connect("http://127.0.0.1:1").await.unwrap_err();
    assert!(
        unreachable
            .to_string()
            .starts_with("cannot connect to http://127.0.0.1:1"),
        "{unreachable}"
    );
}
