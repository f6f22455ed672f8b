//! The component's settings (besides the platform's common ones), parsed once at start-up.

use crate::AppState;
use crate::domain::rules::{DEFAULT_RULES, Rules};
use crate::store::rate_limit;
use platform::Gemeentecode;
use platform::auth::ClientSettings;
use platform::component::Context;
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Settings of holiday-rental.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// TOML file with the rules per gemeentecode [default: the shipped rules.toml].
    #[arg(long = "rules", env = "HOLIDAY_RENTAL_RULES")]
    pub rules: Option<PathBuf>,
    /// Days a stay may still be reported after it started (0: only before it starts).
    #[arg(long, env = "HOLIDAY_RENTAL_REPORT_GRACE_DAYS", default_value_t = 0)]
    pub report_grace_days: u32,
    /// Base URL of the registry proxy.
    #[arg(long, env = "REGISTRY_PROXY_URL", default_value = "http://127.0.0.1:8083")]
    pub registry_proxy_url: String,
    /// Client id this component signs its proxy tokens with.
    #[arg(long, env = "REGISTRY_PROXY_CLIENT_ID", default_value = "holiday-rental")]
    pub registry_proxy_client_id: String,
    /// HS256 secret of that client (required to serve).
    #[arg(long, env = "REGISTRY_PROXY_SECRET", hide_env_values = true)]
    pub registry_proxy_secret: Option<String>,
    /// Purpose stated on every proxy call.
    #[arg(
        long,
        env = "REGISTRY_PROXY_DOELBINDING",
        default_value = "registratie vakantieverhuur"
    )]
    pub registry_proxy_doelbinding: String,
    /// Timeout of proxy calls, in milliseconds.
    #[arg(long, env = "REGISTRY_PROXY_TIMEOUT_MS", default_value_t = 5000)]
    pub registry_proxy_timeout_ms: u64,
    /// Number checks per platform client per minute.
    #[arg(long, env = "PLATFORM_CHECK_PER_MINUTE", default_value_t = 120)]
    pub platform_check_per_minute: u32,
    /// The EU Single Digital Entry Point's base URL, up to `/api/v0` (none: no platform data).
    #[arg(long, env = "SDEP_URL")]
    pub sdep_url: Option<String>,
    /// Its OAuth2 token endpoint.
    #[arg(long, env = "SDEP_TOKEN_URL")]
    pub sdep_token_url: Option<String>,
    /// This municipality's OAuth2 client id at the SDEP.
    #[arg(long, env = "SDEP_CLIENT_ID")]
    pub sdep_client_id: Option<String>,
    /// Its secret.
    #[arg(long, env = "SDEP_CLIENT_SECRET", hide_env_values = true)]
    pub sdep_client_secret: Option<String>,
    /// The token's audience.
    #[arg(long, env = "SDEP_AUDIENCE", default_value = "https://str.eu")]
    pub sdep_audience: String,
    /// The municipality (gemeentecode) the SDEP delivers this component's data for.
    #[arg(long, env = "SDEP_GEMEENTECODE")]
    pub sdep_gemeentecode: Option<Gemeentecode>,
    /// Seconds between fetches (0: only on demand); a failed fetch is retried sooner, backing off.
    #[arg(long, env = "SDEP_POLL_INTERVAL_SECONDS", default_value_t = 3600)]
    pub sdep_poll_interval_seconds: u64,
    /// Records asked per fetch.
    #[arg(long, env = "SDEP_LIMIT", default_value_t = 10000)]
    pub sdep_limit: u32,
    /// GeoJSON file with the area where registration applies (a Polygon or MultiPolygon):
    /// served at /api/v1/gebied and sent to the SDEP as a zipped shapefile.
    #[arg(long = "area", env = "HOLIDAY_RENTAL_AREA")]
    pub area: Option<PathBuf>,
}

/// holiday-rental's own keys of a client in the clients file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RentalClient {
    /// The municipality an inspector's client acts for (its data only).
    #[serde(default)]
    pub gemeentecode: Option<Gemeentecode>,
    /// The platform a platform's client speaks for, as the SDEP names it (`airbnb.com`): it
    /// sees the removal orders of its own listings only.
    #[serde(default)]
    pub platform: Option<String>,
}

impl Config {
    /// The state from these settings.
    pub fn state(self, ctx: Context) -> Result<AppState, String> {
        let rules_text = match &self.rules {
            Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
            None => DEFAULT_RULES.to_string(),
        };
        let rules = Rules::parse(&rules_text).map_err(|e| format!("HOLIDAY_RENTAL_RULES: {e}"))?;
        let secret = self
            .registry_proxy_secret
            .as_deref()
            .ok_or("REGISTRY_PROXY_SECRET is required")?;
        let registry = platform::registry::RegistryClient::new(
            &self.registry_proxy_url,
            &self.registry_proxy_client_id,
            secret,
            &self.registry_proxy_doelbinding,
            Duration::from_millis(self.registry_proxy_timeout_ms),
        )?;
        let sdep = match &self.sdep_url {
            None => None,
            Some(url) => {
                let need =
                    |v: &Option<String>, name: &str| v.clone().ok_or(format!("SDEP_URL is set, so {name} is required"));
                Some(Arc::new(crate::sdep::Sdep::new(crate::sdep::SdepConfig {
                    base_url: url.clone(),
                    token_url: need(&self.sdep_token_url, "SDEP_TOKEN_URL")?,
                    client_id: need(&self.sdep_client_id, "SDEP_CLIENT_ID")?,
                    client_secret: need(&self.sdep_client_secret, "SDEP_CLIENT_SECRET")?,
                    audience: self.sdep_audience.clone(),
                    timeout: Duration::from_secs(30),
                    limit: self.sdep_limit,
                })?))
            }
        };
        if sdep.is_some() && self.sdep_gemeentecode.is_none() {
            return Err("SDEP_URL is set, so SDEP_GEMEENTECODE is required".into());
        }
        let area = match &self.area {
            None => None,
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
                Some(Arc::new(
                    crate::domain::area::parse(&text)
                        .map_err(|e| format!("HOLIDAY_RENTAL_AREA {}: {e}", path.display()))?,
                ))
            }
        };
        Ok(AppState {
            area,
            sdep,
            sdep_gemeente: self.sdep_gemeentecode,
            sdep_feed: Arc::new(crate::app::platform_data::Feed::default()),
            clients: Arc::new(ClientSettings::load(ctx.platform.auth.clients())?),
            rules: Arc::new(rules),
            registry,
            rate_limit: rate_limit::RateLimiter::per_minute(self.platform_check_per_minute),
            report_grace_days: self.report_grace_days,
            platform: ctx.platform,
        })
    }
}
