//! The Grondwerk suite: every component in one process, each on its own port, for trying the
//! whole thing on a laptop and for the end-to-end tests. Each component starts through the same
//! platform function as its own binary; adding one is a line in [`start`].

use platform::component::{self, Component};
use std::path::PathBuf;
use std::sync::Arc;

pub mod demo;

/// The demo clients of every component, without secrets: the suite fills in new random ones
/// ([`platform::auth::fill_secrets`]) in `<data-dir>/clients.toml` at its first start.
pub const DEMO_CLIENTS: &str = include_str!("../config/demo-clients.toml");

/// The clients file the suite writes into its data folder when none is given.
pub const CLIENTS_FILE: &str = platform::config::SUITE_CLIENTS_FILE;

/// The client the components publish themselves into the catalogue as (its organisation owns
/// the catalogue's own entries).
pub const PUBLISHING_CLIENT: &str = "grondwerk";

/// Where the suite listens and keeps its data.
#[derive(Debug, Clone, clap::Args)]
pub struct SuiteConfig {
    /// Host to bind every component on. Anything but a loopback address is refused while the
    /// suite runs with its generated demo clients, unless --expose-demo-clients says so.
    #[arg(long, env = "GRONDWERK_HOST", default_value = "127.0.0.1")]
    pub host: String,
    /// Listen on a non-loopback --host with the generated demo clients all the same (their
    /// secrets are random, but every demo client may read demo personal data).
    #[arg(long, env = "GRONDWERK_EXPOSE_DEMO_CLIENTS", default_value_t = false)]
    pub expose_demo_clients: bool,
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
    /// Folder of the suite's SQLite files, demo clients, demo audit key and demo-data marker.
    #[arg(long, env = "GRONDWERK_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Database of the registry proxy [default: <data-dir>/registry-proxy.db].
    #[arg(long, env = "REGISTRY_PROXY_DATABASE_URL")]
    pub registry_proxy_database: Option<String>,
    /// Database of holiday-rental [default: <data-dir>/holiday-rental.db].
    #[arg(long, env = "HOLIDAY_RENTAL_DATABASE_URL")]
    pub holiday_rental_database: Option<String>,
    /// Database of the component catalogue [default: <data-dir>/catalog.db].
    #[arg(long, env = "CATALOG_DATABASE_URL")]
    pub catalog_database: Option<String>,
    /// Database of household-budget [default: <data-dir>/household-budget.db].
    #[arg(long, env = "HOUSEHOLD_BUDGET_DATABASE_URL")]
    pub household_budget_database: Option<String>,
    /// The municipality's accounts whose statements household-budget imports (the demo: the
    /// account of the Huishoudboekje sample statement).
    #[arg(long, env = "HOUSEHOLD_BUDGET_ACCOUNT_IBAN", default_value = "NL36ABNA5632579034")]
    pub household_budget_account_iban: String,
    /// Secret holiday-rental signs its proxy tokens with [default: that of client
    /// `holiday-rental` in the clients file].
    #[arg(long, env = "HOLIDAY_RENTAL_PROXY_SECRET", hide_env_values = true)]
    pub holiday_rental_proxy_secret: Option<String>,
    /// Secret household-budget signs its proxy tokens with, to fill a citizen's name and
    /// address from the BRP [default: that of client `household-budget` in the clients file].
    #[arg(long, env = "HOUSEHOLD_BUDGET_PROXY_SECRET", hide_env_values = true)]
    pub household_budget_proxy_secret: Option<String>,
    /// Secret of the client the components publish themselves into the catalogue as [default:
    /// that of client `grondwerk` in the clients file, scope `catalogus.beheren`].
    #[arg(long, env = "GRONDWERK_CATALOG_SECRET", hide_env_values = true)]
    pub catalog_secret: Option<String>,
    /// Make demo data at the first start (`off`: start empty).
    #[arg(long, env = "GRONDWERK_DEMO_DATA", default_value = "on", value_parser = ["on", "off"])]
    pub demo_data: String,
    /// Address of the Prometheus /metrics listener of the whole process (`off`: none).
    #[arg(long, env = "METRICS_BIND_ADDRESS", default_value = "127.0.0.1:9080")]
    pub metrics_bind_address: String,
    /// The clients file [default: the demo clients with new random secrets, written to
    /// <data-dir>/clients.toml at the first start].
    #[arg(long = "clients", env = "GRONDWERK_CLIENTS")]
    pub clients: Option<PathBuf>,
    /// Keys of the audit chains [default: a random demo key kept in <data-dir>/audit-keys].
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

    /// A component's database: the one configured, or its SQLite file in the data folder.
    pub fn database(&self, component: &str) -> String {
        let configured = match component {
            "registry-proxy" => &self.registry_proxy_database,
            "holiday-rental" => &self.holiday_rental_database,
            "household-budget" => &self.household_budget_database,
            _ => &self.catalog_database,
        };
        configured.clone().unwrap_or_else(|| {
            self.data_dir
                .join(format!("{component}.db"))
                .to_string_lossy()
                .into_owned()
        })
    }

    /// Each component's port with the variable that moves it.
    pub fn ports(&self) -> [(&'static str, u16, &'static str); 4] {
        [
            ("catalog", self.catalog_port, "CATALOG_PORT"),
            ("registry-proxy", self.registry_proxy_port, "REGISTRY_PROXY_PORT"),
            ("holiday-rental", self.holiday_rental_port, "HOLIDAY_RENTAL_PORT"),
            ("household-budget", self.household_budget_port, "HOUSEHOLD_BUDGET_PORT"),
        ]
    }

    /// The settings that make a component publish itself into the suite's catalogue.
    fn publishing(&self, secret: String) -> Vec<String> {
        vec![
            "--catalog-url".into(),
            self.catalog_url(),
            "--catalog-client-id".into(),
            PUBLISHING_CLIENT.into(),
            "--catalog-secret".into(),
            secret,
        ]
    }

    /// The clients of the clients file (none without one), read once for the secrets below.
    fn client_list(&self) -> Result<Vec<platform::auth::ClientConfig>, String> {
        match &self.clients {
            Some(file) => platform::auth::load_clients(&file.to_string_lossy()),
            None => Ok(Vec::new()),
        }
    }

    /// A secret given on the command line, else that of `client_id` among `clients`.
    fn secret(
        &self,
        given: &Option<String>,
        clients: &[platform::auth::ClientConfig],
        client_id: &str,
    ) -> Result<String, String> {
        if let Some(s) = given {
            return Ok(s.clone());
        }
        clients
            .iter()
            .find(|c| c.client_id == client_id)
            .and_then(|c| c.secret.clone())
            .ok_or_else(|| {
                let file = self.clients.as_ref().map_or("no clients file".into(), |f| f.display().to_string());
                format!("{file}: client '{client_id}' with a secret is needed (the suite's components sign their tokens with it)")
            })
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

/// Refuses to start when a port is taken, naming it and the variable that moves it.
fn check_ports(config: &SuiteConfig) -> Result<(), String> {
    for (name, port, variable) in config.ports() {
        if let Err(e) = std::net::TcpListener::bind((config.host.as_str(), port)) {
            return Err(format!(
                "port {port} on {} ({name}) cannot be used: {e}. Stop what uses it, or set {variable} to another port.",
                config.host
            ));
        }
    }
    Ok(())
}

/// Starts every component; the returned servers run until stopped. The components beside the
/// catalogue publish themselves into it.
pub async fn start(config: &SuiteConfig) -> Result<Vec<actix_web::dev::Server>, String> {
    use holiday_rental::HolidayRental;
    use household_budget::HouseholdBudget;
    use registry_proxy::RegistryProxy;
    check_ports(config)?;
    let clients = config.client_list()?;
    let publishing = config.publishing(config.secret(&config.catalog_secret, &clients, PUBLISHING_CLIENT)?);
    let proxy_args = config.args::<RegistryProxy>(
        config.registry_proxy_port,
        &config.database(RegistryProxy::NAME),
        &publishing,
    );
    // one token checker for the whole suite, from the shared settings
    let common = component::parse::<RegistryProxy, _, _>(proxy_args.clone())
        .map_err(|e| e.to_string())?
        .common;
    let auth = Arc::new(common.authenticator()?);
    let rental_args = config.args::<HolidayRental>(
        config.holiday_rental_port,
        &config.database(HolidayRental::NAME),
        &[
            "--registry-proxy-url".into(),
            config.registry_proxy_url(),
            "--registry-proxy-secret".into(),
            config.secret(&config.holiday_rental_proxy_secret, &clients, "holiday-rental")?,
        ]
        .into_iter()
        .chain(publishing.iter().cloned())
        .collect::<Vec<_>>(),
    );
    let budget_args = config.args::<HouseholdBudget>(
        config.household_budget_port,
        &config.database(HouseholdBudget::NAME),
        &[
            "--account-iban".into(),
            config.household_budget_account_iban.clone(),
            "--registry-proxy-url".into(),
            config.registry_proxy_url(),
            "--registry-proxy-secret".into(),
            config.secret(&config.household_budget_proxy_secret, &clients, "household-budget")?,
        ]
        .into_iter()
        .chain(publishing.iter().cloned())
        .collect::<Vec<_>>(),
    );
    let catalog_args =
        config.args::<catalog::Catalog>(config.catalog_port, &config.database(catalog::Catalog::NAME), &[]);
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

/// The suite's own command line (for its configuration table).
#[derive(Debug, clap::Parser)]
#[command(name = "grondwerk")]
struct SuiteArgs {
    #[command(flatten)]
    suite: SuiteConfig,
}

/// Where the generated configuration section starts and ends in the README.
pub const CONFIGURATION_MARKERS: (&str, &str) = (
    "<!-- configuration: generated by `cargo run -q -- configuration --write README.md` -->",
    "<!-- end of configuration -->",
);

/// The settings of the suite and of every component as markdown tables, made from the same
/// clap definitions as their `--help`, so the README cannot drift from the programs.
pub fn configuration_markdown() -> String {
    use clap::CommandFactory;
    use holiday_rental::HolidayRental;
    use household_budget::HouseholdBudget;
    use registry_proxy::RegistryProxy;
    let commands = [
        ("grondwerk (the suite, `cargo run`)", SuiteArgs::command()),
        (RegistryProxy::NAME, component::command::<RegistryProxy>()),
        (HolidayRental::NAME, component::command::<HolidayRental>()),
        (HouseholdBudget::NAME, component::command::<HouseholdBudget>()),
        (catalog::Catalog::NAME, component::command::<catalog::Catalog>()),
    ];
    let cell = |s: &str| {
        s.replace('|', "\\|")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('\n', " ")
    };
    let mut out = String::new();
    for (name, cmd) in commands {
        out.push_str(&format!(
            "\n#### {name}\n\n| variable | flag | default | what |\n|---|---|---|---|\n"
        ));
        for arg in cmd.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            if matches!(long, "help" | "version") {
                continue;
            }
            let env = arg
                .get_env()
                .map(|e| format!("`{}`", e.to_string_lossy()))
                .unwrap_or_default();
            let default: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let default = if default.is_empty() {
                String::new()
            } else {
                format!("`{}`", default.join(","))
            };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "| {env} | `--{long}` | {} | {} |\n",
                cell(&default),
                cell(&help)
            ));
        }
    }
    out
}

/// Replaces the configuration section of a file with [`configuration_markdown`].
pub fn write_configuration(path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let (start, end) = CONFIGURATION_MARKERS;
    let (Some(a), Some(b)) = (text.find(start), text.find(end)) else {
        return Err(format!("{path}: the configuration markers are missing"));
    };
    let before = text.get(..a + start.len()).unwrap_or_default();
    let after = text.get(b..).unwrap_or_default();
    let new = format!("{before}\n{}\n{after}", configuration_markdown());
    std::fs::write(path, new).map_err(|e| format!("{path}: {e}"))
}
