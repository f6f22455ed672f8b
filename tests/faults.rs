//! Faults, against the `grondwerk` binary over real HTTP: the database going away and coming
//! back, the process killed (-9) in the middle of a bank-statement import, and SIGTERM while
//! requests are in flight.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Read;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A TCP forwarder in front of PostgreSQL that can cut every connection and refuse new ones
/// (the server gone, as the component sees it) and let them through again.
struct Forwarder {
    port: u16,
    open: Arc<AtomicBool>,
    connections: Arc<Mutex<Vec<TcpStream>>>,
}

impl Forwarder {
    fn start(target: SocketAddr) -> Forwarder {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let open = Arc::new(AtomicBool::new(true));
        let connections: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let (o, c) = (open.clone(), connections.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let server = if o.load(Ordering::SeqCst) {
                    TcpStream::connect(target).ok()
                } else {
                    None
                };
                let Some(server) = server else {
                    // the server is "down": the connection ends at once
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                };
                let mut kept = c.lock().unwrap();
                kept.push(client.try_clone().unwrap());
                kept.push(server.try_clone().unwrap());
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            }
        });
        Forwarder {
            port,
            open,
            connections,
        }
    }

    /// The database is gone: open connections are cut, new ones end at once.
    fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for c in self.connections.lock().unwrap().drain(..) {
            let _ = c.shutdown(Shutdown::Both);
        }
    }

    /// The database is back.
    fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Both);
    });
}

/// host:port of a database URL.
fn authority(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap();
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap().to_string()
}

/// One HTTP client for the whole test (making one is slow on a debug build).
async fn call(method: reqwest::Method, url: &str, token: &str, body: Option<Value>) -> (u16, String, Value, Duration) {
    let started = Instant::now();
    let mut req = HTTP
        .request(method, url)
        .bearer_auth(token)
        .timeout(Duration::from_secs(30));
    if let Some(b) = body {
        req = req.json(&b);
    }
    let (status, ct, body) = answer(req).await;
    (status, ct, body, started.elapsed())
}

/// What a request may wait while the database is down: well under the pool's 5 s, so callers
/// and probes are not left hanging.
const QUICK: Duration = Duration::from_secs(2);

/// PostgreSQL goes away under household-budget: readiness fails and requests get a 503
/// problem+json at once, nothing is stored, nothing panics; when it comes back the component
/// serves again without a restart.
#[actix_web::test]
async fn a_database_outage_is_a_quick_503_and_service_returns_without_a_restart() {
    let base = platform::testing::postgres_base_url();
    let db = platform::testing::postgres_schema(&base);
    let target = authority(&base);
    let forwarder = Forwarder::start(target.to_socket_addrs().unwrap().next().unwrap());
    let url = db.replacen(&target, &format!("127.0.0.1:{}", forwarder.port), 1);
    let data = temp_dir("outage");
    let suite = Suite::start_with(&data, free_ports(), false, &[("HOUSEHOLD_BUDGET_DATABASE_URL", &url)]);
    let budget = suite.url("HOUSEHOLD_BUDGET_PORT");
    let team = suite.token("budgetbeheer", None);
    let ready = format!("{budget}/health/ready");
    let households = format!("{budget}/api/v1/huishoudens");
    let (status, ..) = call(reqwest::Method::GET, &ready, &team, None).await;
    assert_eq!(status, 200);
    let (status, ..) = call(
        reqwest::Method::POST,
        &households,
        &team,
        Some(json!({ "naam": "Voor de storing" })),
    )
    .await;
    assert_eq!(status, 201);

    forwarder.cut();
    for round in 0..3 {
        let (status, ct, body, took) = call(reqwest::Method::GET, &households, &team, None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (503, Some("notAvailable")),
            "round {round}: {body}"
        );
        assert!(ct.starts_with("application/problem+json"), "{ct}");
        assert!(took < QUICK, "round {round}: answered after {took:?}");
    }
    let (status, _, body, took) = call(
        reqwest::Method::POST,
        &households,
        &team,
        Some(json!({ "naam": "Tijdens de storing" })),
    )
    .await;
    assert_eq!(status, 503, "{body}");
    assert!(took < QUICK, "{took:?}");
    let (status, _, body, took) = call(reqwest::Method::GET, &ready, &team, None).await;
    assert_eq!(status, 503, "readiness fails: {body}");
    assert!(took < QUICK, "{took:?}");
    // the other components do not depend on it
    let (status, ..) = call(
        reqwest::Method::GET,
        &format!("{}/health/ready", suite.url("CATALOG_PORT")),
        &team,
        None,
    )
    .await;
    assert_eq!(status, 200);

    forwarder.restore();
    let started = Instant::now();
    loop {
        let (status, ..) = call(reqwest::Method::GET, &ready, &team, None).await;
        if status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "not ready 20 s after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (status, _, body, _) = call(reqwest::Method::GET, &households, &team, None).await;
    assert_eq!(status, 200);
    let names: Vec<&str> = body["huishoudens"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["naam"].as_str())
        .collect();
    assert_eq!(names, ["Voor de storing"], "nothing of the outage was stored");
    let (status, ..) = call(
        reqwest::Method::POST,
        &households,
        &team,
        Some(json!({ "naam": "Na de storing" })),
    )
    .await;
    assert_eq!(status, 201);
    let log = suite.log();
    assert!(!log.contains("panicked"), "{log}");
    assert!(
        (log.contains("database unreachable") || log.contains("database connection lost"))
            && log.contains("database reachable again"),
        "the outage and the return are logged: {log}"
    );
}

/// An MT940 statement of the suite's account with `n` credits of one euro, each its own
/// transaction.
fn statement(n: usize) -> Vec<u8> {
    let mut s = String::from(":20:FAULTS\r\n:25:NL36ABNA5632579034EUR\r\n:28C:00001\r\n:60F:C260101EUR0,00\r\n");
    for i in 0..n {
        s.push_str(&format!(
            ":61:2601020102C1,00NTRFNONREF//B{i:09}\r\n:86:/EREF/FAULT-{i}//CNTP/NL20INGB0001234567/INGBNL2A/Betaler {i}///REMI/USTD//Storting {i}/\r\n"
        ));
    }
    s.push_str(&format!(":62F:C260102EUR{n},00\r\n-\r\n"));
    s.into_bytes()
}

async fn import(url: String, token: String, file: Vec<u8>) -> Result<(u16, Value), String> {
    let resp = HTTP
        .post(format!("{url}/api/v1/bankafschriften"))
        .bearer_auth(token)
        .header("Content-Type", "application/x-mt940")
        .body(file)
        .timeout(Duration::from_secs(300))
        .send()
        .await
        .map_err(|e| format!("{e:?}"))?;
    let status = resp.status().as_u16();
    Ok((status, resp.json().await.map_err(|e| format!("{e:?}"))?))
}

async fn transactions(url: &str, token: &str) -> u64 {
    let (status, _, body, _) = call(
        reqwest::Method::GET,
        &format!("{url}/api/v1/transacties?pageSize=1"),
        token,
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["paginering"]["totalItems"].as_u64().unwrap()
}

/// Statement size of the kill test: large enough that its import is still running a second
/// after it was sent, on a debug build.
const LARGE: usize = 40_000;

/// kill -9 while a large statement is being imported: after the restart nothing of it is there,
/// and importing it again takes all of it.
#[actix_web::test]
async fn a_kill_during_an_import_leaves_nothing_and_the_import_can_be_repeated() {
    for (db, url) in platform::testing::database_urls() {
        let data = temp_dir("kill");
        let env = [("HOUSEHOLD_BUDGET_DATABASE_URL", &*url)];
        let mut suite = Suite::start_with(&data, free_ports(), false, &env);
        let budget = suite.url("HOUSEHOLD_BUDGET_PORT");
        let team = suite.token("budgetbeheer", None);
        let file = statement(LARGE);
        let running = actix_web::rt::spawn(import(budget.clone(), team.clone(), file.clone()));
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(
            !running.is_finished(),
            "{db}: the import ended within 1.5 s; make LARGE larger"
        );
        suite.kill9();
        let answer = running.await.unwrap();
        assert!(
            answer.is_err(),
            "{db}: the import was answered before the kill: {answer:?}"
        );

        // on other ports: the old ones may since be some client's
        let suite = Suite::start_with(&data, free_ports(), false, &env);
        let budget = suite.url("HOUSEHOLD_BUDGET_PORT");
        let team = suite.token("budgetbeheer", None);
        assert_eq!(
            transactions(&budget, &team).await,
            0,
            "{db}: nothing of the killed import"
        );
        let (status, body) = import(budget.clone(), team.clone(), file).await.unwrap();
        assert_eq!(status, 201, "{db}: {body}");
        assert_eq!(body["aantalNieuw"], LARGE, "{db}");
        assert_eq!(transactions(&budget, &team).await, LARGE as u64, "{db}");
        drop(suite);
    }
}

/// SIGTERM while a statement upload (half sent) and many small requests are in flight: they all
/// get their whole answer, new connections are refused, and the process exits within the grace
/// period.
#[actix_web::test]
async fn sigterm_lets_requests_in_flight_finish_refuses_new_ones_and_exits_in_time() {
    let data = temp_dir("sigterm");
    let mut suite = Suite::start(&data, false);
    let budget = suite.url("HOUSEHOLD_BUDGET_PORT");
    let catalog = suite.url("CATALOG_PORT");
    let team = suite.token("budgetbeheer", None);
    // an upload of a statement that is half sent when SIGTERM comes
    let file = statement(LARGE / 4);
    let half = file.len() / 2;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(2);
    tx.send(Ok(file[..half].to_vec())).await.unwrap();
    let body = reqwest::Body::wrap_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }));
    let importing = {
        let request = HTTP
            .post(format!("{budget}/api/v1/bankafschriften"))
            .bearer_auth(&team)
            .header("Content-Type", "application/x-mt940")
            .body(body)
            .timeout(Duration::from_secs(60));
        actix_web::rt::spawn(async move {
            let resp = request.send().await.map_err(|e| format!("{e:?}"))?;
            let status = resp.status().as_u16();
            Ok::<_, String>((status, resp.json::<Value>().await.map_err(|e| format!("{e:?}"))?))
        })
    };
    // twenty clients asking the catalogue over and over
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for _ in 0..20 {
        let (url, stop) = (format!("{catalog}/api/v1/componenten"), stop.clone());
        clients.push(actix_web::rt::spawn(async move {
            let (mut answered, mut refused) = (0, 0);
            while !stop.load(Ordering::SeqCst) {
                match HTTP.get(&url).send().await {
                    Ok(resp) => {
                        assert_eq!(resp.status(), 200);
                        let body: Value = resp.json().await.expect("a whole answer");
                        assert!(body["componenten"].is_array());
                        answered += 1;
                    }
                    Err(e) => {
                        assert!(e.is_connect() || e.is_request(), "{e}");
                        refused += 1;
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
            (answered, refused)
        }));
    }
    // the upload's connection is accepted once a later one is answered
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (status, ..) = call(reqwest::Method::GET, &format!("{budget}/health/live"), &team, None).await;
    assert_eq!(status, 200);
    assert!(!importing.is_finished());
    let signalled = Instant::now();
    suite.signal("TERM");
    tokio::time::sleep(Duration::from_millis(300)).await;
    // the rest of the upload arrives while the server is stopping
    tx.send(Ok(file[half..].to_vec())).await.unwrap();
    drop(tx);
    let (status, body) = importing.await.unwrap().expect("the import in flight is answered");
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["aantalNieuw"], LARGE / 4);
    let exit = suite
        .wait_exit(Duration::from_secs(15))
        .unwrap_or_else(|| panic!("still running 15 s after SIGTERM: {}", suite.log()));
    assert!(exit.success(), "{exit:?}");
    assert!(
        signalled.elapsed() < Duration::from_secs(12),
        "{:?}",
        signalled.elapsed()
    );
    // new connections are refused
    let mut probe = [0u8; 1];
    match TcpStream::connect(format!("127.0.0.1:{}", suite.ports[0].1)) {
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionRefused),
        Ok(mut s) => panic!("a connection after the exit: {:?}", s.read(&mut probe)),
    }
    stop.store(true, Ordering::SeqCst);
    let mut answered = 0;
    for c in clients {
        answered += c.await.unwrap().0;
    }
    assert!(
        answered > 20,
        "the small requests were served until the stop: {answered}"
    );
    assert!(!suite.log().contains("panicked"));
}
