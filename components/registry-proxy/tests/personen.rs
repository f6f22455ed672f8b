//! `POST /haalcentraal/api/brp/personen` on SQLite and, with TEST_DATABASE_URL, PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::{Value, json};

#[actix_web::test]
async fn raadplegen_delivers_asked_fields_and_protocols_each_person() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url, mock());
        let app = app(st.clone()).await;
        let req = post(
            json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019", "999990032"], "fields": ["naam.voornamen", "geboorte.datum.langFormaat", "leeftijd", "adressering", "partners.burgerservicenummer"]}),
            "demo",
        )
        .insert_header(("X-Doelbinding", "vakantieverhuur-registratie"))
        .to_request();
        let resp = test::call_service(&app, req).await;
        assert_eq!(resp.status(), 200, "{db}");
        assert_eq!(resp.headers().get("api-version").unwrap(), "1.0.0");
        let body: Value = test::read_body_json(resp).await;
        assert_eq!(body["type"], "RaadpleegMetBurgerservicenummer");
        let jan = &body["personen"][0];
        assert_eq!(jan["naam"], json!({"voornamen": "Jan Pieter"}));
        assert_eq!(jan["geboorte"]["datum"]["datum"], "1985-03-14");
        assert_eq!(jan["adressering"]["aanhef"], "Geachte heer De Vries");
        assert_eq!(jan["partners"], json!([{"burgerservicenummer": "999990032"}]));
        assert!(jan.get("burgerservicenummer").is_none(), "not asked, not delivered");
        assert_eq!(body["personen"][1]["naam"]["voornamen"], "Fatima");
        assert_eq!(audit_count(&st).await, 2, "{db}: one record per delivered person");

        // the citizen's question: who looked me up?
        let req = TestRequest::get()
            .uri("/api/v1/protocollering?burgerservicenummer=999990019")
            .insert_header(("Authorization", token("demo")))
            .to_request();
        let resp = test::call_service(&app, req).await;
        assert_eq!(resp.status(), 200);
        let body: Value = test::read_body_json(resp).await;
        let p = &body["protocolleringen"][0];
        assert_eq!(p["clientId"], "demo");
        assert_eq!(p["doelbinding"], "vakantieverhuur-registratie");
        assert_eq!(p["zoekType"], "RaadpleegMetBurgerservicenummer");
        assert_eq!(p["gevraagdeVelden"].as_array().unwrap().len(), 5);
        assert_eq!(body["paginering"]["totalItems"], 1);

        let req = TestRequest::get()
            .uri("/api/v1/protocollering/verificatie")
            .insert_header(("Authorization", token("demo")))
            .to_request();
        let body: Value = test::read_body_json(test::call_service(&app, req).await).await;
        assert_eq!(body["geldig"], true, "{db}");
        assert_eq!(
            body["aantalRecords"], 3,
            "{db}: two deliveries and the protocollering read"
        );
    }
}

#[actix_web::test]
async fn searches_limits_and_deceased_persons() {
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st.clone()).await;
    let call = |body: Value| post(body, "demo").to_request();
    let resp = test::call_service(&app, call(json!({"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "1015CJ", "huisnummer": 123, "fields": ["burgerservicenummer", "naam.geslachtsnaam"]}))).await;
    let body: Value = test::read_body_json(resp).await;
    assert_eq!(body["personen"].as_array().unwrap().len(), 3);

    // search responses are PersoonBeperkt: partners cannot be asked
    let resp = test::call_service(&app, call(json!({"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "1015CJ", "huisnummer": 123, "fields": ["partners"]}))).await;
    assert_eq!(resp.status(), 400);

    let resp = test::call_service(&app, call(json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Maassen", "geboortedatum": "1983-05-26", "fields": ["burgerservicenummer"]}))).await;
    assert_eq!(resp.status(), 400);
    let body: Value = test::read_body_json(resp).await;
    assert_eq!(body["code"], "tooManyResults");
    assert_eq!(
        body["detail"],
        "Meer dan maximum van 10 zoekresultaten gevonden. Verfijn de zoekopdracht."
    );
    let resp = test::call_service(&app, call(json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "Maassen", "geboortedatum": "1983-05-26", "voornamen": "Pieter Jan", "fields": ["burgerservicenummer"]}))).await;
    let body: Value = test::read_body_json(resp).await;
    assert_eq!(body["personen"].as_array().unwrap().len(), 6);

    let dead = json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "geslachtsnaam": "jansen", "geboortedatum": "1940-01-30", "fields": ["burgerservicenummer"]});
    let body: Value = test::read_body_json(test::call_service(&app, call(dead.clone())).await).await;
    assert_eq!(body["personen"], json!([]));
    let mut with_dead = dead;
    with_dead["inclusiefOverledenPersonen"] = json!(true);
    let body: Value = test::read_body_json(test::call_service(&app, call(with_dead.clone())).await).await;
    assert_eq!(body["personen"], json!([{"burgerservicenummer": "999990056"}]));
    with_dead["fields"] = json!(["overlijden"]);
    let resp = test::call_service(&app, call(with_dead)).await;
    assert_eq!(resp.status(), 400, "overlijden is not in PersoonBeperkt");
    let body: Value = test::read_body_json(
        test::call_service(&app, call(json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990056"], "fields": ["overlijden.datum"]}))).await,
    )
    .await;
    assert_eq!(body["personen"][0]["overlijden"]["datum"]["datum"], "2023-05-05");

    let body: Value = test::read_body_json(
        test::call_service(&app, call(json!({"type": "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving", "straat": "keizersgr*", "huisnummer": 123, "gemeenteVanInschrijving": "0363", "fields": ["burgerservicenummer"]}))).await,
    )
    .await;
    assert_eq!(body["personen"].as_array().unwrap().len(), 3);
    let body: Value = test::read_body_json(
        test::call_service(&app, call(json!({"type": "ZoekMetAdresseerbaarObjectIdentificatie", "adresseerbaarObjectIdentificatie": "0344010000200200", "fields": ["burgerservicenummer"]}))).await,
    )
    .await;
    assert_eq!(body["personen"], json!([{"burgerservicenummer": "999990068"}]));
}

#[actix_web::test]
async fn bad_input_gets_problem_json_and_writes_nothing() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url, mock());
        let app = app(st.clone()).await;
        let raad = |bsns: Value, fields: Value| json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": bsns, "fields": fields});
        let cases: Vec<(TestRequest, u16, &str)> = vec![
            (
                TestRequest::post()
                    .uri(PATH)
                    .insert_header(("Authorization", token("demo")))
                    .insert_header(("Content-Type", "application/json"))
                    .set_payload("{\"type\": "),
                400,
                "badRequest",
            ),
            (
                post(json!({"type": 5, "fields": "naam"}), "demo"),
                400,
                "paramsValidation",
            ),
            (
                post(
                    json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"], "fields": ["naam"], "bestaatNiet": 1}),
                    "demo",
                ),
                400,
                "paramsValidation",
            ),
            (
                post(raad(json!(["99999001"]), json!(["naam"])), "demo"),
                400,
                "paramsValidation",
            ),
            (
                post(
                    raad(
                        json!((0..21).map(|i| format!("{i:09}")).collect::<Vec<_>>()),
                        json!(["naam"]),
                    ),
                    "demo",
                ),
                400,
                "paramsValidation",
            ),
            (
                post(
                    raad(
                        json!(["999990019"]),
                        json!((0..131).map(|_| "naam").collect::<Vec<_>>()),
                    ),
                    "demo",
                ),
                400,
                "paramsValidation",
            ),
            (
                post(raad(json!(["999990019"]), json!(["bestaatNiet"])), "demo"),
                400,
                "paramsValidation",
            ),
            (
                post(
                    raad(json!(["999990019"]), json!(["geheimhoudingPersoonsgegevens"])),
                    "demo",
                ),
                400,
                "paramsValidation",
            ),
            (
                post(raad(json!(["999990019"]), json!(["partners"])), "beperkt"),
                403,
                "unauthorizedField",
            ),
            (
                post(raad(json!(["999990019"]), json!(["naam"])), "streng"),
                400,
                "paramsValidation",
            ),
            (
                post(raad(json!(["999990019"]), json!(["naam"])), "bagonly"),
                403,
                "authorization",
            ),
            (
                TestRequest::post()
                    .uri(PATH)
                    .insert_header(("Authorization", token("demo")))
                    .insert_header(("Content-Type", "application/json"))
                    .set_payload(vec![b' '; 2 * 1024 * 1024]),
                413,
                "payloadTooLarge",
            ),
            (
                TestRequest::post()
                    .uri(PATH)
                    .insert_header(("Authorization", token("demo")))
                    .insert_header(("Content-Type", "text/plain"))
                    .set_payload("{}"),
                415,
                "unsupportedMediaType",
            ),
            (
                post(raad(json!(["999990019"]), json!(["naam"])), "demo").insert_header(("Accept", "text/html")),
                406,
                "notAcceptable",
            ),
            (
                TestRequest::post()
                    .uri(PATH)
                    .set_json(raad(json!(["999990019"]), json!(["naam"]))),
                401,
                "authentication",
            ),
            (
                TestRequest::post()
                    .uri(PATH)
                    .insert_header(("Authorization", "Bearer x.y.z"))
                    .set_json(raad(json!(["999990019"]), json!(["naam"]))),
                401,
                "authentication",
            ),
            (
                TestRequest::get()
                    .uri(PATH)
                    .insert_header(("Authorization", token("demo"))),
                405,
                "methodNotAllowed",
            ),
            (TestRequest::get().uri("/bestaat/niet"), 404, "notFound"),
        ];
        for (i, (req, status, code)) in cases.into_iter().enumerate() {
            let resp = test::call_service(&app, req.to_request()).await;
            assert_eq!(resp.status().as_u16(), status, "{db} case {i}");
            assert_eq!(
                resp.headers().get("content-type").unwrap(),
                "application/problem+json",
                "{db} case {i}"
            );
            let body: Value = test::read_body_json(resp).await;
            assert_eq!(body["code"], code, "{db} case {i}: {body}");
            assert_eq!(body["status"], status, "{db} case {i}");
            assert!(
                body["instance"].as_str().is_some_and(|s| s.starts_with('/')),
                "{db} case {i}"
            );
        }
        assert_eq!(audit_count(&st).await, 0, "{db}: nothing written");
    }
}

#[actix_web::test]
async fn tokens_signed_with_another_secret_or_expired_are_refused() {
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st).await;
    let body =
        json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"], "fields": ["naam"]});
    let forged = platform::auth::ClientConfig {
        client_id: "demo".into(),
        secret: Some("someone-elses-secret-value".into()),
        ..Default::default()
    };
    let t = platform::auth::sign_hs256(&forged, &Default::default(), chrono::Utc::now().timestamp()).unwrap();
    let resp = test::call_service(
        &app,
        TestRequest::post()
            .uri(PATH)
            .insert_header(("Authorization", format!("Bearer {t}")))
            .set_json(body.clone())
            .to_request(),
    )
    .await;
    assert_eq!(resp.status(), 401);
    let real = clients().into_iter().find(|c| c.client_id == "demo").unwrap();
    let old = platform::auth::sign_hs256(&real, &Default::default(), chrono::Utc::now().timestamp() - 7200).unwrap();
    let resp = test::call_service(
        &app,
        TestRequest::post()
            .uri(PATH)
            .insert_header(("Authorization", format!("Bearer {old}")))
            .set_json(body)
            .to_request(),
    )
    .await;
    assert_eq!(resp.status(), 401);
    assert!(resp.headers().get("www-authenticate").is_some());
}

/// The demo persons, with every field asked, validate against the official response schemas.
#[actix_web::test]
async fn demo_responses_validate_against_the_official_schemas() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    assert!(
        root.join("standards/haalcentraal").exists(),
        "standards/haalcentraal is missing: the project carries the official contracts there"
    );
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st).await;
    let top: Vec<&str> = [
        "burgerservicenummer",
        "geslacht",
        "naam",
        "geboorte",
        "leeftijd",
        "nationaliteiten",
        "verblijfplaats",
        "gemeenteVanInschrijving",
        "datumInschrijvingInGemeente",
        "adressering",
        "overlijden",
        "partners",
        "ouders",
        "kinderen",
        "gezag",
    ]
    .to_vec();
    let dir = std::env::temp_dir().join(format!("brp-responses-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    let queries = [
        json!({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019", "999990032", "999990044", "999990056", "999990068"], "fields": top}),
        json!({"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "1015CJ", "huisnummer": 123, "fields": ["burgerservicenummer", "naam", "geboorte", "geslacht", "leeftijd", "adressering"]}),
    ];
    for (i, q) in queries.into_iter().enumerate() {
        let resp = test::call_service(&app, post(q, "demo").to_request()).await;
        assert_eq!(resp.status(), 200);
        let body = test::read_body(resp).await;
        let f = dir.join(format!("{i}.json"));
        std::fs::write(&f, &body).unwrap();
        files.push(f);
    }
    let out = std::process::Command::new("python3")
        .arg(root.join("tools/validate_brp_response.py"))
        .args(&files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
