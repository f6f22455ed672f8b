//! Abuse, against the `grondwerk` binary over real HTTP: bodies and uploads over the limits,
//! pagination beyond its cap, the public check's rate limit, slow clients, oversized headers,
//! deeply nested JSON, huge numbers, hostile text that must round-trip unchanged, and the
//! transport-security headers (HSTS behind TLS). The rate limit shared across replicas is
//! holiday-rental's tests/replicas.rs; the security headers of every operation are checked by
//! tests/authorisation.rs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn assert_problem(what: &str, (status, ct, body): &(u16, String, Value), expected: u16) {
    assert_eq!(*status, expected, "{what}: {body}");
    assert!(ct.starts_with("application/problem+json"), "{what}: {ct}");
    assert_eq!(body["status"], expected, "{what}: {body}");
}

/// The suite with small limits so that they are cheap to cross.
fn suite(name: &str) -> Suite {
    let data = temp_dir(name);
    Suite::start_with(
        &data,
        free_ports(),
        true,
        &[
            ("HOUSEHOLD_BUDGET_MAX_STATEMENT_BYTES", "200000"),
            ("PLATFORM_CHECK_PER_MINUTE", "5"),
        ],
    )
}

#[actix_web::test]
async fn limits_on_bodies_uploads_pages_numbers_nesting_and_the_public_check() {
    let suite = suite("limits");
    let rental = format!("{}/api/v1", suite.url("HOLIDAY_RENTAL_PORT"));
    let budget = format!("{}/api/v1", suite.url("HOUSEHOLD_BUDGET_PORT"));
    let team = suite.token("budgetbeheer", None);
    let citizen = suite.token("burgerportaal", Some("999990068"));

    // a JSON body over the 1 MiB limit, and a statement over the upload limit
    let big = json!({ "nummeraanduidingIdentificatie": "x".repeat(2 * 1024 * 1024) });
    assert_problem(
        "2 MiB body",
        &answer(
            HTTP.post(format!("{rental}/registraties"))
                .bearer_auth(&citizen)
                .json(&big),
        )
        .await,
        413,
    );
    let statement = vec![b'x'; 300_000];
    assert_problem(
        "300 kB statement over a 200 kB limit",
        &answer(
            HTTP.post(format!("{budget}/bankafschriften"))
                .bearer_auth(&team)
                .header("Content-Type", "application/x-mt940")
                .body(statement),
        )
        .await,
        413,
    );

    // pages: at most 100 a page, numbers that fit
    for query in [
        "pageSize=101",
        "pageSize=0",
        "page=0",
        "page=99999999999999999999",
        "pageSize=abc",
    ] {
        let a = answer(HTTP.get(format!("{budget}/transacties?{query}")).bearer_auth(&team)).await;
        assert_problem(query, &a, 400);
        assert!(a.2["invalidParams"][0]["name"].as_str().is_some(), "{query}: {}", a.2);
    }
    let (status, _, body) = answer(
        HTTP.get(format!("{budget}/transacties?pageSize=100"))
            .bearer_auth(&team),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["paginering"]["pageSize"], 100);

    // huge numbers and deep nesting: 400, and the component carries on
    let (_, _, citizens) = answer(HTTP.get(format!("{budget}/burgers")).bearer_auth(&team)).await;
    let anna = citizens["burgers"][0]["id"].as_str().unwrap().to_string();
    let afspraak = |amount: &str| {
        format!(
            r#"{{"omschrijving": "x", "soort": "uitgaven", "bedragInCenten": {amount}, "tegenrekening": "NL15BNGH0285162624", "geldigVan": "2024-01-01"}}"#
        )
    };
    for (what, path, body) in [
        (
            "a number beyond i64",
            format!("burgers/{anna}/afspraken"),
            afspraak("99999999999999999999999999"),
        ),
        ("1e400", format!("burgers/{anna}/afspraken"), afspraak("1e400")),
        (
            "a fraction of a cent",
            format!("burgers/{anna}/afspraken"),
            afspraak("12.5"),
        ),
        (
            "10,000 nested arrays",
            "huishoudens".into(),
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        (
            "10,000 nested objects",
            "huishoudens".into(),
            format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000)),
        ),
    ] {
        let a = answer(
            HTTP.post(format!("{budget}/{path}"))
                .bearer_auth(&team)
                .header("Content-Type", "application/json")
                .body(body),
        )
        .await;
        assert_problem(what, &a, 400);
    }
    let (status, ..) = answer(HTTP.get(format!("{budget}/huishoudens")).bearer_auth(&team)).await;
    assert_eq!(status, 200, "still serving");

    // the public check: 5 a minute per platform here, then 429 with Retry-After
    let platform = suite.token("platform-demo", None);
    let nr = "0363AAAABBBBCCCCDDDD";
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..7 {
        let resp = HTTP
            .get(format!("{rental}/registratienummers/{nr}"))
            .bearer_auth(&platform)
            .send()
            .await
            .unwrap();
        statuses.push(resp.status().as_u16());
        if resp.status() == 429 {
            retry_after = resp
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
        }
    }
    assert!(statuses[..5].iter().all(|s| *s != 429), "{statuses:?}");
    assert_eq!(&statuses[5..], [429, 429], "{statuses:?}");
    assert!(retry_after.is_some_and(|r| r.parse::<u64>().is_ok_and(|s| (1..=60).contains(&s))));
    assert!(!suite.log().contains("panicked"));
}

/// Reads until the server closes the connection (or `within` passes); what it sent.
fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    stream.set_read_timeout(Some(within)).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return Some(String::from_utf8_lossy(&got).into_owned()),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                return Some(String::from_utf8_lossy(&got).into_owned());
            }
            Err(_) => return None,
        }
    }
}

#[actix_web::test]
async fn slow_clients_and_oversized_headers_are_cut_off() {
    let suite = suite("slow");
    let port = suite.ports.iter().find(|(v, _)| *v == "CATALOG_PORT").unwrap().1;
    let address = format!("127.0.0.1:{port}");

    // slowloris: a request head that never ends, one byte at a time
    let mut slow = TcpStream::connect(&address).unwrap();
    slow.write_all(b"GET /api/v1/componenten HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let writer = {
        let mut s = slow.try_clone().unwrap();
        std::thread::spawn(move || {
            for _ in 0..30 {
                if s.write_all(b"X").is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        })
    };
    let closed = read_until_closed(&mut slow, Duration::from_secs(15));
    assert!(closed.is_some(), "a slow request head keeps its connection");
    assert!(started.elapsed() < Duration::from_secs(12), "{:?}", started.elapsed());
    let _ = writer.join();

    // a slow body: the head complete, the body announced and never sent
    let mut slow = TcpStream::connect(&address).unwrap();
    slow.write_all(
        b"POST /api/v1/componenten HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    )
    .unwrap();
    let started = Instant::now();
    let closed = read_until_closed(&mut slow, Duration::from_secs(40));
    assert!(closed.is_some(), "a body that never comes keeps its connection");
    assert!(started.elapsed() < Duration::from_secs(35), "{:?}", started.elapsed());

    // an idle keep-alive connection is closed too
    let mut idle = TcpStream::connect(&address).unwrap();
    idle.write_all(b"GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let started = Instant::now();
    let got = read_until_closed(&mut idle, Duration::from_secs(15)).expect("idle connection closed");
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(started.elapsed() < Duration::from_secs(12));

    // headers over 16 KiB: 431 problem+json; far over: the connection is refused a head
    let a = answer(
        HTTP.get(format!("http://{address}/api/v1/componenten"))
            .header("X-Padding", "x".repeat(20 * 1024)),
    )
    .await;
    assert_problem("20 KiB of headers", &a, 431);
    let mut huge = TcpStream::connect(&address).unwrap();
    let head = format!(
        "GET /api/v1/componenten HTTP/1.1\r\nHost: x\r\nX-Padding: {}\r\n\r\n",
        "x".repeat(300 * 1024)
    );
    let _ = huge.write_all(head.as_bytes());
    let got = read_until_closed(&mut huge, Duration::from_secs(10)).unwrap_or_default();
    assert!(got.is_empty() || got.starts_with("HTTP/1.1 431"), "{got}");
    // and the server serves on
    let (status, ..) = answer(HTTP.get(format!("http://{address}/api/v1/componenten"))).await;
    assert_eq!(status, 200);
}

/// Text that breaks naive code (quotes and SQL, LIKE wildcards, HTML, emoji, other scripts,
/// combining marks, a long one) goes in and comes back exactly.
const HOSTILE: [&str; 6] = [
    "Robert'); DROP TABLE huishoudens;--",
    "100% _echt_ \\ \"aanhalingstekens\" `backticks`",
    "<script>alert(1)</script> &amp; &lt;",
    "Zoë Ñúñez-O'Brien 🙂 中文 עברית Ελληνικά",
    "e\u{301}e\u{301} ﬁ ẞ",
    "lang lang lang lang lang lang lang lang lang lang lang lang lang lang lang lang lang lang",
];

#[actix_web::test]
async fn hostile_text_round_trips_unchanged_in_every_text_field() {
    let suite = suite("text");
    let budget = format!("{}/api/v1", suite.url("HOUSEHOLD_BUDGET_PORT"));
    let rental = format!("{}/api/v1", suite.url("HOLIDAY_RENTAL_PORT"));
    let team = suite.token("budgetbeheer", None);
    let post = |url: String, body: Value| HTTP.post(url).bearer_auth(&team).json(&body);
    let put = |url: String, body: Value| HTTP.put(url).bearer_auth(&team).json(&body);
    let get = |url: String| HTTP.get(url).bearer_auth(&team);
    for (i, text) in HOSTILE.iter().enumerate() {
        let text = text.to_string();
        // huishouden, organisatie, afdeling and rubriek names
        let (status, _, h) = answer(post(format!("{budget}/huishoudens"), json!({ "naam": text }))).await;
        assert_eq!(status, 201, "{text}: {h}");
        let (_, _, back) = answer(get(format!("{budget}/huishoudens/{}", h["id"].as_str().unwrap()))).await;
        assert_eq!(back["naam"], text.as_str());
        let (status, _, o) = answer(post(
            format!("{budget}/organisaties"),
            json!({ "kvkNummer": format!("6959910{i}"), "naam": text }),
        ))
        .await;
        assert_eq!(status, 201, "{text}: {o}");
        let oid = o["id"].as_str().unwrap();
        let (_, _, back) = answer(get(format!("{budget}/organisaties/{oid}"))).await;
        assert_eq!(back["naam"], text.as_str());
        let (status, _, a) = answer(post(
            format!("{budget}/organisaties/{oid}/afdelingen"),
            json!({ "naam": text }),
        ))
        .await;
        assert_eq!(status, 201, "{text}: {a}");
        let (_, _, back) = answer(get(format!("{budget}/afdelingen/{}", a["id"].as_str().unwrap()))).await;
        assert_eq!(back["naam"], text.as_str());
        let (status, _, r) = answer(post(
            format!("{budget}/rubrieken"),
            json!({ "naam": format!("{text} {i}"), "grootboekrekening": "4000" }),
        ))
        .await;
        assert_eq!(status, 201, "{text}: {r}");
        let (_, _, back) = answer(get(format!("{budget}/rubrieken/{}", r["id"].as_str().unwrap()))).await;
        assert_eq!(back["naam"], format!("{text} {i}"));
        // a citizen's names, and an afspraak's description and search terms
        let bsn = [
            "999990019",
            "999990032",
            "999990044",
            "999990056",
            "999990081",
            "999990093",
        ][i];
        let (status, _, b) = answer(post(
            format!("{budget}/burgers"),
            json!({ "burgerservicenummer": bsn, "voornamen": text, "achternaam": text }),
        ))
        .await;
        assert_eq!(status, 201, "{text}: {b}");
        let bid = b["id"].as_str().unwrap();
        let (_, _, back) = answer(get(format!("{budget}/burgers/{bid}"))).await;
        assert_eq!(
            (back["voornamen"].as_str(), back["achternaam"].as_str()),
            (Some(&*text), Some(&*text))
        );
        let (status, _, af) = answer(post(
            format!("{budget}/burgers/{bid}/afspraken"),
            json!({ "omschrijving": text, "soort": "uitgaven", "bedragInCenten": 100,
                    "tegenrekening": "NL15BNGH0285162624", "geldigVan": "2024-01-01", "zoektermen": [text] }),
        ))
        .await;
        assert_eq!(status, 201, "{text}: {af}");
        let (_, _, back) = answer(get(format!("{budget}/afspraken/{}", af["id"].as_str().unwrap()))).await;
        assert_eq!(back["omschrijving"], text.as_str());
        assert_eq!(back["zoektermen"], json!([text]));
        // renamed through PUT as well
        let (status, ..) = answer(put(
            format!("{budget}/huishoudens/{}", h["id"].as_str().unwrap()),
            json!({ "naam": format!("{text}!") }),
        ))
        .await;
        assert_eq!(status, 204);
        let (_, _, back) = answer(get(format!("{budget}/huishoudens/{}", h["id"].as_str().unwrap()))).await;
        assert_eq!(back["naam"], format!("{text}!"));
    }
    // holiday-rental: the reason of a withdrawal, as the inspector gave it
    let numbers = suite.demo_registrations();
    let inspector = suite.token("handhaving-amsterdam", None);
    let reason = HOSTILE[3];
    let (status, _, withdrawn) = answer(
        HTTP.post(format!("{rental}/registraties/{}/intrekken", numbers[0]))
            .bearer_auth(&inspector)
            .json(&json!({ "reden": reason })),
    )
    .await;
    assert_eq!(status, 200, "{withdrawn}");
    assert_eq!(withdrawn["redenIntrekking"], reason);
}

#[actix_web::test]
async fn transport_security_headers_and_hsts_behind_tls() {
    let suite = suite("headers");
    for variable in PORT_VARIABLES {
        let base = suite.url(variable);
        for path in [
            "/health/live",
            "/api/v1/docs/",
            "/api/v1/bestaat-niet",
            "/api/v1/openapi.json",
        ] {
            let resp = HTTP.get(format!("{base}{path}")).send().await.unwrap();
            let h = resp.headers();
            let what = format!("{variable} {path} ({})", resp.status());
            assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
            assert_eq!(h["x-frame-options"], "DENY", "{what}");
            assert!(
                h["content-security-policy"]
                    .to_str()
                    .unwrap()
                    .contains("frame-ancestors 'none'"),
                "{what}"
            );
            assert!(
                h.get("strict-transport-security").is_none(),
                "{what}: no HSTS over plain http"
            );
            // behind the ingress that ends TLS
            let resp = HTTP
                .get(format!("{base}{path}"))
                .header("X-Forwarded-Proto", "https")
                .send()
                .await
                .unwrap();
            assert_eq!(
                resp.headers()["strict-transport-security"],
                "max-age=31536000; includeSubDomains",
                "{what}"
            );
        }
    }
}
