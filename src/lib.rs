//! The Grondwerk suite: every component in one process, each on its own port, for trying the
//! whole thing on a laptop and for the end-to-end tests.

use std::sync::Arc;

/// Demo clients of every component (never use these secrets in production).
pub const DEMO_CLIENTS: &str = include_str!("../config/demo-clients.toml");

/// Where the suite listens and keeps its data.
#[derive(Debug, Clone)]
pub struct SuiteConfig {
    /// Host to bind.
    pub host: String,
    /// Port of the registry proxy.
    pub registry_proxy_port: u16,
    /// Port of holiday-rental.
    pub holiday_rental_port: u16,
    /// Database of the registry proxy.
    pub registry_proxy_database: String,
    /// Database of holiday-rental.
    pub holiday_rental_database: String,
    /// Secret holiday-rental signs its proxy tokens with (client `holiday-rental`).
    pub holiday_rental_proxy_secret: String,
}

impl SuiteConfig {
    /// From environment variables, with the defaults of `cargo run`.
    pub fn from_env() -> Result<Self, String> {
        use platform::config::{env_or, env_parse};
        Ok(SuiteConfig {
            host: env_or("GRONDWERK_HOST", "127.0.0.1"),
            registry_proxy_port: env_parse("REGISTRY_PROXY_PORT", 8083)?,
            holiday_rental_port: env_parse("HOLIDAY_RENTAL_PORT", 8081)?,
            registry_proxy_database: env_or(
                "REGISTRY_PROXY_DATABASE_URL",
                &platform::db::default_url("registry-proxy"),
            ),
            holiday_rental_database: env_or(
                "HOLIDAY_RENTAL_DATABASE_URL",
                &platform::db::default_url("holiday-rental"),
            ),
            holiday_rental_proxy_secret: env_or("REGISTRY_PROXY_SECRET", "holiday-rental-secret-0123456789"),
        })
    }

    /// Base URL of the registry proxy.
    pub fn registry_proxy_url(&self) -> String {
        format!("http://{}:{}", self.host, self.registry_proxy_port)
    }

    /// Base URL of holiday-rental.
    pub fn holiday_rental_url(&self) -> String {
        format!("http://{}:{}", self.host, self.holiday_rental_port)
    }
}

/// Starts every component; the returned servers run until stopped. Clients come from
/// `GRONDWERK_CLIENTS` (the caller sets it; `grondwerk serve` writes the demo file when unset).
pub async fn start(config: &SuiteConfig) -> Result<Vec<actix_web::dev::Server>, String> {
    let auth = Arc::new(platform::auth::Authenticator::from_env()?);
    let proxy = registry_proxy::state_from_env(auth.clone(), &config.registry_proxy_database).await?;
    platform::config::set_override("REGISTRY_PROXY_URL", &config.registry_proxy_url());
    platform::config::set_override("REGISTRY_PROXY_SECRET", &config.holiday_rental_proxy_secret);
    let rental = holiday_rental::state_from_env(auth, &config.holiday_rental_database).await?;
    Ok(vec![
        registry_proxy::server(proxy, &format!("{}:{}", config.host, config.registry_proxy_port))?,
        holiday_rental::server(rental, &format!("{}:{}", config.host, config.holiday_rental_port))?,
    ])
}
