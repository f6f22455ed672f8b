//! Citizens, afspraken and automatic booking after an import: what fits one afspraak on every
//! count is booked; an ambiguous transaction, a wrong direction and a wrong amount are left for
//! a person, with ranked suggestions saying why.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::TestRequest;
use common::*;
use serde_json::{Value, json};

const JAN: &str = "999990019";
const FATIMA: &str = "999990032";

#[actix_web::test]
async fn import_books_what_fits_and_suggests_the_rest() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let (status, jan) = post_as_team(&app, "/api/v1/burgers", json!({ "burgerservicenummer": JAN, "voornamen": "Jan", "achternaam": "Jansen",
                        "adres": { "straat": "Keizersgracht", "huisnummer": "1", "postcode": "1015 CJ", "plaats": "Amsterdam" } })).await;
        assert_eq!(status, 201, "{db}: {jan}");
        assert_eq!(jan["adres"]["postcode"], "1015CJ");
        let id = jan["id"].as_str().unwrap().to_string();
        let afspraak = |omschrijving: &str, soort: &str, cents: i64, iban: &str, terms: Value| {
            post_json(
                &format!("/api/v1/burgers/{id}/afspraken"),
                &beheer,
                json!({ "omschrijving": omschrijving, "soort": soort, "bedragInCenten": cents,
                        "tegenrekening": iban, "geldigVan": "2026-01-01", "geldigTot": "2026-12-31",
                        "zoektermen": terms }),
            )
        };
        for req in [
            // books automatically
            afspraak(
                "Uitkering",
                "inkomsten",
                125000,
                "NL71ABNA0411065785",
                json!(["participatiewet"]),
            ),
            // two that both fit the rent: ambiguous
            afspraak("Huur", "uitgaven", 13000, "NL20INGB0001234567", json!([])),
            afspraak("Huur (oud)", "uitgaven", 13000, "NL20INGB0001234567", json!([])),
            // right account, wrong direction
            afspraak("Energie", "inkomsten", 5000, "NL02ABNA0123456789", json!([])),
            // right account and direction, wrong amount (10 euro off, tolerance 1 euro)
            afspraak("Aflossing", "uitgaven", 14000, "NL91ABNA0417164300", json!([])),
        ] {
            let (status, body) = send(&app, req).await;
            assert_eq!(status, 201, "{db}: {body}");
        }
        let req = TestRequest::post()
            .uri("/api/v1/bankafschriften")
            .insert_header(("Content-Type", "application/xml"))
            .insert_header(("Authorization", beheer.clone()))
            .set_payload(fixture("camt053_v08_batch_reversal_return.xml"))
            .to_request();
        let (status, import) = send(&app, req).await;
        assert_eq!(status, 201, "{db}: {import}");
        assert_eq!(import["aantalAutomatischGeboekt"], 1, "{db}: {import}");

        let (_, open) = send(&app, get("/api/v1/transacties?geboekt=false", &beheer)).await;
        let open = open["transacties"].as_array().unwrap().clone();
        assert_eq!(open.len(), 4, "{db}");
        let (_, all) = send(&app, get("/api/v1/transacties", &beheer)).await;
        let booked: Vec<&Value> = all["transacties"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["boeking"].is_object())
            .collect();
        assert_eq!(booked.len(), 1);
        assert_eq!(booked[0]["boeking"]["automatisch"], true);
        assert_eq!(booked[0]["boeking"]["geboektDoor"], "automatisch");

        let by_account = |iban: &str| {
            open.iter().find(|t| t["tegenrekening"] == iban).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let suggestions = |tx: String| {
            let beheer = beheer.clone();
            let app = &app;
            async move {
                send(app, get(&format!("/api/v1/transacties/{tx}/suggesties"), &beheer))
                    .await
                    .1["suggesties"]
                    .clone()
            }
        };
        // the rent: both afspraken fit completely
        let s = suggestions(by_account("NL20INGB0001234567")).await;
        assert_eq!(s.as_array().unwrap().len(), 2, "{db}: {s}");
        assert_eq!((s[0]["score"].as_u64(), s[1]["score"].as_u64()), (Some(100), Some(100)));
        // energy: only the direction is wrong
        let s = suggestions(by_account("NL02ABNA0123456789")).await;
        assert_eq!(s[0]["kloptNiet"], json!(["richting"]), "{db}: {s}");
        // repayment: only the amount is wrong
        let s = suggestions(by_account("NL91ABNA0417164300")).await;
        assert_eq!(s[0]["kloptNiet"], json!(["bedrag"]), "{db}: {s}");

        // a person books the ambiguous rent to the first suggestion; twice is 409
        let rent = by_account("NL20INGB0001234567");
        let first = suggestions(rent.clone()).await[0]["afspraakId"].clone();
        let book = |tx: &str| {
            post_json(
                &format!("/api/v1/transacties/{tx}/boeking"),
                &beheer,
                json!({ "afspraakId": first }),
            )
        };
        let (status, b) = send(&app, book(&rent)).await;
        assert_eq!(status, 201, "{db}: {b}");
        assert_eq!(
            (b["automatisch"].as_bool(), b["geboektDoor"].as_str()),
            (Some(false), Some("budgetbeheer"))
        );
        assert_eq!(send(&app, book(&rent)).await.0, 409, "{db}");
        let (_, open) = send(&app, get("/api/v1/transacties?geboekt=false", &beheer)).await;
        assert_eq!(open["transacties"].as_array().unwrap().len(), 3, "{db}");
        // unbooking puts it back on the list; unbooking again is 404
        let unbook = || {
            TestRequest::delete()
                .uri(&format!("/api/v1/transacties/{rent}/boeking"))
                .insert_header(("Authorization", beheer.clone()))
                .to_request()
        };
        assert_eq!(send(&app, unbook()).await.0, 204, "{db}");
        assert_eq!(send(&app, unbook()).await.0, 404, "{db}");
        // an afspraak that does not exist, a reader without beheren
        let bad = post_json(
            &format!("/api/v1/transacties/{rent}/boeking"),
            &beheer,
            json!({ "afspraakId": "bestaat-niet" }),
        );
        assert_eq!(send(&app, bad).await.0, 404);
        let reader = post_json(
            &format!("/api/v1/transacties/{rent}/boeking"),
            &token("lezer", None),
            json!({ "afspraakId": first }),
        );
        assert_eq!(send(&app, reader).await.0, 403);
    }
}

#[actix_web::test]
async fn a_citizen_sees_only_their_own() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let mut ids = Vec::new();
        for (bsn, naam) in [(JAN, "Jansen"), (FATIMA, "El Amrani")] {
            let (status, b) = post_as_team(
                &app,
                "/api/v1/burgers",
                json!({ "burgerservicenummer": bsn, "voornamen": "X", "achternaam": naam }),
            )
            .await;
            assert_eq!(status, 201, "{db}: {b}");
            ids.push(b["id"].as_str().unwrap().to_string());
        }
        // the same BSN twice: 409
        let (status, body) = post_as_team(
            &app,
            "/api/v1/burgers",
            json!({ "burgerservicenummer": JAN, "voornamen": "X", "achternaam": "Y" }),
        )
        .await;
        assert_eq!((status, body["code"].as_str()), (409, Some("burgerBestaat")), "{db}");
        let jan = token("portaal", Some(JAN));
        assert_eq!(
            send(&app, get(&format!("/api/v1/burgers/{}", ids[0]), &jan)).await.0,
            200,
            "{db}"
        );
        assert_eq!(
            send(&app, get(&format!("/api/v1/burgers/{}/afspraken", ids[0]), &jan))
                .await
                .0,
            200
        );
        // another citizen's data: 404, as if it did not exist
        assert_eq!(
            send(&app, get(&format!("/api/v1/burgers/{}", ids[1]), &jan)).await.0,
            404,
            "{db}"
        );
        assert_eq!(
            send(&app, get(&format!("/api/v1/burgers/{}/afspraken", ids[1]), &jan))
                .await
                .0,
            404
        );
        // no list, no transactions, no changes for a citizen
        assert_eq!(send(&app, get("/api/v1/burgers", &jan)).await.0, 403);
        assert_eq!(send(&app, get("/api/v1/transacties", &jan)).await.0, 403);
        let (status, _) = send(
            &app,
            post_json(
                &format!("/api/v1/burgers/{}/afspraken", ids[0]),
                &jan,
                json!({ "omschrijving": "x", "soort": "uitgaven",
                "bedragInCenten": 1, "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01" }),
            ),
        )
        .await;
        assert_eq!(status, 403, "{db}");
    }
}

#[actix_web::test]
async fn bad_input_names_the_field() {
    let urls = platform::testing::database_urls();
    let st = state(&urls[0].1);
    let app = app(st.clone()).await;
    let beheer = token("budgetbeheer", None);
    for (body, field) in [
        (
            json!({ "burgerservicenummer": "123456789", "voornamen": "X", "achternaam": "Y" }),
            "burgerservicenummer",
        ),
        (
            json!({ "burgerservicenummer": JAN, "voornamen": "", "achternaam": "Y" }),
            "voornamen",
        ),
        (
            json!({ "burgerservicenummer": JAN, "voornamen": "X", "achternaam": "Y", "email": "geen-adres" }),
            "email",
        ),
        (
            json!({ "burgerservicenummer": JAN, "voornamen": "X", "achternaam": "Y", "adres": { "straat": "a", "huisnummer": "1", "postcode": "0123AB", "plaats": "p" } }),
            "adres.postcode",
        ),
    ] {
        let (status, p) = send(&app, post_json("/api/v1/burgers", &beheer, body)).await;
        assert_eq!(status, 400, "{p}");
        assert_eq!(p["invalidParams"][0]["name"], field, "{p}");
    }
    let (_, b) = post_as_team(
        &app,
        "/api/v1/burgers",
        json!({ "burgerservicenummer": JAN, "voornamen": "X", "achternaam": "Y" }),
    )
    .await;
    let uri = format!("/api/v1/burgers/{}/afspraken", b["id"].as_str().unwrap());
    for (body, field) in [
        (
            json!({ "omschrijving": "x", "soort": "uitgaven", "bedragInCenten": 0, "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01" }),
            "bedragInCenten",
        ),
        (
            json!({ "omschrijving": "x", "soort": "uitgaven", "bedragInCenten": 5, "tegenrekening": "NL21INGB0001234567", "geldigVan": "2026-01-01" }),
            "tegenrekening",
        ),
        (
            json!({ "omschrijving": "x", "soort": "soms", "bedragInCenten": 5, "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01" }),
            "soort",
        ),
        (
            json!({ "omschrijving": "x", "soort": "uitgaven", "bedragInCenten": 5, "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-02-01", "geldigTot": "2026-01-01" }),
            "geldigTot",
        ),
    ] {
        let (status, p) = send(&app, post_json(&uri, &beheer, body)).await;
        assert_eq!(status, 400, "{p}");
        assert_eq!(p["invalidParams"][0]["name"], field, "{p}");
    }
    // an afspraak for a citizen that does not exist
    let (status, _) = post_as_team(
        &app,
        "/api/v1/burgers/bestaat-niet/afspraken",
        json!({ "omschrijving": "x", "soort": "uitgaven",
            "bedragInCenten": 5, "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01" }),
    )
    .await;
    assert_eq!(status, 404);
}
