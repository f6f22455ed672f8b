//! Two catalogues that follow each other over the API: each takes the other's own components
//! over with their versions and where they came from, a new version follows, only the source
//! changes a followed component, and a component both know appears once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use catalog::app::follow;
use common::*;
use serde_json::{Value, json};

fn file(name: &str, url: &str, version: &str) -> String {
    format!(
        "publiccodeYmlVersion: '0'\nname: {name}\nurl: {url}\nsoftwareVersion: {version}\nplatforms: [web]\n\
         developmentStatus: stable\nsoftwareType: standalone/backend\n\
         description:\n  nl:\n    shortDescription: {name}\n    longDescription: \"{LONG}\"\n    features: [Zaken]\n\
         legal:\n  license: EUPL-1.2\n  mainCopyrightOwner: Gemeente\nmaintenance:\n  type: internal\n  contacts:\n    - name: Team\n\
         localisation:\n  localisationReady: true\n  availableLanguages: [nl]\n"
    )
}

fn spec(title: &str) -> Value {
    json!({ "openapi": "3.0.3", "info": { "title": title, "version": "1.0.0" }, "paths": {
        "/zaken": { "get": { "operationId": "zaken", "responses": { "200": { "description": "ok" } } } }
    } })
}

/// A catalogue of its own, on its own database, following `follows`.
fn catalogue(url: &str, follows: Vec<String>) -> catalog::AppState {
    let mut st = state(url);
    st.builtin_entries = false;
    st.follows = follows;
    // the other catalogue is plain http on loopback here
    st.fetcher.allow_http = true;
    st.fetcher.allow_loopback = true;
    st
}

async fn names<S>(app: &S) -> Vec<(String, Option<String>)>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (_, page) = send(app, get("/api/v1/componenten?pageSize=100")).await;
    page["componenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["naam"].as_str().unwrap().to_string(),
                c["gevolgdVan"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[actix_web::test]
async fn two_catalogues_follow_each_other() {
    for (db, _) in platform::testing::database_urls() {
        // each catalogue its own database
        let (a_db, b_db) = match db {
            "sqlite" => (
                platform::testing::sqlite_database(),
                platform::testing::sqlite_database(),
            ),
            _ => {
                let base = platform::testing::postgres_base_url();
                (
                    platform::testing::postgres_schema(&base),
                    platform::testing::postgres_schema(&base),
                )
            }
        };
        let a_addr = platform::testing::free_address();
        let b_addr = platform::testing::free_address();
        let (a_url, b_url) = (format!("http://{a_addr}"), format!("http://{b_addr}"));
        let a = catalogue(&a_db, vec![b_url.clone()]);
        let b = catalogue(&b_db, vec![a_url.clone()]);
        let a_app = platform::testing::component_app::<catalog::Catalog>(a.clone()).await;
        let b_app = platform::testing::component_app::<catalog::Catalog>(b.clone()).await;
        let (served_a, stop_a) = serve_at(a.clone(), &a_addr);
        let (served_b, stop_b) = serve_at(b.clone(), &b_addr);
        assert_eq!((served_a, served_b), (a_url.clone(), b_url.clone()));

        // A publishes Zaken, B publishes Meldingen (with a spec); both know Gedeeld (same url)
        let supplier = token("leverancier");
        let other = token("andere-leverancier");
        let zaken = file("Zaken", "https://git.example.org/zaken.git", "1.0.0");
        let (status, _) = send(&a_app, publish(&supplier, json!({ "publiccode": zaken }))).await;
        assert_eq!(status, 201, "{db}");
        let meldingen = file("Meldingen", "https://git.example.org/meldingen.git", "1.0.0");
        let (status, b_meldingen) = send(
            &b_app,
            publish(&other, json!({ "publiccode": meldingen, "openapi": spec("Meldingen") })),
        )
        .await;
        assert_eq!(status, 201, "{db}: {b_meldingen}");
        let shared = file("Gedeeld", "https://git.example.org/gedeeld.git", "1.0.0");
        send(&a_app, publish(&supplier, json!({ "publiccode": shared }))).await;
        send(&b_app, publish(&other, json!({ "publiccode": shared }))).await;

        // each follows the other once
        let from_b = follow::follow(&a, &b_url).await.unwrap();
        let from_a = follow::follow(&b, &a_url).await.unwrap();
        assert_eq!(
            (from_b.taken, from_b.skipped),
            (1, 1),
            "{db}: A took Meldingen, left Gedeeld"
        );
        assert_eq!(
            (from_a.taken, from_a.skipped),
            (1, 1),
            "{db}: B took Zaken, left Gedeeld"
        );
        assert_eq!(
            names(&a_app).await,
            vec![
                ("Gedeeld".to_string(), None),
                ("Meldingen".to_string(), Some(b_url.clone())),
                ("Zaken".to_string(), None)
            ],
            "{db}: once each, with where it came from"
        );
        // the followed component as B has it: owner, spec, score, and its version's source
        let (_, found) = send(&a_app, get("/api/v1/componenten?zoek=meldingen")).await;
        let id = found["componenten"][0]["id"].as_str().unwrap().to_string();
        let (_, in_a) = send(&a_app, get(&format!("/api/v1/componenten/{id}"))).await;
        assert_eq!(in_a["eigenaar"], "Andere Leverancier BV", "{in_a}");
        assert_eq!(in_a["versies"][0]["adrScore"], b_meldingen["versies"][0]["adrScore"]);
        assert!(
            in_a["versies"][0]["bron"].as_str().unwrap().starts_with(&b_url),
            "{in_a}"
        );
        let (status, page) = send_text(&a_app, get(&format!("/componenten/{id}"))).await;
        assert_eq!(status, 200);
        assert!(page.contains("Uit catalogus") && page.contains(&b_url), "{page}");

        // following again brings nothing new; B's next version arrives
        assert_eq!(follow::follow(&a, &b_url).await.unwrap().taken, 0, "{db}");
        let next = file("Meldingen", "https://git.example.org/meldingen.git", "1.1.0");
        send(
            &b_app,
            publish(
                &other,
                json!({ "publiccode": next.clone(), "openapi": spec("Meldingen") }),
            ),
        )
        .await;
        assert_eq!(follow::follow(&a, &b_url).await.unwrap().taken, 1, "{db}");
        let (_, in_a) = send(&a_app, get(&format!("/api/v1/componenten/{id}"))).await;
        assert_eq!(
            (
                in_a["laatsteVersie"].as_i64(),
                in_a["versies"][0]["softwareVersie"].as_str()
            ),
            (Some(2), Some("1.1.0"))
        );

        // only B changes it: not its owner in A, not anyone
        let change = file("Meldingen", "https://git.example.org/meldingen.git", "9.9.9");
        let (status, problem) = send(&a_app, publish(&other, json!({ "publiccode": change }))).await;
        assert_eq!(
            (status, problem["code"].as_str()),
            (403, Some("gevolgdComponent")),
            "{db}: {problem}"
        );

        // what A follows, as A says it
        let (_, followed) = send(&a_app, get("/api/v1/gevolgde-catalogi")).await;
        assert_eq!(followed["gevolgdeCatalogi"][0]["url"], b_url.as_str());
        assert_eq!(followed["gevolgdeCatalogi"][0]["overgenomen"], 2, "{followed}");
        assert!(followed["gevolgdeCatalogi"][0].get("melding").is_none(), "{followed}");

        // of several replicas one reads a followed catalogue when it is due, the others not
        assert!(
            follow::follow_due(&a, 900).await.is_empty(),
            "{db}: A read B a moment ago"
        );
        let c_db = match db {
            "sqlite" => platform::testing::sqlite_database(),
            _ => platform::testing::postgres_schema(&platform::testing::postgres_base_url()),
        };
        let c = catalogue(&c_db, vec![b_url.clone()]);
        let first = follow::follow_due(&c, 900).await;
        assert_eq!(first.len(), 1, "{db}: never read, so due");
        // B's own: Meldingen in two versions and its Gedeeld
        assert_eq!(first[0].1.as_ref().map(|f| f.taken), Ok(3), "{db}: {first:?}");
        assert!(
            follow::follow_due(&c, 900).await.is_empty(),
            "{db}: claimed, not due again"
        );

        // a catalogue that stops answering: said, and read from the same moment later
        stop_b.stop(true).await;
        follow::follow(&a, &b_url).await.unwrap();
        let (_, followed) = send(&a_app, get("/api/v1/gevolgde-catalogi")).await;
        assert!(followed["gevolgdeCatalogi"][0]["melding"].is_string(), "{followed}");
        stop_a.stop(true).await;
    }
}

#[actix_web::test]
async fn the_feed_pages_the_versions_stored_since_a_moment() {
    for (db, url) in platform::testing::database_urls() {
        let st = catalogue(&url, Vec::new());
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let supplier = token("leverancier");
        for i in 0..3 {
            let f = file(&format!("C{i}"), &format!("https://git.example.org/c{i}.git"), "1.0.0");
            send(&app, publish(&supplier, json!({ "publiccode": f }))).await;
        }
        let (status, all) = send(&app, get("/api/v1/versies?pageSize=2")).await;
        assert_eq!(status, 200, "{db}: {all}");
        assert_eq!(
            (
                all["versies"].as_array().unwrap().len(),
                &all["paginering"]["totalItems"]
            ),
            (2, &json!(3))
        );
        assert_eq!(all["versies"][0]["naam"], "C0");
        assert!(
            all["_links"]["next"]["href"].as_str().unwrap().contains("page=2"),
            "{all}"
        );
        let (_, later) = send(&app, get("/api/v1/versies?sinds=2999-01-01T00:00:00Z")).await;
        assert_eq!(later["paginering"]["totalItems"], 0);
        let (status, problem) = send(&app, get("/api/v1/versies?sinds=gisteren")).await;
        assert_eq!(
            (status, problem["invalidParams"][0]["name"].as_str()),
            (400, Some("sinds")),
            "{problem}"
        );
    }
}
