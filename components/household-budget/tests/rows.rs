//! Rows hold the domain's types (directions, kinds, statuses, amounts, JSON) and a stored value
//! that is not one fails its request loudly, as a 500, instead of being read as a default (a bad
//! direction used to be read as a debit).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use diesel::RunQueryDsl;
use serde_json::json;

#[actix_web::test]
async fn a_stored_value_that_is_not_its_type_is_a_500_not_a_default() {
    for (db, url) in platform::testing::database_urls() {
        let (st, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let burger = jan_jansen(&app).await;
        let (status, afspraak) = post_as_team(&app, &format!("/api/v1/burgers/{burger}/afspraken"), json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000, "tegenrekening": "NL20INGB0001234567",
                        "geldigVan": "2026-03-01", "zoektermen": ["huur"],
                        "betaalinstructie": { "schema": { "soort": "maandelijks", "dagen": [1] }, "startdatum": "2026-03-01" } })).await;
        assert_eq!(status, 201, "{db}: {afspraak}");
        let afspraak = afspraak["id"].as_str().unwrap().to_string();
        let (status, _) = import(
            &app,
            fixture("camt053_v08_batch_reversal_return.xml"),
            "application/xml",
        )
        .await;
        assert_eq!(status, 201, "{db}");

        // read back whole first: the typed rows round-trip
        let (status, read) = send(&app, get(&format!("/api/v1/afspraken/{afspraak}"), &beheer)).await;
        assert_eq!(status, 200, "{db}: {read}");
        assert_eq!(read["zoektermen"], json!(["huur"]), "{db}");
        assert_eq!(read["betaalinstructie"]["schema"]["dagen"], json!([1]), "{db}");
        assert_eq!(
            (read["soort"].as_str(), read["bedragInCenten"].as_i64()),
            (Some("uitgaven"), Some(13000))
        );
        post_as_team(&app, "/api/v1/signaleringen/berekenen", json!({})).await;
        let (status, list) = send(&app, get("/api/v1/signaleringen?status=open", &beheer)).await;
        assert_eq!(status, 200, "{db}: {list}");
        assert!(list["signaleringen"][0]["soort"].is_string(), "{db}: {list}");

        let corrupt = |sql: &'static str| {
            st.db
                .run(move |c| Ok::<_, platform::db::DbError>(diesel::sql_query(sql).execute(c)?))
        };
        let server_error = |(status, body): (u16, serde_json::Value)| {
            assert_eq!(
                (status, body["code"].as_str()),
                (500, Some("serverError")),
                "{db}: {body}"
            );
        };
        corrupt("UPDATE transacties SET richting = 'zijwaarts'").await.unwrap();
        server_error(send(&app, get("/api/v1/transacties", &beheer)).await);
        corrupt("UPDATE afspraken SET zoektermen = 'geen json'").await.unwrap();
        server_error(send(&app, get(&format!("/api/v1/afspraken/{afspraak}"), &beheer)).await);
        corrupt("UPDATE signaleringen SET soort = 'misschienIets'")
            .await
            .unwrap();
        server_error(send(&app, get("/api/v1/signaleringen", &beheer)).await);
    }
}
