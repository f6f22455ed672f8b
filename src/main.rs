//! `grondwerk`: the whole suite in one process, for trying it on a laptop.
//!
//! `grondwerk` (or `grondwerk serve`) starts every component on its own port with SQLite files
//! under ./data, demo data and demo clients, and prints the URLs; `grondwerk openapi` writes the
//! generated specs to openapi/.

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("serve") => actix_web::rt::System::new().block_on(serve()),
        Some("openapi") => write_specs(args.get(1).map(String::as_str).unwrap_or("openapi")),
        Some("--help" | "-h" | "help") => {
            println!(
                "grondwerk: the Grondwerk suite\n\n  grondwerk [serve]        start every component (SQLite under ./data, demo data)\n  grondwerk openapi [DIR]  write the generated OpenAPI specs (default: openapi/)\n\nVariables: GRONDWERK_HOST, REGISTRY_PROXY_PORT (8083), HOLIDAY_RENTAL_PORT (8081),\nREGISTRY_PROXY_DATABASE_URL, HOLIDAY_RENTAL_DATABASE_URL, GRONDWERK_CLIENTS (default: demo clients).\nEach component binary (registry-proxy, holiday-rental) has its own --help."
            );
            Ok(())
        }
        Some(other) => Err(format!("unknown command '{other}' (try --help)")),
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
    for (name, spec) in [
        ("registry-proxy", registry_proxy::openapi()),
        ("holiday-rental", holiday_rental::openapi()),
    ] {
        let path = format!("{dir}/{name}.json");
        std::fs::write(&path, platform::app::spec_to_json(&spec)).map_err(|e| format!("{path}: {e}"))?;
        println!("wrote {path}");
    }
    Ok(())
}

async fn serve() -> Result<(), String> {
    platform::telemetry::init();
    if platform::config::env_opt("GRONDWERK_CLIENTS").is_none() {
        std::fs::create_dir_all("data").map_err(|e| e.to_string())?;
        std::fs::write("data/demo-clients.toml", grondwerk::DEMO_CLIENTS).map_err(|e| e.to_string())?;
        // std::env::set_var is unsafe in edition 2024; the platform's config reads this override
        platform::config::set_override("GRONDWERK_CLIENTS", "data/demo-clients.toml");
    }
    if platform::config::env_opt("GRONDWERK_AUDIT_KEYS").is_none() {
        // demo only: a random key kept next to the demo data (production keeps it in a secret)
        std::fs::create_dir_all("data").map_err(|e| e.to_string())?;
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
        platform::config::set_override("GRONDWERK_AUDIT_KEYS", &keys);
    }
    let config = grondwerk::SuiteConfig::from_env()?;
    let servers = grondwerk::start(&config).await?;
    println!("Grondwerk suite (SQLite under ./data, demo data; tokens: cargo run -q -p <component> -- token <client>)");
    println!("  registry-proxy  {}/api/v1/docs/", config.registry_proxy_url());
    println!("  holiday-rental  {}/api/v1/docs/", config.holiday_rental_url());
    println!("  demo clients    data/demo-clients.toml (export GRONDWERK_CLIENTS=data/demo-clients.toml)");
    let metrics = platform::config::env_or("METRICS_BIND_ADDRESS", "127.0.0.1:9080");
    if metrics != "off" {
        actix_web::rt::spawn(platform::app::metrics_server(&metrics)?);
        println!("  metrics         http://{metrics}/metrics (every component, one registry)");
    }
    futures_util::future::try_join_all(servers)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}
