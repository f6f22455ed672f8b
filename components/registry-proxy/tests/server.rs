//! The server as the binary and the suite run it, over real HTTP: the token checker must be
//! part of the component's own configuration.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};

#[actix_web::test]
async fn served_component_authenticates_over_http() {
    let bind = platform::testing::free_address();
    let server = server(state(&platform::testing::sqlite_url(), mock()), &bind);
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
    assert_eq!(
        resp.headers()["cache-control"],
        "no-store",
        "personal data is never cached"
    );
    assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["personen"][0]["naam"]["geslachtsnaam"], "Bakker");

    // Swagger UI: a CSP that forbids framing
    let resp = reqwest::get(format!("http://{bind}/api/v1/docs/")).await.unwrap();
    assert_eq!(resp.status(), 200);
    let csp = resp.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
    // the drop-in Haal Centraal spec is offered in the same UI
    let init = reqwest::get(format!("http://{bind}/api/v1/docs/swagger-initializer.js"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(init.contains("/api/v1/haalcentraal/openapi.json"), "{init}");

    // oversized URL and headers: problem+json 414 and 431
    let resp = reqwest::get(format!("http://{bind}/api/v1/status?x={}", "a".repeat(9000)))
        .await
        .unwrap();
    assert_eq!(resp.status(), 414);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let resp = reqwest::Client::new()
        .get(format!("http://{bind}/api/v1/status"))
        .header("X-Filler", "b".repeat(20_000))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 431);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    handle.stop(true).await;
}

/// One metrics registry per process on its own listener: successive scrapes never see a
/// counter go backwards, whichever worker served the requests.
#[actix_web::test]
async fn metrics_only_grow_and_live_on_their_own_listener() {
    let free = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    let (bind, metrics_bind) = (format!("127.0.0.1:{}", free()), format!("127.0.0.1:{}", free()));
    let server = server(state(&platform::testing::sqlite_url(), mock()), &bind);
    let handle = server.handle();
    actix_web::rt::spawn(server);
    actix_web::rt::spawn(platform::app::metrics_server(&metrics_bind).unwrap());
    let http = reqwest::Client::new();
    let count = |text: &str| -> u64 {
        text.lines()
            .filter(|l| l.starts_with("http_requests_total{") && l.contains("route=\"/health/live\""))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
            .sum()
    };
    let mut last = 0;
    for round in 0..5 {
        for _ in 0..7 {
            assert!(
                http.get(format!("http://{bind}/health/live"))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .is_success()
            );
        }
        let text = platform::testing::text(http.get(format!("http://{metrics_bind}/metrics"))).await;
        let now = count(&text);
        assert!(now >= last + 7, "round {round}: {last} -> {now}");
        assert!(
            text.contains("http_request_duration_seconds_bucket"),
            "a latency histogram"
        );
        last = now;
    }
    let public = http.get(format!("http://{bind}/metrics")).send().await.unwrap();
    assert_eq!(public.status(), 404);
    handle.stop(true).await;
}

/// `registry-proxy audit verify` checks the whole keyed chain of DATABASE_URL: exit 0 when
/// intact, 1 naming the record when not (security review, finding 3).
#[actix_web::test]
async fn audit_verify_command_checks_the_whole_chain() {
    use diesel::connection::SimpleConnection;
    let url = platform::testing::sqlite_url();
    let st = state(&url, mock());
    let entries = (0..12)
        .map(|i| platform::audit::AuditEntry {
            client_id: "demo".into(),
            user_id: None,
            purpose: Some("test".into()),
            action: "brp.personen.bevragen".into(),
            object_type: "persoon".into(),
            object_id: None,
            details: json!({}),
            outcome: "geleverd".into(),
            processing: Some(platform::ldv::Processing::of(
                &platform::ldv::Trace::start(),
                &registry_proxy::register::BRP_BEVRAGEN.reference(),
                Some(platform::ldv::DataSubject::of("BSN", &format!("99999{i:04}"))),
                platform::ldv::StatusCode::Ok,
            )),
        })
        .collect();
    st.audit.record(entries).await.unwrap();
    let run = |key: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_registry-proxy"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", &url)
            .env("GRONDWERK_AUDIT_KEYS", key)
            .output()
            .unwrap()
    };
    let key = platform::testing::audit_keys_spec();
    let out = run(key);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(out.status.success(), "{report}");
    assert_eq!(
        (report["geldig"].as_bool(), report["aantalRecords"].as_i64()),
        (Some(true), Some(12))
    );
    // another key cannot vouch for the chain
    let out = run("test-1=some-other-key-of-32-characters-or-more");
    assert_eq!(out.status.code(), Some(1));
    // a record changed behind the triggers' back
    st.db
        .run(|c| {
            c.batch_execute("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET purpose = 'anders' WHERE seq = 5")
                .map_err(platform::db::DbError::from)
        })
        .await
        .unwrap();
    let out = run(key);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(report["fout"], json!({"volgnummer": 5, "soort": "gewijzigd"}));
}
