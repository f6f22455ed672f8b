//! The operational routes every service shares: health, metrics, the OpenAPI spec (CORS `*`)
//! and Swagger UI.

use crate::db::Database;
use actix_web::{HttpResponse, web};
use serde_json::json;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// An asynchronous readiness check of an upstream (name, check).
pub type ReadyCheck = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<(), String>>>> + Send + Sync>;

/// What `/health/ready` checks.
#[derive(Clone)]
pub struct Readiness {
    /// The service's database.
    pub database: Database,
    /// Upstreams, by name.
    pub upstreams: Vec<(String, ReadyCheck)>,
    /// Feeds, by name: shown with their state (and why one is down) but never making the
    /// service unready, as a data feed the service can do without for a while.
    pub feeds: Vec<(String, ReadyCheck)>,
}

/// The generated spec of a service, served at `/api/v1/openapi.json`.
#[derive(Clone)]
pub struct SpecJson(pub Arc<String>);

/// Mounts `/health/live`, `/health/ready`, `/api/v1/openapi.json` and Swagger UI (metrics
/// have their own listener: [`metrics_server`]). Needs `web::Data<Readiness>` and
/// `web::Data<SpecJson>`.
pub fn operational_routes(cfg: &mut web::ServiceConfig) {
    operational_routes_with(&[])(cfg)
}

/// As [`operational_routes`], with more specs (name, URL) offered in Swagger UI's spec
/// selector next to the component's own, e.g. a drop-in spec of an official contract.
pub fn operational_routes_with(
    extra_specs: &'static [(&'static str, &'static str)],
) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        let mut urls = vec![utoipa_swagger_ui::Url::new("Eigen API", "/api/v1/openapi.json")];
        urls.extend(
            extra_specs
                .iter()
                .map(|(name, url)| utoipa_swagger_ui::Url::new(name, url)),
        );
        let config = if extra_specs.is_empty() {
            utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"])
        } else {
            utoipa_swagger_ui::Config::new(urls)
        };
        cfg.route("/health/live", web::get().to(live))
            .route("/health/ready", web::get().to(ready))
            .route("/api/v1/openapi.json", web::get().to(spec))
            .service(utoipa_swagger_ui::SwaggerUi::new("/api/v1/docs/{_:.*}").config(config))
            .route(
                "/api/v1/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header(("Location", "/api/v1/docs/"))
                        .finish()
                }),
            );
    }
}

async fn live() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "UP" }))
}

async fn ready(r: web::Data<Readiness>) -> HttpResponse {
    let mut checks = serde_json::Map::new();
    let mut all_up = true;
    let db = r.database.ping().await;
    all_up &= db.is_ok();
    checks.insert("database".into(), json!(if db.is_ok() { "UP" } else { "DOWN" }));
    for (name, check) in &r.upstreams {
        let ok = check().await.is_ok();
        all_up &= ok;
        checks.insert(name.clone(), json!(if ok { "UP" } else { "DOWN" }));
    }
    for (name, check) in &r.feeds {
        let state = match check().await {
            Ok(()) => json!("UP"),
            Err(why) => json!({ "status": "DOWN", "detail": why }),
        };
        checks.insert(name.clone(), state);
    }
    if all_up {
        return HttpResponse::Ok().json(json!({ "status": "UP", "checks": checks }));
    }
    // a problem (as every error answer is) that still says which dependency is down
    let down: Vec<&str> = checks
        .iter()
        .filter(|(_, v)| *v == "DOWN")
        .map(|(k, _)| k.as_str())
        .collect();
    let body = json!({
        "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.4",
        "title": "Niet gereed.",
        "status": 503,
        "detail": format!("Niet beschikbaar: {}.", down.join(", ")),
        "instance": "/health/ready",
        "code": "notReady",
        "checks": checks,
    });
    HttpResponse::ServiceUnavailable()
        .content_type(crate::problem::PROBLEM_JSON)
        .body(body.to_string())
}

async fn metrics() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(crate::metrics::render())
}

/// The Prometheus endpoint `/metrics` on a listener of its own (`METRICS_BIND_ADDRESS`), so it
/// is not reachable on the public port.
pub fn metrics_server(bind: &str) -> Result<actix_web::dev::Server, String> {
    use actix_web::{App, HttpServer};
    Ok(HttpServer::new(|| App::new().route("/metrics", web::get().to(metrics)))
        .workers(1)
        .bind(bind)
        .map_err(|e| format!("METRICS_BIND_ADDRESS {bind}: {e}"))?
        .run())
}

async fn spec(s: web::Data<SpecJson>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Access-Control-Allow-Origin", "*"))
        .body(s.0.as_ref().clone())
}

/// Pretty JSON of a spec, as committed under `openapi/`.
pub fn spec_to_json(spec: &utoipa::openapi::OpenApi) -> String {
    let mut s = serde_json::to_string_pretty(spec).unwrap_or_default();
    s.push('\n');
    s
}

/// The marker a text field's `#[schema(pattern = "plain-text")]` carries; utoipa takes only a
/// literal there, so the spec gets [`crate::extract::PLAIN_TEXT_PATTERN`] in its place here.
pub const PLAIN_TEXT_MARKER: &str = "plain-text";

fn with_plain_text_pattern(api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    fn replace(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "pattern" && v == PLAIN_TEXT_MARKER {
                        *v = serde_json::Value::String(crate::extract::PLAIN_TEXT_PATTERN.into());
                    } else {
                        replace(v);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(replace),
            _ => {}
        }
    }
    let Ok(mut json) = serde_json::to_value(&api) else {
        return api;
    };
    replace(&mut json);
    serde_json::from_value(json).unwrap_or(api)
}

/// Makes a generated spec follow the API Design Rules: paths relative to a `/api/v1` server,
/// the `API-Version` header on every 2xx/3xx response, and contact details.
pub fn adr_spec(mut api: utoipa::openapi::OpenApi, base: &str, version: &str) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::{ContactBuilder, ServerBuilder, header::HeaderBuilder, path::Paths};
    let mut paths = Paths::new();
    for (path, item) in std::mem::take(&mut api.paths.paths) {
        let mut item = item;
        for op in [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            // the page number is read as a 32-bit number: the spec says so
            for param in op.parameters.iter_mut().flatten() {
                let utoipa::openapi::RefOr::T(param) = param else {
                    continue;
                };
                if param.name == "page" {
                    if let Some(utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(o))) =
                        &mut param.schema
                    {
                        o.maximum.get_or_insert(utoipa::Number::Int(i32::MAX as isize));
                    }
                }
            }
            for (status, resp) in op.responses.responses.iter_mut() {
                if status.starts_with('2') || status.starts_with('3') {
                    if let utoipa::openapi::RefOr::T(r) = resp {
                        r.headers.insert(
                            "API-Version".to_string(),
                            utoipa::openapi::RefOr::T(
                                HeaderBuilder::new()
                                    .schema(Some(utoipa::openapi::schema::Object::with_type(
                                        utoipa::openapi::schema::Type::String,
                                    )))
                                    .description(Some("Full version of the API (semver)."))
                                    .build(),
                            ),
                        );
                    }
                }
            }
        }
        let rel = path.strip_prefix(base).unwrap_or(&path).to_string();
        paths.paths.insert(if rel.is_empty() { "/".into() } else { rel }, item);
    }
    api.paths = paths;
    let mut api = with_plain_text_pattern(api);
    api.servers = Some(vec![
        ServerBuilder::new()
            .url(base)
            .description(Some("This component"))
            .build(),
    ]);
    api.info.version = version.to_string();
    api.info.contact = Some(
        ContactBuilder::new()
            .name(Some("Grondwerk"))
            .email(Some("grondwerk@example.org"))
            .url(Some("https://example.org/grondwerk"))
            .build(),
    );
    api.info.license = Some(
        utoipa::openapi::LicenseBuilder::new()
            .name("EUPL-1.2")
            .identifier(Some("EUPL-1.2"))
            .build(),
    );
    api
}

/// The HTTP server of a component on `bind`: the standard middleware, the component's routes
/// (from `configure`, called once per worker) and problem+json for unknown paths.
pub fn server<F, C>(bind: &str, configure: F) -> Result<actix_web::dev::Server, String>
where
    F: Fn() -> C + Send + Clone + 'static,
    C: FnOnce(&mut web::ServiceConfig),
{
    use actix_web::{App, HttpServer, middleware};
    Ok(HttpServer::new(move || {
        App::new()
            .wrap(middleware::from_fn(crate::http::standard))
            .configure(configure())
            .default_service(web::to(crate::http::fallback))
    })
    // on SIGTERM/Ctrl-C: requests in flight get 10 s (well inside Kubernetes' 30 s grace period)
    .shutdown_timeout(10)
    // one listener per process stops the servers, once ([`stop_on_signal`]): a second stop
    // would find the workers already stopping and end the server's future at once, so the
    // process exited while requests were still in flight
    .disable_signals()
    .bind(bind)
    .map_err(|e| format!("{bind}: {e}"))?
    .run())
}

/// On the first Ctrl-C or SIGTERM, stops `servers` gracefully: no new connections, requests in
/// flight finish (up to the shutdown timeout), then their futures end. Call once per process,
/// before the servers run.
pub fn stop_on_signal(servers: Vec<actix_web::dev::ServerHandle>) -> Result<(), String> {
    use actix_web::rt::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt()).map_err(|e| format!("signal: {e}"))?;
    let mut terminate = signal(SignalKind::terminate()).map_err(|e| format!("signal: {e}"))?;
    actix_web::rt::spawn(async move {
        let name = tokio::select! {
            _ = interrupt.recv() => "SIGINT",
            _ = terminate.recv() => "SIGTERM",
        };
        tracing::info!(
            signal = name,
            "stopping: requests in flight finish, new connections are refused"
        );
        futures_util::future::join_all(servers.iter().map(|h| h.stop(true))).await;
    });
    Ok(())
}

/// Runs a component's server and, unless `metrics_bind` is `off`, its metrics listener; ends
/// when the component's server ends (graceful shutdown on SIGTERM/Ctrl-C).
pub async fn run_with_metrics(server: actix_web::dev::Server, metrics_bind: &str) -> Result<(), String> {
    stop_on_signal(vec![server.handle()])?;
    if metrics_bind != "off" {
        let metrics = metrics_server(metrics_bind)?;
        actix_web::rt::spawn(metrics);
        tracing::info!(bind = %metrics_bind, "metrics listening");
    }
    server.await.map_err(|e| e.to_string())
}

/// Adds the `bearer` (JWT) security scheme to a spec: `modifiers(&platform::app::BearerAuth)`.
pub struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        api.components.get_or_insert_with(Default::default).add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}
