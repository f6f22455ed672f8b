//! The scenarios of the issue, on SQLite and (with TEST_DATABASE_URL) PostgreSQL, with the
//! registry proxy in-process on its mock backend and its demo persons.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::{Value, json};

const JAN: &str = "999990019";
const ANNA: &str = "999990068";
const KEIZERSGRACHT: &str = "0363200000123456";
const KALVERSTRAAT: &str = "0363200000000001";

fn apply(bsn: &str, address: &str) -> actix_http::Request {
    TestRequest::post()
        .uri("/api/v1/registraties")
        .insert_header(("Authorization", token("portaal", Some(bsn))))
        .set_json(json!({ "nummeraanduidingIdentificatie": address }))
        .to_request()
}

fn report(nr: &str, bsn: &str, start: &str, end: &str, guests: i64) -> actix_http::Request {
    TestRequest::post()
        .uri(&format!("/api/v1/registraties/{nr}/verblijven"))
        .insert_header(("Authorization", token("portaal", Some(bsn))))
        .set_json(json!({ "startDatum": start, "eindDatum": end, "aantalGasten": guests }))
        .to_request()
}

async fn code_of(resp: actix_web::dev::ServiceResponse) -> (u16, String) {
    let status = resp.status().as_u16();
    let body: Value = test::read_body_json(resp).await;
    (status, body["code"].as_str().unwrap_or_default().to_string())
}

#[actix_web::test]
async fn application_checks_and_stays() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let app = app(st.clone()).await;

        // 999990019 lives at Keizersgracht 123: gets a number of the national register's shape
        let resp = test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await;
        assert_eq!(resp.status(), 201, "{db}");
        let reg: Value = test::read_body_json(resp).await;
        let shown = reg["registratienummer"].as_str().unwrap().to_string();
        assert_eq!(shown.len(), 24, "{shown}");
        assert!(shown.ends_with(" 0363"));
        assert_eq!(reg["adres"], "Keizersgracht 123, 1015CJ Amsterdam");
        assert_eq!(
            reg["_links"]["self"]["href"],
            format!("/api/v1/registraties/{}", shown.replace(' ', ""))
        );
        let nr = shown.replace(' ', "");

        // 999990068 does not live there; 999990019 at a shop; an address that does not exist
        assert_eq!(
            code_of(test::call_service(&app, apply(ANNA, KEIZERSGRACHT)).await).await,
            (422, "woontNietOpAdres".into()),
            "{db}"
        );
        assert_eq!(
            code_of(test::call_service(&app, apply(JAN, KALVERSTRAAT)).await).await,
            (422, "geenWoonfunctie".into()),
            "{db}"
        );
        assert_eq!(
            code_of(test::call_service(&app, apply(JAN, "0363200000999999")).await).await,
            (422, "adresBestaatNiet".into()),
            "{db}"
        );
        // a second active registration for the address
        assert_eq!(
            code_of(test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await).await,
            (409, "registratieBestaat".into()),
            "{db}"
        );

        // stays: 31 nights refused; 7 × 4 pass; the 8th (29 + 4 > 30) refused
        assert_eq!(
            code_of(test::call_service(&app, report(&nr, JAN, "2026-02-01", "2026-03-04", 2)).await).await,
            (422, "maximumNachtenOverschreden".into())
        );
        for i in 0..7 {
            let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Days::new(i * 4);
            let end = start + chrono::Days::new(4);
            // the number is accepted with spaces too
            let resp = test::call_service(
                &app,
                report(&shown.replace(' ', "%20"), JAN, &start.to_string(), &end.to_string(), 4),
            )
            .await;
            assert_eq!(resp.status(), 201, "{db} stay {i}");
        }
        // the first report once more (a retry after a timeout): the same stay, 200, stored once;
        // the same dates with other guests are another stay, which overlaps
        let again = test::call_service(&app, report(&nr, JAN, "2026-03-01", "2026-03-05", 4)).await;
        assert_eq!(again.status(), 200, "{db}");
        let again: Value = test::read_body_json(again).await;
        let listed: Value = test::read_body_json(
            test::call_service(
                &app,
                TestRequest::get()
                    .uri(&format!("/api/v1/registraties/{nr}/verblijven?pageSize=100"))
                    .insert_header(("Authorization", token("portaal", Some(JAN))))
                    .to_request(),
            )
            .await,
        )
        .await;
        let stays = listed["verblijven"].as_array().unwrap();
        assert_eq!(stays.len(), 7, "{db}: {listed}");
        assert!(
            stays
                .iter()
                .any(|s| s["id"] == again["id"] && s["startDatum"] == "2026-03-01"),
            "{db}: {again}"
        );
        assert_eq!(
            code_of(test::call_service(&app, report(&nr, JAN, "2026-03-01", "2026-03-05", 3)).await).await,
            (422, "overlappendVerblijf".into())
        );
        assert_eq!(
            code_of(test::call_service(&app, report(&nr, JAN, "2026-06-01", "2026-06-05", 2)).await).await,
            (422, "maximumNachtenOverschreden".into())
        );
        assert_eq!(
            code_of(test::call_service(&app, report(&nr, JAN, "2026-06-01", "2026-06-02", 5)).await).await,
            (422, "teveelGasten".into())
        );
        assert_eq!(
            code_of(test::call_service(&app, report(&nr, JAN, "2026-03-02", "2026-03-03", 1)).await).await,
            (422, "overlappendVerblijf".into())
        );
        assert_eq!(
            code_of(test::call_service(&app, report(&nr, JAN, "2026-06-02", "2026-06-02", 1)).await).await,
            (422, "eindNietNaStart".into())
        );

        // across New Year: 3 nights in 2026, 2 in 2027
        let resp = test::call_service(&app, report(&nr, JAN, "2026-12-29", "2027-01-03", 2)).await;
        assert_eq!(resp.status(), 422, "2026 has 28 nights: 3 more is over the cap");
        let nights = |year: i32| {
            TestRequest::get()
                .uri(&format!("/api/v1/registraties/{nr}/nachten?jaar={year}"))
                .insert_header(("Authorization", token("portaal", Some(JAN))))
                .to_request()
        };
        let n: Value = test::read_body_json(test::call_service(&app, nights(2026)).await).await;
        assert_eq!(
            (
                n["gerealiseerd"].as_i64(),
                n["gepland"].as_i64(),
                n["resterend"].as_i64(),
                n["maximum"].as_i64()
            ),
            (Some(0), Some(28), Some(2), Some(30))
        );

        // cancelling gives nights back; then the New Year stay fits
        let first: Value =
            test::read_body_json(test::call_service(&app, report(&nr, JAN, "2026-10-01", "2026-10-02", 1)).await).await;
        let id = first["id"].as_str().unwrap();
        let del = TestRequest::delete()
            .uri(&format!("/api/v1/registraties/{nr}/verblijven/{id}"))
            .insert_header(("Authorization", token("portaal", Some(JAN))))
            .to_request();
        assert_eq!(test::call_service(&app, del).await.status(), 204);
        let del_again = TestRequest::delete()
            .uri(&format!(
                "/api/v1/registraties/{nr}/verblijven/{}",
                uuid::Uuid::new_v4()
            ))
            .insert_header(("Authorization", token("portaal", Some(JAN))))
            .to_request();
        assert_eq!(test::call_service(&app, del_again).await.status(), 404);
        // a stay across New Year in a year with room: split over both
        let resp = test::call_service(&app, report(&nr, JAN, "2027-12-29", "2028-01-03", 2)).await;
        assert_eq!(resp.status(), 201, "{db}");
        let n: Value = test::read_body_json(test::call_service(&app, nights(2027)).await).await;
        assert_eq!(n["gepland"], 3);
        let n: Value = test::read_body_json(test::call_service(&app, nights(2028)).await).await;
        assert_eq!(n["gepland"], 2);

        // another citizen never sees the registration
        let other = TestRequest::get()
            .uri(&format!("/api/v1/registraties/{nr}"))
            .insert_header(("Authorization", token("portaal", Some(ANNA))))
            .to_request();
        assert_eq!(test::call_service(&app, other).await.status(), 404);
        assert_eq!(
            test::call_service(&app, report(&nr, ANNA, "2026-07-01", "2026-07-02", 1))
                .await
                .status(),
            404
        );
        // the municipality does; another municipality does not
        let gem = |client: &str| {
            TestRequest::get()
                .uri(&format!("/api/v1/registraties/{nr}"))
                .insert_header(("Authorization", token(client, None)))
                .to_request()
        };
        assert_eq!(test::call_service(&app, gem("handhaving-0363")).await.status(), 200);
        assert_eq!(test::call_service(&app, gem("handhaving-0344")).await.status(), 404);

        // every read and change is in the audit log
        let records = st.db.run(platform::audit::count).await.unwrap();
        assert!(records >= 12, "{db}: {records} audit records");
    }
}

#[actix_web::test]
async fn new_year_stay_counts_in_both_years() {
    let st = state(&platform::testing::sqlite_url());
    let app = app(st).await;
    let reg: Value = test::read_body_json(test::call_service(&app, apply(ANNA, "0344200000200200")).await).await;
    let nr = reg["registratienummer"].as_str().unwrap().replace(' ', "");
    assert!(nr.ends_with("0344"));
    assert_eq!(
        test::call_service(&app, report(&nr, ANNA, "2026-12-29", "2027-01-03", 2))
            .await
            .status(),
        201
    );
    for (year, planned) in [(2026, 3), (2027, 2)] {
        let req = TestRequest::get()
            .uri(&format!("/api/v1/registraties/{nr}/nachten?jaar={year}"))
            .insert_header(("Authorization", token("portaal", Some(ANNA))))
            .to_request();
        let n: Value = test::read_body_json(test::call_service(&app, req).await).await;
        assert_eq!(
            n["gerealiseerd"].as_i64().unwrap() + n["gepland"].as_i64().unwrap(),
            planned,
            "{year}"
        );
    }
}

#[actix_web::test]
async fn proxy_down_gives_503_and_stores_nothing() {
    let url = platform::testing::sqlite_url();
    let st = state_with(&url, "http://127.0.0.1:9", 10);
    let app = app(st.clone()).await;
    let resp = test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await;
    assert_eq!(code_of(resp).await, (503, "notAvailable".into()));
    let n = registrations_stored(&st).await;
    assert_eq!(n, 0);
}

#[actix_web::test]
async fn platform_check_withdrawal_and_enforcement() {
    let st = state_with(&platform::testing::sqlite_url(), &proxy_url(), 4);
    let app = app(st).await;
    let reg: Value = test::read_body_json(test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await).await;
    let shown = reg["registratienummer"].as_str().unwrap().to_string();
    let nr = shown.replace(' ', "");
    for (s, e) in [("2026-01-01", "2026-01-15"), ("2026-02-01", "2026-02-12")] {
        assert_eq!(test::call_service(&app, report(&nr, JAN, s, e, 2)).await.status(), 201);
    }
    let check = |n: &str| {
        TestRequest::get()
            .uri(&format!("/api/v1/registratienummers/{}", n.replace(' ', "%20")))
            .insert_header(("Authorization", token("platform", None)))
            .to_request()
    };
    let body: Value = test::read_body_json(test::call_service(&app, check(&shown)).await).await;
    assert_eq!(
        body,
        json!({ "geldig": true, "gemeentecode": "0363" }),
        "no personal data"
    );
    let body: Value = test::read_body_json(test::call_service(&app, check("AAAA BBBB CCCC DDDD 0363")).await).await;
    assert_eq!(body["geldig"], false);
    assert_eq!(test::call_service(&app, check("not-a-number")).await.status(), 400);
    assert_eq!(
        test::call_service(&app, check(&nr)).await.status(),
        200,
        "the 4th check this minute"
    );
    assert_eq!(
        code_of(test::call_service(&app, check(&nr)).await).await.0,
        429,
        "4 per minute"
    );
    // a citizen token cannot use the platform check
    let citizen = TestRequest::get()
        .uri(&format!("/api/v1/registratienummers/{nr}"))
        .insert_header(("Authorization", token("portaal", Some(JAN))))
        .to_request();
    assert_eq!(test::call_service(&app, citizen).await.status(), 403);

    // enforcement: 25 nights is within 5 of the cap of 30
    let list = |client: &str, accept: &str| {
        TestRequest::get()
            .uri("/api/v1/handhaving/adressen?jaar=2026")
            .insert_header(("Authorization", token(client, None)))
            .insert_header(("Accept", accept))
            .to_request()
    };
    let body: Value =
        test::read_body_json(test::call_service(&app, list("handhaving-0363", "application/json")).await).await;
    assert_eq!(body["adressen"][0]["nachten"], 25);
    assert_eq!(body["adressen"][0]["bovenMaximum"], false);
    assert_eq!(body["paginering"]["totalItems"], 1);
    let resp = test::call_service(&app, list("handhaving-0363", "text/csv")).await;
    assert!(
        resp.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = String::from_utf8(test::read_body(resp).await.to_vec()).unwrap();
    assert!(csv.starts_with("registratienummer,status,adres"), "{csv}");
    assert!(
        csv.contains(&format!("\"{shown}\"")) && csv.contains(",25,30,false"),
        "{csv}"
    );
    let other: Value =
        test::read_body_json(test::call_service(&app, list("handhaving-0344", "application/json")).await).await;
    assert_eq!(
        other["paginering"]["totalItems"], 0,
        "only the inspector's own gemeente"
    );
    assert_eq!(
        test::call_service(&app, list("platform", "application/json"))
            .await
            .status(),
        403
    );

    // withdrawal: the number checks as invalid, stays are refused
    let withdraw = |client: &str| {
        TestRequest::post()
            .uri(&format!("/api/v1/registraties/{nr}/intrekken"))
            .insert_header(("Authorization", token(client, None)))
            .set_json(json!({ "reden": "illegale hotelactiviteit" }))
            .to_request()
    };
    assert_eq!(
        test::call_service(&app, withdraw("handhaving-0344")).await.status(),
        404
    );
    let body: Value = test::read_body_json(test::call_service(&app, withdraw("handhaving-0363")).await).await;
    assert_eq!(body["status"], "ingetrokken");
    assert_eq!(
        code_of(test::call_service(&app, report(&nr, JAN, "2026-05-01", "2026-05-02", 1)).await).await,
        (422, "registratieIngetrokken".into())
    );
}

#[actix_web::test]
async fn bad_input_gets_problem_json() {
    let st = state(&platform::testing::sqlite_url());
    let app = app(st).await;
    let cases = [
        (
            TestRequest::post()
                .uri("/api/v1/registraties")
                .insert_header(("Authorization", token("portaal", Some(JAN))))
                .set_json(json!({ "nummeraanduidingIdentificatie": "123" })),
            400,
        ),
        (
            TestRequest::post()
                .uri("/api/v1/registraties")
                .insert_header(("Authorization", token("portaal", Some(JAN))))
                .set_json(json!({ "iets": 1 })),
            400,
        ),
        (
            TestRequest::post()
                .uri("/api/v1/registraties")
                .insert_header(("Authorization", token("portaal", Some(JAN))))
                .insert_header(("Content-Type", "application/json"))
                .set_payload("{"),
            400,
        ),
        (
            TestRequest::post()
                .uri("/api/v1/registraties")
                .insert_header(("Authorization", token("portaal", None)))
                .set_json(json!({ "nummeraanduidingIdentificatie": KEIZERSGRACHT })),
            403,
        ),
        (
            TestRequest::post()
                .uri("/api/v1/registraties")
                .set_json(json!({ "nummeraanduidingIdentificatie": KEIZERSGRACHT })),
            401,
        ),
        (
            TestRequest::get()
                .uri("/api/v1/registraties/XYZ")
                .insert_header(("Authorization", token("portaal", Some(JAN)))),
            400,
        ),
        (
            TestRequest::get()
                .uri("/api/v1/registraties/AAAABBBBCCCCDDDD0363/nachten?jaar=twee")
                .insert_header(("Authorization", token("portaal", Some(JAN)))),
            400,
        ),
        (
            TestRequest::get()
                .uri("/api/v1/handhaving/adressen")
                .insert_header(("Authorization", token("handhaving-0363", None))),
            400,
        ),
        (
            TestRequest::post()
                .uri("/api/v1/registraties/AAAABBBBCCCCDDDD0363/verblijven")
                .insert_header(("Authorization", token("portaal", Some(JAN))))
                .set_json(json!({ "startDatum": "2026-02-30", "eindDatum": "2026-03-01", "aantalGasten": 1 })),
            400,
        ),
    ];
    for (i, (req, status)) in cases.into_iter().enumerate() {
        let resp = test::call_service(&app, req.to_request()).await;
        assert_eq!(resp.status().as_u16(), status, "case {i}");
        assert_eq!(
            resp.headers().get("content-type").unwrap(),
            "application/problem+json",
            "case {i}"
        );
    }
}

/// A body fault names the field (not "line 1, column 26"), and a second registration for an
/// address links the existing one for its own holder only.
#[actix_web::test]
async fn faults_name_the_field_and_409_links_the_owner() {
    let st = state(&platform::testing::sqlite_url());
    let app = app(st).await;
    let reg: Value = test::read_body_json(test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await).await;
    let nr = reg["registratienummer"].as_str().unwrap().replace(' ', "");
    let post = |body: Value| {
        TestRequest::post()
            .uri(&format!("/api/v1/registraties/{nr}/verblijven"))
            .insert_header(("Authorization", token("portaal", Some(JAN))))
            .set_json(body)
            .to_request()
    };
    for (body, name, code) in [
        (
            json!({ "startDatum": "2026-02-30", "eindDatum": "2026-03-01", "aantalGasten": 1 }),
            "startDatum",
            "date",
        ),
        (
            json!({ "startDatum": "2026-03-01", "eindDatum": "2026-03-02" }),
            "aantalGasten",
            "required",
        ),
        (
            json!({ "startDatum": "2026-03-01", "eindDatum": "2026-03-02", "aantalGasten": "twee" }),
            "aantalGasten",
            "integer",
        ),
        (
            json!({ "startDatum": "2026-03-01", "eindDatum": "2026-03-02", "aantalGasten": 0 }),
            "aantalGasten",
            "minimum",
        ),
        (
            json!({ "startDatum": "2026-03-01", "eindDatum": "2026-03-02", "aantalGasten": 1, "prijs": 3 }),
            "prijs",
            "unknownParam",
        ),
    ] {
        let resp = test::call_service(&app, post(body.clone())).await;
        assert_eq!(resp.status(), 400, "{body}");
        let p: Value = test::read_body_json(resp).await;
        assert_eq!(
            (
                p["invalidParams"][0]["name"].as_str(),
                p["invalidParams"][0]["code"].as_str()
            ),
            (Some(name), Some(code)),
            "{body}: {p}"
        );
        assert!(!p.to_string().contains("kolom"), "{p}");
    }
    let bad_address = TestRequest::post()
        .uri("/api/v1/registraties")
        .insert_header(("Authorization", token("portaal", Some(JAN))))
        .set_json(json!({ "nummeraanduidingIdentificatie": "123" }))
        .to_request();
    let p: Value = test::read_body_json(test::call_service(&app, bad_address).await).await;
    assert_eq!(p["invalidParams"][0]["name"], "nummeraanduidingIdentificatie", "{p}");
    assert_eq!(p["invalidParams"][0]["code"], "pattern", "{p}");

    // the holder learns which registration is in the way; a housemate does not
    let (status, p) = {
        let resp = test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await;
        (resp.status().as_u16(), test::read_body_json::<Value, _>(resp).await)
    };
    assert_eq!(status, 409);
    assert_eq!(p["_links"]["registratie"]["href"], format!("/api/v1/registraties/{nr}"));
    let resp = test::call_service(&app, apply("999990032", KEIZERSGRACHT)).await;
    assert_eq!(resp.status(), 409);
    let p: Value = test::read_body_json(resp).await;
    assert!(p.get("_links").is_none(), "{p}");
}

/// A proxy answer of the wrong shape (a person without gemeenteVanInschrijving, an address
/// without its number) is the proxy's fault: 502 and nothing stored, never a refusal of the
/// citizen.
#[actix_web::test]
async fn malformed_registry_answer_is_502_not_a_refusal() {
    let adres = json!({
        "adresseerbaarObjectIdentificatie": "0363010000123456",
        "openbareRuimteNaam": "Keizersgracht", "huisnummer": 123,
        "postcode": "1015CJ", "woonplaatsNaam": "Amsterdam"
    });
    let person = json!({ "verblijfplaats": { "nummeraanduidingIdentificatie": "0363200000123456" },
                         "gemeenteVanInschrijving": { "code": "0363", "omschrijving": "Amsterdam" } });
    let mut without_gemeente = person.clone();
    without_gemeente
        .as_object_mut()
        .unwrap()
        .remove("gemeenteVanInschrijving");
    let mut without_number = adres.clone();
    without_number.as_object_mut().unwrap().remove("huisnummer");
    for (what, adres, person) in [
        ("a person without gemeenteVanInschrijving", adres, without_gemeente),
        ("an address without huisnummer", without_number, person),
    ] {
        let (answer, stored) = apply_against_stand_in(adres, person).await;
        assert_eq!(answer, (502, "badGateway".into()), "{what}");
        assert_eq!(stored, 0, "{what}: nothing stored");
    }
}

/// Jan applies against a stand-in proxy that answers `adres` from the BAG (a residential
/// object) and `person` from the BRP: the answer's status and code, and how many registrations
/// were stored.
async fn apply_against_stand_in(adres: Value, person: Value) -> ((u16, String), i64) {
    use actix_web::{App, HttpResponse, HttpServer, web};
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = HttpServer::new(move || {
        let (adres, person) = (adres.clone(), person.clone());
        App::new()
            .route(
                "/lvbag/individuelebevragingen/v2/adressen/{id}",
                web::get().to(move || {
                    let adres = adres.clone();
                    async move { HttpResponse::Ok().json(adres) }
                }),
            )
            .route(
                "/lvbag/individuelebevragingen/v2/adresseerbareobjecten/{id}",
                web::get().to(|| async {
                    HttpResponse::Ok().json(
                        json!({ "verblijfsobject": { "verblijfsobject": { "gebruiksdoelen": ["woonfunctie"] } } }),
                    )
                }),
            )
            .route(
                "/haalcentraal/api/brp/personen",
                web::post().to(move || {
                    let person = person.clone();
                    async move {
                        HttpResponse::Ok()
                            .json(json!({ "type": "RaadpleegMetBurgerservicenummer", "personen": [person] }))
                    }
                }),
            )
    })
    .workers(1)
    .bind(("127.0.0.1", port))
    .unwrap()
    .run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    let url = platform::testing::sqlite_url();
    let st = state_with(&url, &format!("http://127.0.0.1:{port}"), 10);
    let app = app(st.clone()).await;
    let answer = code_of(test::call_service(&app, apply(JAN, KEIZERSGRACHT)).await).await;
    let stored = registrations_stored(&st).await;
    handle.stop(true).await;
    (answer, stored)
}

/// The SQLite and PostgreSQL migrations describe the same tables and columns.
#[actix_web::test]
async fn migrations_agree_between_backends() {
    let urls = platform::testing::database_urls();
    if urls.len() < 2 {
        eprintln!("TEST_DATABASE_URL not set: one backend only");
        return;
    }
    let schemas: Vec<_> = urls
        .iter()
        .map(|(_, url)| {
            let db = platform::db::Database::connect(url, 1, holiday_rental::MIGRATIONS).unwrap();
            platform::testing::schema_columns(&mut db.conn().unwrap())
        })
        .collect();
    assert!(schemas[0].contains(&("verblijven".to_string(), "aantal_gasten".to_string())));
    assert!(schemas[0].contains(&("audit_log".to_string(), "hash".to_string())));
    assert_eq!(schemas[0], schemas[1]);
}
