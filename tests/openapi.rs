//! The committed specs must be what the code generates, pass the official checks, and the
//! drop-in spec must match the official Haal Centraal contracts (carried under standards/).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_specs_match_the_code() {
    for (name, spec) in grondwerk::specs() {
        let generated = platform::app::spec_to_json(&spec);
        let committed = std::fs::read_to_string(root().join(format!("openapi/{name}.json"))).unwrap_or_default();
        assert!(
            generated == committed,
            "openapi/{name}.json is out of date: run `cargo run -- openapi` and commit the result"
        );
    }
}

fn python_check(script: &str) {
    assert!(
        root().join("standards/haalcentraal").exists(),
        "standards/haalcentraal is missing: the project carries the official contracts there"
    );
    let out = std::process::Command::new("python3")
        .arg(root().join("tools").join(script))
        .arg("--check")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn drop_in_spec_matches_official_contracts() {
    python_check("haalcentraal_spec.py");
}

#[test]
fn field_catalogue_matches_official_spec() {
    python_check("brp_fields.py");
}
