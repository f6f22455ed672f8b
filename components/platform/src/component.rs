//! The one seam of a component: a type implementing [`Component`] (name, default port, typed
//! config, migrations, spec, state builder, routes). The component's binary ([`main`]), the suite
//! ([`start`]) and the test app builder ([`configure`]) all go through these functions, so every
//! entry point builds the same app. Adding a component is one crate and one line in the suite.

use crate::app::{Readiness, ReadyCheck, SpecJson};
use crate::audit::AuditLog;
use crate::auth::Authenticator;
use crate::clock::Clock;
use crate::config::CommonConfig;
use crate::db::{Database, Migrations};
use actix_web::web::{self, Data, ServiceConfig};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::future::Future;
use std::sync::Arc;

/// What the platform hands a component to build its state from.
pub struct Context {
    /// The platform's parts of the state (the component keeps them as they are).
    pub platform: Platform,
    /// The settings every component has.
    pub common: CommonConfig,
}

/// The platform's parts of every component's state: the database, the audit log writing to it,
/// the token checker and the clock. A component's state holds one and dereferences to it, so
/// handlers and use cases write `state.db`, `state.audit`, `state.now()` in every component alike.
#[derive(Clone)]
pub struct Platform {
    /// The component's database, migrated.
    pub db: Database,
    /// The audit log writing to it.
    pub audit: AuditLog,
    /// The token checker (shared by every component in the suite).
    pub auth: Arc<Authenticator>,
    /// The current moment (fixed in tests).
    pub clock: Clock,
}

impl Platform {
    /// The parts over database `db` with the system clock.
    pub fn new(db: Database, audit: AuditLog, auth: Arc<Authenticator>) -> Self {
        Platform {
            db,
            audit,
            auth,
            clock: crate::clock::system_clock(),
        }
    }

    /// The current moment, from the clock.
    pub fn now(&self) -> chrono::NaiveDateTime {
        (self.clock)()
    }
}

/// Implements `Deref<Target = Platform>` (and `DerefMut`) for a state with a field `platform`.
#[macro_export]
macro_rules! platform_state {
    ($state:ty) => {
        impl ::std::ops::Deref for $state {
            type Target = $crate::component::Platform;
            fn deref(&self) -> &$crate::component::Platform {
                &self.platform
            }
        }
        impl ::std::ops::DerefMut for $state {
            fn deref_mut(&mut self) -> &mut $crate::component::Platform {
                &mut self.platform
            }
        }
    };
}

/// A component's own API: the document-level facts of its spec (title, description, tags,
/// security scheme; derived with `utoipa::OpenApi`) and its handlers.
pub trait Api: utoipa::OpenApi {
    /// Registers the handlers (mounted under `/api/v1`; their paths go into the spec).
    fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig);
}

/// A Grondwerk component.
pub trait Component: 'static {
    /// Binary and service name, e.g. `holiday-rental`.
    const NAME: &'static str;
    /// One line for `--help`.
    const ABOUT: &'static str;
    /// Default port: listens on 127.0.0.1:PORT, metrics on 127.0.0.1:PORT+1000.
    const DEFAULT_PORT: u16;
    /// The API version (the `API-Version` header and the spec).
    const API_VERSION: &'static str;
    /// More specs offered in Swagger UI's selector (name, URL).
    const EXTRA_SPECS: &'static [(&'static str, &'static str)] = &[];
    /// The JSON of official contracts whose paths it serves outside its own API (from
    /// [`Component::routes`]): their methods are named in a 405's `Allow` header too.
    const CONTRACT_SPECS: &'static [&'static str] = &[];
    /// Its processing activities (AVG art. 30), served as its register at
    /// [`crate::register::REGISTER_BASE`]; every Logboek record names one.
    const ACTIVITIES: &'static [&'static crate::register::Activity] = &[];
    /// Media types served besides JSON.
    const ALSO_PRODUCES: &'static [&'static str] = &[];
    /// Its publiccode.yml (`catalog/entries/<name>.publiccode.yml`), published into the
    /// component catalogue with its spec.
    const PUBLICCODE: &'static str = "";

    /// The component's own settings.
    type Config: Args + Clone + Send + Sync + std::fmt::Debug + 'static;
    /// The state its handlers share (with the platform's parts: see [`crate::platform_state!`]).
    type State: Clone + Send + std::ops::Deref<Target = Platform> + 'static;

    /// Its migrations (the audit log's first).
    const MIGRATIONS: &'static [&'static Migrations];
    /// Its own API: the document-level facts of its spec and its handlers.
    type Api: Api;
    /// Its spec (`openapi/<name>.json`): the handlers' paths and the document facts, after the
    /// API Design Rules adjustments.
    fn openapi() -> utoipa::openapi::OpenApi {
        use utoipa_actix_web::AppExt;
        let (_, api) = actix_web::App::new()
            .into_utoipa_app()
            .openapi(<Self::Api as utoipa::OpenApi>::openapi())
            .service(utoipa_actix_web::scope("/api/v1").configure(Self::Api::register))
            .split_for_parts();
        crate::app::adr_spec(api, "/api/v1", Self::API_VERSION)
    }
    /// Builds the state once at start-up.
    fn build(ctx: Context, config: Self::Config) -> impl Future<Output = Result<Self::State, String>>;
    /// Mounts routes outside its own API (e.g. an official contract's paths).
    fn routes(_state: &Self::State, _cfg: &mut ServiceConfig) {}
    /// Upstreams `/health/ready` checks.
    fn upstreams(_state: &Self::State) -> Vec<(String, ReadyCheck)> {
        Vec::new()
    }
    /// Data feeds `/health/ready` reports on without failing for them.
    fn feeds(_state: &Self::State) -> Vec<(String, ReadyCheck)> {
        Vec::new()
    }
}

/// The command line of a component binary: its settings and the subcommands.
#[derive(Debug, Parser)]
pub struct Cli<A: Args> {
    /// The settings every component has.
    #[command(flatten)]
    pub common: CommonConfig,
    /// The component's own settings.
    #[command(flatten)]
    pub component: A,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands of every component binary.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Start the service (the default).
    Serve,
    /// Print a bearer token for a client from the clients file.
    Token {
        /// The client's id.
        client_id: String,
        /// The citizen's BSN (a portal's token).
        #[arg(long)]
        bsn: Option<String>,
        /// The user behind the client.
        #[arg(long)]
        user: Option<String>,
        /// The purpose (doelbinding).
        #[arg(long)]
        doelbinding: Option<String>,
    },
    /// The audit log.
    Audit {
        /// What to do with it.
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Print the component's OpenAPI spec.
    Openapi,
    /// Publish the component's publiccode.yml and spec to CATALOG_URL.
    Publish,
}

/// Subcommands of `audit`.
#[derive(Debug, Clone, Subcommand)]
pub enum AuditAction {
    /// Verify the whole chain of the database (exit 1 when broken).
    Verify,
}

/// The clap command of a component, with its defaults filled in (so `--help` shows them).
pub fn command<C: Component>() -> clap::Command {
    let port = C::DEFAULT_PORT;
    Cli::<C::Config>::command()
        .name(C::NAME)
        .about(C::ABOUT)
        .mut_arg("bind_address", |a| {
            a.required(false).default_value(format!("127.0.0.1:{port}"))
        })
        .mut_arg("metrics_bind_address", |a| {
            a.required(false)
                .default_value(format!("127.0.0.1:{}", u32::from(port) + 1000))
        })
        .mut_arg("database_url", |a| {
            a.required(false).default_value(crate::db::default_url(C::NAME))
        })
}

/// Parses a component's command line (and environment) from `args`, the first being the name.
pub fn parse<C: Component, I, T>(args: I) -> Result<Cli<C::Config>, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command::<C>().try_get_matches_from(args)?;
    Cli::<C::Config>::from_arg_matches(&matches)
}

/// Connects the database, starts the audit writer, builds the state and binds the server (await
/// it, or spawn it and keep its handle).
pub async fn start<C: Component>(
    common: CommonConfig,
    config: C::Config,
    auth: Arc<Authenticator>,
) -> Result<actix_web::dev::Server, String> {
    let publishes = crate::publish::check(&common).map_err(|e| format!("{}: {e}", C::NAME))?;
    let db = Database::connect(&common.database_url, common.database_pool_size, C::MIGRATIONS)
        .map_err(|e| format!("{}: {e}", C::NAME))?;
    let audit = AuditLog::start(db.clone(), common.audit_keys()?);
    let settings = Settings::of::<C>(common.body_limit_bytes);
    let bind = common.bind_address.clone();
    if publishes {
        crate::publish::publish_in_background::<C>(common.clone());
    }
    let state = C::build(
        Context {
            platform: Platform::new(db, audit, auth),
            common,
        },
        config,
    )
    .await?;
    crate::app::server(&bind, move || configure::<C>(state.clone(), settings.clone()))
        .map_err(|e| format!("{}: cannot listen on {e} (set BIND_ADDRESS to move it)", C::NAME))
}

/// Settings the app builder needs besides the state.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Largest JSON body accepted.
    pub body_limit: usize,
    /// The component's spec as served, rendered once (not per worker).
    pub spec: Arc<String>,
    /// The methods of every path it serves (its spec and its contracts'), read once.
    pub allowed: Arc<crate::http::AllowedMethods>,
}

impl Settings {
    /// The settings of component `C` with a body limit.
    pub fn of<C: Component>(body_limit: usize) -> Self {
        let spec = crate::app::spec_to_json(&C::openapi());
        let allowed = C::CONTRACT_SPECS
            .iter()
            .fold(crate::http::AllowedMethods::from_spec(&spec), |a, contract| {
                a.with_spec(contract)
            });
        Settings {
            body_limit,
            spec: Arc::new(spec),
            allowed: Arc::new(allowed),
        }
    }
}

/// Mounts a component in an app: the platform's app data and operational routes, then the
/// component's routes. The binary, the suite and the tests all use this.
pub fn configure<C: Component>(state: C::State, settings: Settings) -> impl FnOnce(&mut ServiceConfig) {
    move |cfg| {
        let readiness = Readiness {
            database: state.db.clone(),
            upstreams: C::upstreams(&state),
            feeds: C::feeds(&state),
        };
        cfg.app_data(Data::from(state.auth.clone()))
            .app_data(Data::new(crate::metrics::Metrics::new(C::NAME)))
            .app_data(Data::new(readiness))
            .app_data(Data::new(crate::http::ApiVersion(C::API_VERSION)))
            .app_data(Data::new(crate::http::AlsoProduces(C::ALSO_PRODUCES)))
            .app_data(Data::new(crate::http::BodyLimit(settings.body_limit)))
            .app_data(Data::from(settings.allowed))
            .app_data(Data::new(SpecJson(settings.spec)))
            .app_data(web::PayloadConfig::new(settings.body_limit))
            .configure(crate::app::operational_routes_with(C::EXTRA_SPECS));
        C::routes(&state, cfg);
        if !C::ACTIVITIES.is_empty() {
            crate::register::routes(C::ACTIVITIES)(cfg);
        }
        cfg.service(utoipa_actix_web::scope("/api/v1").configure(C::Api::register))
            .app_data(Data::new(state));
    }
}

/// The `main` of a component binary.
pub fn main<C: Component>() -> std::process::ExitCode {
    main_listing::<C>(Vec::new())
}

/// The `main` of a component binary with commands of its own besides the common ones, which
/// its `main` runs before calling this (the catalogue's `lint` and `diff`): they are listed in
/// `--help`, and `help <command>` shows theirs.
pub fn main_listing<C: Component>(own: Vec<clap::Command>) -> std::process::ExitCode {
    use std::process::ExitCode;
    let parsed = command::<C>()
        .subcommands(own)
        .try_get_matches_from(std::env::args_os())
        .and_then(|m| Cli::<C::Config>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let fail = |what: &str, e: String| {
        eprintln!("{} {what}: {e}", C::NAME);
        ExitCode::from(2)
    };
    match cli.command.clone().unwrap_or(Command::Serve) {
        Command::Serve => match actix_web::rt::System::new().block_on(serve::<C>(cli)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}: {e}", C::NAME);
                ExitCode::FAILURE
            }
        },
        Command::Token {
            client_id,
            bsn,
            user,
            doelbinding,
        } => match crate::auth::token_for(
            &cli.common.clone().with_suite_files(),
            &client_id,
            bsn,
            user,
            doelbinding,
        ) {
            Ok(t) => {
                println!("{t}");
                ExitCode::SUCCESS
            }
            Err(e) => fail("token", e),
        },
        Command::Audit {
            action: AuditAction::Verify,
        } => match crate::audit::verify_command(&cli.common.clone().with_suite_files()) {
            Ok(report) => {
                println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
                if report.geldig {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(e) => fail("audit verify", e),
        },
        Command::Openapi => {
            print!("{}", crate::app::spec_to_json(&C::openapi()));
            ExitCode::SUCCESS
        }
        Command::Publish => match actix_web::rt::System::new().block_on(crate::publish::publish::<C>(&cli.common)) {
            Ok(outcome) => {
                println!("{}: {outcome}", C::NAME);
                ExitCode::SUCCESS
            }
            Err(e) => fail("publish", e),
        },
    }
}

async fn serve<C: Component>(cli: Cli<C::Config>) -> Result<(), String> {
    crate::telemetry::init(&cli.common.log_format);
    let auth = Arc::new(cli.common.authenticator()?);
    let metrics = cli.common.metrics_bind_address.clone();
    let bind = cli.common.bind_address.clone();
    let server = start::<C>(cli.common, cli.component, auth).await?;
    tracing::info!(bind = %bind, component = C::NAME, "listening");
    crate::app::run_with_metrics(server, &metrics).await
}
