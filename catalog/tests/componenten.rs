//! The catalogue's API: our own entries load with their specs at start-up, publishing adds a
//! version only when something changed, and an invalid publiccode.yml is refused naming every
//! path at fault.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};

fn spec(title: &str) -> Value {
    json!({ "openapi": "3.0.3", "info": { "title": title, "version": "1.0.0" }, "paths": {
        "/zaken": {
            "get": { "operationId": "zaken", "responses": { "200": { "description": "ok" } } },
            "delete": { "operationId": "zakenVerwijderen", "responses": { "204": { "description": "weg" } } }
        }
    } })
}

/// Version 2 of the supplier's spec: one operation gone, a required parameter added.
fn spec_v2() -> Value {
    let mut s = spec("Zaken v2");
    let zaken = s["paths"]["/zaken"].as_object_mut().unwrap();
    zaken.remove("delete");
    zaken["get"]["parameters"] =
        json!([{ "name": "status", "in": "query", "required": true, "schema": { "type": "string" } }]);
    s
}

#[actix_web::test]
async fn our_own_entries_load_with_their_specs_once() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        assert_eq!(catalog::app::components::load_entries(&st).await.unwrap(), 4, "{db}");
        // a restart adds nothing
        assert_eq!(catalog::app::components::load_entries(&st).await.unwrap(), 0, "{db}");
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let (status, page) = send(&app, get("/api/v1/componenten")).await;
        assert_eq!(status, 200, "{db}");
        let names: Vec<&str> = page["componenten"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["naam"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                "Grondwerk catalog",
                "Grondwerk holiday-rental",
                "Grondwerk household-budget",
                "Grondwerk registry-proxy"
            ],
            "{db}"
        );
        let (_, services) = send(&app, get("/api/v1/componenten?laag=services")).await;
        assert_eq!(services["paginering"]["totalItems"], 2, "{db}: {services}");
        let budget = page["componenten"][2]["id"].as_str().unwrap().to_string();
        let (_, detail) = send(&app, get(&format!("/api/v1/componenten/{budget}"))).await;
        assert_eq!(
            (
                detail["laag"].as_str(),
                detail["laatsteVersie"].as_i64(),
                detail["versies"].as_array().map(Vec::len)
            ),
            (Some("services"), Some(1), Some(1)),
            "{db}: {detail}"
        );
        // our own publiccode.yml follows the current standard: nothing deprecated
        assert_eq!(detail["waarschuwingen"], serde_json::json!([]), "{db}: {detail}");
        // our own specs meet every rule of the API Design Rules 2.2 (one warning: the server
        // URL is relative, so the spec works on any host)
        assert_eq!(detail["versies"][0]["adrScore"], 100, "{db}: {detail}");
        let findings = detail["versies"][0]["adrBevindingen"].as_str().unwrap().to_string();
        let (status, toets) = send(&app, get(&findings)).await;
        assert_eq!((status, toets["score"].as_i64()), (200, Some(100)), "{db}: {toets}");
        let rules: Vec<&str> = toets["bevindingen"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["regel"].as_str().unwrap())
            .collect();
        assert_eq!(rules, vec!["nlgov:servers-use-https"], "{db}: {toets}");
        let link = detail["versies"][0]["openapi"].as_str().unwrap().to_string();
        let (status, served) = send(&app, get(&link)).await;
        let committed: Value =
            serde_json::from_str(&std::fs::read_to_string(repo("openapi/household-budget.json")).unwrap()).unwrap();
        assert_eq!((status, &served), (200, &committed), "{db}");
        // forwarded to developer.overheid.nl in its register's shape
        let (status, don) = send(&app, get(&format!("/api/v1/componenten/{budget}/api-register"))).await;
        assert_eq!(status, 200, "{db}");
        assert_eq!(
            don["oasUrl"].as_str().unwrap(),
            format!("https://catalogus.example.nl/api/v1/componenten/{budget}/versies/1/openapi.json")
        );
        assert_eq!(don["title"], committed["info"]["title"]);
        assert_eq!(don["contact"]["email"], committed["info"]["contact"]["email"], "{don}");
        assert_eq!(don["organisation"]["name"], "Grondwerk");
        let (status, _) = send(&app, get("/api/v1/componenten/bestaat-niet")).await;
        assert_eq!(status, 404);
    }
}

#[actix_web::test]
async fn publishing_adds_a_version_only_when_something_changed() {
    for (db, url) in platform::testing::database_urls() {
        let mut st = state(&url);
        st.builtin_entries = false;
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let supplier = token("leverancier");
        let body = json!({ "publiccode": supplier_file("1.0.0"), "openapi": spec("Zaken") });
        let (status, _) = send(&app, publish(&token("lezer"), body.clone())).await;
        assert_eq!(status, 403, "{db}");
        let (status, first) = send(&app, publish(&supplier, body.clone())).await;
        assert_eq!(status, 201, "{db}: {first}");
        assert_eq!(
            (
                first["laatsteVersie"].as_i64(),
                first["laag"].as_str(),
                first["organisatie"].as_str()
            ),
            (Some(1), Some("proces"), Some("Leverancier BV")),
            "{db}: {first}"
        );
        // the same again: nothing new
        let (status, again) = send(&app, publish(&supplier, body)).await;
        assert_eq!((status, again["laatsteVersie"].as_i64()), (200, Some(1)), "{db}");
        // a new spec: version 2, version 1 kept as it was
        let (status, second) = send(
            &app,
            publish(
                &supplier,
                json!({ "publiccode": supplier_file("1.1.0"), "openapi": spec_v2() }),
            ),
        )
        .await;
        assert_eq!(
            (status, second["laatsteVersie"].as_i64()),
            (201, Some(2)),
            "{db}: {second}"
        );
        let id = second["id"].as_str().unwrap();
        assert_eq!(second["versies"][0]["softwareVersie"], "1.1.0");
        // version 2 breaks version 1's clients: both changes listed as breaking
        assert_eq!(second["versies"][0]["aantalBrekendeWijzigingen"], 2, "{db}: {second}");
        let (status, w) = send(&app, get(&format!("/api/v1/componenten/{id}/versies/2/wijzigingen"))).await;
        assert_eq!(
            (status, w["brekend"].as_bool(), w["vergelekenMet"].as_i64()),
            (200, Some(true), Some(1)),
            "{db}"
        );
        let kinds: Vec<(&str, &str)> = w["wijzigingen"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["brekend"] == true)
            .map(|c| {
                (
                    c["soort"].as_str().unwrap(),
                    c["pad"].as_array().unwrap().last().unwrap().as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("operatieVerwijderd", "delete"),
                ("verplichteParameterToegevoegd", "status")
            ],
            "{db}: {w}"
        );
        let (status, _) = send(&app, get(&format!("/api/v1/componenten/{id}/versies/1/wijzigingen"))).await;
        assert_eq!(status, 404, "{db}: the first version has nothing to compare with");
        // the supplier's bare spec breaks rules: scored and listed per version
        let (_, toets) = send(
            &app,
            get(&format!("/api/v1/componenten/{id}/versies/2/adr-bevindingen")),
        )
        .await;
        assert!(toets["score"].as_i64().unwrap() < 100, "{db}: {toets}");
        assert!(
            toets["bevindingen"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["regel"] == "info-contact" && b["ernst"] == "error"),
            "{db}: {toets}"
        );
        let (_, old) = send(&app, get(&format!("/api/v1/componenten/{id}/versies/1/openapi.json"))).await;
        assert_eq!(old["info"]["title"], "Zaken", "{db}");
        let res =
            actix_web::test::call_service(&app, get(&format!("/api/v1/componenten/{id}/versies/1/publiccode.yml")))
                .await;
        let text = String::from_utf8(actix_web::test::read_body(res).await.to_vec()).unwrap();
        assert_eq!(
            text,
            supplier_file("1.0.0"),
            "{db}: kept as published, unknown keys and all"
        );
        let (status, _) = send(&app, get(&format!("/api/v1/componenten/{id}/versies/3/openapi.json"))).await;
        assert_eq!(status, 404);
    }
}

#[actix_web::test]
async fn an_invalid_entry_is_refused_naming_every_path() {
    let app = {
        let mut st = state(&platform::testing::sqlite_url());
        st.builtin_entries = false;
        platform::testing::component_app::<catalog::Catalog>(st).await
    };
    let supplier = token("leverancier");
    let without_licence = supplier_file("1.0.0")
        .replace("  license: EUPL-1.2\n", "")
        .replace("laag: proces", "laag: midden");
    let (status, p) = send(&app, publish(&supplier, json!({ "publiccode": without_licence }))).await;
    assert_eq!((status, p["code"].as_str()), (422, Some("ongeldigePubliccode")), "{p}");
    let paths: Vec<&str> = p["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(paths, vec!["legal.license", "nl-commonground.laag"], "{p}");
    let (status, p) = send(
        &app,
        publish(
            &supplier,
            json!({ "publiccode": supplier_file("1.0.0"), "openapi": { "swagger": "2.0" } }),
        ),
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (422, Some("geenOpenapi")), "{p}");
    let (status, p) = send(&app, publish(&supplier, json!({ "publiccode": "naam: [" }))).await;
    assert_eq!((status, p["code"].as_str()), (422, Some("onleesbaarPubliccode")), "{p}");
    // the security review's link: only http(s) URLs are taken (and shown as links)
    for url in [
        "javascript://example.org/%0Aalert(1)",
        "data://example.org/x",
        "ftp://example.org/x.git",
    ] {
        let file = supplier_file("1.0.0").replace("https://git.example.org/zaken.git", url);
        let (status, p) = send(&app, publish(&supplier, json!({ "publiccode": file }))).await;
        assert_eq!(
            (status, p["invalidParams"][0]["name"].as_str()),
            (422, Some("url")),
            "{url}: {p}"
        );
    }
    // nothing of it was stored
    let (_, page) = send(&app, get("/api/v1/componenten")).await;
    assert_eq!(page["paginering"]["totalItems"], 0);
}

#[actix_web::test]
async fn search_filters_and_facets_run_in_the_database() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        catalog::app::components::load_entries(&st).await.unwrap();
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let names = |page: &Value| -> Vec<String> {
            page["componenten"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["naam"].as_str().unwrap().to_string())
                .collect()
        };
        // a word of the description, and the start of a word, case and accents aside
        let (status, page) = send(&app, get("/api/v1/componenten?zoek=Bankafschriften")).await;
        assert_eq!(status, 200, "{db}");
        assert_eq!(names(&page), vec!["Grondwerk household-budget"], "{db}: {page}");
        let (_, page) = send(&app, get("/api/v1/componenten?zoek=vakantieverh")).await;
        assert_eq!(names(&page), vec!["Grondwerk holiday-rental"], "{db}");
        // every word must match
        let (_, page) = send(
            &app,
            get("/api/v1/componenten?zoek=registratienummer%20bankafschriften"),
        )
        .await;
        assert!(names(&page).is_empty(), "{db}: {page}");
        // the index's own query syntax (quotes, operators) is never passed on: words only
        let (status, page) = send(&app, get("/api/v1/componenten?zoek=%22drop-in%22%20*%3A")).await;
        assert_eq!(status, 200, "{db}: {page}");
        assert_eq!(names(&page), vec!["Grondwerk registry-proxy"], "{db}: {page}");
        // facets count the whole filtered list
        let (_, page) = send(&app, get("/api/v1/componenten?pageSize=1")).await;
        let facet = |page: &Value, veld: &str, waarde: &str| {
            page["facetten"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["veld"] == veld && f["waarde"] == waarde)
                .map(|f| f["aantal"].as_i64().unwrap())
        };
        assert_eq!(facet(&page, "laag", "services"), Some(2), "{db}: {page}");
        assert_eq!(facet(&page, "licentie", "EUPL-1.2"), Some(4), "{db}");
        let (_, page) = send(
            &app,
            get("/api/v1/componenten?zoek=grondwerk&laag=services&status=beta"),
        )
        .await;
        assert_eq!(page["paginering"]["totalItems"], 2, "{db}: {page}");
        assert_eq!(facet(&page, "laag", "integratie"), None, "{db}");
        let (status, _) = send(&app, get("/api/v1/componenten?sorteer=grootte")).await;
        assert_eq!(status, 400);
        let (status, page) = send(&app, get("/api/v1/componenten?sorteer=-gewijzigdOp")).await;
        assert_eq!((status, page["componenten"].as_array().unwrap().len()), (200, 4));
    }
}

#[actix_web::test]
async fn who_uses_what_and_what_it_depends_on() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        catalog::app::components::load_entries(&st).await.unwrap();
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let (_, page) = send(&app, get("/api/v1/componenten?zoek=vakantieverhuur")).await;
        let rental = page["componenten"][0]["id"].as_str().unwrap().to_string();
        let uri = format!("/api/v1/componenten/{rental}/gebruik");
        let body = json!({ "versie": 1, "sinds": "2026-11-01", "omgeving": "productie" });
        let (status, _) = send(&app, put_json(&uri, &token("leverancier"), body.clone())).await;
        assert_eq!(status, 403, "{db}: a supplier's scope is not a user's");
        let (status, p) = send(&app, put_json(&uri, &token("naamloos"), body.clone())).await;
        assert_eq!(status, 403, "{db}: {p}");
        let (status, g) = send(&app, put_json(&uri, &token("utrecht"), body.clone())).await;
        assert_eq!(
            (status, g["organisatie"].as_str(), g["gemeentecode"].as_str()),
            (200, Some("Gemeente Utrecht"), Some("0344")),
            "{db}: {g}"
        );
        // again: replaced, not doubled
        let (status, _) = send(&app, put_json(&uri, &token("utrecht"), body)).await;
        assert_eq!(status, 200);
        let (status, _) = send(
            &app,
            put_json(
                &uri,
                &token("utrecht"),
                json!({ "versie": 9, "sinds": "2026-11-01", "omgeving": "test" }),
            ),
        )
        .await;
        assert_eq!(status, 404, "{db}: no version 9");
        let (_, detail) = send(&app, get(&format!("/api/v1/componenten/{rental}"))).await;
        assert_eq!(detail["gebruikers"].as_array().unwrap().len(), 1, "{db}: {detail}");
        assert_eq!(detail["gebruikers"][0]["omgeving"], "productie");
        // dependsOn links to the registry proxy, which is in the catalogue
        assert_eq!(
            detail["afhankelijkheden"][0]["naam"], "Grondwerk registry-proxy",
            "{db}: {detail}"
        );
        let proxy = detail["afhankelijkheden"][0]["componentId"]
            .as_str()
            .unwrap()
            .to_string();
        let (_, p) = send(&app, get(&format!("/api/v1/componenten/{proxy}"))).await;
        assert_eq!(p["naam"], "Grondwerk registry-proxy");
        // the organisation filter finds what Utrecht uses as well as what it maintains
        let (_, used) = send(&app, get("/api/v1/componenten?organisatie=Gemeente%20Utrecht")).await;
        assert_eq!(used["paginering"]["totalItems"], 1, "{db}: {used}");
        assert_eq!(used["componenten"][0]["id"], rental.as_str());
        let end = |who: &str| {
            actix_web::test::TestRequest::delete()
                .uri(&format!("{uri}/productie"))
                .insert_header(("Authorization", token(who)))
                .to_request()
        };
        assert_eq!(send(&app, end("utrecht")).await.0, 204, "{db}");
        assert_eq!(send(&app, end("utrecht")).await.0, 404, "{db}");
    }
}

/// A component stored before the URL check (a `javascript:` url) is shown, never linked.
#[actix_web::test]
async fn only_http_urls_become_links_on_the_pages() {
    let st = state(&platform::testing::sqlite_url());
    let db = st.db.clone();
    let app = platform::testing::component_app::<catalog::Catalog>(st).await;
    let at = chrono::Utc::now().naive_utc();
    db.run(move |c| {
        catalog::store::insert_component(
            c,
            &catalog::store::ComponentRow {
                id: "oud".into(),
                url: "javascript://example.org/%0Aalert(1)".into(),
                naam: "Van voor de controle".into(),
                laag: None,
                installatietype: None,
                status: catalog::domain::kinds::DevelopmentStatus::Stable,
                software_type: catalog::domain::kinds::SoftwareType::Library,
                licentie: "EUPL-1.2".into(),
                organisatie: None,
                korte_beschrijving: "Oud".into(),
                beschrijving: "Oud".into(),
                laatste_versie: 0,
                aangemaakt_op: at,
                gewijzigd_op: at,
                afhankelijk_van: platform::db::Json::new(Vec::new()).unwrap(),
                eigenaar: None,
                gevolgd_van: None,
            },
        )
    })
    .await
    .unwrap();
    let res = actix_web::test::call_service(&app, get("/componenten/oud")).await;
    assert_eq!(res.status(), 200);
    let html = String::from_utf8(actix_web::test::read_body(res).await.to_vec()).unwrap();
    assert!(html.contains("javascript://example.org/%0Aalert(1)"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
}

/// The security review's takeover: any client with `catalogus.beheren` published over another
/// supplier's entry, even over the catalogue's own. A component belongs to the organisation
/// that first published it; an administrator transfers it, audited.
#[actix_web::test]
async fn a_component_is_published_only_by_the_organisation_it_belongs_to() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        catalog::app::components::load_entries(&st).await.unwrap();
        let audit_db = st.db.clone();
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let body = json!({ "publiccode": supplier_file("1.0.0"), "openapi": spec("Zaken") });
        let (status, first) = send(&app, publish(&token("leverancier"), body.clone())).await;
        assert_eq!(
            (status, first["eigenaar"].as_str()),
            (201, Some("Leverancier BV")),
            "{db}: {first}"
        );
        let id = first["id"].as_str().unwrap().to_string();

        // another supplier cannot publish over it: not a new version, not the same one again
        let changed = json!({ "publiccode": supplier_file("6.6.6").replace("Zaken afhandelen", "Overgenomen"), "openapi": spec("Overgenomen") });
        for attempt in [changed.clone(), body.clone()] {
            let (status, problem) = send(&app, publish(&token("andere-leverancier"), attempt)).await;
            assert_eq!(
                (status, problem["code"].as_str()),
                (403, Some("andereEigenaar")),
                "{db}: {problem}"
            );
            assert!(
                problem["detail"].as_str().unwrap().contains("Leverancier BV"),
                "{db}: {problem}"
            );
        }
        // a client that speaks for no organisation publishes nothing
        let (status, problem) = send(&app, publish(&token("zonder-organisatie"), changed.clone())).await;
        assert_eq!(status, 403, "{db}: {problem}");
        let (_, detail) = send(&app, get(&format!("/api/v1/componenten/{id}"))).await;
        assert_eq!(
            (detail["laatsteVersie"].as_i64(), detail["korteBeschrijving"].as_str()),
            (Some(1), Some("Zaken afhandelen")),
            "{db}: {detail}"
        );

        // the catalogue's own entries belong to the suite's organisation
        let (_, page) = send(&app, get("/api/v1/componenten?zoek=registry")).await;
        let own = &page["componenten"][0];
        assert_eq!(own["eigenaar"], "Grondwerk", "{db}: {page}");
        let own_file = std::fs::read_to_string(repo("catalog/entries/registry-proxy.publiccode.yml")).unwrap();
        let hijack = json!({ "publiccode": own_file.replace("Haal Centraal", "Overgenomen Centraal") });
        let (status, _) = send(&app, publish(&token("leverancier"), hijack.clone())).await;
        assert_eq!(status, 403, "{db}");
        let (status, mine) = send(&app, publish(&token("grondwerk"), hijack)).await;
        assert_eq!((status, mine["laatsteVersie"].as_i64()), (201, Some(2)), "{db}: {mine}");

        // the transfer: only with catalogus.overdragen, then the new owner publishes
        let uri = format!("/api/v1/componenten/{id}/eigenaar");
        let to = json!({ "organisatie": "Andere Leverancier BV" });
        for who in ["leverancier", "andere-leverancier"] {
            let (status, _) = send(&app, put_json(&uri, &token(who), to.clone())).await;
            assert_eq!(status, 403, "{db}: {who}");
        }
        let (status, _) = send(&app, put_json(&uri, &token("beheerder"), json!({ "organisatie": "" }))).await;
        assert_eq!(status, 400, "{db}");
        let (status, moved) = send(&app, put_json(&uri, &token("beheerder"), to.clone())).await;
        assert_eq!(
            (status, moved["eigenaar"].as_str()),
            (200, Some("Andere Leverancier BV")),
            "{db}: {moved}"
        );
        let (status, _) = send(
            &app,
            put_json("/api/v1/componenten/bestaat-niet/eigenaar", &token("beheerder"), to),
        )
        .await;
        assert_eq!(status, 404, "{db}");
        let (status, _) = send(&app, publish(&token("leverancier"), changed.clone())).await;
        assert_eq!(status, 403, "{db}");
        let (status, v2) = send(&app, publish(&token("andere-leverancier"), changed)).await;
        assert_eq!((status, v2["laatsteVersie"].as_i64()), (201, Some(2)), "{db}: {v2}");
        // the transfer is in the audit log with both organisations
        let (records, _) = audit_db
            .run(move |c| platform::audit::find_by_object(c, "component", &id, 0, 100))
            .await
            .unwrap();
        let transfer = records
            .iter()
            .find(|r| r.action == "catalogus.component.overdragen")
            .expect("transfer audited");
        assert_eq!(transfer.client_id, "beheerder");
        assert!(
            transfer.details.contains("Leverancier BV") && transfer.details.contains("Andere Leverancier BV"),
            "{}",
            transfer.details
        );
    }
}

/// The rows hold the closed lists and JSON as their types: a stored value that is none of them
/// fails its request as a 500 instead of being shown as read (or as an empty list).
#[actix_web::test]
async fn a_stored_value_that_is_not_its_type_is_a_500() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        catalog::app::components::load_entries(&st).await.unwrap();
        let app = platform::testing::component_app::<catalog::Catalog>(st.clone()).await;
        let (status, page) = send(&app, get("/api/v1/componenten")).await;
        assert_eq!(status, 200, "{db}");
        let first = &page["componenten"][0];
        assert_eq!(first["softwareType"], "standalone/web", "{db}: {first}");
        let id = first["id"].as_str().unwrap().to_string();
        let corrupt = |sql: String| {
            st.db.run(move |c| {
                use diesel::RunQueryDsl;
                Ok::<_, platform::db::DbError>(diesel::sql_query(sql).execute(c)?)
            })
        };
        corrupt(format!(
            "UPDATE componenten SET afhankelijk_van = 'geen json' WHERE id = '{id}'"
        ))
        .await
        .unwrap();
        let (status, body) = send(&app, get(&format!("/api/v1/componenten/{id}"))).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (500, Some("serverError")),
            "{db}: {body}"
        );
        corrupt(format!("UPDATE componenten SET status = 'bijna' WHERE id = '{id}'"))
            .await
            .unwrap();
        let (status, body) = send(&app, get("/api/v1/componenten")).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (500, Some("serverError")),
            "{db}: {body}"
        );
    }
}

/// What the standard deprecates is accepted and named by its path, in the publication's answer
/// and in the component's detail (a 0.2 file with the lower-case `it` section and its
/// `conforme`); the same file in the current version without them has none.
#[actix_web::test]
async fn deprecated_keys_are_accepted_and_named_as_warnings() {
    for (db, url) in platform::testing::database_urls() {
        let mut st = state(&url);
        st.builtin_entries = false;
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let supplier = token("leverancier");
        let paths = |v: &Value| -> Vec<String> {
            v["waarschuwingen"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w["pad"].as_str().unwrap().to_string())
                .collect()
        };
        let (status, published) = send(
            &app,
            publish(&supplier, json!({ "publiccode": supplier_file("1.0.0") })),
        )
        .await;
        assert_eq!(status, 201, "{db}: {published}");
        assert_eq!(paths(&published), ["publiccodeYmlVersion", "it", "IT.conforme"], "{db}");
        let id = published["id"].as_str().unwrap();
        let (_, detail) = send(&app, get(&format!("/api/v1/componenten/{id}"))).await;
        assert_eq!(paths(&detail), paths(&published), "{db}");
        let current = supplier_file("1.0.1")
            .replace("publiccodeYmlVersion: '0.2'", "publiccodeYmlVersion: '0'")
            .replace("it:\n  conforme:\n    gdpr: true\n", "");
        let (status, now) = send(&app, publish(&supplier, json!({ "publiccode": current }))).await;
        assert_eq!((status, paths(&now)), (201, Vec::<String>::new()), "{db}: {now}");
    }
}

/// The home page gives the landscape at a glance, counted in the database: per layer how many
/// components, how many have an API, and their average ADR score (a layer without an API shows
/// none).
#[actix_web::test]
async fn the_home_page_shows_the_landscape_per_layer() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        catalog::app::components::load_entries(&st).await.unwrap();
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        // a supplier's component in the proces layer, without a spec
        let (status, _) = send(
            &app,
            publish(&token("leverancier"), json!({ "publiccode": supplier_file("1.0.0") })),
        )
        .await;
        assert_eq!(status, 201, "{db}");
        let res = actix_web::test::call_service(&app, get("/")).await;
        assert_eq!(res.status(), 200, "{db}");
        let html = String::from_utf8(actix_web::test::read_body(res).await.to_vec()).unwrap();
        let layer = |title: &str| -> String {
            let start = html
                .find(&format!(">{title}</a>"))
                .unwrap_or_else(|| panic!("{db}: no {title}: {html}"));
            let end = html[start..].find("</li>").map_or(html.len(), |e| start + e);
            html[start..end].to_string()
        };
        let services = layer("Services");
        assert!(services.contains("2 componenten, 2 met een API"), "{db}: {services}");
        assert!(services.contains("gemiddeld 100%"), "{db}: {services}");
        let proces = layer("Proces");
        assert!(proces.contains("1 component, 0 met een API"), "{db}: {proces}");
        assert!(!proces.contains("gemiddeld"), "{db}: {proces}");
        let data = layer("Data");
        assert!(data.contains("0 componenten, 0 met een API"), "{db}: {data}");
        assert!(html.contains(" 5 componenten."), "{db}: the total");
    }
}

/// SQLite's search index is keyed by the components' rowids, which a VACUUM may renumber: an
/// index that no longer matches is rebuilt at start-up, and search finds the components again.
#[actix_web::test]
async fn a_search_index_that_no_longer_matches_is_rebuilt() {
    use diesel::connection::SimpleConnection;
    let url = platform::testing::sqlite_database();
    let st = state(&url);
    catalog::app::components::load_entries(&st).await.unwrap();
    let app = platform::testing::component_app::<catalog::Catalog>(st.clone()).await;
    let (_, before) = send(&app, get("/api/v1/componenten?zoek=vakantieverhuur")).await;
    assert_eq!(before["paginering"]["totalItems"], 1, "{before}");
    let mut conn = st.db.conn().unwrap();
    assert!(
        !catalog::store::check_search_index(&mut conn).unwrap(),
        "a matching index is left alone"
    );
    // the rowids moved: the index points at other rows (here: at none)
    conn.batch_execute("UPDATE componenten_zoek SET rowid = rowid + 1000")
        .unwrap();
    let (_, lost) = send(&app, get("/api/v1/componenten?zoek=vakantieverhuur")).await;
    assert_eq!(lost["paginering"]["totalItems"], 0, "{lost}");
    assert!(catalog::store::check_search_index(&mut conn).unwrap());
    let (_, after) = send(&app, get("/api/v1/componenten?zoek=vakantieverhuur")).await;
    assert_eq!(after["componenten"], before["componenten"]);
}
