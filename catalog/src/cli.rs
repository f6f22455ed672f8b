//! The catalogue's checks as commands for a supplier's CI: `catalog lint SPEC` checks a spec
//! against the API Design Rules and exits non-zero on an error.

use crate::domain::lint::{self, Severity};
use crate::domain::openapi;
use clap::Parser;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `catalog lint`: check an OpenAPI document (JSON or YAML) against the NL API Design Rules.
#[derive(Debug, Parser)]
#[command(name = "lint", bin_name = "catalog lint")]
pub struct LintArgs {
    /// The spec (OpenAPI 3.0 or 3.1, JSON or YAML, at most 10 MB).
    pub spec: PathBuf,
    /// The ruleset: the official ADR 2.2 or 2.1 ruleset's rules and severities.
    #[arg(long, default_value = "2.2", value_parser = ["2.1", "2.2"])]
    pub ruleset: String,
    /// Output: `text` for people, `json` (rule, severity, path, message) for tools.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

/// Runs `catalog lint`: 0 without errors, 1 with errors, 2 when the spec cannot be read.
pub fn lint(args: impl IntoIterator<Item = String>) -> ExitCode {
    let args: LintArgs = match parse_args(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let doc = match read_spec(&args.spec) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let ruleset = lint::Ruleset::parse(&args.ruleset).unwrap_or(lint::Ruleset::V22);
    let findings = lint::lint_with(&doc, ruleset);
    // the process ends here: freeing a large spec's tree node by node would only add to the
    // time a supplier's CI waits (a few ms for 500 KB)
    std::mem::forget(doc);
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    // one write for the whole report, not one per line
    let mut report = String::new();
    if args.format == "json" {
        report.push_str(&serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".into()));
        report.push('\n');
    } else {
        use std::fmt::Write as _;
        for f in &findings {
            let severity = if f.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let _ = writeln!(report, "{}  {severity}  {}  {}", f.path.join("."), f.rule, f.message);
        }
        let _ = writeln!(
            report,
            "{}: {} errors, {} warnings, {} score {}",
            args.spec.display(),
            errors,
            findings.len() - errors,
            ruleset.name(),
            lint::score_with(&findings, ruleset),
        );
    }
    {
        use std::io::Write as _;
        let _ = std::io::stdout().lock().write_all(report.as_bytes());
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `catalog diff`: what changed between two versions of a spec, and whether it breaks clients.
#[derive(Debug, Parser)]
#[command(name = "diff", bin_name = "catalog diff")]
pub struct DiffArgs {
    /// The old spec (JSON or YAML).
    pub old: PathBuf,
    /// The new spec.
    pub new: PathBuf,
    /// Output: `text` for people, `json` for tools.
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

/// Runs `catalog diff`: 0 when nothing breaks, 1 when a change breaks a client, 2 when a spec
/// cannot be read.
pub fn diff(args: impl IntoIterator<Item = String>) -> ExitCode {
    let args: DiffArgs = match parse_args(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let (old, new) = match (read_spec(&args.old), read_spec(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let changes = crate::domain::diff::diff(&old, &new);
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if args.format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&changes).unwrap_or_else(|_| "[]".into())
        );
    } else {
        for c in &changes {
            let kind = if c.breaking { "BREKEND" } else { "ok" };
            println!("{kind}  {}  {}  {}", c.path.join("."), c.kind, c.description);
        }
        println!("{} changes, {breaking} breaking", changes.len());
    }
    if breaking > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `lint` and `diff` as clap commands, for the catalogue's `--help`.
pub fn commands() -> Vec<clap::Command> {
    use clap::CommandFactory;
    vec![
        LintArgs::command().about("Check an OpenAPI document against the NL API Design Rules (for a supplier's CI)"),
        DiffArgs::command().about("List what a new version of an OpenAPI document breaks (for a supplier's CI)"),
    ]
}

/// Parses a command's arguments; on `--help` or a mistake, what clap printed and the exit code
/// (0 for help, 2 for a mistake).
fn parse_args<T: Parser>(args: impl IntoIterator<Item = String>) -> Result<T, ExitCode> {
    T::try_parse_from(args).map_err(|e| {
        let _ = e.print();
        if e.use_stderr() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    })
}

/// Reads a spec file (JSON or YAML, at most [`openapi::MAX_BYTES`]); the error names the file.
fn read_spec(path: &Path) -> Result<Value, String> {
    std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| openapi::parse_any(&t))
        .map_err(|e| format!("{}: {e}", path.display()))
}
