//! Logboek Dataverwerkingen across components: a registration made with a `traceparent` yields
//! records in holiday-rental and in the registry proxy with that trace, the proxy's pointing at
//! holiday-rental's action; a proxy that counts holiday-rental as another organisation names it
//! as `foreign_operation` instead. No stored row holds a BSN in clear.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use platform::audit::AuditRecord;
use platform::db::Database;
use serde_json::{Value, json};

const JAN: &str = "999990019";
const KEIZERSGRACHT: &str = "0363200000123456";
const TRACE: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN: &str = "00f067aa0ba902b7";

async fn register(st: &holiday_rental::AppState) -> Value {
    let app = app(st.clone()).await;
    let req = TestRequest::post()
        .uri("/api/v1/registraties")
        .insert_header(("Authorization", token("portaal", Some(JAN))))
        .insert_header(("traceparent", format!("00-{TRACE}-{CALLER_SPAN}-01")))
        .set_json(json!({ "nummeraanduidingIdentificatie": KEIZERSGRACHT }))
        .to_request();
    let resp = test::call_service(&app, req).await;
    assert_eq!(resp.status(), 201);
    test::read_body_json(resp).await
}

fn proxy_clients_foreign() -> Vec<platform::auth::ClientConfig> {
    let mut clients = proxy_clients();
    clients[0].externe_organisatie = Some("urn:oid:2.16.528.1.1003.1.3.5.0001".into());
    clients
}

#[actix_web::test]
async fn a_registration_and_its_brp_lookup_share_one_trace() {
    for (backend, url) in platform::testing::database_urls() {
        let proxy_db_url = platform::testing::sqlite_url();
        let proxy = registry_proxy::testing::start_mock_proxy_on(proxy_clients(), proxy_db_url.clone());
        let st = state_with(&url, &proxy, 1000);
        register(&st).await;

        let (ours, our_text) = platform::testing::audit_stored(&st.db).await;
        let applied = ours
            .iter()
            .find(|r| r.action == "vakantieverhuur.registratie.aanvragen")
            .expect("the registration's record");
        assert_eq!(applied.trace_id.as_deref(), Some(TRACE), "{backend}");
        assert_eq!(applied.parent_span_id.as_deref(), Some(CALLER_SPAN), "{backend}");
        assert_eq!(applied.foreign_operation, None, "{backend}");
        assert_eq!(applied.status_code, Some(1));
        assert_eq!(applied.data_subject_id_type.as_deref(), Some("BSN"));
        let jan = platform::ldv::DataSubject::bsn(&JAN.parse().unwrap());
        assert!(
            st.audit
                .subject_ids(&jan)
                .contains(applied.data_subject_id.as_ref().unwrap())
        );
        assert_eq!(
            applied.processing_activity_id.as_deref(),
            Some("processing_activities/4a87fa36-0f78-4b4d-bc74-387c29b06cec/versions/1")
        );
        assert!(applied.started_at <= applied.ended_at);
        let our_span = applied.span_id.clone().expect("span");

        let proxy_db = Database::connect(&proxy_db_url, 2, registry_proxy::MIGRATIONS).unwrap();
        let (theirs, their_text) = platform::testing::audit_stored(&proxy_db).await;
        let lookups: Vec<&AuditRecord> = theirs.iter().filter(|r| r.action == "brp.personen.bevragen").collect();
        assert_eq!(lookups.len(), 1, "{backend}: the one BRP lookup of the registration");
        let lookup = lookups[0];
        assert_eq!(lookup.trace_id.as_deref(), Some(TRACE), "{backend}");
        assert_eq!(lookup.parent_span_id.as_deref(), Some(our_span.as_str()), "{backend}");
        assert_ne!(lookup.span_id.as_deref(), Some(our_span.as_str()));
        assert_eq!(lookup.data_subject_id_type.as_deref(), Some("BSN"));
        assert!(lookup.data_subject_id.is_some());
        assert_eq!(lookup.object_id, None);

        assert!(
            !our_text.contains(JAN),
            "{backend}: a BSN in holiday-rental's log: {our_text}"
        );
        assert!(
            !their_text.contains(JAN),
            "{backend}: a BSN in the proxy's log: {their_text}"
        );
    }
}

#[actix_web::test]
async fn a_caller_of_another_organisation_is_a_foreign_operation() {
    let (_, url) = platform::testing::database_urls().remove(0);
    let proxy_db_url = platform::testing::sqlite_url();
    let proxy = registry_proxy::testing::start_mock_proxy_on(proxy_clients_foreign(), proxy_db_url.clone());
    let st = state_with(&url, &proxy, 1000);
    register(&st).await;
    let (ours, _) = platform::testing::audit_stored(&st.db).await;
    let our_span = ours
        .iter()
        .find(|r| r.action == "vakantieverhuur.registratie.aanvragen")
        .and_then(|r| r.span_id.clone())
        .unwrap();

    let proxy_db = Database::connect(&proxy_db_url, 2, registry_proxy::MIGRATIONS).unwrap();
    let (theirs, _) = platform::testing::audit_stored(&proxy_db).await;
    let lookup = theirs.iter().find(|r| r.action == "brp.personen.bevragen").unwrap();
    // a trace of the proxy's own, the caller named by its trace and span at its organisation
    assert_ne!(lookup.trace_id.as_deref(), Some(TRACE));
    assert_eq!(lookup.parent_span_id, None);
    let foreign: Value = serde_json::from_str(lookup.foreign_operation.as_deref().unwrap()).unwrap();
    assert_eq!(
        foreign,
        json!({ "trace_id": TRACE, "span_id": our_span, "entity": "urn:oid:2.16.528.1.1003.1.3.5.0001" })
    );
}
