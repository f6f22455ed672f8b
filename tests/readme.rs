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

/// The shell blocks of the "Try it" section.
fn try_it_blocks(text: &str) -> Vec<String> {
    let section = text.split("\n## Try it\n").nth(1).expect("a Try it section");
    let section = section.split("\n## ").next().unwrap();
    section
        .split("```sh\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_try_it_commands_work_against_the_suite() {
    let blocks = try_it_blocks(&readme());
    assert!(blocks.len() >= 2, "{blocks:?}");
    let data = temp_dir("readme");
    let suite = Suite::start(&data, true);
    let defaults = [
        ("127.0.0.1:8080", "CATALOG_PORT"),
        ("127.0.0.1:8081", "HOLIDAY_RENTAL_PORT"),
        ("127.0.0.1:8082", "HOUSEHOLD_BUDGET_PORT"),
        ("127.0.0.1:8083", "REGISTRY_PROXY_PORT"),
    ];
    for block in blocks {
        let mut script = block.replace("cargo run -q --", env!("CARGO_BIN_EXE_grondwerk"));
        for (default, variable) in defaults {
            script = script.replace(&format!("http://{default}"), &suite.url(variable));
        }
        let out = std::process::Command::new("bash")
            .args(["-euo", "pipefail", "-c", &script])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("GRONDWERK_DATA_DIR", &data)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "this README block failed:\n{block}\nit said:\n{said}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !said.contains("\"status\":4") && !said.contains("\"status\":5"),
            "{block}\n{said}"
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
    drop(suite);
    std::fs::remove_dir_all(&data).unwrap();
}
