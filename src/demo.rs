//! Demo data for the suite, made through the components' own APIs with the demo clients (so it
//! is validated, audited and protocolled as any other use): a holiday-rental registration
//! with stays, and a household-budget citizen from the BRP with afspraken and the Huishoudboekje
//! sample statement imported (bookings, and a signal for a payment that did not come).

use crate::SuiteConfig;
use platform::auth::Claims;
use serde_json::{Value, json};

/// The Huishoudboekje sample statement (CAMT.053, July 2024) the demo imports.
const SAMPLE_STATEMENT: &[u8] =
    include_bytes!("../standards/samples/camt/huishoudboekje_persona1_202407_camt053.001.02.xml");

/// What the demo data holds, for the start-up text.
#[derive(Debug, Clone)]
pub struct Demo {
    /// Registration numbers of the demo registrations (without spaces).
    pub registrations: Vec<String>,
    /// The household-budget citizen's id.
    pub citizen: String,
    /// Bookings made by the statement import.
    pub booked: u64,
}

/// Signs a token for a client of the suite's clients file (with a citizen's BSN when given).
pub fn token(config: &SuiteConfig, client_id: &str, bsn: Option<&str>) -> Result<String, String> {
    let path = config.clients.as_ref().ok_or_else(|| {
        format!(
            "no clients file: start the suite once (it writes {}) or name one with --clients",
            config.data_dir.join(crate::CLIENTS_FILE).display()
        )
    })?;
    let claims = Claims {
        bsn: bsn.map(str::to_string),
        ..Default::default()
    };
    platform::auth::sign_for_client_in(path, client_id, &claims)
}

/// Adults of the registry proxy's mock population who live at a home of their own in a
/// municipality with holiday-rental rules (never the demo people's homes), as (BSN, address).
fn residents(count: usize) -> Vec<(String, String)> {
    let data = registry_proxy::backend::mock::MockData::generate();
    let adult = chrono::Utc::now().date_naive() - chrono::Days::new(365 * 25);
    let mut taken: Vec<&str> = vec!["0363200000123456", "0344200000200200"];
    let mut found = Vec::new();
    for p in &data.persons {
        let Some(a) = data.addresses.get(p.address) else {
            continue;
        };
        let fits = p.overlijden.is_none()
            && !p.geheimhouding
            && p.bsn.len() == 9
            && p.geboortedatum < adult
            && a.gebruiksdoelen.contains(&"woonfunctie")
            && matches!(a.gemeentecode.as_str(), "0363" | "0344" | "0599")
            && !taken.contains(&a.nummeraanduiding_id.as_str());
        if fits {
            taken.push(&a.nummeraanduiding_id);
            found.push((p.bsn.clone(), a.nummeraanduiding_id.clone()));
            if found.len() == count {
                break;
            }
        }
    }
    found
}

/// A call that must answer one of `ok`; its JSON body.
async fn call(request: reqwest::RequestBuilder, what: &str, ok: &[u16]) -> Result<Value, String> {
    let resp = request.send().await.map_err(|e| format!("{what}: {e}"))?;
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    if ok.contains(&status) {
        Ok(body)
    } else {
        Err(format!("{what}: {status} {body}"))
    }
}

/// Makes the demo data through the running components.
pub async fn seed(config: &SuiteConfig) -> Result<Demo, String> {
    let http = reqwest::Client::new();
    let rental = config.holiday_rental_url();
    let today = chrono::Utc::now().date_naive();
    let mut registrations = Vec::new();
    // Jan at Keizersgracht 123, Amsterdam, with two stays, and three residents of the mock
    // population with one each (Anna's home in Utrecht is left for the README's walk-through)
    let mut hosts = vec![(
        "999990019".to_string(),
        "0363200000123456".to_string(),
        vec![(30u64, 4u64, 3), (60, 5, 2)],
    )];
    hosts.extend(
        residents(3)
            .into_iter()
            .enumerate()
            .map(|(i, (bsn, address))| (bsn, address, vec![(20 + 10 * i as u64, 3, 2)])),
    );
    for (bsn, address, stays) in hosts {
        let (bsn, address) = (bsn.as_str(), address.as_str());
        let citizen = token(config, "burgerportaal", Some(bsn))?;
        let reg = call(
            http.post(format!("{rental}/api/v1/registraties"))
                .bearer_auth(&citizen)
                .json(&json!({ "nummeraanduidingIdentificatie": address })),
            "demo registration",
            &[201],
        )
        .await?;
        let nr = reg
            .get("registratienummer")
            .and_then(Value::as_str)
            .ok_or("demo registration: no registratienummer")?
            .replace(' ', "");
        for (from, nights, guests) in stays {
            let start = today + chrono::Days::new(from);
            call(
                http.post(format!("{rental}/api/v1/registraties/{nr}/verblijven"))
                    .bearer_auth(&citizen)
                    .json(&json!({ "startDatum": start, "eindDatum": start + chrono::Days::new(nights), "aantalGasten": guests })),
                "demo stay",
                &[201],
            )
            .await?;
        }
        registrations.push(nr);
    }

    let budget = config.household_budget_url();
    let team = token(config, "budgetbeheer", None)?;
    let anna = call(
        http.post(format!("{budget}/api/v1/burgers"))
            .bearer_auth(&team)
            .json(&json!({ "burgerservicenummer": "999990068", "aanvullenUitBrp": true })),
        "demo citizen",
        &[201],
    )
    .await?;
    let citizen = anna
        .get("id")
        .and_then(Value::as_str)
        .ok_or("demo citizen: no id")?
        .to_string();
    // the rent and the wages of the sample statement, and an energy bill due on the 1st of
    // June and July of which only July's is in the statement
    for afspraak in [
        json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 64735,
                "tegenrekening": "NL15BNGH0285162624", "geldigVan": "2024-01-01" }),
        json!({ "omschrijving": "Loon", "soort": "inkomsten", "bedragInCenten": 76532,
                "tegenrekening": "NL09INGB4826953240", "geldigVan": "2024-01-01" }),
        json!({ "omschrijving": "Energie", "soort": "uitgaven", "bedragInCenten": 35000,
                "tegenrekening": "NL54INGB0661901246", "geldigVan": "2024-06-01", "geldigTot": "2024-07-31",
                "betaalinstructie": { "schema": { "soort": "maandelijks", "dagen": [1] }, "startdatum": "2024-06-01" } }),
    ] {
        call(
            http.post(format!("{budget}/api/v1/burgers/{citizen}/afspraken"))
                .bearer_auth(&team)
                .json(&afspraak),
            "demo afspraak",
            &[201],
        )
        .await?;
    }
    let import = call(
        http.post(format!("{budget}/api/v1/bankafschriften"))
            .bearer_auth(&team)
            .header("Content-Type", "application/xml")
            .body(SAMPLE_STATEMENT),
        "demo statement",
        &[201],
    )
    .await?;
    Ok(Demo {
        registrations,
        citizen,
        booked: import
            .get("aantalAutomatischGeboekt")
            .and_then(Value::as_u64)
            .unwrap_or(0),
    })
}
