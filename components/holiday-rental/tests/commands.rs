//! The component's own commands beside a running suite (`cargo run` keeps its clients and audit
//! key in ./data): `token` and `audit verify` find them there, and say exactly what is missing
//! when they are not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_holiday-rental"))
        .args(args)
        .current_dir(dir)
        .env_remove("GRONDWERK_CLIENTS")
        .env_remove("GRONDWERK_AUDIT_KEYS")
        .env_remove("GRONDWERK_DATA_DIR")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn token_and_audit_verify_work_beside_a_suite_and_say_what_is_missing() {
    let base = std::env::temp_dir().join(format!("hr-commands-{}", uuid::Uuid::new_v4().simple()));
    let (suite, elsewhere) = (base.join("suite"), base.join("elders"));
    std::fs::create_dir_all(suite.join("data")).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    let clients = platform::auth::fill_secrets(
        "[[client]]\nclient_id = \"platform-demo\"\nscopes = [\"vakantieverhuur.controleren\"]\n\n[[client]]\nclient_id = \"burgerportaal\"\nscopes = [\"vakantieverhuur.aanvragen\"]\n",
    );
    std::fs::write(suite.join("data/clients.toml"), &clients).unwrap();
    std::fs::write(
        suite.join("data/audit-keys"),
        format!("demo={}\n", platform::auth::generate_secret()),
    )
    .unwrap();

    // beside the suite: a token signed with the suite's secret, and the chain verified
    let (ok, token, err) = run(&suite, &["token", "platform-demo"]);
    assert!(ok, "{err}");
    let secret = platform::auth::parse_clients(&clients).unwrap()[0]
        .secret
        .clone()
        .unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    jsonwebtoken::decode::<serde_json::Value>(
        token.trim(),
        &jsonwebtoken::DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .unwrap();
    let (ok, report, err) = run(&suite, &["audit", "verify"]);
    assert!(ok, "{err}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&report).unwrap()["geldig"],
        true
    );

    // the same mistakes get a message that says what to do
    let (ok, _, err) = run(&suite, &["token", "burgerportaal", "--bsn", "123456789"]);
    assert!(!ok && err.contains("elfproef"), "{err}");
    let (ok, _, err) = run(&suite, &["token", "onbekend"]);
    assert!(!ok && err.contains("platform-demo, burgerportaal"), "{err}");
    let (ok, _, err) = run(&elsewhere, &["token", "platform-demo"]);
    assert!(
        !ok && err.contains("GRONDWERK_CLIENTS") && err.contains("data/clients.toml"),
        "{err}"
    );
    let (ok, _, err) = run(&elsewhere, &["audit", "verify"]);
    assert!(
        !ok && err.contains("GRONDWERK_AUDIT_KEYS") && err.contains("data/audit-keys"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&base);
}
