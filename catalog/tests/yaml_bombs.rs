//! YAML alias amplification: an anchor on a 200 KB scalar referred to thousands of times is a
//! gigabyte of tree. The security review published such a publiccode.yml (201, +1.2 GB RSS);
//! now it is refused with 422 naming the expanded size, and so is such a spec, in the API and
//! in the CLIs, without the memory.
//!
//! This test binary counts its own heap (one test, so nothing else allocates alongside).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use cap::Cap;
use common::*;
use serde_json::json;
use std::alloc::System;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const MIB: usize = 1024 * 1024;

/// `aliases` references to an anchored scalar of 200 KB, under an extension key.
fn bomb(prefix: &str, aliases: usize) -> String {
    let mut y = format!("{prefix}x-bom-tekst: &a \"{}\"\nx-bom:\n", "x".repeat(200 * 1024));
    for _ in 0..aliases {
        y.push_str("  - *a\n");
    }
    y
}

/// The peak heap while `f` runs, above what was in use before (max_allocated only grows, so a
/// later measurement reads at least its own peak, never less).
async fn peak_during<T>(f: impl std::future::Future<Output = T>) -> (T, usize) {
    let before = ALLOCATOR.allocated();
    let out = f.await;
    (out, ALLOCATOR.max_allocated().saturating_sub(before))
}

#[actix_web::test]
async fn aliases_that_expand_a_document_are_refused_without_the_memory() {
    let (_, url) = platform::testing::database_urls().into_iter().next().unwrap();
    let mut st = state(&url);
    st.builtin_entries = false;
    let app = platform::testing::component_app::<catalog::Catalog>(st).await;
    let supplier = token("leverancier");

    // a publiccode.yml: 200 KB anchored, 5,000 aliases (1 GB expanded)
    let file = bomb(&supplier_file("1.0.0"), 5_000);
    assert!(file.len() < 300 * 1024);
    let (answer, peak) = peak_during(send(&app, publish(&supplier, json!({ "publiccode": file })))).await;
    let (status, problem) = answer;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["code"], "onleesbaarPubliccode", "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("uitgeklapt (met de aliassen ingevuld) groter dan 4 MB"),
        "{problem}"
    );
    assert!(
        peak < 64 * MIB,
        "refusing the publiccode.yml took {} MB of heap",
        peak / MIB
    );
    // nothing was stored
    let (_, page) = send(&app, get("/api/v1/componenten")).await;
    assert_eq!(page["paginering"]["totalItems"], 0, "{page}");

    // a YAML spec (an openapiUrl answer, the lint and diff CLIs read it the same way)
    let spec = bomb("openapi: 3.0.3\ninfo: {title: bom, version: '1'}\npaths: {}\n", 5_000);
    let (read, peak) = peak_during(async { catalog::domain::openapi::parse(&spec) }).await;
    let why = read.unwrap_err();
    assert!(why.contains("groter dan 40 MB"), "{why}");
    assert!(peak < 64 * MIB, "refusing the spec took {} MB of heap", peak / MIB);

    // a publiccode.yml that uses an alias modestly is still read
    let modest = format!("{}x-herhaald: &h [a, b]\nx-nogmaals: *h\n", supplier_file("1.0.1"));
    let (status, body) = send(&app, publish(&supplier, json!({ "publiccode": modest }))).await;
    assert_eq!(status, 201, "{body}");

    // the CLIs: exit 2, naming the problem
    let dir = std::env::temp_dir().join(format!("catalog-yaml-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bom.yaml");
    std::fs::write(&path, &spec).unwrap();
    for args in [
        vec!["lint", path.to_str().unwrap()],
        vec!["diff", path.to_str().unwrap(), path.to_str().unwrap()],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_catalog"))
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("uitgeklapt"), "{args:?}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
