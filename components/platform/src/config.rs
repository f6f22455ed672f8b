//! Configuration, parsed once at start-up with clap (derive + env): every setting is a command
//! line option and an environment variable, and `--help` lists both with the default from the
//! same definition. Nothing reads the environment after start-up.

use std::path::PathBuf;

/// The clients file the suite keeps in its data folder (its demo clients with their secrets).
pub const SUITE_CLIENTS_FILE: &str = "clients.toml";
/// The audit key the suite keeps in its data folder.
pub const SUITE_AUDIT_KEYS_FILE: &str = "audit-keys";

/// Settings every component has. The defaults that differ per component (listen address,
/// metrics address, database) are filled in from the component's [`crate::component::Component`]
/// constants when the command line is built, so `--help` shows them too.
#[derive(Debug, Clone, clap::Args)]
pub struct CommonConfig {
    /// Address and port to listen on.
    #[arg(long, env = "BIND_ADDRESS")]
    pub bind_address: String,
    /// Address of the Prometheus /metrics listener, never the public port (`off`: none).
    #[arg(long, env = "METRICS_BIND_ADDRESS")]
    pub metrics_bind_address: String,
    /// sqlite://path, a file path, or postgres://user@host/db.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: String,
    /// Most open database connections.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 8)]
    pub database_pool_size: u32,
    /// TOML file with the [[client]] entries (client_id, secret, scopes, and each component's
    /// own keys); without it every request is refused with 401.
    #[arg(long = "clients", env = "GRONDWERK_CLIENTS")]
    pub clients: Option<PathBuf>,
    /// JWKS URL of an OpenID Connect provider; enables RS256 tokens (then the issuer and the
    /// audience are required too).
    #[arg(long, env = "GRONDWERK_JWKS_URL")]
    pub jwks_url: Option<String>,
    /// The `iss` of the OpenID Connect provider's tokens; others are refused.
    #[arg(long, env = "GRONDWERK_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,
    /// The `aud` an OpenID Connect token must be for (this deployment); others are refused.
    #[arg(long, env = "GRONDWERK_OIDC_AUDIENCE")]
    pub oidc_audience: Option<String>,
    /// The longest an OpenID Connect token may be valid (from iat, or from now, to exp), in
    /// seconds. A client's settings apply to such a token only through `oidc_client` in the
    /// clients file.
    #[arg(long, env = "GRONDWERK_OIDC_MAX_LIFETIME_SECONDS", default_value_t = 3600)]
    pub oidc_max_lifetime_seconds: i64,
    /// Clock skew allowed when checking iat/nbf/exp, in seconds.
    #[arg(long, env = "GRONDWERK_TOKEN_LEEWAY_SECONDS", default_value_t = 60)]
    pub token_leeway_seconds: i64,
    /// Largest JSON body accepted, in bytes (413 above).
    #[arg(long, env = "GRONDWERK_BODY_LIMIT_BYTES", default_value_t = 1024 * 1024)]
    pub body_limit_bytes: usize,
    /// `off` only for benchmarks: no protocollering.
    #[arg(long, env = "GRONDWERK_AUDIT", default_value = "on", value_parser = ["on", "off"])]
    pub audit: String,
    /// Keys of the audit chain: id=secret[,id=secret…], the first signs, each at least 32
    /// characters; required unless the audit is off. Keep them out of the database.
    #[arg(long, env = "GRONDWERK_AUDIT_KEYS", hide_env_values = true)]
    pub audit_keys: Option<String>,
    /// Log format: `json` or `text`.
    #[arg(long, env = "LOG_FORMAT", default_value = "json", value_parser = ["json", "text"])]
    pub log_format: String,
    /// The component catalogue to publish this component's publiccode.yml and spec to, at
    /// start-up and with `publish` (none: not published).
    #[arg(long, env = "CATALOG_URL")]
    pub catalog_url: Option<String>,
    /// Client id this component publishes as (a client of the catalogue with scope
    /// `catalogus.beheren`).
    #[arg(long, env = "CATALOG_CLIENT_ID")]
    pub catalog_client_id: Option<String>,
    /// HS256 secret of that client.
    #[arg(long, env = "CATALOG_SECRET", hide_env_values = true)]
    pub catalog_secret: Option<String>,
    /// The suite's data folder: next to a running suite, `token` and `audit verify` use its
    /// clients.toml and audit-keys when GRONDWERK_CLIENTS or GRONDWERK_AUDIT_KEYS is not set.
    #[arg(long = "suite-data-dir", env = "GRONDWERK_DATA_DIR", default_value = "data")]
    pub suite_data_dir: PathBuf,
}

impl CommonConfig {
    /// The chain's keys; `None` when the audit is off.
    pub fn audit_keys(&self) -> Result<Option<std::sync::Arc<crate::audit::AuditKeys>>, String> {
        if self.audit == "off" {
            return Ok(None);
        }
        let spec = self
            .audit_keys
            .as_deref()
            .ok_or_else(|| {
                format!(
                    "GRONDWERK_AUDIT_KEYS is required: id=secret (at least 32 characters), kept outside the database (next to the suite, {} has it)",
                    self.suite_data_dir.join(SUITE_AUDIT_KEYS_FILE).display()
                )
            })?;
        crate::audit::AuditKeys::parse(spec).map(|k| Some(std::sync::Arc::new(k)))
    }

    /// These settings with the suite's clients file and audit key filled in where none is
    /// given and the suite's data folder has them (for `token` and `audit verify` beside a
    /// running suite; a served component never takes them implicitly).
    pub fn with_suite_files(mut self) -> Self {
        let clients = self.suite_data_dir.join(SUITE_CLIENTS_FILE);
        if self.clients.is_none() && clients.is_file() {
            self.clients = Some(clients);
        }
        if self.audit_keys.is_none() && self.audit != "off" {
            if let Ok(keys) = std::fs::read_to_string(self.suite_data_dir.join(SUITE_AUDIT_KEYS_FILE)) {
                self.audit_keys = Some(keys.trim().to_string()).filter(|k| !k.is_empty());
            }
        }
        self
    }

    /// The configured clients (none without a clients file).
    fn client_list(&self) -> Result<Vec<crate::auth::ClientConfig>, String> {
        match &self.clients {
            Some(path) => crate::auth::load_clients(&path.to_string_lossy()),
            None => Ok(Vec::new()),
        }
    }

    /// The token checker for these settings.
    pub fn authenticator(&self) -> Result<crate::auth::Authenticator, String> {
        let oidc = match &self.jwks_url {
            None => None,
            Some(url) => {
                let need = |v: &Option<String>, name: &str| {
                    v.clone()
                        .filter(|v| !v.trim().is_empty())
                        .ok_or(format!("GRONDWERK_JWKS_URL is set, so {name} is required"))
                };
                Some(crate::auth::OidcConfig {
                    jwks_url: url.clone(),
                    issuer: need(&self.oidc_issuer, "GRONDWERK_OIDC_ISSUER")?,
                    audience: need(&self.oidc_audience, "GRONDWERK_OIDC_AUDIENCE")?,
                    max_lifetime_seconds: self.oidc_max_lifetime_seconds,
                })
            }
        };
        Ok(crate::auth::Authenticator::new(
            self.client_list()?,
            self.token_leeway_seconds,
            oidc,
        ))
    }
}
