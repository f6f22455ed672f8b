//! Two registry-proxy processes on one database (SQLite file, and PostgreSQL when
//! `TEST_DATABASE_URL` is set) under load: every delivery of personal data is one audit record
//! in one chain, and `audit verify` finds that chain whole.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};

const KEY: &str = "replicas-1=replicas-audit-key-for-tests-0123456789";

/// A replica: the component's own binary on its own port.
struct Replica {
    child: Child,
    base: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn replica(database: &str, clients: &std::path::Path) -> Replica {
    let bind = platform::testing::free_address();
    let child = Command::new(env!("CARGO_BIN_EXE_registry-proxy"))
        .args([
            "--bind-address",
            &bind,
            "--database-url",
            database,
            "--metrics-bind-address",
            "off",
        ])
        .arg("--clients")
        .arg(clients)
        .args(["--audit-keys", KEY])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // owned at once, so that a replica that never gets ready is still killed and reaped
    let replica = Replica {
        child,
        base: format!("http://{bind}"),
    };
    for _ in 0..200 {
        if let Ok(r) = reqwest::get(format!("{}/health/ready", replica.base)).await {
            if r.status().is_success() {
                return replica;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("replica at {} did not become ready", replica.base);
}

#[actix_web::test]
async fn two_processes_write_one_valid_audit_chain() {
    let dir = std::env::temp_dir().join(format!("proxy-replicas-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let clients = dir.join("clients.toml");
    std::fs::write(
        &clients,
        format!(
            "[[client]]\nclient_id = \"demo\"\nsecret = \"{}\"\nscopes = [\"brp.personen.lezen\"]\nfields = [\"*\"]\n",
            secret()
        ),
    )
    .unwrap();
    for (backend, url) in platform::testing::database_urls() {
        // both start at once on the fresh database (their migrations take turns)
        let (a, b) = tokio::join!(replica(&url, &clients), replica(&url, &clients));
        let http = reqwest::Client::new();
        let ask = |base: String| {
            let http = http.clone();
            async move {
                http.post(format!("{base}/haalcentraal/api/brp/personen"))
                    .header("Authorization", token("demo"))
                    .json(&json!({"type": "RaadpleegMetBurgerservicenummer",
                        "burgerservicenummer": ["999990068"], "fields": ["naam.geslachtsnaam"]}))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        };
        let mut delivered = 0;
        for _ in 0..10 {
            let round = (0..40).map(|i| ask(if i % 2 == 0 { a.base.clone() } else { b.base.clone() }));
            let statuses = futures_util::future::join_all(round).await;
            assert!(statuses.iter().all(|s| *s == 200), "{backend}: {statuses:?}");
            delivered += statuses.len();
        }
        drop((a, b));
        let out = Command::new(env!("CARGO_BIN_EXE_registry-proxy"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", &*url)
            .env("GRONDWERK_AUDIT_KEYS", KEY)
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(out.status.success(), "{backend}: {report}");
        assert_eq!(report["geldig"], true, "{backend}: {report}");
        assert_eq!(
            report["aantalRecords"].as_u64(),
            Some(delivered as u64),
            "{backend}: {report}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
