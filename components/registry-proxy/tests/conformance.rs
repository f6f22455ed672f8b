//! Drop-in conformance: the official Haal Centraal BRP acceptance scenarios for faults (the
//! `fout-cases` feature files of BRP-API/Haal-Centraal-BRP-bevragen, carried under
//! standards/haalcentraal/brp-personen/features/) run against `POST /haalcentraal/api/brp/personen`,
//! with the request built as the official step definitions build it (every value a string,
//! `burgerservicenummer` and `fields` comma-separated arrays, `header:` rows as headers).
//!
//! Every scenario whose steps are the request and the expected answer runs. Scenarios that first
//! configure the BRP's own afnemer authorisation ("Gegeven de afnemer …") have no counterpart in
//! the proxy (its authorisation is per client) and are counted apart; the test fails when fewer
//! scenarios run than the floor below, so a parsing mistake cannot pass by running nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

type Table = Vec<Vec<String>>;

#[derive(Debug, Clone, Default)]
struct Scenario {
    file: String,
    title: String,
    steps: Vec<(String, Table)>,
}

fn unescape_cell(c: &str) -> String {
    let mut out = String::new();
    let mut chars = c.chars();
    while let Some(ch) = chars.next() {
        if ch == '\\' {
            match chars.next() {
                Some('|') => out.push('|'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(ch);
        }
    }
    out.trim().to_string()
}

fn row(line: &str) -> Vec<String> {
    // split on unescaped pipes
    let inner = line.trim().trim_start_matches('|');
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut escaped = false;
    for ch in inner.chars() {
        if escaped {
            cur.push('\\');
            cur.push(ch);
            escaped = false;
        } else if ch == '\\' {
            escaped = true;
        } else if ch == '|' {
            cells.push(unescape_cell(&cur));
            cur.clear();
        } else {
            cur.push(ch);
        }
    }
    cells
}

/// Parses scenarios, expanding `Voorbeelden` (Examples) of outlines.
fn parse(file: &str, text: &str) -> Vec<Scenario> {
    let mut out = Vec::new();
    let mut current: Option<Scenario> = None;
    let mut examples: Option<Table> = None;
    let flush = |cur: &mut Option<Scenario>, ex: &mut Option<Table>, out: &mut Vec<Scenario>| {
        if let Some(s) = cur.take() {
            match ex.take() {
                Some(table) if table.len() > 1 => {
                    let header = &table[0];
                    for (i, values) in table.iter().skip(1).enumerate() {
                        let subst = |t: &str| {
                            let mut t = t.to_string();
                            for (h, v) in header.iter().zip(values) {
                                t = t.replace(&format!("<{h}>"), v);
                            }
                            t
                        };
                        out.push(Scenario {
                            file: s.file.clone(),
                            title: format!("{} #{}", subst(&s.title), i + 1),
                            steps: s
                                .steps
                                .iter()
                                .map(|(st, tb)| {
                                    (
                                        subst(st),
                                        tb.iter().map(|r| r.iter().map(|c| subst(c)).collect()).collect(),
                                    )
                                })
                                .collect(),
                        });
                    }
                }
                _ => out.push(s),
            }
        }
    };
    let mut in_examples = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("Scenario") || t.starts_with("Abstract Scenario") || t.starts_with("Scenariosjabloon") {
            flush(&mut current, &mut examples, &mut out);
            in_examples = false;
            let title = t.split_once(':').map(|(_, r)| r.trim()).unwrap_or("").to_string();
            current = Some(Scenario {
                file: file.to_string(),
                title,
                steps: Vec::new(),
            });
        } else if t.starts_with("Voorbeelden") || t.starts_with("Examples") {
            in_examples = true;
            examples = Some(Vec::new());
        } else if t.starts_with("Regel") || t.starts_with("Rule") || t.starts_with("Functionaliteit") {
            flush(&mut current, &mut examples, &mut out);
            in_examples = false;
        } else if t.starts_with('|') {
            if in_examples {
                if let Some(ex) = examples.as_mut() {
                    ex.push(row(t));
                }
            } else if let Some(s) = current.as_mut() {
                if let Some(last) = s.steps.last_mut() {
                    last.1.push(row(t));
                }
            }
        } else if ["Gegeven ", "Als ", "Dan ", "En ", "Maar "]
            .iter()
            .any(|k| t.starts_with(k))
        {
            if let Some(s) = current.as_mut() {
                s.steps.push((t.to_string(), Vec::new()));
            }
        }
    }
    flush(&mut current, &mut examples, &mut out);
    out
}

fn feature_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.unwrap().path();
        if p.is_dir() {
            feature_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "feature") {
            out.push(p);
        }
    }
}

/// The request as the official step definitions build it.
fn request(params: &Table) -> (Vec<(String, String)>, Value) {
    let mut headers = vec![
        ("Accept".to_string(), "application/json".to_string()),
        ("Content-Type".to_string(), "application/json".to_string()),
    ];
    let mut body = Map::new();
    let rows = params.iter().skip(1);
    let type_ = params
        .iter()
        .find(|r| r.first().map(String::as_str) == Some("type"))
        .and_then(|r| r.get(1).cloned())
        .unwrap_or_default();
    for r in rows {
        let (naam, waarde) = (r[0].clone(), r.get(1).cloned().unwrap_or_default());
        if let Some(h) = naam.strip_prefix("header: ") {
            headers.retain(|(k, _)| k != h);
            headers.push((h.to_string(), waarde));
        } else if naam.is_empty() && waarde.is_empty() {
        } else if naam == "fields" || (naam == "burgerservicenummer" && type_ == "RaadpleegMetBurgerservicenummer") {
            let items: Vec<Value> = if waarde.is_empty() {
                Vec::new()
            } else {
                waarde.split(',').map(|s| Value::String(s.to_string())).collect()
            };
            body.insert(naam, Value::Array(items));
        } else if naam == "burgerservicenummer (als string)" {
            body.insert("burgerservicenummer".into(), Value::String(waarde));
        } else if naam == "fields (als string)" {
            body.insert("fields".into(), Value::String(waarde));
        } else if waarde == "(131 maal aNummer)" {
            body.insert(
                naam,
                Value::Array((0..=131).map(|_| Value::String("aNummer".into())).collect()),
            );
        } else {
            body.insert(naam, Value::String(waarde));
        }
    }
    (headers, Value::Object(body))
}

fn table_objects(t: &Table) -> Vec<Map<String, Value>> {
    let Some(header) = t.first() else { return Vec::new() };
    t.iter()
        .skip(1)
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.iter().map(|c| Value::String(c.clone())))
                .collect()
        })
        .collect()
}

#[actix_web::test]
async fn official_fault_scenarios() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../standards/haalcentraal/brp-personen/features");
    let mut files = Vec::new();
    feature_files(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no feature files under {}", root.display());
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st).await;
    let (mut ran, mut set_apart, mut failures) = (0, 0, Vec::new());
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let name = f.strip_prefix(&root).unwrap().display().to_string();
        for sc in parse(&name, &text) {
            if sc.steps.iter().any(|(s, _)| s.starts_with("Gegeven")) {
                set_apart += 1;
                continue;
            }
            let Some((_, params)) = sc
                .steps
                .iter()
                .find(|(s, _)| s.contains("wordt gezocht met de volgende parameters"))
            else {
                continue;
            };
            ran += 1;
            let (headers, body) = request(params);
            let mut req = TestRequest::post()
                .uri("/haalcentraal/api/brp/personen")
                .insert_header(("Authorization", token("demo")))
                .set_payload(body.to_string());
            for (k, v) in &headers {
                req = req.insert_header((k.as_str(), v.as_str()));
            }
            let resp = test::call_service(&app, req.to_request()).await;
            let status = resp.status().as_u16();
            let bytes = test::read_body(resp).await;
            let got: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            let mut problems = Vec::new();
            for (step, table) in &sc.steps {
                if step.contains("een object met de volgende gegevens") {
                    for r in table.iter().skip(1) {
                        let (k, v) = (&r[0], &r[1]);
                        let actual = match &got[k] {
                            Value::String(s) => s.clone(),
                            Value::Null => String::new(),
                            other => other.to_string(),
                        };
                        if &actual != v {
                            problems.push(format!("{k}: expected {v:?}, got {actual:?}"));
                        }
                    }
                } else if step.contains("'invalidParams' gegevens") {
                    let mut expected = table_objects(table);
                    let mut actual: Vec<Map<String, Value>> = got["invalidParams"]
                        .as_array()
                        .map(|a| a.iter().filter_map(|x| x.as_object().cloned()).collect())
                        .unwrap_or_default();
                    let key = |m: &Map<String, Value>| format!("{}|{}|{}", m["name"], m["code"], m["reason"]);
                    expected.sort_by_key(key);
                    actual.sort_by_key(key);
                    let e: Vec<String> = expected.iter().map(key).collect();
                    let a: Vec<String> = actual.iter().map(key).collect();
                    if e != a {
                        problems.push(format!("invalidParams: expected {e:?}, got {a:?}"));
                    }
                } else if let Some(n) = step
                    .strip_prefix("Dan heeft de response ")
                    .and_then(|r| r.strip_suffix(" personen"))
                {
                    let n: usize = n.parse().unwrap_or(usize::MAX);
                    if status != 200 || got["personen"].as_array().map(Vec::len) != Some(n) {
                        problems.push(format!("expected 200 with {n} personen, got {status}: {got}"));
                    }
                }
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "{} — {}\n    body {}\n    {}",
                    sc.file,
                    sc.title,
                    body,
                    problems.join("\n    ")
                ));
            }
        }
    }
    eprintln!("official fault scenarios: {ran} run, {set_apart} set apart (afnemer authorisation)");
    assert!(ran >= 240, "only {ran} scenarios ran: is the parser broken?");
    assert!(
        failures.is_empty(),
        "{} of {ran} official scenarios differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
