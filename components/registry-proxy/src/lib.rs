//! The registry proxy: the municipality's single, logged gateway to the base registries.
//!
//! It speaks the official Haal Centraal contracts (BRP Personen 2.x, BAG Individuele
//! Bevragingen 2.x) so existing clients work unchanged, and adds per-client field authorisation,
//! protocollering (an audit record per delivered person) and the citizen's "who looked me up?"
//! answer from that log.

pub mod api;
pub mod app;
pub mod backend;
pub mod brp;

use platform::audit::AuditLog;
use platform::config::EnvVar;
use platform::db::Database;
use std::sync::Arc;

/// Base path of BAG Individuele Bevragingen v2 (as in the official contract).
pub const BAG_BASE: &str = "/lvbag/individuelebevragingen/v2";

/// Version of this component's API (reported in `API-Version`).
pub const API_VERSION: &str = "1.0.0";

/// Environment variables of the registry proxy (besides the common ones).
pub const ENV: &[EnvVar] = &[
    EnvVar {
        name: "BIND_ADDRESS",
        default: "127.0.0.1:8083",
        help: "address and port to listen on",
    },
    EnvVar {
        name: "REGISTRY_PROXY_BACKEND",
        default: "mock",
        help: "mock (synthetic data set) or upstream (real Haal Centraal endpoints)",
    },
    EnvVar {
        name: "BRP_UPSTREAM_URL",
        default: "(none)",
        help: "upstream: URL of the BRP personen endpoint",
    },
    EnvVar {
        name: "BAG_UPSTREAM_URL",
        default: "(none)",
        help: "upstream: base URL of BAG Individuele Bevragingen v2",
    },
    EnvVar {
        name: "UPSTREAM_API_KEY",
        default: "(none)",
        help: "upstream: API key sent in X-Api-Key",
    },
    EnvVar {
        name: "UPSTREAM_CLIENT_CERT",
        default: "(none)",
        help: "upstream: PEM file with client certificate and key for mTLS",
    },
    EnvVar {
        name: "UPSTREAM_TIMEOUT_MS",
        default: "5000",
        help: "upstream: timeout of every call",
    },
    EnvVar {
        name: "METRICS_BIND_ADDRESS",
        default: "127.0.0.1:9083",
        help: "address of the Prometheus /metrics listener (off: none); never the public port",
    },
];

/// Shared state of the service.
#[derive(Clone)]
pub struct AppState {
    /// Where persons and addresses come from.
    pub backend: backend::Backend,
    /// The audit log.
    pub audit: AuditLog,
    /// The database (audit log).
    pub db: Database,
    /// Checks bearer tokens (shared with other components in the suite).
    pub auth: Arc<platform::auth::Authenticator>,
}

/// Database migrations (the proxy only stores the audit log).
pub const MIGRATIONS: &[&platform::db::Migrations] = &[&platform::audit::MIGRATIONS];

/// Registers the component's routes and data (Haal Centraal endpoints and own API).
pub fn configure(state: AppState) -> impl FnOnce(&mut actix_web::web::ServiceConfig) {
    move |cfg| {
        let metrics = actix_web::web::Data::new(platform::metrics::Metrics::new("registry-proxy"));
        let readiness = platform::app::Readiness {
            database: state.db.clone(),
            upstreams: state.backend.ready_checks(),
        };
        cfg.app_data(actix_web::web::Data::from(state.auth.clone()))
            .app_data(actix_web::web::Data::new(state))
            .app_data(metrics)
            .app_data(actix_web::web::Data::new(readiness))
            .app_data(actix_web::web::Data::new(platform::http::ApiVersion(API_VERSION)))
            .app_data(actix_web::web::Data::new(platform::app::SpecJson(Arc::new(
                platform::app::spec_to_json(&openapi()),
            ))))
            .app_data(platform::http::json_config())
            .app_data(platform::http::payload_config())
            // suppliers come for the Haal Centraal contract: offer it in the same Swagger UI
            .configure(platform::app::operational_routes_with(&[(
                "Haal Centraal BRP Personen en BAG (drop-in)",
                "/api/v1/haalcentraal/openapi.json",
            )]))
            .configure(api::haalcentraal_routes)
            .route(
                "/api/v1/haalcentraal/openapi.json",
                actix_web::web::get().to(api::haalcentraal_spec),
            )
            .service(api::own_api());
    }
}

/// The component's own API spec (`openapi/registry-proxy.json`).
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    use utoipa_actix_web::AppExt;
    let (_, api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(api::ApiDoc::openapi())
        .service(api::own_api())
        .split_for_parts();
    platform::app::adr_spec(api, "/api/v1", API_VERSION)
}

/// The Haal Centraal drop-in spec (`openapi/registry-proxy-haalcentraal.json`), assembled from
/// the official contracts by tools/haalcentraal_spec.py.
pub const HAALCENTRAAL_SPEC: &str = include_str!("../../../openapi/registry-proxy-haalcentraal.json");

/// The HTTP server of the component on `bind`, as the binary and the suite run it.
pub fn server(state: AppState, bind: &str) -> Result<actix_web::dev::Server, String> {
    platform::app::server(bind, move || configure(state.clone()))
}

/// Builds the state from environment variables: database, audit writer, backend and the
/// token checker (shared with other components when the suite passes one in).
pub async fn state_from_env(auth: Arc<platform::auth::Authenticator>, database_url: &str) -> Result<AppState, String> {
    use platform::config::{env_millis, env_opt, env_or, env_parse};
    let pool = env_parse("DATABASE_POOL_SIZE", 8u32)?;
    let db = Database::connect(database_url, pool, MIGRATIONS).map_err(|e| e.to_string())?;
    let backend: backend::Backend = match env_or("REGISTRY_PROXY_BACKEND", "mock").as_str() {
        "mock" => Arc::new(backend::mock::MockSource(Arc::new(backend::mock::MockData::generate()))),
        "upstream" => Arc::new(backend::upstream::Upstream::new(
            env_opt("BRP_UPSTREAM_URL").ok_or("BRP_UPSTREAM_URL is required for the upstream backend")?,
            env_opt("BAG_UPSTREAM_URL").ok_or("BAG_UPSTREAM_URL is required for the upstream backend")?,
            env_opt("UPSTREAM_API_KEY"),
            env_opt("UPSTREAM_CLIENT_CERT").as_deref(),
            env_millis("UPSTREAM_TIMEOUT_MS", 5000)?,
        )?),
        other => {
            return Err(format!(
                "REGISTRY_PROXY_BACKEND: unknown backend '{other}' (mock or upstream)"
            ));
        }
    };
    Ok(AppState {
        backend,
        audit: AuditLog::start(db.clone(), platform::audit::keys_from_env()?),
        db,
        auth,
    })
}
