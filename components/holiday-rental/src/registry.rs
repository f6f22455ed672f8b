//! Typed queries of the registry proxy (Haal Centraal BRP and BAG) for holiday-rental: the BAG
//! address with its gebruiksdoelen, and two BRP fields of the applicant. The HTTP side (own
//! token, purpose, 503/502) is `platform::registry`; the decision itself is
//! `domain::eligibility`.

use crate::domain::eligibility::{BagAddress, BrpResident};
use platform::registry::{BAG, BRP_PERSONEN, RegistryClient};
use platform::{Bsn, Gemeentecode, NummeraanduidingId, Problem};
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

/// Client of the proxy.
pub struct RegistryProxy {
    client: RegistryClient,
}

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

impl RegistryProxy {
    /// A client for the proxy at `base`, signing as `client_id` with `secret`.
    pub fn new(base: &str, client_id: &str, secret: &str, purpose: &str, timeout: Duration) -> Result<Self, String> {
        Ok(RegistryProxy {
            client: RegistryClient::new(base, client_id, secret, purpose, timeout)?,
        })
    }

    /// The BAG address with its object's gebruiksdoelen; `None` when it does not exist.
    pub async fn bag_address(&self, id: &NummeraanduidingId) -> Result<Option<BagAddress>, Problem> {
        let Some(adres) = self
            .client
            .get::<AdresAnswer>("BAG adres", &format!("{BAG}/adressen/{id}"))
            .await?
        else {
            return Ok(None);
        };
        let path = format!(
            "{BAG}/adresseerbareobjecten/{}",
            adres.adresseerbaar_object_identificatie
        );
        // lig- and standplaatsen have no gebruiksdoel, so they never have woonfunctie
        let gebruiksdoelen = self
            .client
            .get::<ObjectAnswer>("BAG adresseerbaar object", &path)
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

    /// The nummeraanduiding of a postcode and house number (the first the BAG gives); `None`
    /// when there is none.
    pub async fn find_address(&self, postcode: &str, huisnummer: u32) -> Result<Option<NummeraanduidingId>, Problem> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Found {
            nummeraanduiding_identificatie: String,
        }
        #[derive(Deserialize)]
        struct Embedded {
            #[serde(default)]
            adressen: Vec<Found>,
        }
        #[derive(Deserialize)]
        struct Page {
            #[serde(rename = "_embedded")]
            embedded: Option<Embedded>,
        }
        let path = format!("{BAG}/adressen?postcode={postcode}&huisnummer={huisnummer}");
        let page = self.client.get::<Page>("BAG adressen", &path).await?;
        Ok(page
            .and_then(|p| p.embedded)
            .and_then(|e| e.adressen.into_iter().next())
            .and_then(|a| NummeraanduidingId::parse(&a.nummeraanduiding_identificatie).ok()))
    }

    /// Where the applicant lives and their municipality; `None` when the BRP has no such person.
    pub async fn resident(&self, bsn: &Bsn) -> Result<Option<BrpResident>, Problem> {
        let query = json!({
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [bsn],
            "fields": ["verblijfplaats.nummeraanduidingIdentificatie", "gemeenteVanInschrijving"],
        });
        let answer: PersonenAnswer = self.client.post("BRP personen", BRP_PERSONEN, &query).await?;
        Ok(answer.personen.into_iter().next().map(|p| BrpResident {
            nummeraanduiding: p.verblijfplaats.and_then(|v| v.nummeraanduiding_identificatie),
            gemeente: p.gemeente_van_inschrijving.code,
        }))
    }

    /// The component's `/health/ready` entry for the proxy.
    pub fn upstream(&self) -> (String, platform::app::ReadyCheck) {
        self.client.upstream()
    }
}
