//! Configuration from environment variables only, with safe defaults. Each binary lists the
//! variables it reads in one table, which also produces its `--help` text.

use std::time::Duration;

/// One documented environment variable.
#[derive(Debug, Clone, Copy)]
pub struct EnvVar {
    /// The variable's name.
    pub name: &'static str,
    /// Its default, shown in `--help`.
    pub default: &'static str,
    /// What it sets.
    pub help: &'static str,
}

/// Variables every service reads.
pub const COMMON_ENV: &[EnvVar] = &[
    EnvVar {
        name: "DATABASE_URL",
        default: "./data/<component>.db",
        help: "sqlite://path, a file path, or postgres://user@host/db",
    },
    EnvVar {
        name: "DATABASE_POOL_SIZE",
        default: "8",
        help: "maximum open database connections",
    },
    EnvVar {
        name: "GRONDWERK_CLIENTS",
        default: "(none: every request is refused with 401)",
        help: "TOML file with the [[client]] entries (client_id, secret, scopes, …)",
    },
    EnvVar {
        name: "GRONDWERK_JWKS_URL",
        default: "(off)",
        help: "JWKS URL of an OpenID Connect provider; enables RS256 tokens",
    },
    EnvVar {
        name: "GRONDWERK_TOKEN_LEEWAY_SECONDS",
        default: "60",
        help: "clock skew allowed when checking iat/exp",
    },
    EnvVar {
        name: "GRONDWERK_BODY_LIMIT_BYTES",
        default: "1048576",
        help: "largest JSON body accepted (413 above)",
    },
    EnvVar {
        name: "GRONDWERK_AUDIT_KEYS",
        default: "(required)",
        help: "keys of the audit chain: id=secret[,id=secret…], the first signs (32+ characters each)",
    },
    EnvVar {
        name: "GRONDWERK_AUDIT",
        default: "on",
        help: "off only for benchmarks: no protocollering",
    },
    EnvVar {
        name: "LOG_FORMAT",
        default: "json",
        help: "json or text",
    },
    EnvVar {
        name: "RUST_LOG",
        default: "info",
        help: "log filter",
    },
];

static OVERRIDES: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

/// Sets a value that wins over the environment (the suite binary uses it to hand defaults to the
/// components it embeds; `std::env::set_var` is unsafe once threads run).
pub fn set_override(name: &str, value: &str) {
    let mut o = OVERRIDES.lock().unwrap_or_else(|p| p.into_inner());
    o.retain(|(k, _)| k != name);
    o.push((name.to_string(), value.to_string()));
}

/// Reads a variable, falling back to a default when unset or empty.
pub fn env_or(name: &str, default: &str) -> String {
    env_opt(name).unwrap_or_else(|| default.to_string())
}

/// Reads an optional variable (unset or empty is `None`).
pub fn env_opt(name: &str) -> Option<String> {
    let o = OVERRIDES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, v)) = o.iter().find(|(k, _)| k == name) {
        return Some(v.clone());
    }
    drop(o);
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Reads a number, failing with a clear message when it is not one.
pub fn env_parse<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match env_opt(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| format!("{name}: '{v}' is not a valid value")),
    }
}

/// Reads a duration in milliseconds.
pub fn env_millis(name: &str, default_ms: u64) -> Result<Duration, String> {
    env_parse(name, default_ms).map(Duration::from_millis)
}

/// The `--help` text for a binary: usage plus every variable it reads.
pub fn help_text(binary: &str, about: &str, own: &[EnvVar]) -> String {
    let mut s = format!(
        "{binary}: {about}\n\nUsage:\n  {binary}                 start the service\n  {binary} audit verify    verify the whole audit chain of DATABASE_URL (exit 1 when broken)\n  {binary} token CLIENT_ID [--bsn BSN] [--user USER] [--doelbinding PURPOSE]\n                           print a bearer token for a client from GRONDWERK_CLIENTS\n  {binary} --help          this text\n\nEnvironment variables:\n"
    );
    for v in own.iter().chain(COMMON_ENV) {
        s.push_str(&format!(
            "  {:<32} {}\n  {:<32} default: {}\n",
            v.name, v.help, "", v.default
        ));
    }
    s
}
