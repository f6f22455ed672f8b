//! Many simultaneous reports for one address can never together pass the cap.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::{Value, json};

#[actix_web::test]
async fn parallel_reports_never_exceed_the_cap() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let app = std::rc::Rc::new(app(st.clone()).await);
        let req = TestRequest::post()
            .uri("/api/v1/registraties")
            .insert_header(("Authorization", token("portaal", Some("999990019"))))
            .set_json(json!({ "nummeraanduidingIdentificatie": "0363200000123456" }))
            .to_request();
        let reg: Value = test::read_body_json(test::call_service(&*app, req).await).await;
        let nr = reg["registratienummer"].as_str().unwrap().replace(' ', "");

        // 40 one-night stays on 40 different days, all at once: exactly 30 fit under the cap
        let day0 = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let calls = (0..40u64).map(|i| {
            let app = app.clone();
            let start = day0 + chrono::Days::new(i);
            let req = TestRequest::post()
                .uri(&format!("/api/v1/registraties/{nr}/verblijven"))
                .insert_header(("Authorization", token("portaal", Some("999990019"))))
                .set_json(json!({ "startDatum": start, "eindDatum": start + chrono::Days::new(1), "aantalGasten": 2 }))
                .to_request();
            async move { test::call_service(&*app, req).await.status().as_u16() }
        });
        let statuses = futures_util::future::join_all(calls).await;
        let accepted = statuses.iter().filter(|s| **s == 201).count();
        let refused = statuses.iter().filter(|s| **s == 422).count();
        assert_eq!((accepted, refused), (30, 10), "{db}: {statuses:?}");

        let stored = st
            .db
            .run(|c| {
                use diesel::prelude::*;
                use holiday_rental::store::verblijven;
                verblijven::table
                    .filter(verblijven::geannuleerd_op.is_null())
                    .count()
                    .get_result::<i64>(c)
                    .map_err(platform::db::DbError::from)
            })
            .await
            .unwrap();
        assert_eq!(stored, 30, "{db}");
    }
}
