//! The publiccode.yml reader against the reference parser's own test files
//! (`standards/publiccode-parser-go/testdata/v0`, every version it supports): each valid file
//! loads, each file the reference accepts with warnings loads with a warning of ours, and each
//! invalid file is refused, except the few whose rule needs what the catalogue does not do on
//! purpose (listed below with the reason).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use catalog::domain::publiccode::{self, Refusal};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Invalid for the reference parser, accepted by the catalogue, and why.
const ACCEPTED_THOUGH_INVALID: &[(&str, &str)] = &[
    // the file a key names must exist in the repository and be what it says: the catalogue gets
    // the publiccode.yml without its repository
    ("description_en_screenshots_missing_file.yml", "file in the repository"),
    ("legal_authorsFile_missing_file.yml", "file in the repository"),
    ("logo_missing_file.yml", "file in the repository"),
    ("monochromeLogo_missing_file.yml", "file in the repository"),
    ("no-network/logo_invalid_png.yml", "file in the repository"),
    ("no-network/logo_missing_file.yml", "file in the repository"),
    ("no-network/monochromeLogo_invalid_png.yml", "file in the repository"),
    // a URL must answer: the catalogue does not fetch what a publiccode.yml links to
    ("logo_missing_url.yml", "network"),
    ("description_en_videos_invalid_oembed.yml", "network"),
    // the Italian extension: IPA codes and the it/IT section's rules
    ("fundedBy_uri_wrong_italian_pa2.yml", "Italian IPA register"),
    ("organisation_uri_wrong_italian_pa2.yml", "Italian IPA register"),
    ("it_IT_duplicated.yml", "Italian extension"),
    ("it_countryExtensionVersion_invalid.yml", "Italian extension"),
    ("it_riuso_codiceIPA_invalid.yml", "Italian IPA register"),
    // unknown keys are kept on purpose: real files carry them, and our own section
    // nl-commonground is one
    ("it_wrong_case.yml", "unknown key kept"),
    ("unknown_field.yml", "unknown key kept"),
];

fn testdata(kind: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../standards/publiccode-parser-go/testdata/v0")
        .join(kind);
    assert!(
        dir.is_dir(),
        "{} is missing: the reference parser's test files are carried in standards/ (see its SOURCES.md)",
        dir.display()
    );
    let mut files = Vec::new();
    for sub in [dir.clone(), dir.join("no-network")] {
        for f in std::fs::read_dir(&sub).into_iter().flatten().flatten() {
            if f.path().extension().is_some_and(|e| e == "yml") {
                files.push(f.path());
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no test files in {}", dir.display());
    files
}

fn name(path: &std::path::Path) -> String {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    match path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|d| d == "no-network")
    {
        true => format!("no-network/{file}"),
        false => file,
    }
}

/// The file as the catalogue reads it (a non-UTF-8 file is unreadable, as over the API).
fn parse(path: &std::path::Path) -> Result<publiccode::Entry, Refusal> {
    let bytes = std::fs::read(path).unwrap();
    match String::from_utf8(bytes) {
        Ok(text) => publiccode::parse(&text),
        Err(e) => Err(Refusal::Unreadable(e.to_string())),
    }
}

#[test]
fn every_valid_file_of_the_reference_parser_loads() {
    for path in testdata("valid") {
        if let Err(e) = parse(&path) {
            panic!("{}: {e:?}", name(&path));
        }
    }
}

#[test]
fn files_with_warnings_load_with_a_warning() {
    for path in testdata("valid_with_warnings") {
        match parse(&path) {
            Ok(entry) => assert!(!entry.warnings.is_empty(), "{}: no warning", name(&path)),
            Err(e) => panic!("{}: {e:?}", name(&path)),
        }
    }
}

#[test]
fn invalid_files_are_refused_except_the_listed_ones() {
    let accepted: BTreeSet<String> = testdata("invalid")
        .iter()
        .filter(|p| parse(p).is_ok())
        .map(|p| name(p))
        .collect();
    let listed: BTreeSet<String> = ACCEPTED_THOUGH_INVALID.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(
        accepted, listed,
        "accepted invalid files (left) against the listed ones (right)"
    );
}

#[test]
fn a_current_file_names_its_deprecated_keys_and_an_earlier_version() {
    let minimal = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../standards/publiccode-parser-go/testdata/v0/valid/valid.minimal.yml"),
    )
    .unwrap();
    // the current standard, with supports (0.7): no warning
    let current = format!("{minimal}\nsupports:\n  - id: alias:gdpr\n  - id: urn:iso:std:iso:27001\n");
    assert_eq!(publiccode::parse(&current).unwrap().warnings, vec![]);
    for version in ["0.5", "0.5.0", "0.7", "0.7.0"] {
        let text = current.replace(
            "publiccodeYmlVersion: \"0\"",
            &format!("publiccodeYmlVersion: \"{version}\""),
        );
        let entry = publiccode::parse(&text).unwrap_or_else(|e| panic!("{version}: {e:?}"));
        let warned: Vec<&str> = entry.warnings.iter().map(|w| w.pad.as_str()).collect();
        let expected: &[&str] = if version.starts_with("0.7") {
            &[]
        } else {
            &["publiccodeYmlVersion"]
        };
        assert_eq!(warned, expected, "{version}");
    }
    // an unknown alias and an id that is no URI are refused, by their paths
    let bad = format!("{minimal}\nsupports:\n  - id: alias:onbekend\n  - id: geen uri\n  - gdpr\n");
    match publiccode::parse(&bad) {
        Err(Refusal::Invalid(problems)) => {
            let paths: Vec<&str> = problems.iter().map(|p| p.pad.as_str()).collect();
            assert_eq!(
                paths,
                ["supports[0].id", "supports[1].id", "supports[2]"],
                "{problems:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    // deprecated keys: accepted, each named
    let old = minimal.replace(
        "legal:\n",
        "monochromeLogo: logo.svg\ninputTypes:\n  - text/plain\nlegal:\n  repoOwner: Gemeente\n",
    );
    let entry = publiccode::parse(&old).unwrap();
    let warned: Vec<&str> = entry.warnings.iter().map(|w| w.pad.as_str()).collect();
    assert_eq!(
        warned,
        ["monochromeLogo", "legal.repoOwner", "inputTypes"],
        "{:?}",
        entry.warnings
    );
}
