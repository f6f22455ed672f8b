//! `holiday-rental`: registratie vakantieverhuur as a standalone service.

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--help" | "-h" | "help") => {
            print!(
                "{}",
                platform::config::help_text("holiday-rental", "registratie vakantieverhuur", holiday_rental::ENV)
            );
            std::process::ExitCode::SUCCESS
        }
        Some("token") => match platform::auth::token_command(&args[1..]) {
            Ok(t) => {
                println!("{t}");
                std::process::ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("holiday-rental token: {e}");
                std::process::ExitCode::from(2)
            }
        },
        Some(other) => {
            eprintln!("holiday-rental: unknown argument '{other}' (try --help)");
            std::process::ExitCode::from(2)
        }
        None => match actix_web::rt::System::new().block_on(serve()) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("holiday-rental: {e}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}

async fn serve() -> Result<(), String> {
    platform::telemetry::init();
    let bind = platform::config::env_or("BIND_ADDRESS", "127.0.0.1:8081");
    let auth = std::sync::Arc::new(platform::auth::Authenticator::from_env()?);
    let url = platform::config::env_or("DATABASE_URL", &platform::db::default_url("holiday-rental"));
    let state = holiday_rental::state_from_env(auth, &url).await?;
    tracing::info!(bind = %bind, "holiday-rental listening");
    holiday_rental::server(state, &bind)?.await.map_err(|e| e.to_string())
}
