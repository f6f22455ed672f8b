//! The catalogue's pages in a real browser (headless Chromium through puppeteer-core): search,
//! filter and open a component as a visitor does, with axe-core finding no serious or critical
//! WCAG 2.1 AA violation on any page, the skip link first under the keyboard, and nothing wider
//! than a 320-pixel screen. Screenshots are saved. Needs Chromium, Node and the npm packages
//! that `tools/test-tools.sh` installs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use platform::component;
use serde_json::Value;
use std::path::PathBuf;

fn tools() -> PathBuf {
    let dir = std::env::var("GRONDWERK_TOOLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap()).join(".cache/grondwerk-tools"));
    for module in ["puppeteer-core", "axe-core"] {
        assert!(
            dir.join("node_modules").join(module).exists(),
            "{module} is needed for this test and is not installed: run tools/test-tools.sh once"
        );
    }
    assert!(
        std::path::Path::new("/usr/bin/chromium").exists() || std::env::var("CHROMIUM").is_ok(),
        "Chromium is needed for this test: apt-get install chromium (or set CHROMIUM to its path)"
    );
    dir
}

#[actix_web::test]
async fn pages_work_in_a_browser_and_meet_wcag_aa() {
    let tools = tools();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("catalog-browser");
    let shots = dir.join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let clients = dir.join("clients.toml");
    std::fs::write(
        &clients,
        "[[client]]\nclient_id = \"lezer\"\nsecret = \"browser-test-secret-0123456789abcdef\"\nscopes = []\n",
    )
    .unwrap();
    let bind = platform::testing::free_address();
    let args = platform::testing::component_args("catalog", &bind, &platform::testing::sqlite_url(), &clients);
    let cli = component::parse::<catalog::Catalog, _, _>(args).unwrap();
    let auth = std::sync::Arc::new(cli.common.authenticator().unwrap());
    let server = component::start::<catalog::Catalog>(cli.common, cli.component, auth)
        .await
        .unwrap();
    let handle = server.handle();
    actix_web::rt::spawn(server);

    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/pages.mjs");
    // the script runs from the tools folder, where its npm packages are
    let copy = tools.join("catalog-pages.mjs");
    std::fs::copy(&script, &copy).unwrap();
    let out = tokio::process::Command::new("node")
        .arg(&copy)
        .arg(format!("http://{bind}"))
        .arg(&shots)
        .current_dir(&tools)
        .output()
        .await
        .expect("node runs");
    handle.stop(true).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "browser script failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: Value = serde_json::from_str(stdout.lines().last().unwrap_or("")).unwrap();
    let pages = result["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3, "{result}");
    for p in pages {
        let serious: Vec<&Value> = p["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
            .collect();
        assert!(serious.is_empty(), "{}: {serious:?}", p["name"]);
        assert!(shots.join(format!("{}.png", p["name"].as_str().unwrap())).exists());
    }
    let checks = &result["checks"];
    assert_eq!(
        checks["homeLayers"],
        serde_json::json!(["Interactie", "Proces", "Integratie", "Services", "Data"])
    );
    assert_eq!(checks["firstFocus"], "Naar de inhoud", "{checks}");
    assert!(
        checks["searchUrl"].as_str().unwrap().contains("laag=services"),
        "{checks}"
    );
    assert_eq!(
        checks["results"],
        serde_json::json!(["Grondwerk household-budget"]),
        "{checks}"
    );
    // the layer filter over our four and the seeded landscape
    assert_eq!(
        checks["integratie"],
        serde_json::json!(["Grondwerk registry-proxy", "Open Notificaties"]),
        "{checks}"
    );
    assert_eq!(checks["componentTitle"], "Grondwerk household-budget");
    assert!(
        checks["swaggerTitle"]
            .as_str()
            .unwrap()
            .starts_with("Grondwerk huishoudboekje"),
        "{checks}"
    );
    let text = checks["componentText"].as_str().unwrap();
    assert!(
        text.contains("Score op de API Design Rules 2.2") && text.contains("100%"),
        "{text}"
    );
    // the finding in Dutch, with its rule code; not the ruleset's English message
    assert!(
        text.contains("nlgov:servers-use-https")
            && text.contains("Server-URL's gebruiken https.")
            && !text.contains("must match the pattern"),
        "{text}"
    );
    for (k, v) in checks
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.starts_with("width320"))
    {
        assert!(v.as_i64().unwrap() <= 320, "{k}: {v} pixels wide");
    }
    assert_eq!(
        checks["brokenWords320"],
        serde_json::json!([]),
        "words of the component's tables broken over two lines at 320 pixels"
    );
    println!("screenshots: {}", shots.display());
}
