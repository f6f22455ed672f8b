//! The suite's secrets and files (security review, findings 5 and 6): no secret that is in the
//! repository is ever accepted; the suite makes random secrets for its demo clients in its data
//! folder, which with the audit key and the databases only its own user can read; and it does
//! not listen beyond loopback with those demo clients unless told to.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use platform::auth::{Claims, ClientConfig, sign_hs256};
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A token signed with a secret, for the demo client `demo` (every BRP field).
fn demo_token(secret: &str) -> String {
    let client = ClientConfig {
        client_id: "demo".into(),
        secret: Some(secret.into()),
        ..Default::default()
    };
    sign_hs256(&client, &Claims::default(), chrono::Utc::now().timestamp()).unwrap()
}

#[actix_web::test]
async fn the_suite_accepts_no_secret_of_the_repository_and_keeps_its_files_to_itself() {
    let data = temp_dir("secrets");
    // what an earlier version left: the demo clients with the published secrets, readable by all
    std::fs::write(
        data.join("demo-clients.toml"),
        "[[client]]\nclient_id = \"demo\"\nsecret = \"demo-secret-change-me-0123456789\"\n",
    )
    .unwrap();
    let suite = Suite::start(&data, false);
    let brp = format!("{}/haalcentraal/api/brp/personen", suite.url("REGISTRY_PROXY_PORT"));
    let ask = |token: String| {
        let brp = brp.clone();
        async move {
            reqwest::Client::new()
                .post(brp)
                .bearer_auth(token)
                .json(&serde_json::json!({ "type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"], "fields": ["naam"] }))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // the published demo secret reads nothing; the generated one does
    assert_eq!(ask(demo_token("demo-secret-change-me-0123456789")).await, 401);
    assert_eq!(ask(suite.token("demo", None)).await, 200);
    let clients = platform::auth::load_clients(data.join("clients.toml").to_str().unwrap()).unwrap();
    assert!(clients.len() > 10);
    for c in &clients {
        let secret = c.secret.as_deref().unwrap();
        assert!(
            secret.len() >= 64 && !platform::auth::is_published_secret(secret),
            "{}",
            c.client_id
        );
    }
    assert!(
        !data.join("demo-clients.toml").exists(),
        "the old file with published secrets is gone"
    );
    // `token` says what is wrong: a BSN that fails the eleven test, a client that is not there
    // (naming the ones that are)
    let token = |args: &[&str]| {
        let out = command(&data, &free_ports(), false)
            .arg("token")
            .args(args)
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (ok, err) = token(&["burgerportaal", "--bsn", "123456789"]);
    assert!(!ok && err.contains("elfproef"), "{err}");
    let (ok, err) = token(&["onbekend"]);
    assert!(
        !ok && err.contains("platform-demo") && err.contains("budgetbeheer"),
        "{err}"
    );

    // only the suite's own user reads the folder, the audit key, the clients and the databases
    assert_eq!(mode(&data), 0o700);
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "stderr.log" {
            continue; // this test's own file
        }
        assert_eq!(mode(&path), 0o600, "{name}");
        checked.push(name);
    }
    for name in [
        "audit-keys",
        "clients.toml",
        "registry-proxy.db",
        "catalog.db",
        "household-budget.db-wal",
    ] {
        assert!(checked.iter().any(|c| c == name), "{name} in {checked:?}");
    }
    drop(suite);

    // a clients file of one's own that holds a published secret stops the start, saying why
    let own = data.join("eigen-clients.toml");
    std::fs::write(&own, "[[client]]\nclient_id = \"demo\"\nsecret = \"demo-secret-change-me-0123456789\"\nscopes = [\"brp.personen.lezen\"]\n").unwrap();
    let out = command(&data, &free_ports(), false)
        .env("GRONDWERK_CLIENTS", &own)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("published in the Grondwerk repository"),
        "{err}"
    );
}

#[test]
fn the_demo_clients_stay_on_loopback_unless_told_otherwise() {
    let data = temp_dir("secrets-host");
    let mut child = command(&data, &free_ports(), false)
        .env("GRONDWERK_HOST", "0.0.0.0")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the suite listened on 0.0.0.0"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(!status.success(), "{err}");
    assert!(
        err.contains("--expose-demo-clients") && err.contains("0.0.0.0"),
        "{err}"
    );
    assert!(!data.join("clients.toml").exists());
}
