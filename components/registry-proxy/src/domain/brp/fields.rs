//! The `fields` parameter: which paths exist (from the official spec), aliases, automatically
//! delivered fields, whole delivery of dates and coded values, per-client authorisation, and
//! filtering a person down to the asked paths.

use super::field_catalog::{FieldKind, PERSOON, PERSOON_BEPERKT};
use platform::InvalidParam;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Fields the BRP delivers by itself; asking them is an error.
pub const AUTOMATIC: &[&str] = &[
    "inOnderzoek",
    "geheimhoudingPersoonsgegevens",
    "opschortingBijhouding",
    "rni",
    "verificatie",
];

/// Paths of `verblijfplaatsBinnenland`/`adresseringBinnenland` that only exist abroad.
const ONLY_ABROAD: &[&str] = &[
    "verblijfadres.regel1",
    "verblijfadres.regel2",
    "verblijfadres.regel3",
    "verblijfadres.land",
    "adresregel3",
    "land",
];

fn kind_of(catalog: &[(&str, FieldKind)], path: &str) -> Option<FieldKind> {
    catalog.iter().find(|(p, _)| *p == path).map(|(_, k)| *k)
}

/// Resolves one asked path to the path delivered, or the reason it is refused.
pub fn resolve(field: &str, limited: bool) -> Result<String, &'static str> {
    let catalog = if limited { PERSOON_BEPERKT } else { PERSOON };
    let segments: Vec<&str> = field.split('.').collect();
    if segments.iter().any(|s| AUTOMATIC.contains(s)) {
        return Err("Parameter bevat een niet toegestane veldnaam.");
    }
    // delivered with the address by itself, as inOnderzoek is (official fields-fout-cases)
    if segments.len() == 2
        && segments.get(1) == Some(&"indicatieVastgesteldVerblijftNietOpAdres")
        && matches!(
            segments.first(),
            Some(&("adressering" | "adresseringBinnenland" | "verblijfplaats"))
        )
    {
        return Err("Parameter bevat een niet toegestane veldnaam.");
    }
    let Some((first, rest)) = segments.split_first() else {
        return Err("Parameter bevat een niet bestaande veldnaam.");
    };
    let base = match *first {
        "verblijfplaatsBinnenland" if !limited => "verblijfplaats",
        "adresseringBinnenland" => "adressering",
        other => other,
    };
    if base != *first && ONLY_ABROAD.iter().any(|p| rest.join(".").starts_with(p)) {
        return Err("Parameter bevat een niet bestaande veldnaam.");
    }
    let mut path = base.to_string();
    let mut kind = kind_of(catalog, &path).ok_or("Parameter bevat een niet bestaande veldnaam.")?;
    for seg in rest {
        if kind == FieldKind::Whole {
            // dates and coded values are delivered whole, whatever part is asked
            return Ok(path);
        }
        path = format!("{path}.{seg}");
        kind = kind_of(catalog, &path).ok_or("Parameter bevat een niet bestaande veldnaam.")?;
    }
    Ok(path)
}

/// Validates every asked field; returns the resolved paths or the invalid params.
pub fn validate(fields: &[String], limited: bool) -> Result<Vec<String>, Vec<InvalidParam>> {
    let mut resolved = Vec::new();
    let mut errors = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        match resolve(f, limited) {
            Ok(p) => resolved.push(p),
            Err(reason) => errors.push(InvalidParam::new(format!("fields[{i}]"), "fields", reason)),
        }
    }
    if errors.is_empty() { Ok(resolved) } else { Err(errors) }
}

/// The resolved paths a client may not ask, given its `fields` list (`*` = all; a listed path
/// also allows every path below it).
pub fn unauthorized<'a>(resolved: &'a [String], allowed: &[String]) -> Vec<&'a str> {
    if allowed.iter().any(|a| a == "*") {
        return Vec::new();
    }
    resolved
        .iter()
        .filter(|p| !allowed.iter().any(|a| *p == a || p.starts_with(&format!("{a}."))))
        .map(String::as_str)
        .collect()
}

/// The fields a search parameter tests: a client may use the parameter only when it may see
/// one of them, as the BRP's own authorisation treats search fields; otherwise the criterion
/// would reveal the value of a field the client may not ask (security review, finding 4).
/// `burgerservicenummer` of a raadpleeg is the identifier the client already holds, not a
/// criterion, and needs no field.
pub fn fields_tested_by(parameter: &str) -> &'static [&'static str] {
    match parameter {
        "geslachtsnaam" => &["naam.geslachtsnaam"],
        "voornamen" => &["naam.voornamen"],
        "voorvoegsel" => &["naam.voorvoegsel"],
        "geslacht" => &["geslacht"],
        "geboortedatum" => &["geboorte.datum"],
        "gemeenteVanInschrijving" => &["gemeenteVanInschrijving"],
        "inclusiefOverledenPersonen" => &["overlijden"],
        "postcode" => &["verblijfplaats.verblijfadres.postcode", "adressering.adresregel2"],
        "huisnummer" => &["verblijfplaats.verblijfadres.huisnummer", "adressering.adresregel1"],
        "huisletter" => &["verblijfplaats.verblijfadres.huisletter", "adressering.adresregel1"],
        "huisnummertoevoeging" => &[
            "verblijfplaats.verblijfadres.huisnummertoevoeging",
            "adressering.adresregel1",
        ],
        "straat" => &[
            "verblijfplaats.verblijfadres.officieleStraatnaam",
            "verblijfplaats.verblijfadres.korteStraatnaam",
            "adressering.adresregel1",
        ],
        "nummeraanduidingIdentificatie" => &["verblijfplaats.nummeraanduidingIdentificatie"],
        "adresseerbaarObjectIdentificatie" => &["verblijfplaats.adresseerbaarObjectIdentificatie"],
        _ => &[],
    }
}

/// The search parameters of a request that the client may not use, given its `fields` list.
pub fn unauthorized_parameters<'a>(parameters: impl Iterator<Item = &'a str>, allowed: &[String]) -> Vec<&'a str> {
    let mut denied: Vec<&str> = parameters
        .filter(|p| {
            let tested = fields_tested_by(p);
            !tested.is_empty()
                && tested.iter().all(|f| {
                    let f = [f.to_string()];
                    !unauthorized(&f, allowed).is_empty()
                })
        })
        .collect();
    denied.sort_unstable();
    denied
}

/// A tree of asked paths.
#[derive(Debug, Default)]
pub struct FieldTree {
    whole: bool,
    children: BTreeMap<String, FieldTree>,
}

impl FieldTree {
    /// Builds the tree from resolved paths.
    pub fn new(paths: &[String]) -> Self {
        let mut root = FieldTree::default();
        for p in paths {
            let mut node = &mut root;
            for seg in p.split('.') {
                node = node.children.entry(seg.to_string()).or_default();
            }
            node.whole = true;
        }
        root
    }

    /// Keeps only the asked parts of a person, plus the automatically delivered fields;
    /// empty objects and lists are left out.
    pub fn apply(&self, person: &Value) -> Value {
        let mut out = match self.filter(person) {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        if let Value::Object(src) = person {
            for key in AUTOMATIC {
                if let Some(v) = src.get(*key) {
                    out.insert((*key).to_string(), v.clone());
                }
            }
        }
        Value::Object(out)
    }

    fn filter(&self, v: &Value) -> Option<Value> {
        if self.whole {
            return Some(v.clone());
        }
        match v {
            Value::Object(m) => {
                let mut out = Map::new();
                for (k, child) in &self.children {
                    if let Some(x) = m.get(k).and_then(|x| child.filter(x)) {
                        out.insert(k.clone(), x);
                    }
                }
                // a polymorphic object keeps its discriminator
                if !out.is_empty() {
                    if let Some(t) = m.get("type") {
                        out.insert("type".into(), t.clone());
                    }
                }
                (!out.is_empty()).then_some(Value::Object(out))
            }
            Value::Array(items) => {
                let kept: Vec<Value> = items.iter().filter_map(|x| self.filter(x)).collect();
                (!kept.is_empty()).then_some(Value::Array(kept))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resolves_paths_aliases_and_whole_objects() {
        assert_eq!(resolve("naam.voornamen", false).unwrap(), "naam.voornamen");
        assert_eq!(resolve("geboorte.datum.langFormaat", false).unwrap(), "geboorte.datum");
        assert_eq!(resolve("geslacht.code", false).unwrap(), "geslacht");
        assert_eq!(resolve("geboorte.datum.bestaatNiet", false).unwrap(), "geboorte.datum");
        assert_eq!(
            resolve("verblijfplaatsBinnenland.verblijfadres.postcode", false).unwrap(),
            "verblijfplaats.verblijfadres.postcode"
        );
        assert!(resolve("verblijfplaatsBinnenland.verblijfadres.regel1", false).is_err());
        assert!(resolve("naam.bestaatNiet", false).is_err());
        assert!(resolve("BurgerServiceNummer", false).is_err());
        assert_eq!(
            resolve("inOnderzoek", false).unwrap_err(),
            "Parameter bevat een niet toegestane veldnaam."
        );
        // search results are limited
        assert!(resolve("partners", true).is_err());
        assert!(resolve("adressering.adresregel1", true).is_ok());
    }

    #[test]
    fn search_parameters_need_the_field_they_test() {
        let allowed = vec!["naam.voornamen".to_string()];
        let params = [
            "type",
            "fields",
            "geslachtsnaam",
            "geboortedatum",
            "inclusiefOverledenPersonen",
            "voornamen",
        ];
        assert_eq!(
            unauthorized_parameters(params.into_iter(), &allowed),
            vec!["geboortedatum", "geslachtsnaam", "inclusiefOverledenPersonen"]
        );
        let wide = vec!["naam".to_string(), "geboorte".to_string(), "adressering".to_string()];
        assert!(unauthorized_parameters(["geslachtsnaam", "geboortedatum", "postcode"].into_iter(), &wide).is_empty());
        assert!(unauthorized_parameters(["gemeenteVanInschrijving"].into_iter(), &["*".to_string()]).is_empty());
    }

    #[test]
    fn authorisation_by_prefix() {
        let asked = vec!["naam.voornamen".to_string(), "geboorte".to_string()];
        assert_eq!(unauthorized(&asked, &["naam".into()]), vec!["geboorte"]);
        assert!(unauthorized(&asked, &["*".into()]).is_empty());
        assert_eq!(
            unauthorized(&["naam".to_string()], &["naam.voornamen".into()]),
            vec!["naam"]
        );
    }

    #[test]
    fn filters_person() {
        let p = json!({
            "burgerservicenummer": "1",
            "naam": { "voornamen": "Jan", "geslachtsnaam": "X" },
            "partners": [{ "naam": { "voornamen": "A" }, "geboorte": {} }],
            "verblijfplaats": { "type": "Adres", "verblijfadres": { "postcode": "1015CJ" } },
            "geheimhoudingPersoonsgegevens": true,
        });
        let t = FieldTree::new(&[
            "naam.voornamen".into(),
            "partners.naam.voornamen".into(),
            "verblijfplaats.verblijfadres.postcode".into(),
            "overlijden".into(),
        ]);
        assert_eq!(
            t.apply(&p),
            json!({
                "naam": { "voornamen": "Jan" },
                "partners": [{ "naam": { "voornamen": "A" } }],
                "verblijfplaats": { "type": "Adres", "verblijfadres": { "postcode": "1015CJ" } },
                "geheimhoudingPersoonsgegevens": true,
            })
        );
    }
}
