//! The `upstream` source: the real Haal Centraal endpoints over reqwest (API key, optional mTLS,
//! timeouts). Upstream faults become 502, 503 or 504 without the upstream's body.

use super::Source;
use crate::domain::bag::AdresSearch;
use crate::domain::brp::query::PersonenQuery;
use crate::error::Error;
use futures_util::future::BoxFuture;
use platform::app::ReadyCheck;
use platform::{AdresseerbaarObjectId, NummeraanduidingId};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Settings and client of the upstream backend.
pub struct Upstream {
    /// BRP personen URL.
    pub brp_url: String,
    /// BAG base URL.
    pub bag_url: String,
    /// API key for `X-Api-Key`.
    pub api_key: Option<String>,
    /// HTTP client (timeouts, optional client certificate).
    pub http: reqwest::Client,
}

impl Upstream {
    /// Builds the client from settings; reads a PEM with certificate and key for mTLS.
    pub fn new(
        brp_url: String,
        bag_url: String,
        api_key: Option<String>,
        client_cert: Option<&str>,
        timeout: Duration,
    ) -> Result<Self, String> {
        let mut builder = reqwest::Client::builder().timeout(timeout).connect_timeout(timeout);
        if let Some(path) = client_cert {
            let pem = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            let identity = reqwest::Identity::from_pem(&pem).map_err(|e| format!("{path}: {e}"))?;
            builder = builder.identity(identity);
        }
        Ok(Upstream {
            brp_url,
            bag_url: bag_url.trim_end_matches('/').to_string(),
            api_key,
            http: builder.build().map_err(|e| e.to_string())?,
        })
    }

    /// GET a BAG path; `None` for 404.
    async fn bag_get(&self, path: &str) -> Result<Option<Value>, Error> {
        let resp = self
            .request(self.http.get(format!("{}{path}", self.bag_url)))
            .send()
            .await
            .map_err(|e| upstream_error("BAG", &e))?;
        json_or_problem("BAG", resp).await
    }

    fn request(&self, rb: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.api_key {
            Some(k) => rb.header("X-Api-Key", k),
            None => rb,
        }
    }
}

fn upstream_error(source: &'static str, e: &reqwest::Error) -> Error {
    tracing::warn!(
        source,
        timeout = e.is_timeout(),
        connect = e.is_connect(),
        "upstream call failed"
    );
    if e.is_timeout() {
        Error::Timeout(source)
    } else if e.is_connect() {
        Error::Unavailable(source)
    } else {
        Error::BadAnswer(source)
    }
}

async fn json_or_problem(source: &'static str, resp: reqwest::Response) -> Result<Option<Value>, Error> {
    let status = resp.status();
    if status == reqwest::StatusCode::NOT_FOUND {
        return Ok(None);
    }
    if status == reqwest::StatusCode::SERVICE_UNAVAILABLE {
        return Err(Error::Unavailable(source));
    }
    let body: Result<Value, _> = resp.json().await;
    match (status.is_success(), body) {
        (true, Ok(v)) => Ok(Some(v)),
        (false, Ok(v)) if v.get("code").and_then(Value::as_str) == Some("tooManyResults") => {
            // the only upstream refusal a validated request can meet; keep its meaning
            let limit = v
                .get("detail")
                .and_then(Value::as_str)
                .and_then(|d| d.split_whitespace().find_map(|w| w.parse().ok()))
                .unwrap_or(10);
            Err(Error::TooManyResults(limit))
        }
        (_, _) => {
            tracing::warn!(source, status = status.as_u16(), "upstream gave an unusable answer");
            Err(Error::BadAnswer(source))
        }
    }
}

impl Upstream {
    async fn personen_upstream(&self, q: &PersonenQuery) -> Result<Vec<(String, Value)>, Error> {
        let up = self;
        let mut body = q.upstream_body.clone();
        // the BSN is needed for protocollering even when the client did not ask it
        let asked_bsn = q.fields.iter().any(|f| f == "burgerservicenummer");
        if !asked_bsn {
            if let Some(Value::Array(f)) = body.get_mut("fields") {
                f.push(Value::String("burgerservicenummer".into()));
            }
        }
        let resp = up
            .request(up.http.post(&up.brp_url).json(&body))
            .send()
            .await
            .map_err(|e| upstream_error("BRP", &e))?;
        let v = json_or_problem("BRP", resp).await?.ok_or(Error::BadAnswer("BRP"))?;
        let personen = v.get("personen").and_then(Value::as_array).cloned().unwrap_or_default();
        let mut out = Vec::new();
        for mut p in personen {
            let bsn = p
                .get("burgerservicenummer")
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or(Error::BadAnswer("BRP"))?;
            if !asked_bsn {
                if let Value::Object(m) = &mut p {
                    m.remove("burgerservicenummer");
                }
            }
            out.push((bsn, p));
        }
        Ok(out)
    }
}

impl Source for Upstream {
    fn name(&self) -> &'static str {
        "upstream"
    }

    fn personen<'a>(&'a self, q: &'a PersonenQuery) -> BoxFuture<'a, Result<Vec<(String, Value)>, Error>> {
        Box::pin(self.personen_upstream(q))
    }

    fn adressen<'a>(&'a self, s: &'a AdresSearch, _self_href: &'a str) -> BoxFuture<'a, Result<Value, Error>> {
        Box::pin(async move {
            self.bag_get(&format!("/adressen?{}", s.raw_query))
                .await?
                .ok_or(Error::BadAnswer("BAG"))
        })
    }

    fn adres<'a>(&'a self, id: &'a NummeraanduidingId) -> BoxFuture<'a, Result<Option<Value>, Error>> {
        Box::pin(async move { self.bag_get(&format!("/adressen/{id}")).await })
    }

    fn adresseerbaar_object<'a>(
        &'a self,
        id: &'a AdresseerbaarObjectId,
    ) -> BoxFuture<'a, Result<Option<Value>, Error>> {
        Box::pin(async move { self.bag_get(&format!("/adresseerbareobjecten/{id}")).await })
    }

    fn ready_checks(&self) -> Vec<(String, ReadyCheck)> {
        let up = self;
        let check = |name: &str, url: String, http: reqwest::Client| -> (String, ReadyCheck) {
            let f: ReadyCheck = Arc::new(move || {
                let (url, http) = (url.clone(), http.clone());
                Box::pin(async move {
                    // any HTTP answer means the upstream is reachable
                    http.head(url).send().await.map(|_| ()).map_err(|e| e.to_string())
                })
            });
            (name.to_string(), f)
        };
        vec![
            check("brp", up.brp_url.clone(), up.http.clone()),
            check("bag", up.bag_url.clone(), up.http.clone()),
        ]
    }
}
