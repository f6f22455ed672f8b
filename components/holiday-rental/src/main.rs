//! `holiday-rental`: registratie vakantieverhuur as a standalone service.

fn main() -> std::process::ExitCode {
    platform::app::run_binary(
        "holiday-rental",
        "registratie vakantieverhuur",
        holiday_rental::ENV,
        serve,
    )
}

async fn serve() -> Result<(), String> {
    platform::telemetry::init();
    let bind = platform::config::env_or("BIND_ADDRESS", "127.0.0.1:8081");
    let auth = std::sync::Arc::new(platform::auth::Authenticator::from_env()?);
    let url = platform::config::env_or("DATABASE_URL", &platform::db::default_url("holiday-rental"));
    let state = holiday_rental::state_from_env(auth, &url).await?;
    tracing::info!(bind = %bind, "holiday-rental listening");
    let metrics = platform::config::env_or("METRICS_BIND_ADDRESS", "127.0.0.1:9081");
    platform::app::run_with_metrics(holiday_rental::server(state, &bind)?, &metrics).await
}
