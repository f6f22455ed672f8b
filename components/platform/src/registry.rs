//! The HTTP side of calling the registry proxy (Haal Centraal BRP and BAG) from a component: the
//! component signs its own short-lived token, states its purpose (doelbinding) on every call,
//! and reads answers into serde types. A failed call is a 503, an answer of the wrong shape a
//! 502 (the proxy misbehaves), never a business decision. What to ask and what the answer means
//! stays with each component.

use crate::Problem;
use crate::auth::{Claims, ClientConfig, sign_hs256};
use serde::de::DeserializeOwned;
use std::time::Duration;

/// A client of the registry proxy for one component and purpose (cheap to clone: the HTTP
/// client shares its connection pool).
#[derive(Clone)]
pub struct RegistryClient {
    base: String,
    client: ClientConfig,
    purpose: String,
    http: reqwest::Client,
}

/// A house number as the BAG and the BRP answer it: the number, a letter, an addition (flattened
/// into an address's answer type with `#[serde(flatten)]`).
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct Huisnummer {
    /// The number.
    #[serde(default)]
    pub huisnummer: Option<u32>,
    /// A letter after the number (`12A`).
    #[serde(default)]
    pub huisletter: Option<String>,
    /// An addition after it (`12A-2`).
    #[serde(default)]
    pub huisnummertoevoeging: Option<String>,
}

impl Huisnummer {
    /// As written on an address: `12A-2`; `None` without a number.
    pub fn display(&self) -> Option<String> {
        let mut s = self.huisnummer?.to_string();
        if let Some(l) = &self.huisletter {
            s.push_str(l);
        }
        if let Some(t) = &self.huisnummertoevoeging {
            s.push('-');
            s.push_str(t);
        }
        Some(s)
    }
}

/// Path of the BAG API on the proxy.
pub const BAG: &str = "/lvbag/individuelebevragingen/v2";
/// Path of BRP Personen on the proxy.
pub const BRP_PERSONEN: &str = "/haalcentraal/api/brp/personen";

fn unavailable(e: impl std::fmt::Display) -> Problem {
    tracing::warn!(error = %e, "registry proxy call failed");
    Problem::service_unavailable("registry proxy (BRP/BAG)")
}

/// An answer of the proxy in a shape it should not have (`what`, why): logged, and a 502, never
/// a business decision.
pub fn malformed(what: &str, e: impl std::fmt::Display) -> Problem {
    tracing::error!(error = %e, answer = what, "registry proxy answered in an unexpected shape");
    Problem::bad_gateway("registry proxy (BRP/BAG)")
}

impl RegistryClient {
    /// A client for the proxy at `base`, signing as `client_id` with `secret`, stating `purpose`.
    pub fn new(base: &str, client_id: &str, secret: &str, purpose: &str, timeout: Duration) -> Result<Self, String> {
        Ok(RegistryClient {
            base: base.trim_end_matches('/').to_string(),
            client: ClientConfig {
                client_id: client_id.into(),
                secret: Some(secret.into()),
                ..Default::default()
            },
            purpose: purpose.to_string(),
            http: reqwest::Client::builder()
                .timeout(timeout)
                .build()
                .map_err(|e| e.to_string())?,
        })
    }

    fn token(&self) -> Result<String, Problem> {
        let claims = Claims {
            doelbinding: Some(self.purpose.clone()),
            ..Default::default()
        };
        sign_hs256(&self.client, &claims, chrono::Utc::now().timestamp()).map_err(|e| {
            tracing::error!(error = %e, "cannot sign registry proxy token");
            Problem::internal()
        })
    }

    /// Sends a call on behalf of the action `trace` (its `traceparent`, so the proxy's records
    /// join the trace) and reads a typed answer; 404 is `None`.
    async fn answer<T: DeserializeOwned>(
        &self,
        what: &str,
        trace: &crate::ldv::Trace,
        rb: reqwest::RequestBuilder,
    ) -> Result<Option<T>, Problem> {
        let resp = rb
            .bearer_auth(self.token()?)
            .header("X-Doelbinding", &self.purpose)
            .header(crate::ldv::TRACEPARENT, trace.traceparent())
            .send()
            .await
            .map_err(unavailable)?;
        match resp.status().as_u16() {
            404 => Ok(None),
            200 => {
                let bytes = resp.bytes().await.map_err(unavailable)?;
                serde_json::from_slice(&bytes).map(Some).map_err(|e| malformed(what, e))
            }
            s => Err(unavailable(format!("{what}: status {s}"))),
        }
    }

    /// `GET {base}{path}`, typed; `None` on 404.
    pub async fn get<T: DeserializeOwned>(
        &self,
        what: &str,
        trace: &crate::ldv::Trace,
        path: &str,
    ) -> Result<Option<T>, Problem> {
        self.answer(what, trace, self.http.get(format!("{}{path}", self.base)))
            .await
    }

    /// `POST {base}{path}` with a JSON body, typed; a 404 is a failed call (search endpoints
    /// answer an empty list, not 404).
    pub async fn post<T: DeserializeOwned>(
        &self,
        what: &str,
        trace: &crate::ldv::Trace,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, Problem> {
        self.answer(what, trace, self.http.post(format!("{}{path}", self.base)).json(body))
            .await?
            .ok_or_else(|| unavailable(format!("{what}: 404")))
    }

    /// For `/health/ready`: the proxy answers.
    pub async fn ping(&self) -> Result<(), String> {
        self.http
            .get(format!("{}/health/live", self.base))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// The component's `/health/ready` entry for the proxy.
    pub fn upstream(&self) -> (String, crate::app::ReadyCheck) {
        let client = self.clone();
        let check: crate::app::ReadyCheck = std::sync::Arc::new(move || {
            let c = client.clone();
            Box::pin(async move { c.ping().await })
        });
        ("registry-proxy".into(), check)
    }
}
