//! Asks the registry proxy (Haal Centraal BRP and BAG) whether an address exists, has a
//! residential use, and whether the applicant lives there. The component signs its own tokens
//! and states its purpose; it asks the BRP for two fields only.

use platform::Problem;
use platform::auth::{Claims, ClientConfig, sign_hs256};
use serde_json::{Value, json};
use std::time::Duration;

/// What the checks established about the address.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedAddress {
    /// BAG verblijfsobject id.
    pub adresseerbaar_object_id: String,
    /// Address for display, e.g. `Keizersgracht 123, 1015CJ Amsterdam`.
    pub adres: String,
    /// The applicant's municipality of registration.
    pub gemeentecode: String,
}

/// Client of the registry proxy.
pub struct RegistryProxy {
    base: String,
    client: ClientConfig,
    purpose: String,
    http: reqwest::Client,
}

const BAG: &str = "/lvbag/individuelebevragingen/v2";

fn refused(code: &str, title: &str, detail: &str) -> Problem {
    Problem::unprocessable(code, title, detail)
}

fn unavailable(e: impl std::fmt::Display) -> Problem {
    tracing::warn!(error = %e, "registry proxy call failed");
    Problem::service_unavailable("registry proxy (BRP/BAG)")
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

    async fn get(&self, path: &str) -> Result<Option<Value>, Problem> {
        let resp = self
            .http
            .get(format!("{}{path}", self.base))
            .bearer_auth(self.token()?)
            .header("X-Doelbinding", &self.purpose)
            .send()
            .await
            .map_err(unavailable)?;
        match resp.status().as_u16() {
            404 => Ok(None),
            200 => resp.json().await.map(Some).map_err(unavailable),
            s => Err(unavailable(format!("status {s}"))),
        }
    }

    /// Runs the three checks for an application; 422 with the failed check's code, 503 when the
    /// proxy cannot answer.
    pub async fn check_application(&self, bsn: &str, nummeraanduiding: &str) -> Result<CheckedAddress, Problem> {
        let adres = self
            .get(&format!("{BAG}/adressen/{nummeraanduiding}"))
            .await?
            .ok_or_else(|| {
                refused(
                    "adresBestaatNiet",
                    "Het adres bestaat niet.",
                    "Er is geen BAG-adres met deze nummeraanduidingIdentificatie.",
                )
            })?;
        let object_id = adres["adresseerbaarObjectIdentificatie"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let object = if object_id.is_empty() {
            None
        } else {
            self.get(&format!("{BAG}/adresseerbareobjecten/{object_id}")).await?
        };
        // lig- and standplaatsen have no gebruiksdoel, so they never have woonfunctie
        let woonfunctie = object
            .as_ref()
            .and_then(|o| o["verblijfsobject"]["verblijfsobject"]["gebruiksdoelen"].as_array())
            .is_some_and(|d| d.iter().any(|g| g == "woonfunctie"));
        if !woonfunctie {
            return Err(refused(
                "geenWoonfunctie",
                "Het adres heeft geen woonfunctie.",
                "Alleen een woning met woonfunctie kan worden verhuurd aan toeristen.",
            ));
        }
        let resp = self
            .http
            .post(format!("{}/haalcentraal/api/brp/personen", self.base))
            .bearer_auth(self.token()?)
            .header("X-Doelbinding", &self.purpose)
            .json(&json!({
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": [bsn],
                "fields": ["verblijfplaats.nummeraanduidingIdentificatie", "gemeenteVanInschrijving"],
            }))
            .send()
            .await
            .map_err(unavailable)?;
        if !resp.status().is_success() {
            return Err(unavailable(format!("BRP status {}", resp.status())));
        }
        let body: Value = resp.json().await.map_err(unavailable)?;
        let persoon = &body["personen"][0];
        if persoon["verblijfplaats"]["nummeraanduidingIdentificatie"].as_str() != Some(nummeraanduiding) {
            return Err(refused(
                "woontNietOpAdres",
                "De aanvrager woont niet op dit adres.",
                "Volgens de BRP staat de aanvrager niet ingeschreven op dit adres.",
            ));
        }
        let gemeentecode = persoon["gemeenteVanInschrijving"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mut display = format!(
            "{} {}",
            adres["openbareRuimteNaam"].as_str().unwrap_or_default(),
            adres["huisnummer"]
        );
        if let Some(l) = adres["huisletter"].as_str() {
            display.push_str(l);
        }
        if let Some(t) = adres["huisnummertoevoeging"].as_str() {
            display.push_str(&format!("-{t}"));
        }
        display.push_str(&format!(
            ", {} {}",
            adres["postcode"].as_str().unwrap_or_default(),
            adres["woonplaatsNaam"].as_str().unwrap_or_default()
        ));
        Ok(CheckedAddress {
            adresseerbaar_object_id: object_id,
            adres: display,
            gemeentecode,
        })
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
