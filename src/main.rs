//! `grondwerk`: the whole suite in one process, for trying it on a laptop.
//!
//! `grondwerk` (or `grondwerk serve`) starts every component on its own port with SQLite files
//! under ./data, demo data and demo clients, and prints the URLs; `grondwerk openapi` writes the
//! generated specs to openapi/.

use clap::{Parser, Subcommand};
use grondwerk::SuiteConfig;

/// The Grondwerk suite: every component in one process (each also has its own binary and --help).
#[derive(Debug, Parser)]
#[command(name = "grondwerk")]
struct Cli {
    #[command(flatten)]
    suite: SuiteConfig,
    /// Address of the Prometheus /metrics listener of the whole process (`off`: none).
    #[arg(long, env = "METRICS_BIND_ADDRESS", default_value = "127.0.0.1:9080")]
    metrics_bind_address: String,
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
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None | Some(Command::Serve) => {
            actix_web::rt::System::new().block_on(serve(cli.suite, cli.metrics_bind_address))
        }
        Some(Command::Openapi { dir }) => write_specs(&dir),
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

async fn serve(mut config: SuiteConfig, metrics: String) -> Result<(), String> {
    platform::telemetry::init("json");
    std::fs::create_dir_all("data").map_err(|e| format!("data: {e}"))?;
    if config.clients.is_none() {
        std::fs::write("data/demo-clients.toml", grondwerk::DEMO_CLIENTS).map_err(|e| e.to_string())?;
        config.clients = Some("data/demo-clients.toml".into());
    }
    if config.audit_keys.is_none() {
        // demo only: a random key kept next to the demo data (production keeps it in a secret)
        let path = "data/audit-keys";
        let keys = match std::fs::read_to_string(path) {
            Ok(k) if !k.trim().is_empty() => k.trim().to_string(),
            _ => {
                let k = format!(
                    "demo={}{}",
                    uuid::Uuid::new_v4().simple(),
                    uuid::Uuid::new_v4().simple()
                );
                std::fs::write(path, &k).map_err(|e| format!("{path}: {e}"))?;
                k
            }
        };
        config.audit_keys = Some(keys);
    }
    let servers = grondwerk::start(&config).await?;
    println!("Grondwerk suite (SQLite under ./data, demo data; tokens: cargo run -q -p <component> -- token <client>)");
    println!(
        "  catalog         {}/ (pages), {}/api/v1/docs/",
        config.catalog_url(),
        config.catalog_url()
    );
    println!("  registry-proxy  {}/api/v1/docs/", config.registry_proxy_url());
    println!("  holiday-rental  {}/api/v1/docs/", config.holiday_rental_url());
    println!("  household-budget {}/api/v1/docs/", config.household_budget_url());
    println!("  demo clients    data/demo-clients.toml (export GRONDWERK_CLIENTS=data/demo-clients.toml)");
    if metrics != "off" {
        actix_web::rt::spawn(platform::app::metrics_server(&metrics)?);
        println!("  metrics         http://{metrics}/metrics (every component, one registry)");
    }
    futures_util::future::try_join_all(servers)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}
