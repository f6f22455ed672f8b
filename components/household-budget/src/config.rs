//! The component's settings (besides the platform's common ones), parsed once at start-up.

use crate::AppState;
use crate::domain::iban::Iban;
use platform::component::Context;
use std::sync::Arc;

/// Settings of household-budget.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// The municipality's accounts whose statements are imported (IBANs, comma-separated);
    /// a statement of any other account is refused.
    #[arg(long = "account-iban", env = "HOUSEHOLD_BUDGET_ACCOUNT_IBAN", value_delimiter = ',')]
    pub account_ibans: Vec<String>,
    /// The name the municipality's payments are made in (the debtor of pain.001 files).
    #[arg(long, env = "HOUSEHOLD_BUDGET_ACCOUNT_NAME", default_value = "Gemeente budgetbeheer")]
    pub account_name: String,
    /// Largest statement file accepted, in bytes (413 above).
    #[arg(long, env = "HOUSEHOLD_BUDGET_MAX_STATEMENT_BYTES", default_value_t = 50 * 1024 * 1024)]
    pub max_statement_bytes: usize,
    /// How far (in cents) an amount may be from an afspraak's and still book automatically.
    #[arg(long, env = "HOUSEHOLD_BUDGET_BOOKING_TOLERANCE_CENTS", default_value_t = 0)]
    pub booking_tolerance_cents: u32,
    /// Days a payment may come before or after its expected date before it is signalled.
    #[arg(long, env = "HOUSEHOLD_BUDGET_SIGNAL_MARGIN_DAYS", default_value_t = 3)]
    pub signal_margin_days: u32,
    /// Seconds between two computations of everyone's signals (a payment that does not come is
    /// noticed by the passing of time; an import computes those of the citizens it booked to).
    /// 0: only on imports and on demand.
    #[arg(long, env = "HOUSEHOLD_BUDGET_SIGNAL_INTERVAL_SECONDS", default_value_t = 3600)]
    pub signal_interval_seconds: u64,
    /// Base URL of the registry proxy (for filling a citizen's name and address from the BRP).
    #[arg(long, env = "REGISTRY_PROXY_URL", default_value = "http://127.0.0.1:8083")]
    pub registry_proxy_url: String,
    /// Client id this component signs its proxy tokens with.
    #[arg(long, env = "REGISTRY_PROXY_CLIENT_ID", default_value = "household-budget")]
    pub registry_proxy_client_id: String,
    /// HS256 secret of that client; without it, filling from the BRP is off.
    #[arg(long, env = "REGISTRY_PROXY_SECRET", hide_env_values = true)]
    pub registry_proxy_secret: Option<String>,
    /// Purpose stated on every proxy call.
    #[arg(long, env = "REGISTRY_PROXY_DOELBINDING", default_value = crate::app::PURPOSE)]
    pub registry_proxy_doelbinding: String,
    /// Timeout of proxy calls, in milliseconds.
    #[arg(long, env = "REGISTRY_PROXY_TIMEOUT_MS", default_value_t = 5000)]
    pub registry_proxy_timeout_ms: u64,
}

impl Config {
    /// The state from these settings.
    pub fn state(self, ctx: Context) -> Result<AppState, String> {
        let accounts = self
            .account_ibans
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Iban::parse(s).map_err(|e| format!("HOUSEHOLD_BUDGET_ACCOUNT_IBAN: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        if accounts.is_empty() {
            return Err("HOUSEHOLD_BUDGET_ACCOUNT_IBAN is required: the accounts whose statements are imported".into());
        }
        let registry = match &self.registry_proxy_secret {
            Some(secret) => Some(platform::registry::RegistryClient::new(
                &self.registry_proxy_url,
                &self.registry_proxy_client_id,
                secret,
                &self.registry_proxy_doelbinding,
                std::time::Duration::from_millis(self.registry_proxy_timeout_ms),
            )?),
            None => None,
        };
        Ok(AppState {
            registry,
            accounts: Arc::new(accounts),
            account_name: self.account_name,
            max_statement_bytes: self.max_statement_bytes,
            booking_tolerance: crate::domain::money::Cents(i64::from(self.booking_tolerance_cents)),
            signal_margin_days: self.signal_margin_days,
            platform: ctx.platform,
        })
    }
}
