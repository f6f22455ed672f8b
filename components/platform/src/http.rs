//! Middleware and handlers for the NL API Design Rules: `API-Version` on every response,
//! problem+json for every error (also actix's own), 406 for unsupported `Accept`, a request id,
//! one JSON log line per request with the route template only (never a BSN from a path), and
//! request metrics.

use crate::Problem;
use crate::metrics::Metrics;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest, HttpResponse, web};
use std::time::Instant;

/// The API version a service reports in the `API-Version` header.
#[derive(Debug, Clone)]
pub struct ApiVersion(pub &'static str);

/// Header with the request id (taken from the client when sent, generated otherwise).
pub const REQUEST_ID: &str = "x-request-id";

fn is_operational(path: &str) -> bool {
    path.starts_with("/health")
        || path == "/metrics"
        || path.starts_with("/api/v1/docs")
        || path.ends_with("openapi.json")
}

/// Whether an `Accept` header admits JSON (or anything).
pub fn accepts_json(accept: Option<&str>) -> bool {
    let Some(accept) = accept else { return true };
    accept.split(',').any(|part| {
        let mut pieces = part.split(';');
        let mime = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let refused = pieces.any(|p| {
            let p = p.trim().replace(' ', "");
            p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
        });
        !refused
            && (mime.is_empty()
                || mime == "*/*"
                || mime == "application/*"
                || mime == "application/json"
                || mime.ends_with("+json"))
    })
}

/// The standard middleware of every service (use with `middleware::from_fn`).
pub async fn standard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let start = Instant::now();
    let request_id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let version = req.app_data::<web::Data<ApiVersion>>().map(|v| v.0).unwrap_or("1.0.0");
    let path = req.path().to_string();

    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let wants_csv = accept.as_deref().is_some_and(|a| a.contains("text/csv"));
    let mut res = if !is_operational(&path) && !wants_csv && !accepts_json(accept.as_deref()) {
        let (http_req, _) = req.into_parts();
        ServiceResponse::new(http_req, Problem::not_acceptable().to_response())
    } else {
        next.call(req).await?.map_into_boxed_body()
    };

    let status = res.status();
    if status.as_u16() >= 400 {
        res = into_problem(res, &path);
    }
    let headers = res.headers_mut();
    headers.insert(
        HeaderName::from_static("api-version"),
        HeaderValue::from_static(version),
    );
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        headers.insert(HeaderName::from_static(REQUEST_ID), v);
    }

    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "(unmatched)".to_string());
    let method = res.request().method().to_string();
    let elapsed = start.elapsed();
    if let Some(m) = res.request().app_data::<web::Data<Metrics>>() {
        m.observe(&method, &route, res.status().as_u16(), elapsed);
    }
    tracing::info!(
        request_id = %request_id,
        method = %method,
        route = %route,
        status = res.status().as_u16(),
        duration_ms = elapsed.as_secs_f64() * 1000.0,
        "request"
    );
    Ok(res)
}

/// Makes sure an error response is problem+json with `instance` set.
fn into_problem(res: ServiceResponse<BoxBody>, path: &str) -> ServiceResponse<BoxBody> {
    let existing = res.response().extensions().get::<Problem>().cloned();
    let mut problem = match existing {
        Some(p) => p,
        None => {
            let is_problem = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with(crate::problem::PROBLEM_JSON));
            if is_problem {
                return res;
            }
            problem_for_status(res.status().as_u16())
        }
    };
    if problem.instance.is_none() {
        problem.instance = Some(path.to_string());
    }
    let (http_req, old) = res.into_parts();
    let mut new = problem.to_response();
    // keep headers such as Retry-After and WWW-Authenticate
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.headers_mut().insert(name.clone(), value.clone());
        }
    }
    ServiceResponse::new(http_req, new)
}

/// The problem for an error status that no handler described (actix's own errors).
pub fn problem_for_status(status: u16) -> Problem {
    match status {
        400 => Problem::bad_request("De aanvraag kon niet worden gelezen."),
        401 => Problem::unauthorized("Niet correct geauthenticeerd."),
        403 => Problem::forbidden("Geen toegang."),
        404 => Problem::not_found("De opgevraagde resource bestaat niet."),
        405 => Problem::method_not_allowed(),
        406 => Problem::not_acceptable(),
        413 => Problem::payload_too_large(body_limit()),
        415 => Problem::unsupported_media_type(),
        503 => Problem::service_unavailable("service"),
        _ => Problem::internal(),
    }
}

/// Largest JSON body accepted, from `GRONDWERK_BODY_LIMIT_BYTES` (default 1 MiB).
pub fn body_limit() -> usize {
    crate::config::env_parse("GRONDWERK_BODY_LIMIT_BYTES", 1024 * 1024usize).unwrap_or(1024 * 1024)
}

/// Default service: 405 for a known path with another method, 404 otherwise.
pub async fn fallback(req: HttpRequest) -> HttpResponse {
    if req.resource_map().has_resource(req.path()) {
        Problem::method_not_allowed().to_response()
    } else {
        Problem::not_found("De opgevraagde resource bestaat niet.").to_response()
    }
}

/// JSON extractor settings: body limit and problem+json for every failure.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(body_limit())
        .error_handler(|err, _req| {
            use actix_web::error::JsonPayloadError as E;
            let problem = match &err {
                E::OverflowKnownLength { .. } | E::Overflow { .. } => Problem::payload_too_large(body_limit()),
                E::ContentType => Problem::unsupported_media_type(),
                E::Deserialize(e) => json_problem(e),
                _ => Problem::bad_request("De body kon niet worden gelezen."),
            };
            problem.into()
        })
}

/// Payload (bytes) settings with the same limit.
pub fn payload_config() -> web::PayloadConfig {
    web::PayloadConfig::new(body_limit())
}

/// A 400 for a body that serde could not read; says where, never echoes the input.
pub fn json_problem(e: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => "is geen geldige JSON",
        Category::Data => "heeft een onjuiste vorm of onjuiste typen",
    };
    Problem::bad_request(format!("De body {what} (regel {}, kolom {}).", e.line(), e.column()))
}

/// A query string, percent-decoded, that holds only known parameters.
#[derive(Debug, Clone, Default)]
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Decodes `query`; a parameter outside `allowed` is a 400 `unknownParam`.
    pub fn parse(query: &str, allowed: &[&str]) -> Result<Self, Problem> {
        let pairs = web::Query::<Vec<(String, String)>>::from_query(query)
            .map(|q| q.into_inner())
            .unwrap_or_default();
        let unknown: Vec<crate::InvalidParam> = pairs
            .iter()
            .filter(|(k, _)| !allowed.contains(&k.as_str()))
            .map(|(k, _)| crate::InvalidParam::new(k.clone(), "unknownParam", "Parameter is niet verwacht."))
            .collect();
        if unknown.is_empty() {
            Ok(QueryParams(pairs))
        } else {
            Err(Problem::params_validation(unknown))
        }
    }

    /// The first value of a parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// All pairs, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_header_rules() {
        assert!(accepts_json(None));
        assert!(accepts_json(Some("application/json")));
        assert!(accepts_json(Some("application/hal+json")));
        assert!(accepts_json(Some("text/html, */*;q=0.8")));
        assert!(!accepts_json(Some("text/html")));
        assert!(!accepts_json(Some("application/json;q=0")));
    }
}
