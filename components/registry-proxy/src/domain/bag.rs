//! The BAG address search (`GET /adressen`): its criteria, checked by the official contract's
//! rules and wording. Either postcode and huisnummer (with huisletter, huisnummertoevoeging and
//! exacteMatch), or an adresseerbaarObjectIdentificatie.

use platform::http::QueryParams;
use platform::{AdresseerbaarObjectId, InvalidParam, Postcode};

/// The query parameters of `GET /adressen`, as the contract names them.
pub const PARAMETERS: [&str; 6] = [
    "postcode",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "exacteMatch",
    "adresseerbaarObjectIdentificatie",
];

/// Criteria of a BAG address search, checked.
#[derive(Debug, Clone, Default)]
pub struct AdresSearch {
    /// Postcode, upper case without space.
    pub postcode: Option<Postcode>,
    /// House number, 1 to 99999.
    pub huisnummer: Option<u32>,
    /// House letter.
    pub huisletter: Option<String>,
    /// Addition to the house number.
    pub huisnummertoevoeging: Option<String>,
    /// Only exact matches on letter and addition (default: also those without them asked).
    pub exacte_match: bool,
    /// The addressable object.
    pub adresseerbaar_object_identificatie: Option<AdresseerbaarObjectId>,
    /// The request's query string, passed on upstream unchanged.
    pub raw_query: String,
}

impl AdresSearch {
    /// The criteria of a query string, or every parameter that is wrong (the contract's codes
    /// and wording).
    pub fn from_query(raw_query: &str, params: &QueryParams) -> Result<AdresSearch, Vec<InvalidParam>> {
        let mut errors = Vec::new();
        let mut s = AdresSearch {
            raw_query: raw_query.to_string(),
            huisletter: params.get("huisletter").map(str::to_string),
            huisnummertoevoeging: params.get("huisnummertoevoeging").map(str::to_string),
            ..Default::default()
        };
        if let Some(pc) = params.get("postcode") {
            match Postcode::parse(pc) {
                Ok(p) => s.postcode = Some(p),
                Err(_) => errors.push(InvalidParam::new(
                    "postcode",
                    "pattern",
                    "Waarde voldoet niet aan patroon ^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$.",
                )),
            }
        }
        if let Some(n) = params.get("huisnummer") {
            match n.parse::<i64>() {
                Ok(v) if v < 1 => errors.push(InvalidParam::new(
                    "huisnummer",
                    "minimum",
                    "Waarde is lager dan minimum 1.",
                )),
                Ok(v) if v > 99999 => errors.push(InvalidParam::new(
                    "huisnummer",
                    "maximum",
                    "Waarde is hoger dan maximum 99999.",
                )),
                Ok(v) => s.huisnummer = u32::try_from(v).ok(),
                Err(_) => errors.push(InvalidParam::new(
                    "huisnummer",
                    "integer",
                    "Waarde is geen geldige integer.",
                )),
            }
        }
        match params.get("exacteMatch") {
            None | Some("false") => {}
            Some("true") => s.exacte_match = true,
            Some(_) => errors.push(InvalidParam::new(
                "exacteMatch",
                "boolean",
                "Waarde is geen geldige boolean.",
            )),
        }
        if let Some(id) = params.get("adresseerbaarObjectIdentificatie") {
            match AdresseerbaarObjectId::parse(id) {
                Ok(id) => s.adresseerbaar_object_identificatie = Some(id),
                Err(e) => errors.push(InvalidParam::new("adresseerbaarObjectIdentificatie", "pattern", e.0)),
            }
        }
        if errors.is_empty() && s.adresseerbaar_object_identificatie.is_none() {
            if s.postcode.is_none() {
                errors.push(InvalidParam::new("postcode", "required", "Parameter is verplicht."));
            }
            if s.huisnummer.is_none() {
                errors.push(InvalidParam::new("huisnummer", "required", "Parameter is verplicht."));
            }
        }
        if errors.is_empty() { Ok(s) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn search(q: &str) -> Result<AdresSearch, Vec<InvalidParam>> {
        AdresSearch::from_query(q, &QueryParams::parse(q, &PARAMETERS).unwrap())
    }

    #[test]
    fn postcode_and_number_or_an_object_id() {
        let s = search("postcode=1015%20cj&huisnummer=123&exacteMatch=true").unwrap();
        assert_eq!(
            (s.postcode.unwrap().to_string().as_str(), s.huisnummer),
            ("1015CJ", Some(123))
        );
        assert!(s.exacte_match);
        assert!(search("adresseerbaarObjectIdentificatie=0363010000123456").is_ok());
        let codes = |q: &str| -> Vec<(String, String)> {
            search(q).unwrap_err().into_iter().map(|p| (p.name, p.code)).collect()
        };
        assert_eq!(
            codes(""),
            [
                ("postcode".into(), "required".into()),
                ("huisnummer".into(), "required".into())
            ]
        );
        assert_eq!(
            codes("postcode=1015CJ&huisnummer=0"),
            [("huisnummer".into(), "minimum".into())]
        );
        assert_eq!(
            codes("adresseerbaarObjectIdentificatie=12"),
            [("adresseerbaarObjectIdentificatie".into(), "pattern".into())]
        );
        assert_eq!(
            codes("postcode=1015CJ&huisnummer=1&exacteMatch=ja"),
            [("exacteMatch".into(), "boolean".into())]
        );
    }
}
