//! `grondwerk`: the whole suite in one process, for trying it on a laptop.
//!
//! `grondwerk` (or `grondwerk serve`) starts every component on its own port with SQLite files
//! under ./data, demo data and demo clients, and prints the URLs; `grondwerk openapi` writes the
//! generated specs to openapi/.

/// The allocator of this binary (a library does not choose one): mimalloc, since glibc's malloc
/// took a fifth of the CPU under load (many small, short-lived allocations freed on other
/// threads than they were made on).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use grondwerk::SuiteConfig;

/// The Grondwerk suite: every component in one process (each also has its own binary and --help).
#[derive(Debug, Parser)]
#[command(name = "grondwerk")]
struct Cli {
    #[command(flatten)]
    suite: SuiteConfig,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start every component (the default).
    Serve,
    /// Write the generated OpenAPI specs.
    Openapi {
        /// Folder to write to.
        #[arg(default_value = "openapi")]
        dir: String,
    },
    /// Print the configuration of the suite and of every component (markdown, from the same
    /// definitions as --help); with --write, replace that section of a file (the README).
    Configuration {
        /// The file whose section between the configuration markers is replaced.
        #[arg(long)]
        write: Option<String>,
    },
    /// Print the demo clients file with a new random secret for every client (and the clients
    /// of further template files), e.g. for a clients file of your own to start from.
    Clients {
        /// Further clients files whose clients without a secret get one too.
        #[arg(long = "with")]
        with: Vec<String>,
    },
    /// Print a bearer token for a client of the clients file (<data-dir>/clients.toml by default).
    Token {
        /// The client, e.g. `platform-demo`, `budgetbeheer`, `demo`.
        client: String,
        /// A citizen's BSN to put in the token (a citizen portal's token).
        #[arg(long)]
        bsn: Option<String>,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None | Some(Command::Serve) => {
            let metrics = cli.suite.metrics_bind_address.clone();
            let demo = cli.suite.demo_data == "on";
            actix_web::rt::System::new().block_on(serve(cli.suite, metrics, demo))
        }
        Some(Command::Openapi { dir }) => write_specs(&dir),
        Some(Command::Configuration { write: None }) => {
            print!("{}", grondwerk::configuration_markdown());
            Ok(())
        }
        Some(Command::Configuration { write: Some(path) }) => grondwerk::write_configuration(&path),
        Some(Command::Clients { with }) => clients_file(&with).map(|text| print!("{text}")),
        Some(Command::Token { client, bsn }) => {
            let mut suite = cli.suite;
            let generated = suite.data_dir.join(grondwerk::CLIENTS_FILE);
            if suite.clients.is_none() && generated.exists() {
                suite.clients = Some(generated);
            }
            grondwerk::demo::token(&suite, &client, bsn.as_deref()).map(|t| println!("{t}"))
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("grondwerk: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn write_specs(dir: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for (name, spec) in grondwerk::specs() {
        let path = format!("{dir}/{name}.json");
        std::fs::write(&path, platform::app::spec_to_json(&spec)).map_err(|e| format!("{path}: {e}"))?;
        println!("wrote {path}");
    }
    Ok(())
}

/// The demo clients file of earlier versions, with the secrets that were in the repository.
const OLD_DEMO_CLIENTS_FILE: &str = "demo-clients.toml";

/// The demo clients and those of `templates`, each with a new random secret.
fn clients_file(templates: &[String]) -> Result<String, String> {
    let mut text = grondwerk::DEMO_CLIENTS.to_string();
    for t in templates {
        text.push('\n');
        text.push_str(&std::fs::read_to_string(t).map_err(|e| format!("{t}: {e}"))?);
    }
    Ok(platform::auth::fill_secrets(&text))
}

/// Whether a host is a loopback address (or `localhost`).
fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
/// Present once the demo data is made (removing the data folder starts afresh).
const DEMO_MARKER: &str = "demo-data-made";

async fn serve(mut config: SuiteConfig, metrics: String, demo_data: bool) -> Result<(), String> {
    // on a laptop: readable warnings only, so the start-up text stands out (RUST_LOG=info for
    // every request)
    platform::telemetry::init_with("text", "warn");
    let data = config.data_dir.clone();
    // the audit key, the clients' secrets and personal data: for this user's eyes only
    platform::files::private_dir(&data)
        .and_then(|()| platform::files::restrict(&data))
        .map_err(|e| format!("{}: {e}", data.display()))?;
    if config.clients.is_none() {
        if !is_loopback(&config.host) && !config.expose_demo_clients {
            return Err(format!(
                "--host {} is not a loopback address, and the suite runs with its demo clients (no --clients given), which may read demo personal data. Give a clients file of your own (GRONDWERK_CLIENTS), or say --expose-demo-clients to listen there all the same.",
                config.host
            ));
        }
        let path = data.join(grondwerk::CLIENTS_FILE);
        if !path.exists() {
            let text = clients_file(&[])?;
            platform::files::write_private(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        // an earlier version's demo clients file held the published secrets: never used again
        let _ = std::fs::remove_file(data.join(OLD_DEMO_CLIENTS_FILE));
        config.clients = Some(path);
    }
    if config.audit_keys.is_none() {
        // demo only: a random key kept next to the demo data (production keeps it in a secret)
        let path = data.join(platform::config::SUITE_AUDIT_KEYS_FILE);
        // an earlier version wrote it readable by everyone
        if path.exists() {
            platform::files::restrict(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let keys = match std::fs::read_to_string(&path) {
            Ok(k) if !k.trim().is_empty() => k.trim().to_string(),
            _ => {
                let k = format!(
                    "demo={}{}",
                    uuid::Uuid::new_v4().simple(),
                    uuid::Uuid::new_v4().simple()
                );
                platform::files::write_private(&path, k.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
                k
            }
        };
        config.audit_keys = Some(keys);
    }
    let servers = grondwerk::start(&config).await?;
    // one listener for Ctrl-C and SIGTERM that stops every component, registered before
    // anything else can happen
    platform::app::stop_on_signal(servers.iter().map(|s| s.handle()).collect())?;
    let running: Vec<_> = servers.into_iter().map(actix_web::rt::spawn).collect();
    if metrics != "off" {
        actix_web::rt::spawn(platform::app::metrics_server(&metrics)?);
    }
    let marker = data.join(DEMO_MARKER);
    let demo = if marker.exists() || !demo_data {
        None
    } else {
        match grondwerk::demo::seed(&config).await {
            Ok(demo) => {
                let _ = platform::files::write_private(&marker, format!("{demo:?}\n").as_bytes());
                Some(demo)
            }
            Err(e) => {
                eprintln!("grondwerk: the demo data could not be made: {e}");
                None
            }
        }
    };
    print_welcome(&config, &metrics, demo.as_ref());
    for r in running {
        r.await.map_err(|e| e.to_string())?.map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// What runs where, and commands to paste.
fn print_welcome(config: &SuiteConfig, metrics: &str, demo: Option<&grondwerk::demo::Demo>) {
    let token = |client: &str| format!("$(cargo run -q -- token {client})");
    println!(
        "Grondwerk suite: every component, SQLite files and demo data in {} (remove it to start afresh)",
        config.data_dir.display()
    );
    println!(
        "  catalog           {}/  (pages; API docs {}/api/v1/docs/)",
        config.catalog_url(),
        config.catalog_url()
    );
    println!(
        "  registry-proxy    {}/api/v1/docs/  (mock BRP and BAG)",
        config.registry_proxy_url()
    );
    println!("  holiday-rental    {}/api/v1/docs/", config.holiday_rental_url());
    println!("  household-budget  {}/api/v1/docs/", config.household_budget_url());
    if metrics != "off" {
        println!("  metrics           http://{metrics}/metrics");
    }
    if let Some(c) = &config.clients {
        println!(
            "  clients           {}; a token: cargo run -q -- token <client> [--bsn <bsn>]",
            c.display()
        );
    }
    if let Some(d) = demo {
        println!(
            "  demo data         registrations {}; citizen {} in household-budget with {} bookings",
            d.registrations.join(", "),
            d.citizen,
            d.booked
        );
    }
    let nr = demo
        .and_then(|d| d.registrations.first().cloned())
        .unwrap_or_else(|| "<registratienummer>".into());
    println!("Try:");
    println!(
        "  curl -H \"Authorization: Bearer {}\" {}/api/v1/registratienummers/{nr}",
        token("platform-demo"),
        config.holiday_rental_url()
    );
    println!(
        "  curl -H \"Authorization: Bearer {}\" \"{}/api/v1/handhaving/adressen?jaar={}\"",
        token("handhaving-amsterdam"),
        config.holiday_rental_url(),
        chrono::Utc::now().format("%Y")
    );
    println!(
        "  curl -H \"Authorization: Bearer {}\" \"{}/api/v1/protocollering?burgerservicenummer=999990019\"",
        token("demo"),
        config.registry_proxy_url()
    );
    println!(
        "  curl -H \"Authorization: Bearer {}\" {}/api/v1/signaleringen",
        token("budgetbeheer"),
        config.household_budget_url()
    );
    println!("  curl {}/api/v1/componenten", config.catalog_url());
    println!("Ctrl-C stops every component.");
}
