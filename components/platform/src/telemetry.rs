//! Logging: JSON lines by default (`LOG_FORMAT=text` for humans), filtered by `RUST_LOG`.

/// Installs the global subscriber once (level `info` unless `RUST_LOG` says otherwise, to
/// stdout); later calls do nothing.
pub fn init(format: &str) {
    install(format, "info", false);
}

/// [`init`] with another default level, writing to stderr (for a process whose stdout is for
/// people, as the suite's).
pub fn init_with(format: &str, default_level: &str) {
    install(format, default_level, true);
}

fn install(format: &str, default_level: &str, to_stderr: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let writer = move || -> Box<dyn std::io::Write> {
        if to_stderr {
            Box::new(std::io::stderr())
        } else {
            Box::new(std::io::stdout())
        }
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(writer);
    let _ = if format == "text" {
        builder.try_init()
    } else {
        builder.json().flatten_event(true).try_init()
    };
}
