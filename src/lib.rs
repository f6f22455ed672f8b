//! The Grondwerk suite: every component in one process, each on its own port, for trying the
//! whole thing on a laptop and for the end-to-end tests. Each component starts through the same
//! platform function as its own binary; adding one is a line in [`start`].

use platform::component::{self, Component};
use std::path::PathBuf;
use std::sync::Arc;

/// Demo clients of every component (never use these secrets in production).
pub const DEMO_CLIENTS: &str = include_str!("../config/demo-clients.toml");

/// Where the suite listens and keeps its data.
#[derive(Debug, Clone, clap::Args)]
pub struct SuiteConfig {
    /// Host to bind every component on.
    #[arg(long, env = "GRONDWERK_HOST", default_value = "127.0.0.1")]
    pub host: String,
    /// Port of the registry proxy.
    #[arg(long, env = "REGISTRY_PROXY_PORT", default_value_t = registry_proxy::RegistryProxy::DEFAULT_PORT)]
    pub registry_proxy_port: u16,
    /// Port of holiday-rental.
    #[arg(long, env = "HOLIDAY_RENTAL_PORT", default_value_t = holiday_rental::HolidayRental::DEFAULT_PORT)]
    pub holiday_rental_port: u16,
    /// Port of the component catalogue.
    #[arg(long, env = "CATALOG_PORT", default_value_t = catalog::Catalog::DEFAULT_PORT)]
    pub catalog_port: u16,
    /// Port of household-budget.
    #[arg(long, env = "HOUSEHOLD_BUDGET_PORT", default_value_t = household_budget::HouseholdBudget::DEFAULT_PORT)]
    pub household_budget_port: u16,
    /// Database of the registry proxy.
    #[arg(
        long,
        env = "REGISTRY_PROXY_DATABASE_URL",
        default_value = "./data/registry-proxy.db"
    )]
    pub registry_proxy_database: String,
    /// Database of holiday-rental.
    #[arg(
        long,
        env = "HOLIDAY_RENTAL_DATABASE_URL",
        default_value = "./data/holiday-rental.db"
    )]
    pub holiday_rental_database: String,
    /// Database of the component catalogue.
    #[arg(long, env = "CATALOG_DATABASE_URL", default_value = "./data/catalog.db")]
    pub catalog_database: String,
    /// Database of household-budget.
    #[arg(
        long,
        env = "HOUSEHOLD_BUDGET_DATABASE_URL",
        default_value = "./data/household-budget.db"
    )]
    pub household_budget_database: String,
    /// The municipality's accounts whose statements household-budget imports (the demo: the
    /// account of the Huishoudboekje sample statement).
    #[arg(long, env = "HOUSEHOLD_BUDGET_ACCOUNT_IBAN", default_value = "NL36ABNA5632579034")]
    pub household_budget_account_iban: String,
    /// Secret holiday-rental signs its proxy tokens with (client `holiday-rental` of the clients file).
    #[arg(
        long,
        env = "REGISTRY_PROXY_SECRET",
        default_value = "holiday-rental-secret-0123456789",
        hide_env_values = true
    )]
    pub holiday_rental_proxy_secret: String,
    /// Secret household-budget signs its proxy tokens with (client `household-budget` of the
    /// clients file), to fill a citizen's name and address from the BRP.
    #[arg(
        long,
        env = "HOUSEHOLD_BUDGET_PROXY_SECRET",
        default_value = "household-budget-secret-0123456789",
        hide_env_values = true
    )]
    pub household_budget_proxy_secret: String,
    /// The clients file [default: the demo clients, written to ./data/demo-clients.toml].
    #[arg(long = "clients", env = "GRONDWERK_CLIENTS")]
    pub clients: Option<PathBuf>,
    /// Keys of the audit chains [default: a random demo key kept in ./data/audit-keys].
    #[arg(long, env = "GRONDWERK_AUDIT_KEYS", hide_env_values = true)]
    pub audit_keys: Option<String>,
}

impl SuiteConfig {
    /// Base URL of the registry proxy.
    pub fn registry_proxy_url(&self) -> String {
        format!("http://{}:{}", self.host, self.registry_proxy_port)
    }

    /// Base URL of holiday-rental.
    pub fn holiday_rental_url(&self) -> String {
        format!("http://{}:{}", self.host, self.holiday_rental_port)
    }

    /// Base URL of the component catalogue.
    pub fn catalog_url(&self) -> String {
        format!("http://{}:{}", self.host, self.catalog_port)
    }

    /// Base URL of household-budget.
    pub fn household_budget_url(&self) -> String {
        format!("http://{}:{}", self.host, self.household_budget_port)
    }

    /// The command line a component gets in the suite: its own address and database, the
    /// shared clients file and audit keys, plus its extra settings.
    fn args<C: Component>(&self, port: u16, database: &str, extra: &[String]) -> Vec<String> {
        let mut args = vec![
            C::NAME.to_string(),
            "--bind-address".into(),
            format!("{}:{port}", self.host),
            "--database-url".into(),
            database.to_string(),
            "--metrics-bind-address".into(),
            "off".into(),
        ];
        if let Some(c) = &self.clients {
            args.extend(["--clients".into(), c.to_string_lossy().into_owned()]);
        }
        if let Some(k) = &self.audit_keys {
            args.extend(["--audit-keys".into(), k.clone()]);
        }
        args.extend(extra.iter().cloned());
        args
    }
}

/// Starts one component of the suite.
async fn start_one<C: Component>(
    args: Vec<String>,
    auth: Arc<platform::auth::Authenticator>,
) -> Result<actix_web::dev::Server, String> {
    let cli = component::parse::<C, _, _>(args).map_err(|e| format!("{}: {e}", C::NAME))?;
    component::start::<C>(cli.common, cli.component, auth).await
}

/// Starts every component; the returned servers run until stopped.
pub async fn start(config: &SuiteConfig) -> Result<Vec<actix_web::dev::Server>, String> {
    use holiday_rental::HolidayRental;
    use household_budget::HouseholdBudget;
    use registry_proxy::RegistryProxy;
    let proxy_args = config.args::<RegistryProxy>(config.registry_proxy_port, &config.registry_proxy_database, &[]);
    // one token checker for the whole suite, from the shared settings
    let common = component::parse::<RegistryProxy, _, _>(proxy_args.clone())
        .map_err(|e| e.to_string())?
        .common;
    let auth = Arc::new(common.authenticator()?);
    let rental_args = config.args::<HolidayRental>(
        config.holiday_rental_port,
        &config.holiday_rental_database,
        &[
            "--registry-proxy-url".into(),
            config.registry_proxy_url(),
            "--registry-proxy-secret".into(),
            config.holiday_rental_proxy_secret.clone(),
        ],
    );
    let budget_args = config.args::<HouseholdBudget>(
        config.household_budget_port,
        &config.household_budget_database,
        &[
            "--account-iban".into(),
            config.household_budget_account_iban.clone(),
            "--registry-proxy-url".into(),
            config.registry_proxy_url(),
            "--registry-proxy-secret".into(),
            config.household_budget_proxy_secret.clone(),
        ],
    );
    let catalog_args = config.args::<catalog::Catalog>(config.catalog_port, &config.catalog_database, &[]);
    Ok(vec![
        start_one::<catalog::Catalog>(catalog_args, auth.clone()).await?,
        start_one::<RegistryProxy>(proxy_args, auth.clone()).await?,
        start_one::<HolidayRental>(rental_args, auth.clone()).await?,
        start_one::<HouseholdBudget>(budget_args, auth).await?,
    ])
}

/// Every component's spec, by name (for `grondwerk openapi` and the drift test).
pub fn specs() -> Vec<(&'static str, utoipa::openapi::OpenApi)> {
    use holiday_rental::HolidayRental;
    use household_budget::HouseholdBudget;
    use registry_proxy::RegistryProxy;
    vec![
        (RegistryProxy::NAME, RegistryProxy::openapi()),
        (HolidayRental::NAME, HolidayRental::openapi()),
        (HouseholdBudget::NAME, HouseholdBudget::openapi()),
        (catalog::Catalog::NAME, catalog::Catalog::openapi()),
    ]
}
