//! Huishoudboekje: municipal budget management for citizens who (temporarily) cannot keep their
//! own books. Bank statements (CAMT.053) are imported into the municipality's accounts, without
//! ever importing a transaction twice or a file half.
//!
//! [`HouseholdBudget`] is the component as the platform sees it; `api/` handlers call the use
//! cases of `app/`, which apply the rules of `domain/`, read files through `import/` and store
//! through `store`.

pub mod api;
pub mod app;
pub mod config;
pub mod domain;
pub mod error;
pub mod export;
pub mod import;
pub mod register;
pub mod registry;
pub mod store;

use domain::iban::Iban;
use platform::component::{Component, Context, Platform};
use std::sync::Arc;

pub use config::Config;
pub use platform::clock::{Clock, system_clock};

/// Version of the API.
pub const API_VERSION: &str = "0.1.0";

/// The component.
pub struct HouseholdBudget;

/// Shared state: the platform's parts (database, audit log, token checker, clock) and the
/// household budget's settings.
#[derive(Clone)]
pub struct AppState {
    /// The platform's parts (the state dereferences to them).
    pub platform: Platform,
    /// The municipality's accounts whose statements are imported (the first pays).
    pub accounts: Arc<Vec<Iban>>,
    /// The name payments are made in.
    pub account_name: String,
    /// Largest statement file accepted.
    pub max_statement_bytes: usize,
    /// How far an amount may be from an afspraak's and still book automatically.
    pub booking_tolerance: domain::money::Cents,
    /// Days a payment may come before or after its expected date before it is signalled.
    pub signal_margin_days: u32,
    /// The registry proxy, to fill a citizen's name and address from the BRP (none when not
    /// configured).
    pub registry: Option<platform::registry::RegistryClient>,
}

platform::component_migrations!();
platform::platform_state!(AppState);

impl Component for HouseholdBudget {
    const NAME: &'static str = "household-budget";
    const ABOUT: &'static str = "huishoudboekje: bank statement import for municipal budget management";
    const DEFAULT_PORT: u16 = 8082;
    const API_VERSION: &'static str = API_VERSION;
    const PUBLICCODE: &'static str = include_str!("../../../catalog/entries/household-budget.publiccode.yml");
    const ACTIVITIES: &'static [&'static platform::register::Activity] = register::ACTIVITIES;
    const MIGRATIONS: &'static [&'static platform::db::Migrations] = MIGRATIONS;
    // payment files are downloaded as pain.001 XML; overviews are also CSV
    const ALSO_PRODUCES: &'static [&'static str] = &["application/xml", "text/csv"];
    type Api = api::ApiDoc;
    type Config = Config;
    type State = AppState;

    async fn build(ctx: Context, config: Config) -> Result<AppState, String> {
        let interval = config.signal_interval_seconds;
        let state = config.state(ctx)?;
        if interval > 0 {
            actix_web::rt::spawn(app::signals::compute_forever(state.clone(), interval));
        }
        Ok(state)
    }

    fn upstreams(state: &AppState) -> Vec<(String, platform::app::ReadyCheck)> {
        state.registry.iter().map(|r| r.upstream()).collect()
    }
}
