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
use actix_web::{Error, HttpMessage, HttpRequest, HttpResponse, web};
use std::time::Instant;

/// The API version a service reports in the `API-Version` header.
#[derive(Debug, Clone)]
pub struct ApiVersion(pub &'static str);

/// Media types a component produces besides JSON (e.g. `text/csv` for a list), so the
/// middleware's 406 check admits them: `web::Data::new(AlsoProduces(&["text/csv"]))`.
#[derive(Debug, Clone, Copy)]
pub struct AlsoProduces(pub &'static [&'static str]);

/// Whether an `Accept` header names a media type (case-insensitive).
fn accept_names(accept: Option<&str>, mime: &str) -> bool {
    accept.is_some_and(|a| a.to_ascii_lowercase().contains(mime))
}

/// Whether the request asks for CSV (`Accept: text/csv`).
pub fn wants_csv(req: &HttpRequest) -> bool {
    accept_names(
        req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()),
        "text/csv",
    )
}

/// One CSV field: always quoted, quotes doubled, and a leading `=`, `+`, `-` or `@` neutralised
/// so a spreadsheet never runs it as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

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

/// Longest URL accepted (414 above).
pub const MAX_URI_CHARS: usize = 8 * 1024;
/// Largest total of request header bytes accepted (431 above; actix itself closes the
/// connection with a bare 431 beyond 128 KiB).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Content-Security-Policy of every answer that is not a page (ADR transport security).
pub const API_CSP: &str = "frame-ancestors 'none'";

/// Strict-Transport-Security behind TLS: a year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Content-Security-Policy of the HTML we serve (Swagger UI): own scripts and styles only, no
/// framing.
pub const HTML_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// Whether a `Content-Type` admits a JSON body: absent or empty (the official BRP API accepts
/// that), or exactly `application/json` with at most a `charset=utf-8` parameter.
pub fn json_content_type_ok(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type.map(str::trim).filter(|c| !c.is_empty()) else {
        return true;
    };
    let mut parts = ct.split(';');
    let mime = parts.next().unwrap_or("").trim();
    if !mime.eq_ignore_ascii_case("application/json") {
        return false;
    }
    parts.all(|p| {
        let p = p.trim();
        match p.split_once('=') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("charset") => {
                v.trim().trim_matches('"').eq_ignore_ascii_case("utf-8")
            }
            _ => p.is_empty(),
        }
    })
}

/// A request head over the limits: 414 or 431 as problem+json (a client fault, logged as a
/// warning).
fn oversized(req: &ServiceRequest) -> Option<Problem> {
    // the path and query as sent (no string is built on this hot path)
    let uri = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri > MAX_URI_CHARS {
        return Some(Problem::uri_too_long(MAX_URI_CHARS));
    }
    let headers: usize = req
        .headers()
        .iter()
        .map(|(k, v)| k.as_str().len() + v.as_bytes().len() + 4)
        .sum();
    (headers > MAX_HEADER_BYTES).then(|| Problem::header_fields_too_large(MAX_HEADER_BYTES))
}

/// The ADR transport-security headers of every answer: no sniffing, never framed, pages (Swagger
/// UI, the catalogue) only run their own scripts, and HSTS when the client came over TLS.
fn secure(headers: &mut actix_web::http::header::HeaderMap, is_html: bool, behind_tls: bool) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(if is_html { HTML_CSP } else { API_CSP }),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if behind_tls {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
}

/// When a request arrived and the `traceparent` it brought (when valid): the start of its
/// action in the Logboek Dataverwerkingen, read by the [`crate::auth::Principal`] extractor.
#[derive(Debug, Clone, Copy)]
pub struct Arrival {
    /// Arrival time.
    pub at: chrono::DateTime<chrono::Utc>,
    /// The caller's trace context.
    pub traceparent: Option<crate::ldv::Traceparent>,
}

/// The standard middleware of every service (use with `middleware::from_fn`).
pub async fn standard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let start = Instant::now();
    let traceparent = req
        .headers()
        .get(crate::ldv::TRACEPARENT)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::ldv::Traceparent::parse);
    req.extensions_mut().insert(Arrival {
        at: chrono::Utc::now(),
        traceparent,
    });
    if let Some(problem) = oversized(&req) {
        tracing::warn!(status = problem.status, "request head over the limits");
        let behind_tls = req.connection_info().scheme() == "https";
        let (http_req, _) = req.into_parts();
        let mut res = problem.to_response();
        secure(res.headers_mut(), false, behind_tls);
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Ok(ServiceResponse::new(http_req, res));
    }
    let request_id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let version = req.app_data::<web::Data<ApiVersion>>().map(|v| v.0).unwrap_or("1.0.0");
    let path = req.path().to_string();
    // TLS ends at the ingress: its X-Forwarded-Proto (or Forwarded) says the client used https
    let behind_tls = req.connection_info().scheme() == "https";

    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let also = req.app_data::<web::Data<AlsoProduces>>().map(|a| a.0).unwrap_or(&[]);
    let acceptable = accepts_json(accept.as_deref()) || also.iter().any(|m| accept_names(accept.as_deref(), m));
    let mut res = if !is_operational(&path) && !acceptable {
        let (http_req, _) = req.into_parts();
        ServiceResponse::new(http_req, Problem::not_acceptable().to_response())
    } else {
        next.call(req).await?.map_into_boxed_body()
    };

    let status = res.status();
    if status.as_u16() >= 400 {
        res = into_problem(res, &path);
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = res.headers_mut();
    headers.insert(
        HeaderName::from_static("api-version"),
        HeaderValue::from_static(version),
    );
    secure(headers, is_html, behind_tls);
    if !headers.contains_key(header::CACHE_CONTROL) {
        // API answers carry personal data: never in a shared or browser cache; specs, docs and
        // probes may be kept, but asked again each time
        let policy = if is_operational(&path) { "no-cache" } else { "no-store" };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
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

/// Path parameters that are personal data (an account number, a BSN): shown by name, never by
/// value, in a problem's `instance`, so that no refusal repeats them.
const PERSONAL_PATH_PARAMETERS: [&str; 3] = ["iban", "bsn", "burgerservicenummer"];

/// The `instance` of a problem: the request's path, personal path parameters masked.
fn instance(req: &HttpRequest, path: &str) -> String {
    let mut instance = path.to_string();
    for (name, value) in req.match_info().iter() {
        if PERSONAL_PATH_PARAMETERS.contains(&name) && !value.is_empty() {
            instance = instance.replace(value, &format!("{{{name}}}"));
        }
    }
    instance
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
            problem_for_status(res.status().as_u16(), body_limit(res.request()))
        }
    };
    if problem.instance.is_none() {
        problem.instance = Some(instance(res.request(), path));
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

/// The problem for an error status that no handler described (actix's own errors); a 413 names
/// the app's body limit.
pub fn problem_for_status(status: u16, body_limit: usize) -> Problem {
    match status {
        400 => Problem::bad_request("De aanvraag kon niet worden gelezen."),
        401 => Problem::unauthorized("Niet correct geauthenticeerd."),
        403 => Problem::forbidden("Geen toegang."),
        404 => Problem::not_found("De opgevraagde resource bestaat niet."),
        405 => Problem::method_not_allowed(),
        406 => Problem::not_acceptable(),
        413 => Problem::payload_too_large(body_limit),
        415 => Problem::unsupported_media_type(),
        503 => Problem::service_unavailable("service"),
        _ => Problem::internal(),
    }
}

/// The methods of every path of a component's spec (with the server's prefix), for the `Allow`
/// header of a 405.
#[derive(Debug, Clone, Default)]
pub struct AllowedMethods(Vec<(Vec<String>, String)>);

impl AllowedMethods {
    /// Reads the paths and methods of a spec (as served, JSON).
    pub fn from_spec(spec: &str) -> Self {
        let Ok(spec) = serde_json::from_str::<serde_json::Value>(spec) else {
            return AllowedMethods::default();
        };
        let prefix = spec
            .pointer("/servers/0/url")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .trim_end_matches('/')
            .to_string();
        let mut all = Vec::new();
        for (path, item) in spec.get("paths").and_then(|p| p.as_object()).into_iter().flatten() {
            let methods: Vec<String> = ["get", "put", "post", "delete", "patch"]
                .iter()
                .filter(|m| item.get(**m).is_some())
                .map(|m| m.to_uppercase())
                .collect();
            let segments = format!("{prefix}{path}").split('/').map(str::to_string).collect();
            all.push((segments, methods.join(", ")));
        }
        AllowedMethods(all)
    }

    /// These paths and those of another spec (a drop-in contract served beside the own API).
    pub fn with_spec(mut self, spec: &str) -> Self {
        self.0.extend(AllowedMethods::from_spec(spec).0);
        self
    }

    /// The methods of the spec path that `path` matches (`{…}` matches one segment).
    pub fn for_path(&self, path: &str) -> Option<String> {
        let segments: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .find(|(template, _)| {
                template.len() == segments.len()
                    && template
                        .iter()
                        .zip(&segments)
                        .all(|(t, s)| t == s || (t.starts_with('{') && !s.is_empty()))
            })
            .map(|(_, methods)| methods.clone())
    }
}

/// The largest JSON body a component accepts (`GRONDWERK_BODY_LIMIT_BYTES`), as app data.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// The body limit of the app serving `req` (1 MiB when none is set).
pub fn body_limit(req: &HttpRequest) -> usize {
    req.app_data::<web::Data<BodyLimit>>()
        .map(|l| l.0)
        .unwrap_or(1024 * 1024)
}

/// Default service: 405 for a known path with another method, 404 otherwise.
pub async fn fallback(req: HttpRequest) -> HttpResponse {
    if req.resource_map().has_resource(req.path()) {
        // RFC 9110: a 405 says which methods the resource does have
        let allow = req
            .app_data::<web::Data<AllowedMethods>>()
            .and_then(|m| m.for_path(req.path()))
            .unwrap_or_else(|| "GET".into());
        let mut res = Problem::method_not_allowed().to_response();
        if let Ok(v) = HeaderValue::from_str(&allow) {
            res.headers_mut().insert(header::ALLOW, v);
        }
        res
    } else {
        Problem::not_found("De opgevraagde resource bestaat niet.").to_response()
    }
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
    fn json_content_types() {
        for ok in [
            None,
            Some(""),
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("Application/JSON;charset=UTF-8"),
        ] {
            assert!(json_content_type_ok(ok), "{ok:?}");
        }
        for bad in [
            "*/*",
            "text/csv",
            "application/xml",
            "application/json; charset=cp1252",
            "application/jsonfoo",
            "application/json-patch+json",
            "text/plain",
        ] {
            assert!(!json_content_type_ok(Some(bad)), "{bad}");
        }
    }

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
