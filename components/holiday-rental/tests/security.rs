//! The security review's findings on holiday-rental, each reproduced as the attack that got
//! through and must now be refused; on SQLite and, with TEST_DATABASE_URL, PostgreSQL. The clock
//! stands at 2026-01-01 noon (common::TODAY) unless a test moves it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::{Value, json};

const JAN: &str = "999990019";
const FATIMA: &str = "999990032";
const KEIZERSGRACHT: &str = "0363200000123456";

fn apply(bsn: &str) -> actix_http::Request {
    TestRequest::post()
        .uri("/api/v1/registraties")
        .insert_header(("Authorization", token("portaal", Some(bsn))))
        .set_json(json!({ "nummeraanduidingIdentificatie": KEIZERSGRACHT }))
        .to_request()
}

fn report_as(nr: &str, auth: String, start: &str, end: &str) -> actix_http::Request {
    TestRequest::post()
        .uri(&format!("/api/v1/registraties/{nr}/verblijven"))
        .insert_header(("Authorization", auth))
        .set_json(json!({ "startDatum": start, "eindDatum": end, "aantalGasten": 2 }))
        .to_request()
}

fn cancel(nr: &str, id: &str, bsn: &str) -> actix_http::Request {
    TestRequest::delete()
        .uri(&format!("/api/v1/registraties/{nr}/verblijven/{id}"))
        .insert_header(("Authorization", token("portaal", Some(bsn))))
        .to_request()
}

fn withdraw(nr: &str) -> actix_http::Request {
    TestRequest::post()
        .uri(&format!("/api/v1/registraties/{nr}/intrekken"))
        .insert_header(("Authorization", token("handhaving-0363", None)))
        .set_json(json!({ "reden": "illegale hotelactiviteit" }))
        .to_request()
}

async fn status_code(resp: actix_web::dev::ServiceResponse) -> (u16, Value) {
    let status = resp.status().as_u16();
    let body: Value = test::read_body_json(resp).await;
    (status, body)
}

async fn registered(
    app: &impl actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse,
        Error = actix_web::Error,
    >,
    bsn: &str,
) -> String {
    let resp = test::call_service(app, apply(bsn)).await;
    assert_eq!(resp.status(), 201);
    let reg: Value = test::read_body_json(resp).await;
    reg["registratienummer"].as_str().unwrap().replace(' ', "")
}

/// Finding 1: the cap cannot be bypassed by cancelling stays that happened, by a withdrawn
/// holder, or by reporting stays at any date; the municipality corrects only with a reason and
/// does not report for the citizen.
#[actix_web::test]
async fn the_night_cap_cannot_be_bypassed() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let app = app(st.clone()).await;
        let nr = registered(&app, JAN).await;
        let me = || token("portaal", Some(JAN));

        // years 0, -1 and +262142, and a start in the past, are refused
        for (start, end, field) in [
            ("0000-06-01", "0000-06-02", "startDatum"),
            ("-0001-06-01", "2026-06-02", "startDatum"),
            ("2026-06-01", "+262142-06-02", "eindDatum"),
        ] {
            let (status, body) = status_code(test::call_service(&app, report_as(&nr, me(), start, end)).await).await;
            assert_eq!(status, 400, "{db}: {start}..{end}: {body}");
            let names: Vec<&str> = body["invalidParams"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| p["name"].as_str())
                .collect();
            assert!(names.contains(&field), "{db}: {body}");
        }
        let (status, body) =
            status_code(test::call_service(&app, report_as(&nr, me(), "2025-12-20", "2025-12-24")).await).await;
        assert_eq!((status, body["code"].as_str()), (422, Some("verblijfBegonnen")), "{db}");
        let (status, body) =
            status_code(test::call_service(&app, report_as(&nr, me(), "2028-01-01", "2028-01-02")).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("verblijfTeVerVooruit")),
            "{db}"
        );

        // a stay reported in time; once it has started the citizen cannot cancel it
        let resp = test::call_service(&app, report_as(&nr, me(), "2026-01-05", "2026-01-25")).await;
        assert_eq!(resp.status(), 201, "{db}");
        let stay: Value = test::read_body_json(resp).await;
        let id = stay["id"].as_str().unwrap().to_string();
        let later = app_at(&st, "2026-01-10").await;
        let (status, body) = status_code(test::call_service(&later, cancel(&nr, &id, JAN)).await).await;
        assert_eq!((status, body["code"].as_str()), (422, Some("verblijfBegonnen")), "{db}");
        // 20 nights stay counted: 11 more are over the cap
        let (status, _) =
            status_code(test::call_service(&later, report_as(&nr, me(), "2026-03-01", "2026-03-12")).await).await;
        assert_eq!(status, 422, "{db}");

        // the municipality may not report for the citizen, and corrects only with a reason
        let gem = || token("handhaving-0363", None);
        let (status, _) =
            status_code(test::call_service(&later, report_as(&nr, gem(), "2026-03-01", "2026-03-02")).await).await;
        assert_eq!(status, 403, "{db}: the municipality does not report stays");
        let correct = |reden: Value| {
            TestRequest::post()
                .uri(&format!("/api/v1/registraties/{nr}/verblijven/{id}/correctie"))
                .insert_header(("Authorization", token("handhaving-0363", None)))
                .set_json(reden)
                .to_request()
        };
        assert_eq!(
            test::call_service(&later, correct(json!({ "reden": "" })))
                .await
                .status(),
            400,
            "{db}"
        );
        let resp = test::call_service(&later, correct(json!({ "reden": "dubbel gemeld" }))).await;
        assert_eq!(resp.status(), 200, "{db}");
        let corrected: Value = test::read_body_json(resp).await;
        assert_eq!(
            (corrected["geannuleerd"].as_bool(), corrected["correctieReden"].as_str()),
            (Some(true), Some("dubbel gemeld"))
        );
        let audited = st
            .db
            .run(|c| {
                use diesel::prelude::*;
                use platform::audit::audit_log;
                audit_log::table
                    .filter(audit_log::action.eq("vakantieverhuur.verblijf.corrigeren"))
                    .select(audit_log::details)
                    .load::<String>(c)
                    .map_err(platform::db::DbError::from)
            })
            .await
            .unwrap();
        assert!(
            audited.len() == 1 && audited[0].contains("dubbel gemeld"),
            "{db}: {audited:?}"
        );
        // the citizen's own corrections: another holder's client id cannot correct
        let other = TestRequest::post()
            .uri(&format!("/api/v1/registraties/{nr}/verblijven/{id}/correctie"))
            .insert_header(("Authorization", token("portaal", Some(JAN))))
            .set_json(json!({ "reden": "zelf" }))
            .to_request();
        assert_eq!(test::call_service(&later, other).await.status(), 403, "{db}");

        // a stay for later, then withdrawal: the withdrawn holder changes nothing any more
        let resp = test::call_service(&later, report_as(&nr, me(), "2026-06-01", "2026-06-03")).await;
        assert_eq!(resp.status(), 201, "{db}");
        let planned: Value = test::read_body_json(resp).await;
        assert_eq!(test::call_service(&later, withdraw(&nr)).await.status(), 200, "{db}");
        let (status, body) =
            status_code(test::call_service(&later, cancel(&nr, planned["id"].as_str().unwrap(), JAN)).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("registratieIngetrokken")),
            "{db}"
        );
    }
}

/// Finding 2: a new holder's overlap refusal and stay list never show an earlier holder's stays;
/// the earlier nights still count against the address's cap.
#[actix_web::test]
async fn another_holders_stays_count_but_never_show() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let app = app(st.clone()).await;
        let first = registered(&app, JAN).await;
        let resp = test::call_service(
            &app,
            report_as(&first, token("portaal", Some(JAN)), "2026-05-01", "2026-05-29"),
        )
        .await;
        assert_eq!(resp.status(), 201, "{db}");
        assert_eq!(test::call_service(&app, withdraw(&first)).await.status(), 200);

        // Fatima lives at the same address in the mock BRP and registers it anew
        let second = registered(&app, FATIMA).await;
        let her = || token("portaal", Some(FATIMA));
        let (status, body) =
            status_code(test::call_service(&app, report_as(&second, her(), "2026-05-10", "2026-05-11")).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("overlappendVerblijf")),
            "{db}"
        );
        let detail = body["detail"].as_str().unwrap();
        assert!(
            !detail.contains("2026-05"),
            "{db}: no dates of another holder: {detail}"
        );
        let (status, body) =
            status_code(test::call_service(&app, report_as(&second, her(), "2026-07-01", "2026-07-04")).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("maximumNachtenOverschreden")),
            "{db}: 28 + 3 > 30"
        );
        assert!(!body["detail"].as_str().unwrap().contains("2026-05"));

        let list = TestRequest::get()
            .uri(&format!("/api/v1/registraties/{second}/verblijven"))
            .insert_header(("Authorization", her()))
            .to_request();
        let (status, body) = status_code(test::call_service(&app, list).await).await;
        assert_eq!(status, 200, "{db}");
        assert_eq!(body["verblijven"], json!([]), "{db}: {body}");
        assert_eq!(body["paginering"]["totalItems"], 0);
        // the first holder still sees their own
        let list = TestRequest::get()
            .uri(&format!("/api/v1/registraties/{first}/verblijven"))
            .insert_header(("Authorization", token("portaal", Some(JAN))))
            .to_request();
        let (_, body) = status_code(test::call_service(&app, list).await).await;
        assert_eq!(body["verblijven"].as_array().unwrap().len(), 1, "{db}");
    }
}

/// Finding 5: a second withdrawal is refused (409) without the registration's data, and every
/// answer with personal data is in the audit log. Finding 6: the record names the citizen as
/// well as the portal's user; the citizen as the Logboek's data subject, keyed, never in clear.
#[actix_web::test]
async fn repeated_withdrawal_is_refused_and_the_citizen_is_named() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let app = app(st.clone()).await;
        let req = TestRequest::post()
            .uri("/api/v1/registraties")
            .insert_header((
                "Authorization",
                token_with(
                    "portaal",
                    platform::auth::Claims {
                        bsn: Some(JAN.into()),
                        user_id: Some("portaal-sessie-42".into()),
                        ..Default::default()
                    },
                ),
            ))
            .set_json(json!({ "nummeraanduidingIdentificatie": KEIZERSGRACHT }))
            .to_request();
        let reg: Value = test::read_body_json(test::call_service(&app, req).await).await;
        let nr = reg["registratienummer"].as_str().unwrap().replace(' ', "");
        assert_eq!(test::call_service(&app, withdraw(&nr)).await.status(), 200);
        let before = st.db.run(platform::audit::count).await.unwrap();
        let (status, body) = status_code(test::call_service(&app, withdraw(&nr)).await).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("registratieAlIngetrokken")),
            "{db}"
        );
        assert!(
            body.get("adres").is_none() && !body.to_string().contains(JAN),
            "{db}: {body}"
        );
        assert_eq!(st.db.run(platform::audit::count).await.unwrap(), before, "{db}");

        let rows = st
            .db
            .run(|c| {
                use diesel::prelude::*;
                use platform::audit::audit_log;
                audit_log::table
                    .filter(audit_log::action.eq("vakantieverhuur.registratie.aanvragen"))
                    .select((audit_log::user_id, audit_log::details, audit_log::data_subject_id))
                    .load::<(Option<String>, String, Option<String>)>(c)
                    .map_err(platform::db::DbError::from)
            })
            .await
            .unwrap();
        let (user, details, subject) = &rows[0];
        assert_eq!(user.as_deref(), Some("portaal-sessie-42"), "{db}");
        let jan = platform::ldv::DataSubject::bsn(&JAN.parse().unwrap());
        let keyed = st.audit.subject_ids(&jan);
        assert!(
            subject.as_ref().is_some_and(|s| keyed.contains(s)),
            "{db}: the citizen is the record's subject: {subject:?}"
        );
        assert!(!details.contains(JAN), "{db}: no BSN in clear: {details}");
    }
}
