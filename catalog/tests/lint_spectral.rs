//! The linter against Spectral with the official ADR 2.2 ruleset, rule by rule: on our own
//! specs, the official Haal Centraal specs and hand-made specs that each break one rule, the
//! findings (rule, path, severity) of every rule the linter evaluates must be Spectral's.
//! Spectral comes from npm (`tools/spectral.sh` installs it; `.ci/run` runs that first).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use catalog::domain::lint::{self, Ruleset, Severity};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn spectral() -> PathBuf {
    let dir = std::env::var("GRONDWERK_TOOLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap()).join(".cache/grondwerk-tools"));
    let bin = dir.join("node_modules/.bin/spectral");
    assert!(
        bin.exists(),
        "Spectral is needed for this test and is not installed: run tools/spectral.sh once (it installs @stoplight/spectral-cli into {})",
        dir.display()
    );
    bin
}

type Key = (String, String, &'static str);

fn ruleset_file(ruleset: Ruleset) -> PathBuf {
    repo(match ruleset {
        Ruleset::V21 => "standards/adr/adr-2.1.0-spectral.yml",
        Ruleset::V22 => "standards/adr/adr-2.2.0-rc.1-linter.yaml",
    })
}

fn spectral_findings(spec: &Path, ruleset: Ruleset) -> BTreeSet<Key> {
    let out = std::process::Command::new(spectral())
        .args(["lint", "-q", "-f", "json", "-r"])
        .arg(ruleset_file(ruleset))
        .arg(spec)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let results: Vec<Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: spectral said {e}: {text}", spec.display()));
    for r in &results {
        let code = r["code"].as_str().unwrap_or_default();
        assert!(
            ruleset.rules().iter().any(|(rule, _)| *rule == code),
            "{}: Spectral reports {code}, which the linter's {} list does not know",
            spec.display(),
            ruleset.name()
        );
    }
    results
        .iter()
        .map(|r| {
            let severity = if r["severity"] == 0 { "error" } else { "warn" };
            (r["code"].as_str().unwrap().to_string(), spectral_path(r), severity)
        })
        .collect()
}

/// The path of a Spectral result as the linter writes it (`paths › /x › get`).
fn spectral_path(result: &Value) -> String {
    let parts: Vec<String> = result["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_string))
        .collect();
    parts.join(" › ")
}

fn our_findings(spec: &Path) -> BTreeSet<Key> {
    our_findings_with(spec, Ruleset::V22)
}

fn our_findings_with(spec: &Path, ruleset: Ruleset) -> BTreeSet<Key> {
    let text = std::fs::read_to_string(spec).unwrap();
    let doc = catalog::domain::openapi::parse_any(&text).unwrap();
    lint::lint_with(&doc, ruleset)
        .into_iter()
        .map(|f| {
            let severity = if f.severity == Severity::Error { "error" } else { "warn" };
            (f.rule.to_string(), f.path.join(" › "), severity)
        })
        .collect()
}

fn agree(spec: &Path) {
    agree_with(spec, Ruleset::V22);
}

fn agree_with(spec: &Path, ruleset: Ruleset) {
    let theirs = spectral_findings(spec, ruleset);
    let ours = our_findings_with(spec, ruleset);
    let missing: Vec<&Key> = theirs.difference(&ours).collect();
    let extra: Vec<&Key> = ours.difference(&theirs).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} ({}): Spectral only: {missing:#?}\nours only: {extra:#?}",
        spec.display(),
        ruleset.name()
    );
}

#[test]
fn agrees_with_spectral_on_our_own_specs() {
    for name in ["registry-proxy", "holiday-rental", "household-budget", "catalog"] {
        agree(&repo(&format!("openapi/{name}.json")));
    }
}

#[test]
fn agrees_with_spectral_on_the_official_specs() {
    agree(&repo(
        "standards/haalcentraal/bag-individuele-bevragingen-v2/openapi.yaml",
    ));
    agree(&repo("standards/haalcentraal/brp-personen/resolved/openapi.yaml"));
}

/// The real specs of the seeded landscape and the rest of Open Zaak's APIs (the lint benchmark's
/// twelve, with the two above): large, written by other teams and generators.
#[test]
fn agrees_with_spectral_on_the_landscapes_specs() {
    for spec in [
        "catalog/landscape/open-zaak/2.openapi.yaml",
        "bench/specs/catalogi.openapi.yaml",
        "bench/specs/documenten.openapi.yaml",
        "bench/specs/besluiten.openapi.yaml",
        "bench/specs/autorisaties.openapi.yaml",
        "catalog/landscape/open-notificaties/3.openapi.yaml",
        "catalog/landscape/objects-api/2.openapi.yaml",
        "catalog/landscape/objecttypes-api/3.openapi.yaml",
        "catalog/landscape/open-formulieren/2.openapi.yaml",
        "catalog/landscape/open-klant/1.openapi.yaml",
    ] {
        agree(&repo(spec));
    }
}

#[test]
fn agrees_with_spectral_on_specs_that_each_break_a_rule() {
    let dir = repo("catalog/tests/lint");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 12, "{} hand-made specs", specs.len());
    for spec in specs {
        let ours = our_findings(&spec);
        assert!(!ours.is_empty(), "{}: breaks nothing", spec.display());
        agree(&spec);
    }
    // the keys of a path item under a description or summary path, not the path (Spectral's
    // reading of the ruleset's `field: "@key"`; the paths of Open Formulieren showed it)
    let methods: Vec<String> = our_findings(&dir.join("30-http-methods.yaml"))
        .into_iter()
        .filter(|(r, _, _)| r == "nlgov:http-methods")
        .map(|(_, p, _)| p)
        .collect();
    assert_eq!(
        methods,
        vec![
            "paths › /zaken/{uuid}/summary › options",
            "paths › /zaken/{uuid}/summary › summary"
        ]
    );
}

#[test]
fn five_seeded_violations_are_exactly_five_findings_as_spectral_reports() {
    let spec = repo("catalog/tests/seeded/five-violations.yaml");
    let ours = our_findings(&spec);
    let rules: BTreeSet<&str> = ours.iter().map(|(r, _, _)| r.as_str()).collect();
    assert_eq!(
        rules,
        BTreeSet::from([
            "nlgov:paths-kebab-case",
            "nlgov:query-keys-camel-case",
            "nlgov:semver",
            "nlgov:specify-format-for-date-and-time",
            "nlgov:info-contact-fields-exist",
        ]),
        "{ours:#?}"
    );
    assert_eq!(ours.len(), 5, "{ours:#?}");
    agree(&spec);
}

/// `oas3-schema` says what Spectral says, word for word: the document against the OpenAPI
/// 3.0, 3.1 and 3.2 schemas, with AJV's errors as Spectral words them.
#[test]
fn document_schema_findings_have_spectrals_messages() {
    let dir = repo("catalog/tests/lint");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let spec = entry.unwrap().path();
        if !spec.to_string_lossy().contains("document-schema") {
            continue;
        }
        let out = std::process::Command::new(spectral())
            .args(["lint", "-q", "-f", "json", "-r"])
            .arg(ruleset_file(Ruleset::V22))
            .arg(&spec)
            .output()
            .unwrap();
        let results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let theirs: BTreeSet<(String, String)> = results
            .iter()
            .filter(|r| r["code"] == "oas3-schema")
            .map(|r| (spectral_path(r), r["message"].as_str().unwrap().to_string()))
            .collect();
        let doc = catalog::domain::openapi::parse_any(&std::fs::read_to_string(&spec).unwrap()).unwrap();
        let ours: BTreeSet<(String, String)> = lint::lint(&doc)
            .into_iter()
            .filter(|f| f.rule == "oas3-schema")
            .map(|f| (f.path.join(" › "), f.message))
            .collect();
        assert!(theirs.len() >= 10, "{}: {theirs:#?}", spec.display());
        assert_eq!(ours, theirs, "{}", spec.display());
        checked += 1;
    }
    assert_eq!(checked, 4, "the four document-schema specs");
}

/// ADR 2.1 on every spec above: its own rules and the recommended `spectral:oas` ones.
#[test]
fn agrees_with_spectral_on_adr_2_1() {
    let mut specs: Vec<PathBuf> = ["registry-proxy", "holiday-rental", "household-budget", "catalog"]
        .iter()
        .map(|n| repo(&format!("openapi/{n}.json")))
        .collect();
    specs.push(repo(
        "standards/haalcentraal/bag-individuele-bevragingen-v2/openapi.yaml",
    ));
    specs.push(repo("standards/haalcentraal/brp-personen/resolved/openapi.yaml"));
    for dir in ["catalog/tests/lint", "catalog/tests/lint21", "catalog/tests/seeded"] {
        let mut more: Vec<PathBuf> = std::fs::read_dir(repo(dir))
            .map(|r| {
                r.map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                    .collect()
            })
            .unwrap_or_default();
        more.sort();
        specs.extend(more);
    }
    for spec in specs {
        if spec.to_string_lossy().contains("lint21") {
            assert!(
                !our_findings_with(&spec, Ruleset::V21).is_empty(),
                "{}: breaks nothing",
                spec.display()
            );
        }
        agree_with(&spec, Ruleset::V21);
    }
}
