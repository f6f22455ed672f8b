//! The EU short-term-rental data exchange end to end, against a stand-in for the national SDEP
//! built from the prototype's spec: a landlord reports 10 nights; the platforms report 25 for
//! the same number on two platforms, and a listing with a withdrawn number. After a fetch the
//! inspector sees exactly three signals, orders the invalid listing removed (the order shows in
//! the platforms' list, without personal data), and fetching the same data again adds nothing;
//! an SDEP answering 500 or no JSON leaves the stored data as it was and shows in readiness.
//! Every request our client sent and every answer of the stand-in are checked against the spec.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;
#[path = "common/sdep.rs"]
mod sdep;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::Arc;

const JAN: &str = "999990019";
const KEIZERSGRACHT: &str = "0363200000123456";

/// Amsterdam with a cap of 20 nights, so 25 on the platforms pass it.
const RULES: &str = r#"
[gemeente.0363]
naam = "Amsterdam"
registratie_verplicht = true
max_nachten = 20
max_gasten = 4
drempel_nachten = 5
"#;

fn post(uri: &str, token: &str, body: Value) -> actix_http::Request {
    TestRequest::post()
        .uri(uri)
        .insert_header(("Authorization", token.to_string()))
        .set_json(body)
        .to_request()
}

fn get(uri: &str, token: &str) -> actix_http::Request {
    TestRequest::get()
        .uri(uri)
        .insert_header(("Authorization", token.to_string()))
        .to_request()
}

#[actix_web::test]
async fn platform_data_is_fetched_matched_and_acted_on() {
    for (backend, url) in platform::testing::database_urls() {
        let double = sdep::start();
        let mut st = state_with(&url, &proxy_url(), 1000);
        st.rules = Arc::new(holiday_rental::domain::rules::Rules::parse(RULES).unwrap());
        st.sdep = Some(Arc::new(
            holiday_rental::sdep::Sdep::new(holiday_rental::sdep::SdepConfig {
                base_url: double.base.clone(),
                token_url: double.token_url.clone(),
                client_id: sdep::CLIENT_ID.into(),
                client_secret: sdep::CLIENT_SECRET.into(),
                audience: "https://str.eu".into(),
                timeout: std::time::Duration::from_secs(5),
                limit: 1000,
            })
            .unwrap(),
        ));
        st.sdep_gemeente = Some("0363".parse().unwrap());
        st.area = Some(Arc::new(
            holiday_rental::domain::area::parse(
                r#"{"type":"Polygon","coordinates":[[[4.73,52.28],[5.07,52.28],[5.07,52.43],[4.73,52.43],[4.73,52.28]]]}"#,
            )
            .unwrap(),
        ));
        let db = st.db.clone();
        let app = app(st).await;
        let citizen = token("portaal", Some(JAN));
        let inspector = token("handhaving-0363", None);

        // a number that was withdrawn, and the one Jan holds now, with 10 nights reported
        let apply = || {
            post(
                "/api/v1/registraties",
                &citizen,
                json!({ "nummeraanduidingIdentificatie": KEIZERSGRACHT }),
            )
        };
        let first: Value = test::read_body_json(test::call_service(&app, apply()).await).await;
        let withdrawn = first["registratienummer"].as_str().unwrap().replace(' ', "");
        let resp = test::call_service(
            &app,
            post(
                &format!("/api/v1/registraties/{withdrawn}/intrekken"),
                &inspector,
                json!({ "reden": "dubbel" }),
            ),
        )
        .await;
        assert_eq!(resp.status(), 200, "{backend}");
        let second: Value = test::read_body_json(test::call_service(&app, apply()).await).await;
        let number = second["registratienummer"].as_str().unwrap().replace(' ', "");
        let resp = test::call_service(
            &app,
            post(
                &format!("/api/v1/registraties/{number}/verblijven"),
                &citizen,
                json!({ "startDatum": "2026-03-01", "eindDatum": "2026-03-11", "aantalGasten": 2 }),
            ),
        )
        .await;
        assert_eq!(resp.status(), 201, "{backend}");

        // the platforms: the reported 10 nights on one, 15 more on another; the withdrawn
        // number's listing with a stay of 4 nights
        double.set(|s| {
            s.activity = vec![
                sdep::activity(
                    &number,
                    "airbnb.com",
                    "https://airbnb.com/rooms/1",
                    "2026-03-01",
                    "2026-03-11",
                ),
                sdep::activity(
                    &number,
                    "booking.com",
                    "https://booking.com/hotel/2",
                    "2026-04-01",
                    "2026-04-16",
                ),
                sdep::activity(
                    &withdrawn,
                    "booking.com",
                    "https://booking.com/hotel/3",
                    "2026-02-01",
                    "2026-02-05",
                ),
            ];
            s.listings = vec![
                sdep::listing(&number, "airbnb.com", "https://airbnb.com/rooms/1"),
                sdep::listing(&withdrawn, "booking.com", "https://booking.com/hotel/3"),
            ];
        });
        let fetch = || post("/api/v1/platformgegevens/ophalen", &inspector, json!({}));
        let resp = test::call_service(&app, fetch()).await;
        assert_eq!(resp.status(), 200, "{backend}");
        let done: Value = test::read_body_json(resp).await;
        assert_eq!(
            done,
            json!({ "aantalNieuweVerblijven": 3, "aantalNieuweAdvertenties": 2, "aantalOnbruikbaar": 0, "aantalNieuweSignalen": 3 }),
            "{backend}"
        );

        // exactly the three signals
        let list: Value = test::read_body_json(
            test::call_service(&app, get("/api/v1/platformsignalen?status=open", &inspector)).await,
        )
        .await;
        let signals = list["platformsignalen"].as_array().unwrap();
        let found: BTreeSet<(String, String, i64)> = signals
            .iter()
            .map(|s| {
                (
                    s["soort"].as_str().unwrap().to_string(),
                    s["registratienummer"].as_str().unwrap().to_string(),
                    s["nachten"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            BTreeSet::from([
                ("maximumOverschredenOpPlatforms".to_string(), number.clone(), 25),
                ("nietGemeldeNachten".to_string(), number.clone(), 15),
                ("nummerIngetrokken".to_string(), withdrawn.clone(), 4),
            ]),
            "{backend}: {list}"
        );
        let csv = test::call_service(
            &app,
            TestRequest::get()
                .uri("/api/v1/platformsignalen")
                .insert_header(("Authorization", inspector.clone()))
                .insert_header(("Accept", "text/csv"))
                .to_request(),
        )
        .await;
        let csv = String::from_utf8(test::read_body(csv).await.to_vec()).unwrap();
        assert_eq!(csv.lines().count(), 4, "{backend}: a header and three signals: {csv}");
        assert!(csv.contains("https://booking.com/hotel/3"), "{csv}");
        // another municipality's inspector sees none of them
        let other: Value = test::read_body_json(
            test::call_service(&app, get("/api/v1/platformsignalen", &token("handhaving-0344", None))).await,
        )
        .await;
        assert_eq!(other["platformsignalen"], json!([]), "{backend}");

        // the withdrawn number's listing is ordered removed; a valid number's cannot be
        let of = |kind: &str| {
            signals.iter().find(|s| s["soort"] == kind).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let resp = test::call_service(
            &app,
            post(
                "/api/v1/verwijderverzoeken",
                &inspector,
                json!({ "signaalId": of("nummerIngetrokken") }),
            ),
        )
        .await;
        assert_eq!(resp.status(), 201, "{backend}");
        let resp = test::call_service(
            &app,
            post(
                "/api/v1/verwijderverzoeken",
                &inspector,
                json!({ "signaalId": of("nietGemeldeNachten") }),
            ),
        )
        .await;
        assert_eq!(resp.status(), 422, "{backend}");
        let orders: Value = test::read_body_json(
            test::call_service(&app, get("/api/v1/verwijderverzoeken", &token("platform", None))).await,
        )
        .await;
        assert_eq!(
            orders["verwijderverzoeken"],
            json!([{ "url": "https://booking.com/hotel/3", "platform": "booking.com", "registratienummer": withdrawn,
                     "reden": "nummerIngetrokken", "datum": TODAY }]),
            "{backend}: URL, number, reason, date and nothing personal"
        );
        // scoped (security review, finding 8): the SDEP and the municipality's inspector see
        // the order, another platform, another municipality's inspector and a platform client
        // without its platform named see none; the listing is audited
        let list = |client: &'static str| {
            let app = &app;
            async move {
                let resp = test::call_service(app, get("/api/v1/verwijderverzoeken", &token(client, None))).await;
                let status = resp.status().as_u16();
                let body: Value = test::read_body_json(resp).await;
                (status, body["paginering"]["totalItems"].as_i64())
            }
        };
        assert_eq!(list("sdep").await, (200, Some(1)), "{backend}");
        assert_eq!(list("handhaving-0363").await, (200, Some(1)), "{backend}");
        assert_eq!(list("platform-airbnb").await, (200, Some(0)), "{backend}");
        assert_eq!(list("handhaving-0344").await, (200, Some(0)), "{backend}");
        assert_eq!(list("platform-zonder-naam").await.0, 403, "{backend}");
        assert_eq!(list("handhaving-zonder-gemeente").await.0, 403, "{backend}");
        assert_eq!(list("portaal").await.0, 403, "{backend}");
        let withdrawn_number = withdrawn.clone();
        let listed = db
            .run(move |c| platform::audit::find_by_object(c, "registratienummer", &withdrawn_number, 0, 100))
            .await
            .unwrap()
            .0;
        let seen_by: Vec<&str> = listed
            .iter()
            .filter(|r| r.action == "vakantieverhuur.verwijderverzoek.raadplegen")
            .map(|r| r.client_id.as_str())
            .collect();
        assert_eq!(seen_by.len(), 3, "{backend}: {seen_by:?}");
        for who in ["platform", "sdep", "handhaving-0363"] {
            assert!(seen_by.contains(&who), "{backend}: {who} in {seen_by:?}");
        }
        // only the SDEP's municipality's inspectors fetch
        for who in ["handhaving-0344", "handhaving-zonder-gemeente", "platform"] {
            let resp = test::call_service(
                &app,
                post("/api/v1/platformgegevens/ophalen", &token(who, None), json!({})),
            )
            .await;
            assert_eq!(resp.status(), 403, "{backend}: {who}");
        }

        // closing a signal with a note, once
        let close = || {
            post(
                &format!("/api/v1/platformsignalen/{}/sluiten", of("nietGemeldeNachten")),
                &inspector,
                json!({ "notitie": "Verhuurder aangeschreven" }),
            )
        };
        let closed: Value = test::read_body_json(test::call_service(&app, close()).await).await;
        assert_eq!(
            (closed["status"].as_str(), closed["notitie"].as_str()),
            (Some("gesloten"), Some("Verhuurder aangeschreven"))
        );
        assert_eq!(test::call_service(&app, close()).await.status(), 409, "{backend}");

        // the same data again adds nothing
        let again: Value = test::read_body_json(test::call_service(&app, fetch()).await).await;
        assert_eq!(
            again,
            json!({ "aantalNieuweVerblijven": 0, "aantalNieuweAdvertenties": 0, "aantalOnbruikbaar": 0, "aantalNieuweSignalen": 0 }),
            "{backend}"
        );

        // a listing at an address without a registration (a shop on the Kalverstraat)
        double.set(|s| {
            let mut shop = sdep::listing("", "vrbo.com", "https://vrbo.com/4");
            shop["data"]["Unit"]["address"] =
                json!({ "street": "Kalverstraat 1", "postalCode": "1012 NX", "city": "Amsterdam", "country": "NLD" });
            s.listings.push(shop);
        });
        let more: Value = test::read_body_json(test::call_service(&app, fetch()).await).await;
        assert_eq!(
            (
                more["aantalNieuweAdvertenties"].as_u64(),
                more["aantalNieuweSignalen"].as_u64()
            ),
            (Some(1), Some(1)),
            "{backend}: {more}"
        );
        let list: Value = test::read_body_json(
            test::call_service(&app, get("/api/v1/platformsignalen?status=open", &inspector)).await,
        )
        .await;
        let address: Vec<&Value> = list["platformsignalen"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["soort"] == "adresZonderRegistratie")
            .collect();
        assert_eq!(address.len(), 1, "{backend}: {list}");
        assert_eq!(address[0]["bewijs"][0]["url"], "https://vrbo.com/4");

        // an SDEP that fails or answers no JSON: nothing changes, readiness says why
        for (mode, says) in [(sdep::Mode::Fails, "500"), (sdep::Mode::Garbage, "not the spec")] {
            double.set(|s| s.mode = Some(mode));
            let resp = test::call_service(&app, fetch()).await;
            assert_eq!(resp.status(), 502, "{backend}: {mode:?}");
            let body: Value = test::read_body_json(resp).await;
            assert_eq!(body["status"], 502);
            let all: Value =
                test::read_body_json(test::call_service(&app, get("/api/v1/platformsignalen", &inspector)).await).await;
            assert_eq!(all["paginering"]["totalItems"], 4, "{backend}: {mode:?}");
            let ready = test::call_service(&app, TestRequest::get().uri("/health/ready").to_request()).await;
            assert_eq!(
                ready.status(),
                200,
                "{backend}: a feed does not make the component unready"
            );
            let ready: Value = test::read_body_json(ready).await;
            assert_eq!(ready["checks"]["sdep"]["status"], "DOWN", "{backend}: {ready}");
            assert!(
                ready["checks"]["sdep"]["detail"].as_str().unwrap().contains(says),
                "{backend}: {ready}"
            );
        }
        double.set(|s| s.mode = None);
        assert_eq!(test::call_service(&app, fetch()).await.status(), 200);
        let ready: Value =
            test::read_body_json(test::call_service(&app, TestRequest::get().uri("/health/ready").to_request()).await)
                .await;
        assert_eq!(ready["checks"]["sdep"], "UP", "{backend}: {ready}");

        // the area: public as GeoJSON, and sent to the SDEP as a zipped shapefile
        let resp = test::call_service(&app, TestRequest::get().uri("/api/v1/gebied").to_request()).await;
        assert_eq!(resp.status(), 200, "{backend}");
        assert_eq!(resp.headers().get("content-type").unwrap(), "application/geo+json");
        let geojson: Value = test::read_body_json(resp).await;
        assert_eq!(geojson["geometry"]["type"], "Polygon", "{backend}");
        assert_eq!(
            test::call_service(&app, post("/api/v1/gebied/versturen", &inspector, json!({})))
                .await
                .status(),
            204
        );
        assert_eq!(
            test::call_service(
                &app,
                post("/api/v1/gebied/versturen", &token("platform", None), json!({}))
            )
            .await
            .status(),
            403
        );

        // the contract: what we asked and what the stand-in answered, against the spec
        let contract = sdep::Contract::load();
        {
            let seen = double.inner.lock().unwrap();
            assert_eq!(seen.uploads.len(), 1, "{backend}");
            let (path, content_type, body) = &seen.uploads[0];
            contract.check_upload(path, content_type, body);
            let text = String::from_utf8_lossy(body);
            assert!(
                text.contains("0363") && text.contains("Amsterdam") && text.contains("filename=\"gebied.zip\""),
                "{backend}"
            );
            let zip_at = body
                .windows(4)
                .position(|w| w == b"PK\x03\x04")
                .expect("a zip in the upload");
            for name in ["gebied.shp", "gebied.shx", "gebied.dbf", "gebied.prj"] {
                assert!(
                    body[zip_at..].windows(name.len()).any(|w| w == name.as_bytes()),
                    "{backend}: {name}"
                );
            }
        }
        // and our number check in the shape an SDEP asks it
        let platform_token = token("platform", None);
        for (n, expected) in [(&number, "True"), (&withdrawn, "False")] {
            let resp = test::call_service(
                &app,
                get(&format!("/api/v1/sdep/number-valid-check/{n}"), &platform_token),
            )
            .await;
            assert_eq!(resp.status(), 200, "{backend}");
            let body: Value = test::read_body_json(resp).await;
            assert_eq!(body, json!({ "isValid": expected }), "{backend}");
            contract.check_definition("handler.Numbervalid", &body);
        }
        let seen = double.inner.lock().unwrap();
        assert_eq!(
            seen.requests.len(),
            10,
            "{backend}: two per fetch, one when the first call fails"
        );
        for (_, path, query, auth) in &seen.requests {
            contract.check_request(path, query, auth.as_deref());
        }
        for (path, status, body) in &seen.answers {
            if *status == 200 && body.starts_with('[') {
                contract.check_answer(path, *status, body);
            }
        }
    }
}
