//! The seven BRP query types run against the mock data set: wildcards, case-insensitive
//! matching, deceased persons only on request, the gemeente filter.

use super::{MockData, Person};
use crate::domain::brp::query::{Criteria, PersonenQuery};

/// Case-insensitive match with an optional `*` at the end (prefix) or start (suffix).
pub fn text_matches(pattern: &str, value: &str) -> bool {
    let value = value.to_lowercase();
    if let Some(p) = pattern.strip_suffix('*') {
        value.starts_with(&p.to_lowercase())
    } else if let Some(p) = pattern.strip_prefix('*') {
        value.ends_with(&p.to_lowercase())
    } else {
        value == pattern.to_lowercase()
    }
}

/// Runs a query against the mock registry.
pub fn search<'a>(data: &'a MockData, q: &PersonenQuery) -> Vec<&'a Person> {
    let alive = |p: &&Person| q.inclusief_overleden || p.overlijden.is_none();
    let in_gemeente = |p: &&Person| {
        q.gemeente_van_inschrijving
            .as_deref()
            .is_none_or(|g| data.address_of(p).is_some_and(|a| a.gemeentecode == g))
    };
    match &q.criteria {
        Criteria::Bsn(bsns) => bsns.iter().filter_map(|b| data.person(b)).filter(in_gemeente).collect(),
        Criteria::Naam {
            geslachtsnaam,
            geboortedatum,
            voornamen,
            voorvoegsel,
            geslacht,
        } => data
            .persons
            .iter()
            .filter(|p| text_matches(geslachtsnaam, &p.geslachtsnaam))
            .filter(|p| geboortedatum.is_none_or(|d| p.geboortedatum == d))
            .filter(|p| voornamen.as_deref().is_none_or(|v| text_matches(v, &p.voornamen)))
            .filter(|p| {
                voorvoegsel
                    .as_deref()
                    .is_none_or(|v| p.voorvoegsel.as_deref().is_some_and(|pv| pv.eq_ignore_ascii_case(v)))
            })
            .filter(|p| {
                geslacht
                    .as_deref()
                    .is_none_or(|g| g.eq_ignore_ascii_case(&p.geslacht.to_string()))
            })
            .filter(alive)
            .filter(in_gemeente)
            .collect(),
        Criteria::Adres {
            postcode,
            straat,
            huisnummer,
            huisletter,
            huisnummertoevoeging,
            geboortedatum,
            geslachtsnaam,
        } => data
            .persons
            .iter()
            .filter(|p| {
                let Some(a) = data.address_of(p) else { return false };
                a.huisnummer == *huisnummer
                    && postcode.as_deref().is_none_or(|pc| a.postcode == pc)
                    && straat
                        .as_deref()
                        .is_none_or(|s| text_matches(s, &a.straat) || text_matches(s, &a.korte_naam))
                    && huisletter
                        .as_deref()
                        .is_none_or(|l| a.huisletter.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(l)))
                    && huisnummertoevoeging
                        .as_deref()
                        .is_none_or(|t| a.toevoeging.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(t)))
            })
            .filter(|p| geboortedatum.is_none_or(|d| p.geboortedatum == d))
            .filter(|p| {
                geslachtsnaam
                    .as_deref()
                    .is_none_or(|n| text_matches(n, &p.geslachtsnaam))
            })
            .filter(alive)
            .filter(in_gemeente)
            .collect(),
        Criteria::Nummeraanduiding(id) | Criteria::AdresseerbaarObject(id) => {
            let by_object = matches!(q.criteria, Criteria::AdresseerbaarObject(_));
            let at = |a: &super::Address| {
                if by_object {
                    a.adresseerbaar_object_id == *id
                } else {
                    a.nummeraanduiding_id == *id
                }
            };
            data.persons
                .iter()
                .filter(|p| data.address_of(p).is_some_and(at))
                .filter(alive)
                .filter(in_gemeente)
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::brp::query::parse;
    use serde_json::{Value, json};

    #[test]
    fn searches() {
        let data = MockData::generate();
        let q = |b: Value| parse(&b).unwrap();
        let found = search(
            &data,
            &q(
                json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "fields": ["burgerservicenummer"], "geslachtsnaam": "VRIES", "geboortedatum": "1985-03-14"}),
            ),
        );
        assert_eq!(
            found.iter().map(|p| p.bsn.as_str()).collect::<Vec<_>>(),
            vec!["999990019"]
        );
        let found = search(
            &data,
            &q(
                json!({"type": "ZoekMetPostcodeEnHuisnummer", "fields": ["burgerservicenummer"], "postcode": "1015 cj", "huisnummer": 123}),
            ),
        );
        assert_eq!(found.len(), 3);
        let dead = json!({"type": "ZoekMetNummeraanduidingIdentificatie", "fields": ["burgerservicenummer"], "nummeraanduidingIdentificatie": "0479200000000010"});
        assert!(search(&data, &q(dead.clone())).is_empty());
        let mut with_dead = dead;
        with_dead["inclusiefOverledenPersonen"] = json!(true);
        assert_eq!(search(&data, &q(with_dead)).len(), 1);
        let maassen = search(
            &data,
            &q(
                json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "fields": ["burgerservicenummer"], "geslachtsnaam": "maas*", "geboortedatum": "1983-05-26"}),
            ),
        );
        assert_eq!(maassen.len(), 12);
        assert!(text_matches("*gracht", "Keizersgracht"));
    }
}
