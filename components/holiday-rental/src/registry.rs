//! Typed client of the registry proxy (Haal Centraal BRP and BAG). The component signs its own
//! tokens, states its purpose and asks the BRP for two fields only. Answers are read into serde
//! structs: an answer of the wrong shape is a 502 (the proxy misbehaves), never a business
//! decision; the decision itself is `domain::eligibility`.

use crate::domain::eligibility::{BagAddress, BrpResident};
use platform::auth::{Claims, ClientConfig, sign_hs256};
use platform::{Bsn, Gemeentecode, NummeraanduidingId, Problem};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;
use std::time::Duration;

/// Client of the proxy.
pub struct RegistryProxy {
    base: String,
    client: ClientConfig,
    purpose: String,
    http: reqwest::Client,
}

const BAG: &str = "/lvbag/individuelebevragingen/v2";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdresAnswer {
    adresseerbaar_object_identificatie: String,
    openbare_ruimte_naam: String,
    huisnummer: u32,
    #[serde(default)]
    huisletter: Option<String>,
    #[serde(default)]
    huisnummertoevoeging: Option<String>,
    #[serde(default)]
    postcode: Option<String>,
    woonplaats_naam: String,
}

impl AdresAnswer {
    fn display(&self) -> String {
        let mut s = format!("{} {}", self.openbare_ruimte_naam, self.huisnummer);
        if let Some(l) = &self.huisletter {
            s.push_str(l);
        }
        if let Some(t) = &self.huisnummertoevoeging {
            s.push('-');
            s.push_str(t);
        }
        s.push_str(", ");
        if let Some(p) = &self.postcode {
            s.push_str(p);
            s.push(' ');
        }
        s.push_str(&self.woonplaats_naam);
        s
    }
}

#[derive(Debug, Deserialize)]
struct ObjectAnswer {
    #[serde(default)]
    verblijfsobject: Option<VerblijfsobjectWrapper>,
}

#[derive(Debug, Deserialize)]
struct VerblijfsobjectWrapper {
    verblijfsobject: Verblijfsobject,
}

#[derive(Debug, Deserialize)]
struct Verblijfsobject {
    #[serde(default)]
    gebruiksdoelen: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PersonenAnswer {
    personen: Vec<Persoon>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Persoon {
    #[serde(default)]
    verblijfplaats: Option<Verblijfplaats>,
    gemeente_van_inschrijving: Waardetabel,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Verblijfplaats {
    #[serde(default)]
    nummeraanduiding_identificatie: Option<NummeraanduidingId>,
}

#[derive(Debug, Deserialize)]
struct Waardetabel {
    code: Gemeentecode,
}

fn unavailable(e: impl std::fmt::Display) -> Problem {
    tracing::warn!(error = %e, "registry proxy call failed");
    Problem::service_unavailable("registry proxy (BRP/BAG)")
}

fn malformed(what: &str, e: impl std::fmt::Display) -> Problem {
    tracing::error!(error = %e, answer = what, "registry proxy answered in an unexpected shape");
    Problem::bad_gateway("registry proxy (BRP/BAG)")
}

impl RegistryProxy {
    /// A client for the proxy at `base`, signing as `client_id` with `secret`.
    pub fn new(base: &str, client_id: &str, secret: &str, purpose: &str, timeout: Duration) -> Result<Self, String> {
        Ok(RegistryProxy {
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

    /// Reads a typed answer; 404 is `None`, a failed call 503, a wrong shape 502.
    async fn answer<T: DeserializeOwned>(&self, what: &str, rb: reqwest::RequestBuilder) -> Result<Option<T>, Problem> {
        let resp = rb
            .bearer_auth(self.token()?)
            .header("X-Doelbinding", &self.purpose)
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

    /// The BAG address with its object's gebruiksdoelen; `None` when it does not exist.
    pub async fn bag_address(&self, id: &NummeraanduidingId) -> Result<Option<BagAddress>, Problem> {
        let url = format!("{}{BAG}/adressen/{id}", self.base);
        let Some(adres) = self.answer::<AdresAnswer>("BAG adres", self.http.get(url)).await? else {
            return Ok(None);
        };
        let url = format!(
            "{}{BAG}/adresseerbareobjecten/{}",
            self.base, adres.adresseerbaar_object_identificatie
        );
        // lig- and standplaatsen have no gebruiksdoel, so they never have woonfunctie
        let gebruiksdoelen = self
            .answer::<ObjectAnswer>("BAG adresseerbaar object", self.http.get(url))
            .await?
            .and_then(|o| o.verblijfsobject)
            .map(|v| v.verblijfsobject.gebruiksdoelen)
            .unwrap_or_default();
        Ok(Some(BagAddress {
            display: adres.display(),
            adresseerbaar_object_id: adres.adresseerbaar_object_identificatie,
            gebruiksdoelen,
        }))
    }

    /// Where the applicant lives and their municipality; `None` when the BRP has no such person.
    pub async fn resident(&self, bsn: &Bsn) -> Result<Option<BrpResident>, Problem> {
        let rb = self
            .http
            .post(format!("{}/haalcentraal/api/brp/personen", self.base))
            .json(&json!({
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": [bsn],
                "fields": ["verblijfplaats.nummeraanduidingIdentificatie", "gemeenteVanInschrijving"],
            }));
        let answer: PersonenAnswer = self
            .answer("BRP personen", rb)
            .await?
            .ok_or_else(|| unavailable("BRP personen: 404"))?;
        Ok(answer.personen.into_iter().next().map(|p| BrpResident {
            nummeraanduiding: p.verblijfplaats.and_then(|v| v.nummeraanduiding_identificatie),
            gemeente: p.gemeente_van_inschrijving.code,
        }))
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
}
