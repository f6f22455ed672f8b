//! A stand-in for the national SDEP, built from the prototype's spec (`standards/sdep`): a
//! token endpoint for client credentials and `GET /api/v0/ca/activity-data` and `/ca/listings`
//! serving what a test gives it, or failing as told. Every request it receives is kept, and a
//! [`Contract`] checks those requests and its own answers against the spec.

#![allow(dead_code)]

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

/// How the double answers the data endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The records it was given.
    Normal,
    /// 500.
    Fails,
    /// 200 with a body that is no JSON.
    Garbage,
}

/// What the double serves and saw.
#[derive(Default)]
pub struct Inner {
    pub activity: Vec<Value>,
    pub listings: Vec<Value>,
    pub mode: Option<Mode>,
    /// (method, path, query, authorization) of every data request.
    pub requests: Vec<(String, String, String, Option<String>)>,
    /// (path, status, body) of every answer of the data endpoints.
    pub answers: Vec<(String, u16, String)>,
    /// (path, content type, body) of every area upload.
    pub uploads: Vec<(String, String, Vec<u8>)>,
}

pub const CLIENT_ID: &str = "gemeente-0363";
pub const CLIENT_SECRET: &str = "sdep-test-secret";

/// A running double; its base URL (with `/api/v0`) and token URL.
pub struct Double {
    pub base: String,
    pub token_url: String,
    pub inner: Arc<Mutex<Inner>>,
}

impl Double {
    pub fn set(&self, f: impl FnOnce(&mut Inner)) {
        f(&mut self.inner.lock().unwrap());
    }
}

async fn token(form: web::Form<Vec<(String, String)>>) -> HttpResponse {
    let get = |k: &str| form.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    if get("grant_type") != Some("client_credentials")
        || get("client_id") != Some(CLIENT_ID)
        || get("client_secret") != Some(CLIENT_SECRET)
    {
        return HttpResponse::Unauthorized().json(json!({ "error": "invalid_client" }));
    }
    HttpResponse::Ok().json(json!({ "access_token": "sdep-token", "token_type": "Bearer", "expires_in": 3600 }))
}

async fn data(req: HttpRequest, inner: web::Data<Arc<Mutex<Inner>>>) -> HttpResponse {
    let mut s = inner.lock().unwrap();
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let path = req.path().to_string();
    s.requests
        .push(("GET".into(), path.clone(), req.query_string().to_string(), auth.clone()));
    let (status, body) = if auth.as_deref() != Some("Bearer sdep-token") {
        (401, json!({ "message": "Unauthorized" }).to_string())
    } else {
        match s.mode.unwrap_or(Mode::Normal) {
            Mode::Fails => (500, json!({ "error": "An unexpected error occurred" }).to_string()),
            Mode::Garbage => (200, "{\"data\": [oops".to_string()),
            Mode::Normal if path.ends_with("/activity-data") => (200, Value::Array(s.activity.clone()).to_string()),
            Mode::Normal => (200, Value::Array(s.listings.clone()).to_string()),
        }
    };
    s.answers.push((path, status, body.clone()));
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .content_type("application/json")
        .body(body)
}

async fn area(req: HttpRequest, body: web::Bytes, inner: web::Data<Arc<Mutex<Inner>>>) -> HttpResponse {
    let mut s = inner.lock().unwrap();
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    s.uploads.push((req.path().to_string(), content_type, body.to_vec()));
    HttpResponse::Ok().json(json!({ "id": "luid-1", "name": "gebied.zip", "status": "uploaded",
        "competentAuthorityId_area": "0363", "competentAuthorityName_area": "Amsterdam", "timestamp": "2026-01-01T12:00:00Z" }))
}

/// Starts the double on a free port.
pub fn start() -> Double {
    let inner: Arc<Mutex<Inner>> = Arc::default();
    let bind = platform::testing::free_address();
    let shared = inner.clone();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(shared.clone()))
            .route("/oauth/token", web::post().to(token))
            .route("/api/v0/ca/activity-data", web::get().to(data))
            .route("/api/v0/ca/listings", web::get().to(data))
            .route("/api/v0/ca/str-area", web::post().to(area))
            .app_data(web::PayloadConfig::new(10 * 1024 * 1024))
    })
    .workers(1)
    .bind(&bind)
    .unwrap()
    .run();
    actix_web::rt::spawn(server);
    Double {
        base: format!("http://{bind}/api/v0"),
        token_url: format!("http://{bind}/oauth/token"),
        inner,
    }
}

/// The prototype's spec, for checking requests and answers against it.
pub struct Contract {
    spec: Value,
}

impl Contract {
    pub fn load() -> Contract {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../standards/sdep/swagger.json");
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (the project carries the SDEP spec under standards/sdep)"));
        Contract {
            spec: serde_json::from_str(&text).unwrap(),
        }
    }

    /// A request our client sent: a GET the spec has, its query parameters declared there
    /// (integers within their bounds), with a bearer token as its security demands.
    pub fn check_request(&self, path: &str, query: &str, auth: Option<&str>) {
        let base = self.spec["basePath"].as_str().unwrap();
        let op_path = path
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{path} is not under {base}"));
        let op = &self.spec["paths"][op_path]["get"];
        assert!(op.is_object(), "GET {op_path} is not in the spec");
        assert!(op["security"].is_array(), "{op_path}: secured");
        assert!(
            auth.is_some_and(|a| a.starts_with("Bearer ")),
            "{op_path}: a bearer token"
        );
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let declared = params
                .iter()
                .find(|p| p["name"] == name && p["in"] == "query")
                .unwrap_or_else(|| panic!("{op_path}: query parameter {name} is not in the spec"));
            if declared["type"] == "integer" {
                let n: i64 = value
                    .parse()
                    .unwrap_or_else(|_| panic!("{op_path}: {name}={value} is no integer"));
                if let Some(max) = declared["maximum"].as_i64() {
                    assert!(n <= max, "{op_path}: {name}={n} above the spec's maximum {max}");
                }
                if let Some(min) = declared["minimum"].as_i64() {
                    assert!(n >= min, "{op_path}: {name}={n} below the spec's minimum {min}");
                }
            }
        }
    }

    /// An answer of the double: a 200 body is valid against the operation's response schema.
    pub fn check_answer(&self, path: &str, status: u16, body: &str) {
        let base = self.spec["basePath"].as_str().unwrap();
        let op_path = path.strip_prefix(base).unwrap();
        let response = &self.spec["paths"][op_path]["get"]["responses"][status.to_string()];
        assert!(
            response.is_object(),
            "{op_path}: {status} is not a response of the spec"
        );
        if status != 200 {
            return;
        }
        let mut schema = response["schema"].clone();
        schema["definitions"] = self.spec["definitions"].clone();
        let validator = jsonschema::draft4::new(&schema).unwrap();
        let value: Value = serde_json::from_str(body).expect("a 200 of the double is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{op_path}: the double's answer is not the spec's: {errors:?}"
        );
    }
}

impl Contract {
    /// An upload our client sent: a POST the spec has, as multipart/form-data, with every form
    /// field the spec requires.
    pub fn check_upload(&self, path: &str, content_type: &str, body: &[u8]) {
        let base = self.spec["basePath"].as_str().unwrap();
        let op_path = path.strip_prefix(base).unwrap();
        let op = &self.spec["paths"][op_path]["post"];
        assert!(op.is_object(), "POST {op_path} is not in the spec");
        assert!(
            content_type.starts_with("multipart/form-data"),
            "{op_path}: {content_type}"
        );
        let text = String::from_utf8_lossy(body);
        for p in op["parameters"].as_array().unwrap() {
            if p["in"] == "formData" && p["required"] == true {
                let name = p["name"].as_str().unwrap();
                assert!(
                    text.contains(&format!("name=\"{name}\"")),
                    "{op_path}: form field {name} missing"
                );
            }
        }
    }

    /// A value valid against one of the spec's definitions (`handler.Numbervalid`).
    pub fn check_definition(&self, name: &str, value: &Value) {
        let schema = json!({ "$ref": format!("#/definitions/{name}"), "definitions": self.spec["definitions"] });
        let validator = jsonschema::draft4::new(&schema).unwrap();
        let errors: Vec<String> = validator.iter_errors(value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {value} is not the spec's: {errors:?}");
    }
}

/// A `SingleActivityData` record.
pub fn activity(number: &str, platform: &str, url: &str, start: &str, end: &str) -> Value {
    json!({
        "competentAuthorityId_validated": "0363",
        "competentAuthorityName_validated": "Amsterdam",
        "data": {
            "URL": url,
            "address": { "city": "Amsterdam", "country": "NLD", "postalCode": "1015CJ", "street": "Keizersgracht 123" },
            "competentAuthorityId_area": "0363",
            "competentAuthorityName_area": "Amsterdam",
            "countryOfGuests": ["DEU", "FRA"],
            "hostId": "host-1",
            "numberOfGuests": 2,
            "registrationNumber": number,
            "temporal": { "startDateTime": format!("{start}T15:00:00Z"), "endDateTime": format!("{end}T11:00:00Z") }
        },
        "metadata": { "platform": platform, "submissionDate": "2026-01-01T08:00:00Z" }
    })
}

/// A `SingleListingData` record.
pub fn listing(number: &str, platform: &str, url: &str) -> Value {
    json!({
        "data": {
            "Unit": { "address": { "city": "Amsterdam", "country": "NLD", "postalCode": "1015CJ", "street": "Keizersgracht 123" }, "url": url, "type": "apartment" },
            "competentAuthorityId_area": "0363",
            "competentAuthorityName_area": "Amsterdam",
            "registrationNumber": number
        },
        "metadata": { "platform": platform, "submissionDate": "2026-01-01T08:00:00Z" }
    })
}
