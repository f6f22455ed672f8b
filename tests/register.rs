//! Every component's register of processing activities answers in the shape of the Logboek
//! Dataverwerkingen standard's Register API (`standards/ldv/rvva-openapi.json`): each answer
//! validates against the spec's response schema, made strict (no key the spec does not name,
//! except `x-` extensions), with its formats checked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::{App, test};
use platform::register::{Activity, REGISTER_BASE};
use serde_json::Value;

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/standards/ldv/rvva-openapi.json");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path} is needed (the Register API of the Logboek standard): {e}"));
    serde_json::from_str(&text).unwrap()
}

/// The schema, with every object closed to keys it does not name (`x-` extensions allowed).
fn strict(mut schema: Value) -> Value {
    fn close(v: &mut Value) {
        if let Some(o) = v.as_object_mut() {
            if o.contains_key("properties") {
                o.insert("additionalProperties".into(), Value::Bool(false));
                o.insert("patternProperties".into(), serde_json::json!({ "^x-": {} }));
                o.insert("type".into(), Value::String("object".into()));
            }
            for (_, child) in o.iter_mut() {
                close(child);
            }
        } else if let Some(a) = v.as_array_mut() {
            a.iter_mut().for_each(close);
        }
    }
    close(&mut schema);
    schema
}

fn check(schema_name: &str, answer: &Value) {
    let spec = spec();
    let schema = strict(spec["components"]["schemas"][schema_name].clone());
    assert!(schema.is_object(), "{schema_name} is in the spec");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(answer)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{schema_name}: {errors:?} in {answer}");
}

async fn get(activities: &'static [&'static Activity], path: &str) -> (u16, Value) {
    let app = test::init_service(App::new().configure(platform::register::routes(activities))).await;
    let resp = test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
    let status = resp.status().as_u16();
    let body = test::read_body(resp).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[actix_web::test]
async fn every_components_register_answers_in_the_register_apis_shape() {
    let registers: [(&str, &'static [&'static Activity]); 4] = [
        ("registry-proxy", registry_proxy::register::ACTIVITIES),
        ("holiday-rental", holiday_rental::register::ACTIVITIES),
        ("household-budget", household_budget::register::ACTIVITIES),
        ("catalog", catalog::register::ACTIVITIES),
    ];
    let mut ids = std::collections::HashSet::new();
    for (name, activities) in registers {
        assert!(!activities.is_empty(), "{name} declares its activities");
        let (status, list) = get(activities, &format!("{REGISTER_BASE}/processing_activities")).await;
        assert_eq!(
            (status, list.as_array().map(Vec::len)),
            (200, Some(activities.len())),
            "{name}"
        );
        for a in activities {
            assert!(ids.insert(a.id), "{name}: {} is one activity's id only", a.id);
            let base = format!("{REGISTER_BASE}/processing_activities/{}", a.id);
            let (status, activity) = get(activities, &base).await;
            assert_eq!(status, 200, "{name} {}", a.id);
            check("ProcessingActivity", &activity);
            assert_eq!(activity["latestVersion"], a.version, "{name}");

            let (status, version) = get(activities, &format!("{base}/versions/{}", a.version)).await;
            assert_eq!(status, 200, "{name} {}", a.id);
            check("ProcessingActivityVersion", &version);
            // what the issue asks every activity to say
            for key in [
                "name",
                "purpose",
                "legalBasis",
                "dataSubjects",
                "personalData",
                "processingOptions",
                "validFrom",
            ] {
                assert!(!version[key].is_null(), "{name} {}: {key}", a.name);
            }
            assert!(
                version["personalData"]["retentionPeriod"]
                    .as_str()
                    .is_some_and(|p| p.starts_with('P')),
                "{name} {}: an ISO 8601 retention period",
                a.name
            );
            assert!(!version["x-grondwerk"]["grondslag"].as_str().unwrap_or("").is_empty());

            let (status, _) = get(activities, &format!("{base}/versions/{}", a.version + 1)).await;
            assert_eq!(status, 404, "{name}: an unknown version");
            // a Logboek record's reference resolves against the register's base
            assert_eq!(
                format!("{REGISTER_BASE}/{}", a.reference()),
                format!("{base}/versions/{}", a.version)
            );
        }
        let (status, _) = get(activities, &format!("{REGISTER_BASE}/processing_activities/onbekend")).await;
        assert_eq!(status, 404, "{name}");
    }
}
