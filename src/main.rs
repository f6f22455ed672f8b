//! `grondwerk`: the whole suite in one process, for trying it on a laptop.
//!
//! `grondwerk` (or `grondwerk serve`) starts every component on its own port with SQLite files
//! under ./data, demo data and demo clients, and prints the URLs; `grondwerk openapi` writes the
//! generated specs to openapi/.

const DEMO_CLIENTS: &str = include_str!("../config/demo-clients.toml");

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("serve") => actix_web::rt::System::new().block_on(serve()),
        Some("openapi") => write_specs(args.get(1).map(String::as_str).unwrap_or("openapi")),
        Some("--help" | "-h" | "help") => {
            println!(
                "grondwerk: the Grondwerk suite\n\n  grondwerk [serve]        start every component (SQLite under ./data, demo data)\n  grondwerk openapi [DIR]  write the generated OpenAPI specs (default: openapi/)\n\nEach component binary (registry-proxy, …) has its own --help with its variables."
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
    let path = format!("{dir}/registry-proxy.json");
    std::fs::write(&path, platform::app::spec_to_json(&registry_proxy::openapi()))
        .map_err(|e| format!("{path}: {e}"))?;
    println!("wrote {path}");
    Ok(())
}

async fn serve() -> Result<(), String> {
    platform::telemetry::init();
    // demo clients unless the operator configured their own
    if platform::config::env_opt("GRONDWERK_CLIENTS").is_none() {
        std::fs::create_dir_all("data").map_err(|e| e.to_string())?;
        std::fs::write("data/demo-clients.toml", DEMO_CLIENTS).map_err(|e| e.to_string())?;
        set_default_env("GRONDWERK_CLIENTS", "data/demo-clients.toml");
    }
    let host = platform::config::env_or("GRONDWERK_HOST", "127.0.0.1");
    let proxy_port: u16 = platform::config::env_parse("REGISTRY_PROXY_PORT", 8083)?;
    if platform::config::env_opt("DATABASE_URL").is_none() {
        set_default_env("DATABASE_URL", &platform::db::default_url("registry-proxy"));
    }
    let auth = std::sync::Arc::new(platform::auth::Authenticator::from_env()?);
    let proxy = registry_proxy::state_from_env(auth.clone()).await?;
    let bind = format!("{host}:{proxy_port}");
    println!("Grondwerk suite");
    println!("  registry-proxy  http://{bind}/api/v1/docs/   (BRP: POST http://{bind}/haalcentraal/api/brp/personen)");
    println!(
        "  demo token:     cargo run -p registry-proxy -- token demo   (GRONDWERK_CLIENTS=data/demo-clients.toml)"
    );
    registry_proxy::server(proxy, &bind)?.await.map_err(|e| e.to_string())
}

/// Sets a variable at start-up, before the server spawns threads.
fn set_default_env(key: &str, value: &str) {
    // std::env::set_var is unsafe in edition 2024 (concurrent readers); the platform's config
    // reads this process-wide override first instead.
    platform::config::set_override(key, value);
}
