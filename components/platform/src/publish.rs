//! Publishing a component into the component catalogue: its publiccode.yml and its OpenAPI spec
//! (as it serves it) go to `POST {CATALOG_URL}/api/v1/componenten`, signed as the configured
//! client. The catalogue adds a version only when something changed. Components publish at
//! start-up when `CATALOG_URL` is set, and with the `publish` subcommand.

use crate::auth::{Claims, ClientConfig, sign_hs256};
use crate::component::Component;
use crate::config::CommonConfig;
use serde_json::json;
use std::time::Duration;

/// What the catalogue did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new component, or a new version of it.
    NewVersion(i64),
    /// The catalogue had this already as its latest version.
    Unchanged(i64),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::NewVersion(v) => write!(f, "published as version {v}"),
            Outcome::Unchanged(v) => write!(f, "unchanged: version {v} is the same"),
        }
    }
}

/// Where and as whom to publish; `None` when `CATALOG_URL` is not set.
fn target(common: &CommonConfig) -> Result<Option<(String, ClientConfig)>, String> {
    let Some(url) = &common.catalog_url else {
        return Ok(None);
    };
    let (Some(id), Some(secret)) = (&common.catalog_client_id, &common.catalog_secret) else {
        return Err("CATALOG_URL is set: CATALOG_CLIENT_ID and CATALOG_SECRET are needed too".into());
    };
    let client = ClientConfig {
        client_id: id.clone(),
        secret: Some(secret.clone()),
        ..Default::default()
    };
    Ok(Some((url.trim_end_matches('/').to_string(), client)))
}

/// Checks the publishing settings at start-up (a half-configured catalogue fails the start).
pub fn check(common: &CommonConfig) -> Result<bool, String> {
    Ok(target(common)?.is_some())
}

/// Publishes component `C` once.
pub async fn publish<C: Component>(common: &CommonConfig) -> Result<Outcome, String> {
    let (url, client) = target(common)?.ok_or("CATALOG_URL is not set")?;
    if C::PUBLICCODE.is_empty() {
        return Err(format!("{} has no publiccode.yml", C::NAME));
    }
    let token = sign_hs256(&client, &Claims::default(), chrono::Utc::now().timestamp())?;
    let spec = serde_json::to_value(C::openapi()).map_err(|e| e.to_string())?;
    let resp = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())?
        .post(format!("{url}/api/v1/componenten"))
        .bearer_auth(token)
        .json(&json!({ "publiccode": C::PUBLICCODE, "openapi": spec }))
        .send()
        .await
        .map_err(|e| format!("catalogue {url}: {e}"))?;
    let status = resp.status().as_u16();
    let body: serde_json::Value = resp.json().await.unwrap_or_default();
    let field = |name: &str| body.get(name);
    let version = field("laatsteVersie")
        .and_then(serde_json::Value::as_i64)
        .unwrap_or_default();
    match status {
        201 => Ok(Outcome::NewVersion(version)),
        200 => Ok(Outcome::Unchanged(version)),
        s => Err(format!(
            "catalogue {url} answered {s}: {}",
            field("detail")
                .or(field("title"))
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
        )),
    }
}

/// Publishes in the background after start-up, retrying while the catalogue is not reachable
/// (it may start after this component); the outcome is logged.
pub fn publish_in_background<C: Component>(common: CommonConfig) {
    actix_web::rt::spawn(async move {
        let mut wait = Duration::from_millis(500);
        for attempt in 1..=8 {
            match publish::<C>(&common).await {
                Ok(outcome) => {
                    tracing::info!(component = C::NAME, %outcome, "published to the catalogue");
                    return;
                }
                Err(e) if attempt < 8 => {
                    tracing::warn!(component = C::NAME, error = %e, attempt, "publishing to the catalogue failed; retrying");
                    actix_web::rt::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(30));
                }
                Err(e) => tracing::error!(component = C::NAME, error = %e, "publishing to the catalogue failed"),
            }
        }
    });
}
