//! `catalog lint` as a supplier's CI runs it: exit 0 without errors, 1 with, 2 when the spec
//! cannot be read; JSON output for tools.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::Command;

/// Runs a binary from the project root: its exit code and standard output.
fn run(mut command: Command, args: &[&str]) -> (i32, String) {
    let out = command
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn lint(args: &[&str]) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_catalog"));
    command.arg("lint");
    run(command, args)
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
    // ADR 2.1 also wants /openapi.json among the paths: an error there
    let (code, text) = lint(&["--ruleset", "2.1", "openapi/catalog.json"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("paths-open-api-json-resource-exists") && text.contains("ADR 2.1"),
        "{text}"
    );
}

#[test]
fn diff_exits_one_when_a_change_breaks() {
    let dir = std::env::temp_dir().join(format!("catalog-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = dir.join("old.json");
    let new = dir.join("new.json");
    let spec = |delete: bool| {
        let mut paths = serde_json::json!({ "/a": { "get": { "responses": { "200": { "description": "ok" } } } } });
        if delete {
            paths["/a"]["delete"] = serde_json::json!({ "responses": { "204": { "description": "weg" } } });
        }
        serde_json::json!({ "openapi": "3.0.3", "info": { "title": "x", "version": "1.0.0" }, "paths": paths })
            .to_string()
    };
    std::fs::write(&old, spec(true)).unwrap();
    std::fs::write(&new, spec(false)).unwrap();
    let run = |a: &std::path::Path, b: &std::path::Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
            .args(["diff", "--format", "json"])
            .arg(a)
            .arg(b)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, json) = run(&old, &new);
    assert_eq!(code, 1, "{json}");
    assert!(json.contains("operatieVerwijderd"), "{json}");
    // the other way round only adds: not breaking
    assert_eq!(run(&new, &old).0, 0);
    assert_eq!(run(&old, &dir.join("nope.json")).0, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A document just under the 10 MB limit is linted (findings, no crash); one over it is refused
/// with exit 2 and a reason.
#[test]
fn a_ten_megabyte_document_is_linted_and_a_bigger_one_refused() {
    let dir = std::env::temp_dir().join(format!("catalog-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = serde_json::Map::new();
    let text = "Een lange beschrijving. ".repeat(170);
    for i in 0..2_400 {
        paths.insert(
            format!("/dingen-{i}"),
            serde_json::json!({ "get": { "operationId": format!("ding{i}"), "description": text,
                "parameters": [{ "name": "pageSize", "in": "query", "schema": { "type": "integer" } }],
                "responses": { "200": { "description": "ok", "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/Ding" } } } } } } }),
        );
    }
    let doc = |paths: serde_json::Map<String, serde_json::Value>| {
        serde_json::json!({ "openapi": "3.1.0", "info": { "title": "groot", "version": "1.0.0" },
            "paths": paths, "components": { "schemas": { "Ding": { "type": "object", "onbekend": { "x": 1 } } } } })
        .to_string()
    };
    let big = dir.join("groot.json");
    let body = doc(paths.clone());
    assert!(
        body.len() > 9_500_000 && body.len() < 10 * 1024 * 1024,
        "{}",
        body.len()
    );
    std::fs::write(&big, body).unwrap();
    let (code, json) = lint(&["--format", "json", big.to_str().unwrap()]);
    assert_eq!(code, 1, "errors expected (no contact, no version header, …)");
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(findings.as_array().unwrap().len() > 2_400);
    for i in 2_400..2_600 {
        paths.insert(format!("/meer-{i}"), serde_json::json!({ "description": text }));
    }
    let bigger = dir.join("te-groot.json");
    std::fs::write(&bigger, doc(paths)).unwrap();
    assert_eq!(lint(&[bigger.to_str().unwrap()]).0, 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `catalog --help` lists the supplier's commands, and each one's help shows how to call it.
#[test]
fn the_help_lists_lint_and_diff_with_their_usage() {
    let help = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_catalog")).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let top = help(&["--help"]);
    assert!(top.contains("\n  lint ") && top.contains("\n  diff "), "{top}");
    assert!(help(&["lint", "--help"]).contains("Usage: catalog lint [OPTIONS] <SPEC>"));
    assert!(help(&["diff", "--help"]).contains("Usage: catalog diff [OPTIONS] <OLD> <NEW>"));
    assert!(help(&["help", "diff"]).contains("Usage: catalog diff"));
}

/// `catalog-lint`, the linter without the service for a CI image: the same report and exit code
/// as `catalog lint`, on every hand-made spec and a real one.
#[test]
fn catalog_lint_is_catalog_lint() {
    let alone = |args: &[&str]| run(Command::new(env!("CARGO_BIN_EXE_catalog-lint")), args);
    let mut specs: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lint"))
        .unwrap()
        .map(|e| format!("catalog/tests/lint/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    specs.sort();
    specs.push("catalog/landscape/objecttypes-api/3.openapi.yaml".into());
    for spec in &specs {
        for format in ["text", "json"] {
            let args = ["--format", format, spec.as_str()];
            assert_eq!(alone(&args), lint(&args), "{spec} {format}");
        }
    }
    assert_eq!(alone(&["bestaat/niet.yaml"]).0, 2);
}
