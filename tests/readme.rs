//! The README tells the truth: its configuration tables are what the programs' `--help` says,
//! and the commands of its "Try it" section work when pasted, against the suite started as
//! `cargo run` starts it (here on free ports, which the commands are pointed at).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn the_configuration_tables_are_the_programs_own() {
    let text = readme();
    let (start, end) = grondwerk::CONFIGURATION_MARKERS;
    let a = text.find(start).expect("configuration start marker") + start.len();
    let b = text.find(end).expect("configuration end marker");
    assert_eq!(
        text[a..b].trim(),
        grondwerk::configuration_markdown().trim(),
        "the README's configuration drifted from --help: run `cargo run -q -- configuration --write README.md`"
    );
}

/// The shell blocks of a section.
fn shell_blocks(text: &str, section: &str) -> Vec<String> {
    let section = text
        .split(&format!("\n## {section}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("a section {section}"));
    let section = section.split("\n## ").next().unwrap();
    section
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_string())
        .collect()
}

/// Runs a README block against the suite as bash does for a reader (`-euo pipefail`), with the
/// default ports pointed at the suite's; what it printed, or the failure.
fn run_block(suite: &Suite, data: &std::path::Path, block: &str) -> Result<String, String> {
    let defaults = [
        ("127.0.0.1:8080", "CATALOG_PORT"),
        ("127.0.0.1:8081", "HOLIDAY_RENTAL_PORT"),
        ("127.0.0.1:8082", "HOUSEHOLD_BUDGET_PORT"),
        ("127.0.0.1:8083", "REGISTRY_PROXY_PORT"),
    ];
    let mut script = block.replace("cargo run -q --", env!("CARGO_BIN_EXE_grondwerk"));
    for (default, variable) in defaults {
        script = script.replace(&format!("http://{default}"), &suite.url(variable));
    }
    let out = std::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GRONDWERK_DATA_DIR", data)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(said)
    } else {
        Err(format!("{said}\n{}", String::from_utf8_lossy(&out.stderr)))
    }
}

#[test]
fn the_readme_commands_work_against_the_suite() {
    let text = readme();
    let blocks = shell_blocks(&text, "Try it");
    assert!(blocks.len() >= 2, "{blocks:?}");
    let data = temp_dir("readme");
    let suite = Suite::start(&data, true);
    // the Try it blocks twice: a reader runs them again
    for (run, block) in blocks.iter().chain(&blocks).enumerate() {
        let said = run_block(&suite, &data, block)
            .unwrap_or_else(|e| panic!("run {run}: this README block failed:\n{block}\nit said:\n{e}"));
        assert!(
            !said.contains("\"status\":4") && !said.contains("\"status\":5"),
            "{block}\n{said}"
        );
        assert!(
            said.is_empty() || said.ends_with('\n'),
            "every answer ends its line: {said:?}"
        );
        if block.contains("registration number") {
            let nr = said
                .lines()
                .find_map(|l| l.strip_prefix("registration number: "))
                .unwrap();
            assert_eq!(nr.len(), 20, "{said}");
            assert!(said.contains("\"geldig\":true"), "the platform check: {said}");
            assert!(
                said.contains("\"clientId\":\"holiday-rental\""),
                "the protocollering: {said}"
            );
        }
    }
    // the bank statement: booked at once; the same file again is refused whole, with its reason
    let statement = shell_blocks(&text, "household-budget");
    assert_eq!(statement.len(), 1, "{statement:?}");
    let said = run_block(&suite, &data, &statement[0])
        .unwrap_or_else(|e| panic!("the bank-statement block failed:\n{}\nit said:\n{e}", statement[0]));
    assert!(
        said.contains("\"aantalAutomatischGeboekt\":2"),
        "both transactions booked: {said}"
    );
    let again = run_block(&suite, &data, &statement[0]).expect_err("a second upload is refused");
    assert!(again.contains("\"code\":\"alIngelezen\""), "{again}");
    drop(suite);
    std::fs::remove_dir_all(&data).unwrap();
}
