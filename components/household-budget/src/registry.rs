//! The BRP query of household-budget: a citizen's name and residential address by BSN, through
//! the registry proxy with this component's own token and purpose (`platform::registry` does
//! the HTTP). Which of it is used is `domain::person`.

use crate::domain::person::BrpPerson;
use platform::ldv::Trace;
use platform::registry::{BRP_PERSONEN, Huisnummer, RegistryClient};
use platform::{Bsn, Problem};
use serde::Deserialize;
use serde_json::json;

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
    #[serde(flatten)]
    nummer: Huisnummer,
    #[serde(default)]
    postcode: Option<String>,
    #[serde(default)]
    woonplaats: Option<String>,
}

/// The citizen's name and address; `None` when the BRP has no such person.
pub async fn person(client: &RegistryClient, trace: &Trace, bsn: &Bsn) -> Result<Option<BrpPerson>, Problem> {
    let query = json!({
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": [bsn],
        "fields": FIELDS,
    });
    let answer: PersonenAnswer = client.post("BRP personen", trace, BRP_PERSONEN, &query).await?;
    Ok(answer.personen.into_iter().next().map(|p| {
        let naam = p.naam.unwrap_or_default();
        let adres = p.verblijfplaats.and_then(|v| v.verblijfadres).unwrap_or_default();
        let huisnummer = adres.nummer.display();
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
