//! Harvesting against a stand-in forge in GitHub's and GitLab's REST shapes: the catalogue finds
//! an organisation's publiccode.yml files, adds versions only when they change (an unchanged
//! repository is one conditional request), marks a repository that is gone or whose file turns
//! invalid, and refuses a spec at a private address.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::TestRequest;
use common::forge::Forge;
use common::*;
use serde_json::{Value, json};

/// A publiccode.yml of a repository, its spec (if any) at `openapi`.
fn publiccode(url: &str, version: &str, openapi: Option<&str>) -> String {
    let section = openapi
        .map(|o| format!("nl-commonground:\n  laag: services\n  openapi: {o}\n"))
        .unwrap_or_default();
    format!(
        "publiccodeYmlVersion: '0'\nname: {name}\nurl: {url}\nsoftwareVersion: {version}\nplatforms: [web]\n\
         developmentStatus: stable\nsoftwareType: standalone/backend\n\
         description:\n  nl:\n    shortDescription: Geoogst component\n    longDescription: \"{LONG}\"\n    features: [Zaken]\n\
         legal:\n  license: EUPL-1.2\n  mainCopyrightOwner: Gemeente X\nmaintenance:\n  type: internal\n  contacts:\n    - name: Team\n\
         localisation:\n  localisationReady: true\n  availableLanguages: [nl]\n{section}",
        name = url.rsplit('/').next().unwrap()
    )
}

fn spec(title: &str) -> String {
    json!({ "openapi": "3.0.3", "info": { "title": title, "version": "1.0.0" }, "paths": {
        "/zaken": { "get": { "operationId": "zaken", "responses": { "200": { "description": "ok" } } } }
    } })
    .to_string()
}

fn harvesting_state(url: &str) -> catalog::AppState {
    let mut st = state(url);
    st.builtin_entries = false;
    // the stand-in is plain http on loopback; a private address stays refused
    st.fetcher.allow_http = true;
    st.fetcher.allow_loopback = true;
    st
}

fn post(uri: &str, auth: &str, body: Option<Value>) -> actix_http::Request {
    let r = TestRequest::post()
        .uri(uri)
        .insert_header(("Authorization", auth.to_string()));
    match body {
        Some(b) => r.set_json(b).to_request(),
        None => r.to_request(),
    }
}

#[actix_web::test]
async fn a_github_organisation_is_harvested_change_by_change() {
    for (db, url) in platform::testing::database_urls() {
        let forge = Forge::start().await;
        let zaken_spec = forge.spec("zaken.json", &spec("Zaken"));
        forge.put(
            "gemeente-x/zaken",
            "publiccode.yml",
            &publiccode("https://github.com/gemeente-x/zaken", "1.0.0", Some(&zaken_spec)),
        );
        forge.put(
            "gemeente-x/formulieren",
            "publiccode.yaml",
            &publiccode("https://github.com/gemeente-x/formulieren", "2.0.0", None),
        );
        forge.put("gemeente-x/website", "README.md", "geen component");
        let app = platform::testing::component_app::<catalog::Catalog>(harvesting_state(&url)).await;
        let supplier = token("leverancier");

        let body = json!({ "soort": "github", "apiUrl": forge.github_api(), "groep": "gemeente-x" });
        let (status, source) = send(&app, post("/api/v1/oogstbronnen", &supplier, Some(body))).await;
        assert_eq!(status, 201, "{db}: {source}");
        assert_eq!(source["organisatie"], "Leverancier BV");
        let id = source["id"].as_str().unwrap().to_string();
        let harvest = format!("/api/v1/oogstbronnen/{id}/oogsten");

        // first harvest: two components, one repository without a file
        let (status, first) = send(&app, post(&harvest, &supplier, None)).await;
        assert_eq!(status, 200, "{db}: {first}");
        assert_eq!(
            (
                &first["repositories"],
                &first["nieuweVersies"],
                &first["zonderPubliccode"]
            ),
            (&json!(3), &json!(2), &json!(1)),
            "{db}: {first}"
        );
        forge.take_requests();
        let (_, found) = send(&app, get("/api/v1/componenten?zoek=zaken")).await;
        let zaken_id = found["componenten"][0]["id"].as_str().unwrap().to_string();
        let (_, zaken) = send(&app, get(&format!("/api/v1/componenten/{zaken_id}"))).await;
        assert_eq!(
            (
                zaken["eigenaar"].as_str(),
                zaken["laag"].as_str(),
                zaken["oogst"]["status"].as_str()
            ),
            (Some("Leverancier BV"), Some("services"), Some("gevonden")),
            "{db}: {zaken}"
        );
        assert_eq!(
            zaken["versies"][0]["bron"],
            "https://github.com/gemeente-x/zaken/blob/main/publiccode.yml"
        );
        assert!(
            zaken["versies"][0]["adrScore"].is_i64(),
            "the spec it points to came along: {zaken}"
        );

        // nothing changed: one conditional request per repository with a file, nothing new
        let (_, again) = send(&app, post(&harvest, &supplier, None)).await;
        assert_eq!(
            (&again["nieuweVersies"], &again["ongewijzigd"]),
            (&json!(0), &json!(2)),
            "{db}: {again}"
        );
        let requests = forge.take_requests();
        let files: Vec<&String> = requests.iter().filter(|r| r.contains("/contents/publiccode")).collect();
        assert_eq!(
            files.len(),
            4,
            "one per repository with a file, two for the one without: {requests:?}"
        );
        assert!(
            !requests.iter().any(|r| r.contains("/specs/")),
            "an unchanged file's spec is not fetched again: {requests:?}"
        );
        assert_eq!(again["verzoeken"], requests.len());

        // a release: a new version, compared with the last
        forge.put(
            "gemeente-x/zaken",
            "publiccode.yml",
            &publiccode("https://github.com/gemeente-x/zaken", "1.1.0", Some(&zaken_spec)),
        );
        let (_, third) = send(&app, post(&harvest, &supplier, None)).await;
        assert_eq!(third["nieuweVersies"], 1, "{db}: {third}");
        let (_, zaken) = send(&app, get(&format!("/api/v1/componenten/{zaken_id}"))).await;
        assert_eq!(zaken["laatsteVersie"], 2);
        assert_eq!(zaken["versies"][0]["softwareVersie"], "1.1.0");

        // the file turns invalid: said so, the last accepted version stays
        forge.put(
            "gemeente-x/zaken",
            "publiccode.yml",
            "publiccodeYmlVersion: '0'\nname: Zaken\n",
        );
        let (_, fourth) = send(&app, post(&harvest, &supplier, None)).await;
        assert_eq!(fourth["ongeldig"], 1, "{db}: {fourth}");
        let (_, zaken) = send(&app, get(&format!("/api/v1/componenten/{zaken_id}"))).await;
        assert_eq!(
            (zaken["laatsteVersie"].as_i64(), zaken["oogst"]["status"].as_str()),
            (Some(2), Some("ongeldig"))
        );
        assert!(zaken["oogst"]["melding"].as_str().unwrap().contains("url"), "{zaken}");

        // a repository disappears: its component stays, marked
        forge.remove_repo("gemeente-x/formulieren");
        let (_, fifth) = send(&app, post(&harvest, &supplier, None)).await;
        assert_eq!(fifth["verdwenen"], 1, "{db}: {fifth}");
        let (_, detail) = send(&app, get(&format!("/api/v1/oogstbronnen/{id}"))).await;
        let gone: Vec<&Value> = detail["gevonden"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "verdwenen")
            .collect();
        assert_eq!(gone.len(), 1, "{detail}");
        let formulieren = gone[0]["componentId"].as_str().unwrap();
        let (status, page) = send_text(&app, get(&format!("/componenten/{formulieren}"))).await;
        assert_eq!(status, 200);
        assert!(page.contains("De repository is verdwenen"), "{page}");

        assert_eq!(
            forge.faults(),
            Vec::<String>::new(),
            "the catalogue's requests are the contract's"
        );
        forge.stop().await;
    }
}

#[actix_web::test]
async fn a_spec_at_a_private_address_is_refused_and_a_gitlab_group_is_harvested() {
    for (db, url) in platform::testing::database_urls() {
        let forge = Forge::start().await;
        forge.put(
            "gemeente-y/team/intern",
            "publiccode.yml",
            &publiccode(
                "https://gitlab.com/gemeente-y/team/intern",
                "1.0.0",
                Some("https://10.1.2.3/openapi.json"),
            ),
        );
        forge.put(
            "gemeente-y/portaal",
            "publiccode.yml",
            &publiccode("https://gitlab.com/gemeente-y/portaal", "3.0.0", None),
        );
        let app = platform::testing::component_app::<catalog::Catalog>(harvesting_state(&url)).await;
        let supplier = token("leverancier");
        let body = json!({ "soort": "gitlab", "apiUrl": forge.gitlab_api(), "groep": "gemeente-y", "repositories": ["gemeente-y/bestaat-niet"] });
        let (status, source) = send(&app, post("/api/v1/oogstbronnen", &supplier, Some(body))).await;
        assert_eq!(status, 201, "{db}: {source}");
        let id = source["id"].as_str().unwrap();
        // only the organisation that registered it harvests it now
        let (status, _) = send(
            &app,
            post(
                &format!("/api/v1/oogstbronnen/{id}/oogsten"),
                &token("andere-leverancier"),
                None,
            ),
        )
        .await;
        assert_eq!(status, 403);
        let (status, done) = send(
            &app,
            post(&format!("/api/v1/oogstbronnen/{id}/oogsten"), &supplier, None),
        )
        .await;
        assert_eq!(status, 200, "{db}: {done}");
        assert_eq!(
            (&done["nieuweVersies"], &done["ongeldig"], &done["verdwenen"]),
            (&json!(1), &json!(1), &json!(1)),
            "{db}: {done}"
        );
        let (_, detail) = send(&app, get(&format!("/api/v1/oogstbronnen/{id}"))).await;
        let intern = detail["gevonden"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["repository"] == "gemeente-y/team/intern")
            .unwrap();
        assert_eq!(intern["status"], "ongeldig");
        assert!(
            intern["melding"].as_str().unwrap().contains("geen openbaar adres"),
            "{intern}"
        );
        assert!(intern.get("componentId").is_none(), "nothing published: {intern}");
        let (_, found) = send(&app, get("/api/v1/componenten?zoek=portaal")).await;
        assert_eq!(found["paginering"]["totalItems"], 1, "{found}");
        assert_eq!(forge.faults(), Vec::<String>::new());
        // only its organisation ends a source; its components stay
        let end = |auth: String| {
            TestRequest::delete()
                .uri(&format!("/api/v1/oogstbronnen/{id}"))
                .insert_header(("Authorization", auth))
                .to_request()
        };
        let (status, _) = send(&app, end(token("andere-leverancier"))).await;
        assert_eq!(status, 403);
        let (status, _) = send(&app, end(supplier.clone())).await;
        assert_eq!(status, 204);
        let (status, _) = send(&app, get(&format!("/api/v1/oogstbronnen/{id}"))).await;
        assert_eq!(status, 404);
        let (_, found) = send(&app, get("/api/v1/componenten?zoek=portaal")).await;
        assert_eq!(found["paginering"]["totalItems"], 1, "{found}");
        forge.stop().await;
    }
}

#[actix_web::test]
async fn a_harvest_publishes_only_for_the_organisation_that_owns_the_component() {
    for (db, url) in platform::testing::database_urls() {
        let forge = Forge::start().await;
        // another organisation published this url here first
        let app = platform::testing::component_app::<catalog::Catalog>(harvesting_state(&url)).await;
        let theirs = publiccode("https://github.com/gemeente-z/app", "1.0.0", None);
        let (status, _) = send(
            &app,
            publish(&token("andere-leverancier"), json!({ "publiccode": theirs })),
        )
        .await;
        assert_eq!(status, 201, "{db}");
        forge.put(
            "gemeente-z/app",
            "publiccode.yml",
            &publiccode("https://github.com/gemeente-z/app", "1.1.0", None),
        );
        let supplier = token("leverancier");
        let body = json!({ "soort": "github", "apiUrl": forge.github_api(), "repositories": ["gemeente-z/app"] });
        let (_, source) = send(&app, post("/api/v1/oogstbronnen", &supplier, Some(body))).await;
        let (_, done) = send(
            &app,
            post(
                &format!("/api/v1/oogstbronnen/{}/oogsten", source["id"].as_str().unwrap()),
                &supplier,
                None,
            ),
        )
        .await;
        assert_eq!(
            (&done["nieuweVersies"], &done["ongeldig"]),
            (&json!(0), &json!(1)),
            "{db}: {done}"
        );
        let (_, detail) = send(
            &app,
            get(&format!("/api/v1/oogstbronnen/{}", source["id"].as_str().unwrap())),
        )
        .await;
        assert!(
            detail["gevonden"][0]["melding"]
                .as_str()
                .unwrap()
                .contains("Andere Leverancier BV"),
            "{detail}"
        );
        forge.stop().await;
    }
}

#[actix_web::test]
async fn a_source_is_checked_when_registered_and_claimed_by_one_harvester() {
    for (db, url) in platform::testing::database_urls() {
        let st = harvesting_state(&url);
        let app = platform::testing::component_app::<catalog::Catalog>(st.clone()).await;
        let supplier = token("leverancier");
        for (body, field) in [
            (
                json!({ "soort": "github", "apiUrl": "ftp://forge", "groep": "x" }),
                "apiUrl",
            ),
            (
                json!({ "soort": "github", "apiUrl": "https://api.github.com" }),
                "groep",
            ),
            (
                json!({ "soort": "github", "apiUrl": "https://api.github.com", "groep": "a/b" }),
                "groep",
            ),
            (
                json!({ "soort": "github", "apiUrl": "https://api.github.com", "repositories": ["zonder-eigenaar"] }),
                "repositories[0]",
            ),
        ] {
            let (status, problem) = send(&app, post("/api/v1/oogstbronnen", &supplier, Some(body))).await;
            assert_eq!(status, 400, "{db}: {problem}");
            assert_eq!(problem["invalidParams"][0]["name"], field, "{problem}");
        }
        let (status, _) = send(
            &app,
            post(
                "/api/v1/oogstbronnen",
                &token("lezer"),
                Some(json!({ "soort": "github", "apiUrl": "https://api.github.com", "groep": "x" })),
            ),
        )
        .await;
        assert_eq!(status, 403);
        // an unreachable forge: the source is harvested (and fails) once per interval, by one
        let body = json!({ "soort": "github", "apiUrl": "http://127.0.0.1:9", "groep": "x" });
        let (status, _) = send(&app, post("/api/v1/oogstbronnen", &supplier, Some(body))).await;
        assert_eq!(status, 201);
        let first = catalog::app::harvest::harvest_due(&st, 3600).await.unwrap();
        assert_eq!(first.len(), 1, "{db}");
        assert!(
            catalog::app::harvest::harvest_due(&st, 3600).await.unwrap().is_empty(),
            "{db}: claimed"
        );
        let (_, list) = send(&app, get("/api/v1/oogstbronnen")).await;
        assert!(
            list["oogstbronnen"][0]["melding"].as_str().is_some(),
            "the failed listing is said: {list}"
        );
    }
}
