//! The component's settings (besides the platform's common ones), parsed once at start-up.

use crate::{AppState, backend};
use platform::auth::ClientSettings;
use platform::component::Context;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

/// Settings of the registry proxy.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// `mock` (synthetic data set) or `upstream` (the real Haal Centraal endpoints).
    #[arg(long, env = "REGISTRY_PROXY_BACKEND", default_value = "mock", value_parser = ["mock", "upstream"])]
    pub backend: String,
    /// upstream: URL of the BRP personen endpoint.
    #[arg(long, env = "BRP_UPSTREAM_URL")]
    pub brp_upstream_url: Option<String>,
    /// upstream: base URL of BAG Individuele Bevragingen v2.
    #[arg(long, env = "BAG_UPSTREAM_URL")]
    pub bag_upstream_url: Option<String>,
    /// upstream: API key sent in X-Api-Key.
    #[arg(long, env = "UPSTREAM_API_KEY", hide_env_values = true)]
    pub upstream_api_key: Option<String>,
    /// upstream: PEM file with client certificate and key for mTLS.
    #[arg(long, env = "UPSTREAM_CLIENT_CERT")]
    pub upstream_client_cert: Option<String>,
    /// upstream: timeout of every call, in milliseconds.
    #[arg(long, env = "UPSTREAM_TIMEOUT_MS", default_value_t = 5000)]
    pub upstream_timeout_ms: u64,
}

/// The proxy's own keys of a client in the clients file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProxyClient {
    /// BRP fields the client may ask (`*` = all; a path allows every path below it).
    #[serde(default)]
    pub fields: Vec<String>,
    /// Whether the client must state a purpose (doelbinding) on every request.
    #[serde(default)]
    pub doelbinding_verplicht: bool,
}

impl Config {
    /// The state from these settings.
    pub fn state(self, ctx: Context) -> Result<AppState, String> {
        let backend: backend::Backend = match self.backend.as_str() {
            "upstream" => Arc::new(backend::upstream::Upstream::new(
                self.brp_upstream_url
                    .ok_or("BRP_UPSTREAM_URL is required for the upstream backend")?,
                self.bag_upstream_url
                    .ok_or("BAG_UPSTREAM_URL is required for the upstream backend")?,
                self.upstream_api_key,
                self.upstream_client_cert.as_deref(),
                Duration::from_millis(self.upstream_timeout_ms),
            )?),
            _ => Arc::new(backend::mock::MockSource(Arc::new(backend::mock::MockData::generate()))),
        };
        Ok(AppState {
            clients: Arc::new(ClientSettings::load(ctx.platform.auth.clients())?),
            backend,
            platform: ctx.platform,
        })
    }
}
