//! Benchmark of the catalogue (not a test): `catalog_bench N DB_URL SPEC_OUT` starts the
//! catalogue in-process on a free port, publishes N generated components over HTTP (each with a
//! spec of about 2,000 lines, linted and stored), then times 1,000 varied searches with filters
//! over HTTP, and the ADR lint of one generated spec in Rust. It writes that spec to SPEC_OUT so
//! the script can time Spectral on the same file. Prints the figures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use platform::auth::{Claims, ClientConfig, sign_hs256};
use serde_json::{Value, json};
use std::time::Instant;

#[path = "common/queries.rs"]
mod queries;

use queries::{LAYERS, STATUSES, WORDS};

/// A spec of about 2,000 lines (pretty-printed): 17 resources with two operations each and a
/// schema each.
fn spec(i: usize) -> Value {
    let mut paths = serde_json::Map::new();
    let mut schemas = serde_json::Map::new();
    for r in 0..17 {
        let name = format!("{}-{r}", WORDS[(i + r) % WORDS.len()]);
        let schema = format!("Object{r}");
        let ok = |s: &str| {
            json!({ "description": "ok", "headers": { "API-Version": { "schema": { "type": "string" } } },
                    "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{s}") } } } })
        };
        let problem = json!({ "description": "fout", "content": { "application/problem+json": {
            "schema": { "$ref": "#/components/schemas/Problem" } } } });
        paths.insert(
            format!("/{name}"),
            json!({
                "get": { "operationId": format!("lijst{r}"), "parameters": [
                    { "name": "pageSize", "in": "query", "schema": { "type": "integer" } } ],
                    "responses": { "200": ok(&schema), "400": problem } },
            }),
        );
        paths.insert(
            format!("/{name}/{{id}}"),
            json!({
                "get": { "operationId": format!("een{r}"), "parameters": [
                    { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                    "responses": { "200": ok(&schema), "400": problem, "404": problem } },
            }),
        );
        schemas.insert(
            schema,
            json!({ "type": "object", "properties": {
                "id": { "type": "string" }, "naam": { "type": "string" },
                "startDatum": { "type": "string", "format": "date" }, "aantal": { "type": "integer" } } }),
        );
    }
    schemas.insert(
        "Problem".into(),
        json!({ "type": "object", "properties": { "status": { "type": "integer" }, "title": { "type": "string" },
                 "detail": { "type": "string" } } }),
    );
    json!({
        "openapi": "3.0.3",
        "info": { "title": format!("Component {i}"), "version": "1.0.0",
                  "contact": { "name": "Team", "email": "team@example.org", "url": "https://example.org" } },
        "servers": [ { "url": "https://api.example.org/api/v1" } ],
        "paths": paths,
        "components": { "schemas": schemas },
    })
}

fn publiccode(i: usize) -> String {
    let w = |k: usize| WORDS[(i * 7 + k) % WORDS.len()];
    format!(
        "publiccodeYmlVersion: '0.4'\nname: Component {i} {a}\nurl: https://git.example.org/c{i}.git\n\
         platforms: [web]\ndevelopmentStatus: {status}\nsoftwareType: standalone/backend\n\
         description:\n  nl:\n    shortDescription: {a} en {b} voor gemeenten\n    longDescription: \"Een component voor {a}, {b} en {c}; \
         het helpt gemeenten bij hun werk, wordt door meerdere organisaties gebruikt en heeft een API die de regels volgt. \
         Nummer {i} van de benchmark.\"\n    features: [{a}]\n\
         legal:\n  license: {license}\n  repoOwner: Organisatie {org}\nmaintenance:\n  type: internal\n  contacts:\n    - name: Team\n\
         localisation:\n  localisationReady: true\n  availableLanguages: [nl]\n\
         nl-commonground:\n  laag: {layer}\n",
        a = w(0),
        b = w(1),
        c = w(2),
        status = STATUSES[i % STATUSES.len()],
        license = if i.is_multiple_of(3) { "MIT" } else { "EUPL-1.2" },
        org = i % 50,
        layer = LAYERS[i % LAYERS.len()],
    )
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

#[actix_web::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let db = args.get(2).cloned().unwrap_or_else(|| "/tmp/catalog-bench.db".into());
    let spec_out = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "/tmp/catalog-bench-spec.json".into());
    let dir = std::env::temp_dir().join(format!("catalog-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // a new secret each run: a secret written in the repository is refused by the platform
    let secret = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
    let clients = dir.join("clients.toml");
    std::fs::write(
        &clients,
        format!("[[client]]\nclient_id = \"bench\"\nsecret = \"{secret}\"\nscopes = [\"catalogus.beheren\"]\norganisatie = \"Benchmark\"\n"),
    )
    .unwrap();
    let client = ClientConfig {
        client_id: "bench".into(),
        secret: Some(secret.clone()),
        ..Default::default()
    };
    let token = sign_hs256(&client, &Claims::default(), chrono::Utc::now().timestamp()).unwrap();
    let http = reqwest::Client::new();

    // another catalogue with a tenth as many components, which this one follows: their
    // components are in the same index as its own and the seeded landscape
    let followed_n = n / 10;
    let (other, other_handle) = start(&format!("{db}-gevolgd"), &clients, &dir, &["--landscape", "false"]).await;
    let t = Instant::now();
    for i in 0..followed_n {
        publish(&http, &other, &token, i + 1_000_000).await;
    }
    println!(
        "followed catalogue: {followed_n} components published in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let (base, handle) = start(
        &db,
        &clients,
        &dir,
        &["--follow", &other, "--fetch-allow-http", "--fetch-allow-loopback"],
    )
    .await;

    let sample = spec(0);
    let pretty = serde_json::to_string_pretty(&sample).unwrap();
    std::fs::write(&spec_out, &pretty).unwrap();
    println!("spec: {} lines, {} bytes", pretty.lines().count(), pretty.len());

    // load: N components published over HTTP, each linted and stored
    let begun = Instant::now();
    for i in 0..n {
        publish(&http, &base, &token, i).await;
    }
    let load = begun.elapsed().as_secs_f64();
    println!(
        "load: {n} components in {load:.1} s ({:.1} ms each)",
        load * 1000.0 / n as f64
    );
    // the followed catalogue's components taken over (its first read runs at start-up)
    let t = Instant::now();
    loop {
        let page: Value = http
            .get(format!("{base}/api/v1/componenten?pageSize=1"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let total = page["paginering"]["totalItems"].as_u64().unwrap_or(0) as usize;
        if total >= n + followed_n + catalog::landscape::LANDSCAPE.len() {
            println!(
                "index: {total} components ({n} published, {followed_n} followed, {} seeded); followed ones in after {:.1} s more",
                catalog::landscape::LANDSCAPE.len(),
                t.elapsed().as_secs_f64()
            );
            break;
        }
        assert!(
            t.elapsed().as_secs() < 600,
            "the followed catalogue's components did not arrive: {total}"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    }

    // search: 1,000 varied queries with filters
    let mut times = Vec::with_capacity(1000);
    let mut hits = 0u64;
    for q in 0..1000usize {
        let query = queries::query(q);
        let mut url = format!("{base}/api/v1/componenten?zoek={}", query.words.join("+"));
        for (name, value) in [
            ("laag", query.layer),
            ("status", query.status),
            ("licentie", query.licence),
        ] {
            if let Some(v) = value {
                url.push_str(&format!("&{name}={v}"));
            }
        }
        let t = Instant::now();
        let resp = http.get(&url).send().await.unwrap();
        assert_eq!(resp.status().as_u16(), 200, "{url}");
        let page: Value = resp.json().await.unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        hits += page["paginering"]["totalItems"].as_u64().unwrap_or(0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "search: 1000 queries, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} hits in total)",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1],
        hits
    );

    // lint of one spec in Rust
    let rounds = 200;
    let t = Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        let doc = catalog::domain::openapi::parse_any(&pretty).unwrap();
        findings = catalog::domain::lint::lint(&doc).len();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
    println!("lint (Rust, parse included): {per:.2} ms per spec, {findings} findings");
    handle.stop(true).await;
    other_handle.stop(true).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// A catalogue on a free port with its database at `db` (the built-in entries left out): its base
/// URL and the handle that stops it.
async fn start(
    db: &str,
    clients: &std::path::Path,
    dir: &std::path::Path,
    more: &[&str],
) -> (String, actix_web::dev::ServerHandle) {
    let bind = platform::testing::free_address();
    let mut args = platform::testing::component_args("catalog", &bind, db, clients);
    args.extend([
        "--builtin-entries".into(),
        "false".into(),
        "--entries".into(),
        dir.to_string_lossy().into(),
    ]);
    args.extend(more.iter().map(|s| s.to_string()));
    let cli = platform::component::parse::<catalog::Catalog, _, _>(args).unwrap();
    let auth = std::sync::Arc::new(cli.common.authenticator().unwrap());
    let server = platform::component::start::<catalog::Catalog>(cli.common, cli.component, auth)
        .await
        .unwrap();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (format!("http://{bind}"), handle)
}

/// Publishes component `i` with its spec.
async fn publish(http: &reqwest::Client, base: &str, token: &str, i: usize) {
    let resp = http
        .post(format!("{base}/api/v1/componenten"))
        .bearer_auth(token)
        .json(&json!({ "publiccode": publiccode(i), "openapi": spec(i) }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201, "{}", resp.text().await.unwrap_or_default());
}
