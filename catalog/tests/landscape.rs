//! The seeded landscape: a new catalogue shows the Common Ground components that exist, with
//! their real files, layer, ADR score and version history, loaded once; after that each is its
//! owner's.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};

async fn component_named<S>(app: &S, name: &str) -> Value
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (_, page) = send(
        app,
        get(&format!("/api/v1/componenten?zoek={}", name.replace(' ', "+"))),
    )
    .await;
    let id = page["componenten"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["naam"] == name)
        .unwrap_or_else(|| panic!("{name} not found: {page}"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, detail) = send(app, get(&format!("/api/v1/componenten/{id}"))).await;
    assert_eq!(status, 200);
    detail
}

#[actix_web::test]
async fn the_landscape_loads_once_with_layers_scores_and_history() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        catalog::app::components::load_entries(&st).await.unwrap();
        assert_eq!(
            catalog::landscape::load(&st).await.unwrap(),
            catalog::landscape::LANDSCAPE.len(),
            "{db}"
        );
        // a restart loads nothing again
        assert_eq!(catalog::landscape::load(&st).await.unwrap(), 0, "{db}");
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;

        // one component per seeded entry (all its versions give the same url), beside our four
        let (_, page) = send(&app, get("/api/v1/componenten?pageSize=100")).await;
        assert_eq!(page["paginering"]["totalItems"], 14, "{db}: {page}");
        let count = |laag: &str| {
            page["componenten"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["laag"] == laag)
                .count()
        };
        assert_eq!(
            [
                count("interactie"),
                count("proces"),
                count("integratie"),
                count("services"),
                count("data")
            ],
            [3, 1, 2, 4, 4],
            "{db}"
        );

        let zaak = component_named(&app, "Open Zaak").await;
        assert_eq!(
            (zaak["laag"].as_str(), zaak["eigenaar"].as_str()),
            (Some("services"), Some("Maykin")),
            "{db}"
        );
        let versions = zaak["versies"].as_array().unwrap();
        assert_eq!(versions.len(), 2, "{db}: {zaak}");
        // newest first, each dated and sourced as upstream released it
        assert_eq!(versions[0]["softwareVersie"], "1.30.0");
        assert_eq!(versions[1]["softwareVersie"], "1.29.0");
        assert!(
            versions[1]["gepubliceerdOp"]
                .as_str()
                .unwrap()
                .starts_with("2026-06-16"),
            "{zaak}"
        );
        assert_eq!(
            versions[0]["bron"],
            "https://github.com/open-zaak/open-zaak/blob/71c52aed4a6b21e3daf7444accaa41e5b93329de/publiccode.yaml"
        );
        assert_eq!(versions[0]["gepubliceerdDoor"], catalog::landscape::SEEDER);
        let score = versions[0]["adrScore"].as_i64().unwrap();
        assert!((1..=100).contains(&score), "{score}");
        // the Zaken API changed between the two releases: compared, with its breaking count
        assert!(versions[0]["aantalBrekendeWijzigingen"].is_i64(), "{zaak}");
        // the upstream file is kept as it was, with the correction the standard needed marked
        let (_, text) = send_text(
            &app,
            get(&format!(
                "/api/v1/componenten/{}/versies/2/publiccode.yml",
                zaak["id"].as_str().unwrap()
            )),
        )
        .await;
        assert!(text.contains("# Grondwerk: upstream gives no end date"), "{db}: {text}");

        // the components without a spec, and one whose publiccode.yml Grondwerk wrote
        let signalen = component_named(&app, "Signalen frontend").await;
        assert_eq!(
            (signalen["laag"].as_str(), signalen["versies"].as_array().unwrap().len()),
            (Some("proces"), 2)
        );
        assert!(signalen["versies"][0].get("adrScore").is_none());
        let brp = component_named(&app, "Haal Centraal BRP bevragen").await;
        assert_eq!(brp["versies"][0]["softwareVersie"], "2.7.0");

        // a component's source is a link where it exists, and no dead link where its url is a
        // name reserved never to exist (our own entries' example.invalid)
        let (_, page) = send_text(&app, get(&format!("/componenten/{}", zaak["id"].as_str().unwrap()))).await;
        assert!(
            page.contains("<a href=\"https://github.com/open-zaak/open-zaak.git\">"),
            "{db}: {page}"
        );
        let rental = component_named(&app, "Grondwerk holiday-rental").await;
        let (_, page) = send_text(&app, get(&format!("/componenten/{}", rental["id"].as_str().unwrap()))).await;
        assert!(
            page.contains("niet openbaar") && !page.contains("href=\"https://example.invalid"),
            "{db}: {page}"
        );

        // the home page shows the landscape per layer
        let (status, home) = send_text(&app, get("/")).await;
        assert_eq!(status, 200);
        assert!(home.contains("14 componenten"), "{db}: {home}");
        assert!(home.contains("4 componenten, 4 met een API"), "{db}: {home}");
    }
}

#[actix_web::test]
async fn a_seeded_component_is_its_owners_and_keeps_its_layer() {
    for (db, url) in platform::testing::database_urls() {
        let mut st = state(&url);
        st.builtin_entries = false;
        catalog::landscape::load(&st).await.unwrap();
        let app = platform::testing::component_app::<catalog::Catalog>(st).await;
        let zaak = component_named(&app, "Open Zaak").await;
        let next = catalog::landscape::LANDSCAPE[0].versions[1]
            .publiccode
            .replace("softwareVersion: 1.30.0", "softwareVersion: 1.31.0");
        // another organisation may not publish it
        let (status, problem) = send(&app, publish(&token("leverancier"), json!({ "publiccode": next }))).await;
        assert_eq!(status, 403, "{db}: {problem}");
        // its owner may; the file names no layer, and the layer the catalogue gave it stays
        let (status, published) = send(&app, publish(&token("maykin"), json!({ "publiccode": next }))).await;
        assert_eq!(status, 201, "{db}: {published}");
        assert_eq!(
            (
                published["id"].clone(),
                published["laatsteVersie"].as_i64(),
                published["laag"].as_str()
            ),
            (zaak["id"].clone(), Some(3), Some("services")),
            "{db}: {published}"
        );
        let detail = component_named(&app, "Open Zaak").await;
        assert!(detail["versies"][0].get("bron").is_none(), "published here: {detail}");
    }
}

#[actix_web::test]
async fn a_component_the_catalogue_knows_is_not_seeded_over() {
    for (db, url) in platform::testing::database_urls() {
        let mut st = state(&url);
        st.builtin_entries = false;
        let app = platform::testing::component_app::<catalog::Catalog>(st.clone()).await;
        // Open Zaak's url, published before the landscape came (by its maintainer's client)
        let own = supplier_file("9.9.9").replace(
            "https://git.example.org/zaken.git",
            "'https://github.com/open-zaak/open-zaak.git'",
        );
        let (status, mine) = send(&app, publish(&token("leverancier"), json!({ "publiccode": own }))).await;
        assert_eq!(status, 201, "{db}: {mine}");
        assert_eq!(
            catalog::landscape::load(&st).await.unwrap(),
            catalog::landscape::LANDSCAPE.len() - 1,
            "{db}"
        );
        let (_, after) = send(
            &app,
            get(&format!("/api/v1/componenten/{}", mine["id"].as_str().unwrap())),
        )
        .await;
        assert_eq!(
            (
                after["naam"].as_str(),
                after["eigenaar"].as_str(),
                after["versies"].as_array().unwrap().len()
            ),
            (Some("Zaakafhandeling"), Some("Leverancier BV"), 1),
            "{db}: {after}"
        );
    }
}
