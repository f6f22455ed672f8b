//! `registry-proxy`: the Haal Centraal BRP/BAG proxy as a standalone service.

fn main() -> std::process::ExitCode {
    platform::app::run_binary(
        "registry-proxy",
        "Haal Centraal BRP Personen and BAG proxy with protocollering",
        registry_proxy::ENV,
        serve,
    )
}

async fn serve() -> Result<(), String> {
    platform::telemetry::init();
    let bind = platform::config::env_or("BIND_ADDRESS", "127.0.0.1:8083");
    let auth = std::sync::Arc::new(platform::auth::Authenticator::from_env()?);
    let url = platform::config::env_or("DATABASE_URL", &platform::db::default_url("registry-proxy"));
    let state = registry_proxy::state_from_env(auth, &url).await?;
    tracing::info!(bind = %bind, backend = state.backend.name(), "registry-proxy listening");
    let metrics = platform::config::env_or("METRICS_BIND_ADDRESS", "127.0.0.1:9083");
    platform::app::run_with_metrics(registry_proxy::server(state, &bind)?, &metrics).await
}
