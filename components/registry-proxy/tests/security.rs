//! The security review's findings on the registry proxy, each reproduced as an attack that must
//! now be refused or recorded; on SQLite and, with TEST_DATABASE_URL, PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use platform::auth::Claims;
use serde_json::{Value, json};

/// Finding 4: a client that may see only names cannot learn a birth date, municipality or death
/// by adding search criteria and watching for a match.
#[actix_web::test]
async fn search_criteria_are_authorised_like_fields() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url, mock());
        let app = app(st.clone()).await;
        // "beperkt" may see naam, geboorte.datum and burgerservicenummer only
        for (extra, param) in [
            (json!({"gemeenteVanInschrijving": "0363"}), "gemeenteVanInschrijving"),
            (
                json!({"inclusiefOverledenPersonen": true}),
                "inclusiefOverledenPersonen",
            ),
        ] {
            let mut body = json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Vries", "geboortedatum": "1985-03-14", "fields": ["naam.voornamen"]});
            body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            let resp = test::call_service(&app, post(body, "beperkt").to_request()).await;
            assert_eq!(resp.status(), 403, "{db}: {param}");
            let p: Value = test::read_body_json(resp).await;
            assert_eq!(p["code"], "unauthorizedParameter", "{db}");
            assert!(p["detail"].as_str().unwrap().ends_with(param), "{db}: {p}");
        }
        // postcode + huisnummer tests the address: refused without verblijfplaats or adressering
        let resp = test::call_service(
            &app,
            post(
                json!({"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "1015CJ", "huisnummer": 123, "fields": ["naam.voornamen"]}),
                "beperkt",
            )
            .to_request(),
        )
        .await;
        assert_eq!(resp.status(), 403, "{db}");
        let p: Value = test::read_body_json(resp).await;
        assert_eq!(
            p["detail"],
            "U bent niet geautoriseerd om met de volgende parameters te zoeken: huisnummer, postcode"
        );
        // what it may see, it may search on
        let resp = test::call_service(
            &app,
            post(
                json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Vries", "geboortedatum": "1985-03-14", "fields": ["naam.voornamen"]}),
                "beperkt",
            )
            .to_request(),
        )
        .await;
        assert_eq!(resp.status(), 200, "{db}");
    }
}

/// Finding 4: every search is audited with its criteria, also one that found nobody; a BSN
/// asked but not found is recorded against that BSN.
#[actix_web::test]
async fn every_search_is_audited_with_its_criteria() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url, mock());
        let app = app(st.clone()).await;
        let resp = test::call_service(
            &app,
            post(
                json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Bestaatniet", "geboortedatum": "1901-01-01", "fields": ["naam.voornamen"]}),
                "demo",
            )
            .insert_header(("X-Doelbinding", "onderzoek"))
            .to_request(),
        )
        .await;
        assert_eq!(resp.status(), 200, "{db}");
        let body: Value = test::read_body_json(resp).await;
        assert_eq!(body["personen"], json!([]));
        assert_eq!(audit_count(&st).await, 1, "{db}: a search without a result is recorded");
        let records = st
            .db
            .run(|c| {
                use diesel::prelude::*;
                use platform::audit::audit_log;
                audit_log::table
                    .select((audit_log::outcome, audit_log::details, audit_log::purpose))
                    .load::<(String, String, Option<String>)>(c)
                    .map_err(platform::db::DbError::from)
            })
            .await
            .unwrap();
        let (outcome, details, purpose) = &records[0];
        assert_eq!(outcome, "geenResultaat");
        assert_eq!(purpose.as_deref(), Some("onderzoek"));
        let details: Value = serde_json::from_str(details).unwrap();
        assert_eq!(
            details["zoekcriteria"],
            json!({"geslachtsnaam": "Bestaatniet", "geboortedatum": "1901-01-01"})
        );

        // a BSN that is not in the register: recorded against that BSN
        let resp = test::call_service(
            &app,
            post(
                json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019", "123456782"], "fields": ["naam.voornamen"]}),
                "demo",
            )
            .to_request(),
        )
        .await;
        assert_eq!(resp.status(), 200);
        let req = TestRequest::get()
            .uri("/api/v1/protocollering?burgerservicenummer=123456782")
            .insert_header(("Authorization", token("demo")))
            .to_request();
        let body: Value = test::read_body_json(test::call_service(&app, req).await).await;
        assert_eq!(body["protocolleringen"][0]["resultaat"], "nietGevonden", "{db}: {body}");
    }
}

/// Finding 6: the purpose and user ids are bounded and free of control and bidi characters.
#[actix_web::test]
async fn audit_texts_are_bounded_and_clean() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url, mock());
        let app = app(st.clone()).await;
        let body = json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"], "fields": ["naam.voornamen"]});
        // 60,000 characters do not even pass the header limit
        let req = post(body.clone(), "demo")
            .insert_header(("X-Doelbinding", "x".repeat(60_000).as_str()))
            .to_request();
        assert_eq!(test::call_service(&app, req).await.status(), 431, "{db}");
        for purpose in ["x".repeat(5_000), "bijstand\u{202E}tcejbo".into(), "a\tb".into()] {
            let req = post(body.clone(), "demo")
                .insert_header(("X-Doelbinding", purpose.as_str()))
                .to_request();
            let resp = test::call_service(&app, req).await;
            assert_eq!(resp.status(), 400, "{db}");
            let p: Value = test::read_body_json(resp).await;
            assert_eq!(p["invalidParams"][0]["name"], "X-Doelbinding");
        }
        for user in ["jan\nclient_id=beheer", "nul\0byte"] {
            let req = TestRequest::post()
                .uri(PATH)
                .insert_header((
                    "Authorization",
                    token_with(
                        "demo",
                        Claims {
                            user_id: Some(user.into()),
                            ..Default::default()
                        },
                    ),
                ))
                .set_json(body.clone())
                .to_request();
            assert_eq!(test::call_service(&app, req).await.status(), 400, "{db}: {user:?}");
        }
        assert_eq!(audit_count(&st).await, 0, "{db}: nothing stored");
        let ok = post(body.clone(), "demo")
            .insert_header(("X-Doelbinding", "x".repeat(200).as_str()))
            .to_request();
        assert_eq!(test::call_service(&app, ok).await.status(), 200);
    }
}

/// Finding 7: `application/jsonfoo` and other near-JSON media types are 415 with the official
/// detail; an empty Content-Type is accepted like the official API does.
#[actix_web::test]
async fn only_json_is_read() {
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st).await;
    let body = json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"], "fields": ["naam.voornamen"]}).to_string();
    for ct in [
        "application/jsonfoo",
        "text/csv",
        "*/*",
        "application/xml",
        "application/json; charset=cp1252",
    ] {
        let req = TestRequest::post()
            .uri(PATH)
            .insert_header(("Authorization", token("demo")))
            .insert_header(("Content-Type", ct))
            .set_payload(body.clone())
            .to_request();
        let resp = test::call_service(&app, req).await;
        assert_eq!(resp.status(), 415, "{ct}");
        let p: Value = test::read_body_json(resp).await;
        assert_eq!(
            p["detail"],
            "Ondersteunde content type: application/json; charset=utf-8."
        );
    }
    let req = TestRequest::post()
        .uri(PATH)
        .insert_header(("Authorization", token("demo")))
        .set_payload(body)
        .to_request();
    assert_eq!(test::call_service(&app, req).await.status(), 200, "no Content-Type");
}
