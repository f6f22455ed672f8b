//! Registratie vakantieverhuur (Huisvestingswet 2014 ch. 5a): a resident requests a
//! registration number for their home (checked at the source through the registry proxy),
//! landlords report every stay, and the municipality's night cap per calendar year holds, also
//! under concurrent reports. Platforms verify a number without seeing personal data; inspectors
//! list addresses over or near the cap.

pub mod api;
pub mod app;
pub mod domain;
pub mod error;
pub mod rate_limit;
pub mod registry;
pub mod store;

use platform::audit::AuditLog;
use platform::config::EnvVar;
use platform::db::Database;
use std::sync::Arc;

/// Version of the API.
pub const API_VERSION: &str = "1.0.0";

/// Environment variables (besides the common ones).
pub const ENV: &[EnvVar] = &[
    EnvVar {
        name: "BIND_ADDRESS",
        default: "127.0.0.1:8081",
        help: "address and port to listen on",
    },
    EnvVar {
        name: "HOLIDAY_RENTAL_RULES",
        default: "(the shipped rules.toml)",
        help: "TOML file with the rules per gemeentecode",
    },
    EnvVar {
        name: "REGISTRY_PROXY_URL",
        default: "http://127.0.0.1:8083",
        help: "base URL of the registry proxy",
    },
    EnvVar {
        name: "REGISTRY_PROXY_CLIENT_ID",
        default: "holiday-rental",
        help: "client id this component signs its proxy tokens with",
    },
    EnvVar {
        name: "REGISTRY_PROXY_SECRET",
        default: "(required)",
        help: "HS256 secret of that client",
    },
    EnvVar {
        name: "REGISTRY_PROXY_DOELBINDING",
        default: "registratie vakantieverhuur",
        help: "purpose stated on every proxy call",
    },
    EnvVar {
        name: "REGISTRY_PROXY_TIMEOUT_MS",
        default: "5000",
        help: "timeout of proxy calls",
    },
    EnvVar {
        name: "METRICS_BIND_ADDRESS",
        default: "127.0.0.1:9081",
        help: "address of the Prometheus /metrics listener (off: none); never the public port",
    },
    EnvVar {
        name: "HOLIDAY_RENTAL_REPORT_GRACE_DAYS",
        default: "0",
        help: "days a stay may still be reported after it started (0: only before it starts)",
    },
    EnvVar {
        name: "PLATFORM_CHECK_PER_MINUTE",
        default: "120",
        help: "number checks per platform client per minute",
    },
];

/// Shared state.
#[derive(Clone)]
pub struct AppState {
    /// Database.
    pub db: Database,
    /// Audit log.
    pub audit: AuditLog,
    /// Rules per municipality.
    pub rules: Arc<domain::rules::Rules>,
    /// The registry proxy.
    pub registry: Arc<registry::RegistryProxy>,
    /// Limits the platform number check per client.
    pub rate_limit: Arc<rate_limit::RateLimiter>,
    /// Token checker.
    pub auth: Arc<platform::auth::Authenticator>,
    /// Days a stay may be reported after it started (default 0: before it starts).
    pub report_grace_days: u32,
    /// The clock (fixed in tests).
    pub clock: Clock,
}

/// The component's clock: the current moment in UTC.
pub type Clock = Arc<dyn Fn() -> chrono::NaiveDateTime + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(|| chrono::Utc::now().naive_utc())
}

impl AppState {
    /// Today and the moment, from the clock.
    pub fn now(&self) -> app::stays::Now {
        let at = (self.clock)();
        app::stays::Now { today: at.date(), at }
    }
}

const PG_MIGRATIONS: diesel_migrations::EmbeddedMigrations =
    diesel_migrations::embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: diesel_migrations::EmbeddedMigrations =
    diesel_migrations::embed_migrations!("migrations/sqlite");
const OWN_MIGRATIONS: platform::db::Migrations = platform::db::Migrations {
    postgres: || PG_MIGRATIONS,
    sqlite: || SQLITE_MIGRATIONS,
};

/// The audit log's migrations and this component's.
pub const MIGRATIONS: &[&platform::db::Migrations] = &[&platform::audit::MIGRATIONS, &OWN_MIGRATIONS];

/// Registers routes and data.
pub fn configure(state: AppState) -> impl FnOnce(&mut actix_web::web::ServiceConfig) {
    move |cfg| {
        use actix_web::web::Data;
        let registry = state.registry.clone();
        let check: platform::app::ReadyCheck = Arc::new(move || {
            let r = registry.clone();
            Box::pin(async move { r.ping().await })
        });
        let readiness = platform::app::Readiness {
            database: state.db.clone(),
            upstreams: vec![("registry-proxy".into(), check)],
        };
        cfg.app_data(Data::from(state.auth.clone()))
            .app_data(Data::new(state))
            .app_data(Data::new(platform::metrics::Metrics::new("holiday-rental")))
            .app_data(Data::new(readiness))
            .app_data(Data::new(platform::http::ApiVersion(API_VERSION)))
            // the enforcement list is also served as CSV
            .app_data(Data::new(platform::http::AlsoProduces(&["text/csv"])))
            .app_data(Data::new(platform::app::SpecJson(Arc::new(
                platform::app::spec_to_json(&openapi()),
            ))))
            .app_data(platform::http::json_config())
            .app_data(platform::http::payload_config())
            .configure(platform::app::operational_routes)
            .service(api::routes());
    }
}

/// The component's spec (`openapi/holiday-rental.json`).
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    use utoipa_actix_web::AppExt;
    let (_, api) = actix_web::App::new()
        .into_utoipa_app()
        .openapi(api::ApiDoc::openapi())
        .service(api::routes())
        .split_for_parts();
    platform::app::adr_spec(api, "/api/v1", API_VERSION)
}

/// The HTTP server on `bind`.
pub fn server(state: AppState, bind: &str) -> Result<actix_web::dev::Server, String> {
    platform::app::server(bind, move || configure(state.clone()))
}

/// Builds the state from environment variables.
pub async fn state_from_env(auth: Arc<platform::auth::Authenticator>, database_url: &str) -> Result<AppState, String> {
    use platform::config::{env_millis, env_opt, env_or, env_parse};
    let db = Database::connect(database_url, env_parse("DATABASE_POOL_SIZE", 8u32)?, MIGRATIONS)
        .map_err(|e| e.to_string())?;
    let rules_text = match env_opt("HOLIDAY_RENTAL_RULES") {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => domain::rules::DEFAULT_RULES.to_string(),
    };
    let rules = domain::rules::Rules::parse(&rules_text).map_err(|e| format!("HOLIDAY_RENTAL_RULES: {e}"))?;
    let registry = registry::RegistryProxy::new(
        &env_or("REGISTRY_PROXY_URL", "http://127.0.0.1:8083"),
        &env_or("REGISTRY_PROXY_CLIENT_ID", "holiday-rental"),
        &env_opt("REGISTRY_PROXY_SECRET").ok_or("REGISTRY_PROXY_SECRET is required")?,
        &env_or("REGISTRY_PROXY_DOELBINDING", "registratie vakantieverhuur"),
        env_millis("REGISTRY_PROXY_TIMEOUT_MS", 5000)?,
    )?;
    Ok(AppState {
        audit: AuditLog::start(db.clone(), platform::audit::keys_from_env()?),
        db,
        rules: Arc::new(rules),
        registry: Arc::new(registry),
        rate_limit: Arc::new(rate_limit::RateLimiter::per_minute(env_parse(
            "PLATFORM_CHECK_PER_MINUTE",
            120u32,
        )?)),
        auth,
        report_grace_days: env_parse("HOLIDAY_RENTAL_REPORT_GRACE_DAYS", 0u32)?,
        clock: system_clock(),
    })
}
