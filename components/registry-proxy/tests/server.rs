//! The server as the binary and the suite run it, over real HTTP: the token checker must be
//! part of the component's own configuration.

mod common;

use common::*;
use registry_proxy::backend::Backend;
use serde_json::{Value, json};

#[actix_web::test]
async fn served_component_authenticates_over_http() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let bind = format!("127.0.0.1:{port}");
    let server = registry_proxy::server(
        state(&platform::testing::sqlite_url(), Backend::Mock(mock_data())),
        &bind,
    )
    .unwrap();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    let resp = reqwest::Client::new()
        .post(format!("http://{bind}/haalcentraal/api/brp/personen"))
        .header("Authorization", token("demo"))
        .json(&json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990068"], "fields": ["naam.geslachtsnaam"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["api-version"], "1.0.0");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["personen"][0]["naam"]["geslachtsnaam"], "Bakker");
    handle.stop(true).await;
}
