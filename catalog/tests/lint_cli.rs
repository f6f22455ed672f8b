//! `catalog lint` as a supplier's CI runs it: exit 0 without errors, 1 with, 2 when the spec
//! cannot be read; JSON output for tools.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::Command;

fn lint(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .arg("lint")
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn exit_codes_and_json() {
    let (code, text) = lint(&["openapi/household-budget.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("0 errors"), "{text}");
    let (code, json) = lint(&["--format", "json", "catalog/tests/lint/02-query-keys-camel-case.yaml"]);
    assert_eq!(code, 1, "{json}");
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(findings[0]["regel"], "nlgov:query-keys-camel-case");
    assert_eq!(findings[0]["ernst"], "error");
    // a warning alone does not fail the build
    assert_eq!(lint(&["catalog/tests/lint/13-schema-camel-case.yaml"]).0, 0);
    assert_eq!(lint(&["bestaat/niet.yaml"]).0, 2);
    assert_eq!(lint(&["--ruleset", "1.0", "openapi/catalog.json"]).0, 2);
}
