//! The BRP query of household-budget: a citizen's name and residential address by BSN, through
//! the registry proxy with this component's own token and purpose (`platform::registry` does
//! the HTTP). Which of it is used is `domain::person`.

use crate::domain::person::BrpPerson;
use platform::registry::{BRP_PERSONEN, RegistryClient};
use platform::{Bsn, Problem};
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

/// The fields asked: only what a citizen's record holds.
const FIELDS: [&str; 9] = [
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "verblijfplaats.verblijfadres.officieleStraatnaam",
    "verblijfplaats.verblijfadres.huisnummer",
    "verblijfplaats.verblijfadres.huisletter",
    "verblijfplaats.verblijfadres.huisnummertoevoeging",
    "verblijfplaats.verblijfadres.postcode",
    "verblijfplaats.verblijfadres.woonplaats",
];

#[derive(Debug, Deserialize)]
struct PersonenAnswer {
    personen: Vec<Persoon>,
}

#[derive(Debug, Default, Deserialize)]
struct Persoon {
    #[serde(default)]
    naam: Option<Naam>,
    #[serde(default)]
    verblijfplaats: Option<Verblijfplaats>,
}

#[derive(Debug, Default, Deserialize)]
struct Naam {
    #[serde(default)]
    voornamen: Option<String>,
    #[serde(default)]
    voorvoegsel: Option<String>,
    #[serde(default)]
    geslachtsnaam: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Verblijfplaats {
    #[serde(default)]
    verblijfadres: Option<Verblijfadres>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Verblijfadres {
    #[serde(default)]
    officiele_straatnaam: Option<String>,
    #[serde(default)]
    huisnummer: Option<u32>,
    #[serde(default)]
    huisletter: Option<String>,
    #[serde(default)]
    huisnummertoevoeging: Option<String>,
    #[serde(default)]
    postcode: Option<String>,
    #[serde(default)]
    woonplaats: Option<String>,
}

/// Client of the proxy.
pub struct RegistryProxy {
    client: RegistryClient,
}

impl RegistryProxy {
    /// A client for the proxy at `base`, signing as `client_id` with `secret`.
    pub fn new(base: &str, client_id: &str, secret: &str, purpose: &str, timeout: Duration) -> Result<Self, String> {
        Ok(RegistryProxy {
            client: RegistryClient::new(base, client_id, secret, purpose, timeout)?,
        })
    }

    /// The citizen's name and address; `None` when the BRP has no such person.
    pub async fn person(&self, bsn: &Bsn) -> Result<Option<BrpPerson>, Problem> {
        let query = json!({
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [bsn],
            "fields": FIELDS,
        });
        let answer: PersonenAnswer = self.client.post("BRP personen", BRP_PERSONEN, &query).await?;
        Ok(answer.personen.into_iter().next().map(|p| {
            let naam = p.naam.unwrap_or_default();
            let adres = p.verblijfplaats.and_then(|v| v.verblijfadres).unwrap_or_default();
            let huisnummer = adres.huisnummer.map(|n| {
                let mut s = n.to_string();
                if let Some(l) = &adres.huisletter {
                    s.push_str(l);
                }
                if let Some(t) = &adres.huisnummertoevoeging {
                    s.push('-');
                    s.push_str(t);
                }
                s
            });
            BrpPerson {
                voornamen: naam.voornamen,
                voorvoegsel: naam.voorvoegsel,
                geslachtsnaam: naam.geslachtsnaam,
                straat: adres.officiele_straatnaam,
                huisnummer,
                postcode: adres.postcode,
                woonplaats: adres.woonplaats,
            }
        }))
    }

    /// The component's `/health/ready` entry for the proxy.
    pub fn upstream(&self) -> (String, platform::app::ReadyCheck) {
        self.client.upstream()
    }
}
