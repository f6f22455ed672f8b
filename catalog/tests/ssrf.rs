//! A spec registered by URL is fetched without letting the catalogue reach its own network:
//! plain http and loopback are refused, a name that resolves to a private address is refused,
//! and a redirect towards the cloud metadata address is refused; a real spec behind a checked
//! redirect is stored; a too large one is not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::IpAddr;
use std::sync::Arc;

/// A tiny HTTP server on 127.0.0.1 answering each path with a fixed raw response.
fn server(routes: Vec<(&'static str, String)>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let answer = routes
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, r)| r.clone())
                .unwrap_or_else(|| "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n".into());
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    format!("http://{addr}")
}

fn ok(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn redirect(to: &str) -> String {
    format!("HTTP/1.1 302 Found\r\nlocation: {to}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
}

/// The resolver of these tests: `intern.example` is a private address, anything else loopback.
fn resolver() -> catalog::fetch::Resolver {
    Arc::new(|host, _port| {
        Box::pin(async move {
            let ip: IpAddr = if host == "intern.example" {
                "10.0.0.1".parse().unwrap()
            } else {
                "127.0.0.1".parse().unwrap()
            };
            Ok(vec![ip])
        })
    })
}

#[actix_web::test]
async fn fetching_by_url_never_reaches_the_own_network() {
    let spec = json!({ "openapi": "3.0.3", "info": { "title": "Zaken", "version": "1.0.0" }, "paths": {} }).to_string();
    let base = server(vec![
        ("/spec.json", ok(&spec)),
        ("/naar-spec", redirect("/spec.json")),
        ("/naar-metadata", redirect("http://169.254.169.254/latest/meta-data/")),
        ("/naar-intern", redirect("http://intern.example/spec.json")),
        ("/groot.json", ok(&" ".repeat(5000))),
    ]);
    let supplier = token("leverancier");
    let attempt = |st: catalog::AppState, url: String| async move {
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        send(
            &app,
            publish(
                &token("leverancier"),
                json!({ "publiccode": supplier_file("1.0.0"), "openapiUrl": url }),
            ),
        )
        .await
    };
    let strict = {
        let mut st = state(&platform::testing::sqlite_url());
        st.builtin_entries = false;
        st.fetcher.resolver = resolver();
        st
    };
    // production settings: http is refused before anything is fetched
    let (status, p) = attempt(strict.clone(), format!("{base}/spec.json")).await;
    assert_eq!((status, p["code"].as_str()), (422, Some("specNietOpgehaald")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("alleen https"), "{p}");
    // http allowed (as for tests), loopback not: 127.0.0.1 is refused
    let mut http = strict.clone();
    http.fetcher.allow_http = true;
    let (status, p) = attempt(http.clone(), format!("{base}/spec.json")).await;
    assert_eq!(status, 422, "{p}");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("127.0.0.1 is geen openbaar adres"),
        "{p}"
    );
    // a name that resolves to a private address
    let (status, p) = attempt(http.clone(), "http://intern.example/spec.json".into()).await;
    assert_eq!(status, 422, "{p}");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("10.0.0.1 is geen openbaar adres"),
        "{p}"
    );

    // the test server itself allowed: a redirect is checked like the first address
    let mut local = http.clone();
    local.fetcher.allow_loopback = true;
    for (path, refused) in [("/naar-metadata", "169.254.169.254"), ("/naar-intern", "10.0.0.1")] {
        let (status, p) = attempt(local.clone(), format!("{base}{path}")).await;
        assert_eq!(status, 422, "{path}: {p}");
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .contains(&format!("{refused} is geen openbaar adres")),
            "{path}: {p}"
        );
    }
    let mut small = local.clone();
    small.fetcher.max_bytes = 1000;
    let (status, p) = attempt(small, format!("{base}/groot.json")).await;
    assert_eq!(status, 422, "{p}");
    assert!(p["detail"].as_str().unwrap().contains("groter dan 1000 bytes"), "{p}");

    // and a real spec, behind a redirect, is stored
    let app = platform::testing::component_app::<catalog::Catalog>(local).await;
    let (status, c) = send(
        &app,
        publish(
            &supplier,
            json!({ "publiccode": supplier_file("1.0.0"), "openapiUrl": format!("{base}/naar-spec") }),
        ),
    )
    .await;
    assert_eq!(status, 201, "{c}");
    let id = c["id"].as_str().unwrap();
    let (_, stored) = send(&app, get(&format!("/api/v1/componenten/{id}/versies/1/openapi.json"))).await;
    assert_eq!(stored, serde_json::from_str::<Value>(&spec).unwrap());
    // a spec and a URL at once is a mistake
    let (status, p) = send(
        &app,
        publish(
            &supplier,
            json!({ "publiccode": supplier_file("1.0.0"), "openapi": {}, "openapiUrl": format!("{base}/spec.json") }),
        ),
    )
    .await;
    assert_eq!(
        (status, p["invalidParams"][0]["name"].as_str()),
        (400, Some("openapiUrl")),
        "{p}"
    );
}

/// The security review's bypass: with `HTTPS_PROXY` set, reqwest sent the fetch to the proxy
/// as `CONNECT host`, and the proxy resolved the name: the address checks and the pinning no
/// longer held. The fetcher never uses a proxy from the environment. The fetch runs in a child
/// process of this test binary (the environment is the process's), with every proxy variable
/// pointing at a listener that counts who comes.
#[test]
fn a_proxy_from_the_environment_is_never_used() {
    let proxy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
    let visits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = visits.clone();
    std::thread::spawn(move || {
        for stream in proxy.incoming() {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(stream);
        }
    });
    let spec = json!({ "openapi": "3.0.3", "info": { "title": "x", "version": "1" }, "paths": {} }).to_string();
    let target = format!("{}/spec.json", server(vec![("/spec.json", ok(&spec))]));
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "fetch_in_a_proxied_environment", "--ignored", "--nocapture"])
        .env("FETCH_TARGET", &target)
        .env("HTTP_PROXY", &proxy_url)
        .env("HTTPS_PROXY", &proxy_url)
        .env("ALL_PROXY", &proxy_url)
        .env("http_proxy", &proxy_url)
        .env("https_proxy", &proxy_url)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    assert!(log.contains("1 passed"), "{log}");
    assert_eq!(
        visits.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "the proxy was used: {log}"
    );
}

/// Run by [`a_proxy_from_the_environment_is_never_used`] in a child process with the proxy
/// variables set; on its own it has no target to fetch.
#[actix_web::test]
#[ignore = "run by a_proxy_from_the_environment_is_never_used, in a proxied environment"]
async fn fetch_in_a_proxied_environment() {
    let target =
        std::env::var("FETCH_TARGET").expect("FETCH_TARGET: run by a_proxy_from_the_environment_is_never_used");
    let fetcher = catalog::fetch::Fetcher {
        allow_http: true,
        allow_loopback: true,
        resolver: resolver(),
        ..catalog::fetch::Fetcher::strict(1024 * 1024)
    };
    let text = fetcher.fetch(&target).await.unwrap();
    assert!(text.contains("openapi"), "{text}");
}
