//! The component's settings (besides the platform's common ones), parsed once at start-up.

use crate::domain::iban::Iban;
use crate::{AppState, system_clock};
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
        Ok(AppState {
            db: ctx.db,
            audit: ctx.audit,
            auth: ctx.auth,
            accounts: Arc::new(accounts),
            account_name: self.account_name,
            max_statement_bytes: self.max_statement_bytes,
            booking_tolerance: crate::domain::money::Cents(i64::from(self.booking_tolerance_cents)),
            signal_margin_days: self.signal_margin_days,
            clock: system_clock(),
        })
    }
}
