//! Typed queries of the registry proxy (Haal Centraal BRP and BAG) for holiday-rental: the BAG
//! address with its gebruiksdoelen, and two BRP fields of the applicant. The HTTP side (own
//! token, purpose, 503/502) is `platform::registry`; the decision itself is
//! `domain::eligibility`.

use crate::domain::eligibility::{BagAddress, BrpResident};
use platform::ldv::Trace;
use platform::registry::{BAG, BRP_PERSONEN, Huisnummer, RegistryClient};
use platform::{Bsn, Gemeentecode, NummeraanduidingId, Problem};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdresAnswer {
    adresseerbaar_object_identificatie: String,
    openbare_ruimte_naam: String,
    #[serde(flatten)]
    nummer: Huisnummer,
    #[serde(default)]
    postcode: Option<String>,
    woonplaats_naam: String,
}

impl AdresAnswer {
    /// `Straat 12A-2, 1234 AB Plaats`; the BAG gives every address a number, so an answer
    /// without one is the proxy misbehaving (a 502).
    fn display(&self) -> Result<String, Problem> {
        let number = self
            .nummer
            .display()
            .ok_or_else(|| platform::registry::malformed("BAG adres", "huisnummer ontbreekt"))?;
        let mut s = format!("{} {number}, ", self.openbare_ruimte_naam);
        if let Some(p) = &self.postcode {
            s.push_str(p);
            s.push(' ');
        }
        s.push_str(&self.woonplaats_naam);
        Ok(s)
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

/// The BAG address with its object's gebruiksdoelen; `None` when it does not exist.
pub async fn bag_address(
    client: &RegistryClient,
    trace: &Trace,
    id: &NummeraanduidingId,
) -> Result<Option<BagAddress>, Problem> {
    let Some(adres) = client
        .get::<AdresAnswer>("BAG adres", trace, &format!("{BAG}/adressen/{id}"))
        .await?
    else {
        return Ok(None);
    };
    let display = adres.display()?;
    let path = format!(
        "{BAG}/adresseerbareobjecten/{}",
        adres.adresseerbaar_object_identificatie
    );
    // lig- and standplaatsen have no gebruiksdoel, so they never have woonfunctie
    let gebruiksdoelen = client
        .get::<ObjectAnswer>("BAG adresseerbaar object", trace, &path)
        .await?
        .and_then(|o| o.verblijfsobject)
        .map(|v| v.verblijfsobject.gebruiksdoelen)
        .unwrap_or_default();
    Ok(Some(BagAddress {
        display,
        adresseerbaar_object_id: adres.adresseerbaar_object_identificatie,
        gebruiksdoelen,
    }))
}

/// The nummeraanduiding of a postcode and house number (the first the BAG gives); `None`
/// when there is none.
pub async fn find_address(
    client: &RegistryClient,
    trace: &Trace,
    postcode: &str,
    huisnummer: u32,
) -> Result<Option<NummeraanduidingId>, Problem> {
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
    let page = client.get::<Page>("BAG adressen", trace, &path).await?;
    Ok(page
        .and_then(|p| p.embedded)
        .and_then(|e| e.adressen.into_iter().next())
        .and_then(|a| NummeraanduidingId::parse(&a.nummeraanduiding_identificatie).ok()))
}

/// Where the applicant lives and their municipality; `None` when the BRP has no such person.
pub async fn resident(client: &RegistryClient, trace: &Trace, bsn: &Bsn) -> Result<Option<BrpResident>, Problem> {
    let query = json!({
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": [bsn],
        "fields": ["verblijfplaats.nummeraanduidingIdentificatie", "gemeenteVanInschrijving"],
    });
    let answer: PersonenAnswer = client.post("BRP personen", trace, BRP_PERSONEN, &query).await?;
    Ok(answer.personen.into_iter().next().map(|p| BrpResident {
        nummeraanduiding: p.verblijfplaats.and_then(|v| v.nummeraanduiding_identificatie),
        gemeente: p.gemeente_van_inschrijving.code,
    }))
}
