//! Renders a mock person as a full BRP `Persoon` (before `fields` filtering), with the derived
//! fields the BRP API computes: `leeftijd` and `adressering`.

use super::{Address, MockData, Person, gemeente_naam};
use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A full date as the BRP delivers it.
pub fn datum(d: NaiveDate) -> Value {
    json!({
        "type": "Datum",
        "datum": d.format("%Y-%m-%d").to_string(),
        "langFormaat": format!("{} {} {}", d.day(), MAANDEN.get(d.month0() as usize).unwrap_or(&""), d.year()),
    })
}

fn waarde(code: &str, omschrijving: &str) -> Value {
    json!({ "code": code, "omschrijving": omschrijving })
}

fn geslacht(g: char) -> Value {
    match g {
        'M' => waarde("M", "man"),
        'V' => waarde("V", "vrouw"),
        _ => waarde("O", "onbekend"),
    }
}

fn nederland() -> Value {
    waarde("6030", "Nederland")
}

/// Age in whole years on `today`.
pub fn leeftijd(born: NaiveDate, today: NaiveDate) -> i32 {
    let mut age = today.year() - born.year();
    if (today.month(), today.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// Initials: "Jan Pieter" → "J.P.".
pub fn voorletters(voornamen: &str) -> String {
    voornamen
        .split_whitespace()
        .filter_map(|n| n.chars().next())
        .map(|c| format!("{c}."))
        .collect()
}

fn achternaam(voorvoegsel: Option<&str>, naam: &str) -> String {
    match voorvoegsel {
        Some(v) => format!("{v} {naam}"),
        None => naam.to_string(),
    }
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The surname as used, by the naamgebruik rule: E own, P partner's, V partner's before own,
/// N own before partner's.
fn naam_in_gebruik(p: &Person, partner: Option<&Person>) -> String {
    let own = achternaam(p.voorvoegsel.as_deref(), &p.geslachtsnaam);
    let Some(q) = partner else { return own };
    let theirs = achternaam(q.voorvoegsel.as_deref(), &q.geslachtsnaam);
    match p.naamgebruik {
        'P' => theirs,
        'V' => format!("{theirs}-{own}"),
        'N' => format!("{own}-{theirs}"),
        _ => own,
    }
}

fn naamgebruik_waarde(c: char) -> Value {
    match c {
        'P' => waarde(
            "P",
            "gebruik van de geslachtsnaam van de echtgenoot/geregistreerd partner",
        ),
        'V' => waarde(
            "V",
            "gebruik van de geslachtsnaam van de echtgenoot/geregistreerd partner voorafgegaan door de eigen geslachtsnaam",
        ),
        'N' => waarde(
            "N",
            "gebruik van de eigen geslachtsnaam gevolgd door de geslachtsnaam van de echtgenoot/geregistreerd partner",
        ),
        _ => waarde("E", "eigen geslachtsnaam"),
    }
}

/// `adressering`: salutation, name for an envelope, name in running text and address lines.
pub fn adressering(p: &Person, partner: Option<&Person>, a: &Address) -> Value {
    let naam = naam_in_gebruik(p, partner);
    let initialen = voorletters(&p.voornamen);
    let (aanhef, lopend) = match p.geslacht {
        'M' => (
            format!("Geachte heer {}", capitalise_first(&naam)),
            format!("de heer {}", capitalise_first(&naam)),
        ),
        'V' => (
            format!("Geachte mevrouw {}", capitalise_first(&naam)),
            format!("mevrouw {}", capitalise_first(&naam)),
        ),
        _ => (format!("Geachte {initialen} {naam}"), format!("{initialen} {naam}")),
    };
    json!({
        "aanhef": aanhef,
        "aanschrijfwijze": { "naam": format!("{initialen} {naam}") },
        "gebruikInLopendeTekst": lopend,
        "adresregel1": adresregel1(a),
        "adresregel2": format!(
            "{} {}  {}",
            a.postcode.get(..4).unwrap_or_default(),
            a.postcode.get(4..).unwrap_or_default(),
            a.woonplaats.to_uppercase()
        ),
    })
}

fn adresregel1(a: &Address) -> String {
    let mut s = format!("{} {}", a.korte_naam, a.huisnummer);
    if let Some(l) = &a.huisletter {
        s.push_str(l);
    }
    if let Some(t) = &a.toevoeging {
        s.push('-');
        s.push_str(t);
    }
    s
}

fn naam_gerelateerde(q: &Person) -> Value {
    let mut n = Map::new();
    n.insert("voornamen".into(), json!(q.voornamen));
    if let Some(v) = &q.voorvoegsel {
        n.insert("voorvoegsel".into(), json!(v));
    }
    n.insert("geslachtsnaam".into(), json!(q.geslachtsnaam));
    n.insert("voorletters".into(), json!(voorletters(&q.voornamen)));
    Value::Object(n)
}

fn geboorte(q: &Person) -> Value {
    json!({
        "datum": datum(q.geboortedatum),
        "plaats": waarde(&q.geboorteplaats, gemeente_naam(&q.geboorteplaats)),
        "land": nederland(),
    })
}

fn volledige_naam(q: &Person) -> String {
    format!(
        "{} {}",
        q.voornamen,
        achternaam(q.voorvoegsel.as_deref(), &q.geslachtsnaam)
    )
}

/// [`persoon`], cached per day: the data set does not change, only the age does.
pub fn persoon_cached(data: &MockData, p: &Person, today: NaiveDate) -> std::sync::Arc<Value> {
    if let Ok(cache) = data.rendered.read() {
        if cache.0 == today {
            if let Some(v) = cache.1.get(&p.bsn) {
                return v.clone();
            }
        }
    }
    let v = std::sync::Arc::new(persoon(data, p, today));
    if let Ok(mut cache) = data.rendered.write() {
        if cache.0 != today {
            *cache = (today, std::collections::HashMap::new());
        }
        cache.1.insert(p.bsn.clone(), v.clone());
    }
    v
}

/// The full `Persoon` of the BRP API for a mock person, as on `today`.
pub fn persoon(data: &MockData, p: &Person, today: NaiveDate) -> Value {
    let Some(a) = data.address_of(p) else {
        // never generated (the data-set test checks every person has an address)
        return json!({ "burgerservicenummer": p.bsn });
    };
    let partner = p
        .partners
        .iter()
        .rev()
        .find_map(|r| data.person(&r.partner).filter(|q| q.overlijden.is_none()));
    let mut o = Map::new();
    o.insert("burgerservicenummer".into(), json!(p.bsn));
    o.insert("geslacht".into(), geslacht(p.geslacht));
    let mut naam = naam_gerelateerde(p);
    if let Value::Object(n) = &mut naam {
        n.insert("volledigeNaam".into(), json!(volledige_naam(p)));
        n.insert("aanduidingNaamgebruik".into(), naamgebruik_waarde(p.naamgebruik));
    }
    o.insert("naam".into(), naam);
    o.insert("geboorte".into(), geboorte(p));
    if p.overlijden.is_none() {
        o.insert("leeftijd".into(), json!(leeftijd(p.geboortedatum, today)));
    }
    o.insert(
        "nationaliteiten".into(),
        json!([{
            "type": "Nationaliteit",
            "nationaliteit": waarde("0001", "Nederlandse"),
            "redenOpname": waarde("001", "Wet op het Nederlanderschap 1892, art. 1, al. 1 a"),
            "datumIngangGeldigheid": datum(p.geboortedatum),
        }]),
    );
    let mut verblijfadres = Map::new();
    verblijfadres.insert("officieleStraatnaam".into(), json!(a.straat));
    verblijfadres.insert("korteStraatnaam".into(), json!(a.korte_naam));
    verblijfadres.insert("huisnummer".into(), json!(a.huisnummer));
    if let Some(l) = &a.huisletter {
        verblijfadres.insert("huisletter".into(), json!(l));
    }
    if let Some(t) = &a.toevoeging {
        verblijfadres.insert("huisnummertoevoeging".into(), json!(t));
    }
    verblijfadres.insert("postcode".into(), json!(a.postcode));
    verblijfadres.insert("woonplaats".into(), json!(a.woonplaats));
    o.insert(
        "verblijfplaats".into(),
        json!({
            "type": "Adres",
            "verblijfadres": verblijfadres,
            "adresseerbaarObjectIdentificatie": a.adresseerbaar_object_id,
            "nummeraanduidingIdentificatie": a.nummeraanduiding_id,
            "functieAdres": waarde("W", "woonadres"),
            "datumVan": datum(p.datum_van),
            "datumIngangGeldigheid": datum(p.datum_van),
        }),
    );
    o.insert(
        "gemeenteVanInschrijving".into(),
        waarde(&a.gemeentecode, gemeente_naam(&a.gemeentecode)),
    );
    o.insert("datumInschrijvingInGemeente".into(), datum(p.datum_van));
    if p.overlijden.is_none() {
        o.insert("adressering".into(), adressering(p, partner, a));
    }
    if let Some(dood) = p.overlijden {
        o.insert(
            "overlijden".into(),
            json!({ "datum": datum(dood), "plaats": waarde(&a.gemeentecode, gemeente_naam(&a.gemeentecode)), "land": nederland() }),
        );
    }
    let partners: Vec<Value> = p
        .partners
        .iter()
        .filter_map(|r| data.person(&r.partner).map(|q| (r, q)))
        .map(|(r, q)| {
            json!({
                "burgerservicenummer": q.bsn,
                "geslacht": geslacht(q.geslacht),
                "soortVerbintenis": if r.soort == 'P' { waarde("P", "geregistreerd partnerschap") } else { waarde("H", "huwelijk") },
                "naam": naam_gerelateerde(q),
                "geboorte": geboorte(q),
                "aangaanHuwelijkPartnerschap": { "datum": datum(r.aangaan), "plaats": waarde(&a.gemeentecode, gemeente_naam(&a.gemeentecode)), "land": nederland() },
            })
        })
        .collect();
    if !partners.is_empty() {
        o.insert("partners".into(), Value::Array(partners));
    }
    let ouders: Vec<Value> = p
        .ouders
        .iter()
        .filter_map(|b| data.person(b))
        .enumerate()
        .map(|(i, q)| {
            json!({
                "burgerservicenummer": q.bsn,
                "geslacht": geslacht(q.geslacht),
                "ouderAanduiding": (i + 1).to_string(),
                "naam": naam_gerelateerde(q),
                "geboorte": geboorte(q),
                "datumIngangFamilierechtelijkeBetrekking": datum(p.geboortedatum),
            })
        })
        .collect();
    if !ouders.is_empty() {
        o.insert("ouders".into(), Value::Array(ouders));
    }
    let kinderen: Vec<Value> = p
        .kinderen
        .iter()
        .filter_map(|b| data.person(b))
        .map(|q| json!({ "burgerservicenummer": q.bsn, "naam": naam_gerelateerde(q), "geboorte": geboorte(q) }))
        .collect();
    if !kinderen.is_empty() {
        o.insert("kinderen".into(), Value::Array(kinderen));
    }
    if let Some(g) = gezag(data, p, today) {
        o.insert("gezag".into(), g);
    }
    if p.geheimhouding {
        o.insert("geheimhoudingPersoonsgegevens".into(), json!(true));
    }
    Value::Object(o)
}

/// Parental authority over a minor: joint when both parents are alive and married to each other.
fn gezag(data: &MockData, p: &Person, today: NaiveDate) -> Option<Value> {
    if p.overlijden.is_some() || leeftijd(p.geboortedatum, today) >= 18 {
        return None;
    }
    let ouders: Vec<&Person> = p
        .ouders
        .iter()
        .filter_map(|b| data.person(b))
        .filter(|q| q.overlijden.is_none())
        .collect();
    let minderjarige = json!({ "burgerservicenummer": p.bsn, "naam": { "volledigeNaam": volledige_naam(p) }, "leeftijd": leeftijd(p.geboortedatum, today) });
    let ouder = |q: &Person| json!({ "burgerservicenummer": q.bsn, "naam": { "volledigeNaam": volledige_naam(q) } });
    match ouders.as_slice() {
        [a, b] if a.partners.iter().any(|r| r.partner == b.bsn) => Some(json!([{
            "type": "GezamenlijkOuderlijkGezag", "minderjarige": minderjarige, "ouders": [ouder(a), ouder(b)],
        }])),
        [a] | [a, _] => {
            Some(json!([{ "type": "EenhoofdigOuderlijkGezag", "minderjarige": minderjarige, "ouder": ouder(a) }]))
        }
        _ => Some(
            json!([{ "type": "GezagNietTeBepalen", "minderjarige": minderjarige, "toelichting": "gezag is niet te bepalen omdat de ouders onbekend zijn" }]),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_person_derived_fields() {
        let data = MockData::generate();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let jan = persoon(&data, data.person("999990019").unwrap(), today);
        assert_eq!(jan["leeftijd"], 41);
        assert_eq!(jan["geboorte"]["datum"]["langFormaat"], "14 maart 1985");
        assert_eq!(jan["adressering"]["aanhef"], "Geachte heer De Vries");
        assert_eq!(jan["adressering"]["aanschrijfwijze"]["naam"], "J.P. de Vries");
        assert_eq!(jan["adressering"]["gebruikInLopendeTekst"], "de heer De Vries");
        assert_eq!(jan["adressering"]["adresregel1"], "Keizersgracht 123");
        assert_eq!(jan["adressering"]["adresregel2"], "1015 CJ  AMSTERDAM");
        assert_eq!(jan["partners"][0]["burgerservicenummer"], "999990032");
        let sophie = persoon(&data, data.person("999990044").unwrap(), today);
        assert_eq!(sophie["gezag"][0]["type"], "GezamenlijkOuderlijkGezag");
        let hendrik = persoon(&data, data.person("999990056").unwrap(), today);
        assert!(hendrik.get("leeftijd").is_none());
        assert_eq!(hendrik["overlijden"]["datum"]["datum"], "2023-05-05");
    }

    #[test]
    fn age_counts_birthdays() {
        let born = NaiveDate::from_ymd_opt(2000, 3, 14).unwrap();
        assert_eq!(leeftijd(born, NaiveDate::from_ymd_opt(2026, 3, 13).unwrap()), 25);
        assert_eq!(leeftijd(born, NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()), 26);
    }
}
