//! The `upstream` backend against a local fake Haal Centraal server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use actix_web::{App, HttpResponse, HttpServer, web};
use common::*;
use registry_proxy::backend::upstream::Upstream;
use serde_json::{Value, json};
use std::time::Duration;

async fn fake_brp(req: actix_web::HttpRequest, body: web::Json<Value>) -> HttpResponse {
    assert_eq!(req.headers().get("x-api-key").unwrap(), "sleutel");
    match body["burgerservicenummer"][0].as_str() {
        Some("999990019") => {
            // the proxy always asks the BSN upstream, for protocollering
            assert!(
                body["fields"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("burgerservicenummer"))
            );
            HttpResponse::Ok().json(json!({"type": "RaadpleegMetBurgerservicenummer", "personen": [{"burgerservicenummer": "999990019", "naam": {"voornamen": "Jan Pieter"}}]}))
        }
        Some("999990032") => HttpResponse::InternalServerError().body("stack trace with secrets"),
        Some("999990044") => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            HttpResponse::Ok().finish()
        }
        _ => HttpResponse::Ok().body("not json"),
    }
}

#[actix_web::test]
async fn forwards_and_maps_upstream_failures() {
    let server = HttpServer::new(|| {
        App::new().route("/personen", web::post().to(fake_brp)).route(
            "/bag/adressen/{id}",
            web::get().to(|| async { HttpResponse::NotFound().finish() }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let addr = server.addrs()[0];
    actix_web::rt::spawn(server.run());
    let up = Upstream::new(
        format!("http://{addr}/personen"),
        format!("http://{addr}/bag"),
        Some("sleutel".into()),
        None,
        Duration::from_millis(500),
    )
    .unwrap();
    let st = state(&platform::testing::sqlite_url(), std::sync::Arc::new(up));
    let app = app(st.clone()).await;
    let ask = |bsn: &str| {
        TestRequest::post()
            .uri("/haalcentraal/api/brp/personen")
            .insert_header(("Authorization", token("demo")))
            .set_json(json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": ["naam.voornamen"]}))
            .to_request()
    };
    let resp = test::call_service(&app, ask("999990019")).await;
    assert_eq!(resp.status(), 200);
    let body: Value = test::read_body_json(resp).await;
    assert_eq!(
        body["personen"],
        json!([{"naam": {"voornamen": "Jan Pieter"}}]),
        "BSN not asked, so not delivered"
    );
    assert_eq!(audit_count(&st).await, 1);

    for (bsn, status) in [("999990032", 502), ("999990044", 504), ("999990068", 502)] {
        let started = std::time::Instant::now();
        let resp = test::call_service(&app, ask(bsn)).await;
        assert_eq!(resp.status().as_u16(), status, "{bsn}");
        // the slow one (5 s) is given up at the configured 500 ms, not waited for
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{bsn}: {:?}",
            started.elapsed()
        );
        let text = String::from_utf8(test::read_body(resp).await.to_vec()).unwrap();
        assert!(!text.contains("secrets"), "upstream body must not leak");
    }
    let resp = test::call_service(
        &app,
        TestRequest::get()
            .uri("/lvbag/individuelebevragingen/v2/adressen/0363200000123456")
            .insert_header(("Authorization", token("demo")))
            .to_request(),
    )
    .await;
    assert_eq!(resp.status(), 404);

    // nothing listens here: 503
    let down = Upstream::new(
        "http://127.0.0.1:9/personen".into(),
        "http://127.0.0.1:9".into(),
        None,
        None,
        Duration::from_millis(500),
    )
    .unwrap();
    let app = app_for(down).await;
    assert_eq!(test::call_service(&app, ask("999990019")).await.status(), 503);
    assert_eq!(audit_count(&st).await, 1, "failures write nothing");
}

async fn app_for(
    up: Upstream,
) -> impl actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse, Error = actix_web::Error>
{
    app(state(&platform::testing::sqlite_url(), std::sync::Arc::new(up))).await
}
