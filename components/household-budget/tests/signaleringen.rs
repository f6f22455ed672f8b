//! Signals after an import: payments expected by an afspraak's schedule and not received, and a
//! negative balance; stored once however often computed, listed, closed with a note.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::json;

#[actix_web::test]
async fn missing_rent_and_negative_balance_are_signalled_once() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let burger = jan_jansen(&app).await;
        // rent due on the 1st of March, April and May; only March's is in the statement
        let (status, _) = post_as_team(&app, &format!("/api/v1/burgers/{burger}/afspraken"), json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000, "tegenrekening": "NL20INGB0001234567",
                        "geldigVan": "2026-03-01", "geldigTot": "2026-05-31",
                        "betaalinstructie": { "schema": { "soort": "maandelijks", "dagen": [1] }, "startdatum": "2026-03-01" } })).await;
        assert_eq!(status, 201, "{db}");
        let import = import_fixture(&app, "camt053_v08_batch_reversal_return.xml").await;
        assert_eq!(import["aantalAutomatischGeboekt"], 1, "{db}: the rent of March");

        let (_, open) = send(&app, get("/api/v1/signaleringen?status=open", &beheer)).await;
        let mut kinds: Vec<(String, String)> = open["signaleringen"]
            .as_array()
            .unwrap()
            .iter()
            // the balance signal is dated the day it is computed
            .map(|s| {
                let kind = s["soort"].as_str().unwrap().to_string();
                let date = if kind == "negatiefSaldo" {
                    "vandaag".into()
                } else {
                    s["datum"].as_str().unwrap().to_string()
                };
                (kind, date)
            })
            .collect();
        kinds.sort();
        assert_eq!(
            kinds.iter().map(|(k, d)| format!("{k} {d}")).collect::<Vec<_>>(),
            vec![
                "betalingNietOntvangen 2026-04-01".to_string(),
                "betalingNietOntvangen 2026-05-01".to_string(),
                "negatiefSaldo vandaag".to_string(),
            ],
            "{db}: {open}"
        );
        // computing again adds nothing
        let (status, again) = post_as_team(&app, "/api/v1/signaleringen/berekenen", json!({})).await;
        assert_eq!((status, again["aantalNieuw"].as_u64()), (200, Some(0)), "{db}: {again}");

        // the citizen sees their own signals; another citizen's id is 404
        let (status, own) = send(
            &app,
            get(
                &format!("/api/v1/burgers/{burger}/signaleringen"),
                &token("portaal", Some("999990019")),
            ),
        )
        .await;
        assert_eq!(
            (status, own["signaleringen"].as_array().unwrap().len()),
            (200, 3),
            "{db}"
        );
        let (status, _) = send(
            &app,
            get(
                &format!("/api/v1/burgers/{burger}/signaleringen"),
                &token("portaal", Some("999990032")),
            ),
        )
        .await;
        assert_eq!(status, 404, "{db}");
        let (status, _) = send(&app, get("/api/v1/signaleringen", &token("portaal", Some("999990019")))).await;
        assert_eq!(status, 403, "{db}");

        // closed with a note, once
        let id = open["signaleringen"][0]["id"].as_str().unwrap().to_string();
        let close = || {
            post_json(
                &format!("/api/v1/signaleringen/{id}/sluiten"),
                &beheer,
                json!({ "notitie": "Huur contant betaald, bon gezien" }),
            )
        };
        let (status, closed) = send(&app, close()).await;
        assert_eq!(
            (status, closed["status"].as_str()),
            (200, Some("gesloten")),
            "{db}: {closed}"
        );
        assert_eq!(closed["geslotenDoor"], "budgetbeheer");
        let (status, body) = send(&app, close()).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("signaleringGesloten")),
            "{db}"
        );
        let (_, open) = send(&app, get("/api/v1/signaleringen?status=open", &beheer)).await;
        assert_eq!(open["signaleringen"].as_array().unwrap().len(), 2, "{db}");
        let (status, _) = send(&app, get("/api/v1/signaleringen?status=dicht", &beheer)).await;
        assert_eq!(status, 400);

        // the overview of March to May: three rents expected, one booked
        let uri = format!("/api/v1/burgers/{burger}/overzicht?van=2026-03-01&tot=2026-05-31");
        let (status, o) = send(&app, get(&uri, &token("portaal", Some("999990019")))).await;
        assert_eq!(status, 200, "{db}: {o}");
        assert_eq!(
            (
                o["beginsaldoInCenten"].as_i64(),
                o["uitgavenInCenten"].as_i64(),
                o["eindsaldoInCenten"].as_i64()
            ),
            (Some(0), Some(13000), Some(-13000)),
            "{db}: {o}"
        );
        let a = &o["afspraken"][0];
        assert_eq!(
            (
                a["verwachtAantal"].as_u64(),
                a["verwachtInCenten"].as_i64(),
                a["geboektAantal"].as_u64(),
                a["geboektInCenten"].as_i64()
            ),
            (Some(3), Some(39000), Some(1), Some(13000)),
            "{db}: {o}"
        );
        let csv = get_csv(&app, &uri).await;
        assert!(
            csv.lines()
                .nth(1)
                .unwrap()
                .contains("\"Huur\",uitgaven,3,39000,1,13000"),
            "{csv}"
        );
        assert_eq!(
            send(&app, get(&uri, &token("portaal", Some("999990032")))).await.0,
            404,
            "{db}"
        );
        let (status, p) = send(
            &app,
            get(&format!("/api/v1/burgers/{burger}/overzicht?tot=2026-05-31"), &beheer),
        )
        .await;
        assert_eq!(
            (status, p["invalidParams"][0]["name"].as_str()),
            (400, Some("van")),
            "{db}"
        );
    }
}

/// An import computes the signals of the citizens it booked to, not everyone's: a citizen it
/// did not touch gets their signal from the periodic computation (or a worker's), which sees
/// the passing of time.
#[actix_web::test]
async fn an_import_signals_only_the_citizens_it_booked_to() {
    for (db, url) in platform::testing::database_urls() {
        let (st, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let mut citizens = Vec::new();
        for (bsn, naam, tegenrekening) in [
            ("999990019", "Jansen", "NL20INGB0001234567"),
            ("999990032", "Pietersen", "NL91ABNA0417164300"),
        ] {
            let (_, b) = post_as_team(
                &app,
                "/api/v1/burgers",
                json!({ "burgerservicenummer": bsn, "voornamen": "A", "achternaam": naam }),
            )
            .await;
            let burger = b["id"].as_str().unwrap().to_string();
            let (status, _) = post_as_team(&app, &format!("/api/v1/burgers/{burger}/afspraken"), json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000, "tegenrekening": tegenrekening,
                            "geldigVan": "2026-03-01", "geldigTot": "2026-05-31",
                            "betaalinstructie": { "schema": { "soort": "maandelijks", "dagen": [1] }, "startdatum": "2026-03-01" } })).await;
            assert_eq!(status, 201, "{db}");
            citizens.push(burger);
        }
        // the statement pays Jansen's rent of March only
        let (status, import) = import(
            &app,
            fixture("camt053_v08_batch_reversal_return.xml"),
            "application/xml",
        )
        .await;
        assert_eq!(
            (status, import["aantalAutomatischGeboekt"].as_i64()),
            (201, Some(1)),
            "{db}: {import}"
        );
        let count = |id: &str| {
            let uri = format!("/api/v1/burgers/{id}/signaleringen");
            let app = &app;
            let beheer = beheer.clone();
            async move {
                let (_, page) = send(app, get(&uri, &beheer)).await;
                page["signaleringen"].as_array().unwrap().len()
            }
        };
        assert!(count(&citizens[0]).await > 0, "{db}: Jansen's missing rent");
        assert_eq!(
            count(&citizens[1]).await,
            0,
            "{db}: Pietersen was not touched by the import"
        );

        // the periodic computation finds Pietersen's missed payments
        let job = actix_web::rt::spawn(household_budget::app::signals::compute_forever(st.clone(), 1));
        let mut found = 0;
        for _ in 0..100 {
            found = count(&citizens[1]).await;
            if found > 0 {
                break;
            }
            actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        job.abort();
        assert_eq!(found, 3, "{db}: March, April and May unpaid");
    }
}
