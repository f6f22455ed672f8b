//! BAG Individuele Bevragingen 2.x: addresses and addressable objects as HAL JSON.

use super::Address;
use serde_json::{Value, json};

/// Base path of the BAG endpoints.
/// Base path of BAG Individuele Bevragingen v2 (the official contract).
pub const BASE: &str = crate::BAG_BASE;

fn link(path: String) -> Value {
    json!({ "href": format!("{BASE}{path}") })
}

/// An `AdresIOHal`.
pub fn adres(a: &Address) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("openbareRuimteNaam".into(), json!(a.straat));
    o.insert("korteNaam".into(), json!(a.korte_naam));
    o.insert("huisnummer".into(), json!(a.huisnummer));
    if let Some(l) = &a.huisletter {
        o.insert("huisletter".into(), json!(l));
    }
    if let Some(t) = &a.toevoeging {
        o.insert("huisnummertoevoeging".into(), json!(t));
    }
    o.insert("postcode".into(), json!(a.postcode));
    o.insert("woonplaatsNaam".into(), json!(a.woonplaats));
    o.insert("nummeraanduidingIdentificatie".into(), json!(a.nummeraanduiding_id));
    o.insert("openbareRuimteIdentificatie".into(), json!(a.openbare_ruimte_id));
    o.insert("woonplaatsIdentificatie".into(), json!(a.woonplaats_id));
    o.insert(
        "adresseerbaarObjectIdentificatie".into(),
        json!(a.adresseerbaar_object_id),
    );
    o.insert("pandIdentificaties".into(), json!([a.pand_id]));
    o.insert(
        "_links".into(),
        json!({
            "self": link(format!("/adressen/{}", a.nummeraanduiding_id)),
            "openbareRuimte": link(format!("/openbareruimten/{}", a.openbare_ruimte_id)),
            "nummeraanduiding": link(format!("/nummeraanduidingen/{}", a.nummeraanduiding_id)),
            "woonplaats": link(format!("/woonplaatsen/{}", a.woonplaats_id)),
            "adresseerbaarObject": link(format!("/adresseerbareobjecten/{}", a.adresseerbaar_object_id)),
            "panden": [link(format!("/panden/{}", a.pand_id))],
        }),
    );
    Value::Object(o)
}

/// An `AdresIOHalCollection`.
pub fn adressen(list: &[&Address], self_href: &str) -> Value {
    json!({
        "_links": { "self": { "href": self_href } },
        "_embedded": { "adressen": list.iter().map(|a| adres(a)).collect::<Vec<_>>() },
    })
}

/// An `AdresseerbaarObjectIOHal` holding a verblijfsobject.
pub fn adresseerbaar_object(a: &Address) -> Value {
    let self_link = link(format!("/adresseerbareobjecten/{}", a.adresseerbaar_object_id));
    json!({
        "_links": { "self": self_link },
        "verblijfsobject": {
            "verblijfsobject": {
                "identificatie": a.adresseerbaar_object_id,
                "domein": "NL.IMBAG.Verblijfsobject",
                "geometrie": { "punt": { "type": "Point", "coordinates": [a.punt.0, a.punt.1, 0.0] } },
                "gebruiksdoelen": a.gebruiksdoelen,
                "oppervlakte": a.oppervlakte,
                "status": "Verblijfsobject in gebruik",
                "geconstateerd": "N",
                "documentdatum": "2010-01-01",
                "documentnummer": format!("GW-{}", &a.adresseerbaar_object_id[6..]),
                "voorkomen": {
                    "tijdstipRegistratie": "2010-01-01T09:00:00Z",
                    "versie": 1,
                    "beginGeldigheid": "2010-01-01",
                    "tijdstipRegistratieLV": "2010-01-01T09:05:00Z",
                },
                "heeftAlsHoofdAdres": a.nummeraanduiding_id,
                "maaktDeelUitVan": [a.pand_id],
            },
            "_links": {
                "self": link(format!("/verblijfsobjecten/{}", a.adresseerbaar_object_id)),
                "heeftAlsHoofdAdres": link(format!("/nummeraanduidingen/{}", a.nummeraanduiding_id)),
                "maaktDeelUitVan": [link(format!("/panden/{}", a.pand_id))],
            },
        },
    })
}
