//! The `POST /personen` request: the seven query types, validated with the official codes and
//! wording, and the search rules (wildcards, case-insensitive, deceased persons, limits).

use chrono::NaiveDate;
use platform::{InvalidParam, Problem};
use serde_json::{Map, Value};

/// The seven query types.
pub const TYPES: &[&str] = &[
    "RaadpleegMetBurgerservicenummer",
    "ZoekMetGeslachtsnaamEnGeboortedatum",
    "ZoekMetNaamEnGemeenteVanInschrijving",
    "ZoekMetPostcodeEnHuisnummer",
    "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving",
    "ZoekMetNummeraanduidingIdentificatie",
    "ZoekMetAdresseerbaarObjectIdentificatie",
];

/// A validated query.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonenQuery {
    /// The query type (one of [`TYPES`]).
    pub type_: String,
    /// Resolved field paths.
    pub fields: Vec<String>,
    /// Fields as asked (for the audit record).
    pub fields_asked: Vec<String>,
    /// Optional filter on gemeente of registration.
    pub gemeente_van_inschrijving: Option<String>,
    /// Include deceased persons (searches only).
    pub inclusief_overleden: bool,
    /// The type-specific criteria.
    pub criteria: Criteria,
    /// The validated body, as sent on to an upstream BRP.
    pub upstream_body: Value,
}

/// Criteria per query type.
#[derive(Debug, Clone, PartialEq)]
pub enum Criteria {
    /// `RaadpleegMetBurgerservicenummer`: up to 20 BSNs.
    Bsn(Vec<String>),
    /// ZoekMetGeslachtsnaamEnGeboortedatum / ZoekMetNaamEnGemeenteVanInschrijving.
    Naam {
        /// Surname (wildcard allowed).
        geslachtsnaam: String,
        /// Date of birth.
        geboortedatum: Option<NaiveDate>,
        /// First names.
        voornamen: Option<String>,
        voorvoegsel: Option<String>,
        /// M, V or O.
        geslacht: Option<String>,
    },
    /// ZoekMetPostcodeEnHuisnummer / ZoekMetStraatHuisnummerEnGemeenteVanInschrijving.
    Adres {
        /// Postcode without space, upper case.
        postcode: Option<String>,
        /// Street name (wildcard allowed).
        straat: Option<String>,
        /// House number.
        huisnummer: u32,
        /// House letter.
        huisletter: Option<String>,
        huisnummertoevoeging: Option<String>,
        /// Date of birth filter.
        geboortedatum: Option<NaiveDate>,
        /// Surname filter.
        geslachtsnaam: Option<String>,
    },
    /// `ZoekMetNummeraanduidingIdentificatie`: who lives at a nummeraanduiding.
    Nummeraanduiding(String),
    /// `ZoekMetAdresseerbaarObjectIdentificatie`: who lives in an adresseerbaar object.
    AdresseerbaarObject(String),
}

impl PersonenQuery {
    /// Whether the response uses the limited `PersoonBeperkt`.
    pub fn is_search(&self) -> bool {
        !matches!(self.criteria, Criteria::Bsn(_))
    }

    /// Most results a search may have before `tooManyResults`.
    pub fn limit(&self) -> usize {
        match self.criteria {
            Criteria::Bsn(_) => usize::MAX,
            Criteria::Naam { .. } => 10,
            _ => 30,
        }
    }
}

const BSN_PATTERN: &str = "^[0-9]{9}$";
const FIELD_PATTERN: &str = "^[a-zA-Z0-9\\._]{1,200}$";
const NAAM_PATTERN: &str = "^[a-zA-Z0-9À-ž \\.\\-\\']{1,200}$|^[a-zA-Z0-9À-ž \\.\\-\\']{3,199}\\*{1}$";
const VOORNAMEN_OPT_PATTERN: &str = "^[a-zA-Z0-9À-ž \\.\\-\\']{1,199}\\*{0,1}$";
const VOORVOEGSEL_PATTERN: &str = "^[a-zA-Z \\']{1,10}$";
const GEMEENTE_PATTERN: &str = "^[0-9]{4}$";
const POSTCODE_PATTERN: &str = "^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$";
const HUISLETTER_PATTERN: &str = "^[a-zA-Z]{1}$";
const TOEVOEGING_PATTERN: &str = "^[a-zA-Z0-9 \\-]{1,4}$";
const STRAAT_PATTERN: &str =
    "^[a-zA-Z0-9À-ž \\-\\'\\.]{1,80}$|^[a-zA-Z0-9À-ž \\-\\'\\.]{7,79}\\*{1}$|^\\*{1}[a-zA-Z0-9À-ž \\-\\'\\.]{7,79}$";
const GESLACHT_PATTERN: &str = "^([Mm]|[Vv]|[Oo])$";
const ID16_PATTERN: &str = "^[0-9]{16}$";

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('À'..='ž').contains(&c) || " .-'".contains(c)
}

/// Text that matches the official wildcard patterns: `min_wild`–`max` name characters with an
/// optional trailing `*` (at least `min_wild` characters before it).
fn wildcard_text_ok(s: &str, max: usize, min_wild: usize, allow_leading: bool, chars: fn(char) -> bool) -> bool {
    let n = s.chars().count();
    if let Some(body) = s.strip_suffix('*') {
        let m = body.chars().count();
        return m >= min_wild && m < max && body.chars().all(chars);
    }
    if allow_leading {
        if let Some(body) = s.strip_prefix('*') {
            let m = body.chars().count();
            return m >= min_wild && m < max && body.chars().all(chars);
        }
    }
    (1..=max).contains(&n) && s.chars().all(chars)
}

struct Validator<'a> {
    body: &'a Map<String, Value>,
    errors: Vec<InvalidParam>,
}

impl<'a> Validator<'a> {
    fn pattern_error(&mut self, name: &str, pattern: &str) {
        self.errors.push(InvalidParam::new(
            name,
            "pattern",
            format!("Waarde voldoet niet aan patroon {pattern}."),
        ));
    }

    fn required(&mut self, name: &str) {
        self.errors
            .push(InvalidParam::new(name, "required", "Parameter is verplicht."));
    }

    /// The value of a parameter that was given; an absent (or null, or, when required, empty)
    /// one is reported as `required` when it must be there.
    fn given(&mut self, name: &str, required: bool) -> Option<&'a Value> {
        let body: &'a Map<String, Value> = self.body;
        match body.get(name) {
            None | Some(Value::Null) => {
                if required {
                    self.required(name);
                }
                None
            }
            Some(Value::String(s)) if s.is_empty() && required => {
                self.required(name);
                None
            }
            other => other,
        }
    }

    fn string(&mut self, name: &str, required: bool, pattern: &str, ok: impl Fn(&str) -> bool) -> Option<String> {
        match self.given(name, required)? {
            Value::String(s) if ok(s) => Some(s.clone()),
            _ => {
                self.pattern_error(name, pattern);
                None
            }
        }
    }

    fn date(&mut self, name: &str, required: bool) -> Option<NaiveDate> {
        let parsed = match self.given(name, required)? {
            Value::String(s) if s.len() == 10 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.errors
                .push(InvalidParam::new(name, "date", "Waarde is geen geldige datum."));
        }
        parsed
    }

    /// `huisnummer`: a JSON integer or, as the official API accepts, a string of digits.
    fn huisnummer(&mut self) -> Option<u32> {
        let name = "huisnummer";
        let not_a_number = |v: &mut Self| {
            v.errors
                .push(InvalidParam::new(name, "integer", "Waarde is geen geldig getal."));
            None
        };
        let value: i64 = match self.body.get(name) {
            None | Some(Value::Null) => {
                self.required(name);
                return None;
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.required(name);
                return None;
            }
            Some(Value::Number(n)) => match n.as_i64() {
                Some(v) => v,
                None => return not_a_number(self),
            },
            Some(Value::String(s)) => match s.trim().parse::<i64>() {
                Ok(v) => v,
                Err(_) => return not_a_number(self),
            },
            Some(_) => return not_a_number(self),
        };
        if value < 1 {
            self.errors
                .push(InvalidParam::new(name, "minimum", "Waarde is lager dan minimum 1."));
            return None;
        }
        if value > 99999 {
            self.errors
                .push(InvalidParam::new(name, "maximum", "Waarde is hoger dan maximum 99999."));
            return None;
        }
        u32::try_from(value).ok()
    }

    /// A boolean: JSON `true`/`false` or, as the official API accepts, the strings.
    fn boolean(&mut self, name: &str) -> bool {
        match self.body.get(name) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => true,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => false,
            Some(_) => {
                self.errors
                    .push(InvalidParam::new(name, "boolean", "Waarde is geen boolean."));
                false
            }
        }
    }

    fn string_array(
        &mut self,
        name: &str,
        min: usize,
        max: usize,
        item_pattern: &str,
        ok: impl Fn(&str) -> bool,
    ) -> Vec<String> {
        match self.body.get(name) {
            None | Some(Value::Null) => {
                self.required(name);
                Vec::new()
            }
            Some(Value::Array(items)) => {
                if items.len() < min {
                    self.errors.push(InvalidParam::new(
                        name,
                        "minItems",
                        format!("Array bevat minder dan {min} items."),
                    ));
                    return Vec::new();
                }
                if items.len() > max {
                    self.errors.push(InvalidParam::new(
                        name,
                        "maxItems",
                        format!("Array bevat meer dan {max} items."),
                    ));
                    return Vec::new();
                }
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) if ok(s) => out.push(s.to_string()),
                        _ => self.pattern_error(&format!("{name}[{i}]"), item_pattern),
                    }
                }
                out
            }
            Some(_) => {
                self.errors
                    .push(InvalidParam::new(name, "array", "Parameter is geen array."));
                Vec::new()
            }
        }
    }
}

fn allowed_params(type_: &str) -> &'static [&'static str] {
    match type_ {
        "RaadpleegMetBurgerservicenummer" => &["burgerservicenummer"],
        "ZoekMetGeslachtsnaamEnGeboortedatum" => &[
            "geslachtsnaam",
            "geboortedatum",
            "geslacht",
            "voorvoegsel",
            "voornamen",
            "inclusiefOverledenPersonen",
        ],
        "ZoekMetNaamEnGemeenteVanInschrijving" => &[
            "geslachtsnaam",
            "voornamen",
            "geslacht",
            "voorvoegsel",
            "inclusiefOverledenPersonen",
        ],
        "ZoekMetPostcodeEnHuisnummer" => &[
            "postcode",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "geboortedatum",
            "geslachtsnaam",
            "inclusiefOverledenPersonen",
        ],
        "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving" => &[
            "straat",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "inclusiefOverledenPersonen",
        ],
        "ZoekMetNummeraanduidingIdentificatie" => &["nummeraanduidingIdentificatie", "inclusiefOverledenPersonen"],
        "ZoekMetAdresseerbaarObjectIdentificatie" => {
            &["adresseerbaarObjectIdentificatie", "inclusiefOverledenPersonen"]
        }
        _ => &[],
    }
}

/// A BSN as the contract's pattern has it: nine digits (the eleven test is not the contract's).
fn bsn_digits(s: &str) -> bool {
    s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit())
}

fn postcode_ok(s: &str) -> bool {
    platform::Postcode::parse(s).is_ok()
}

/// 400 `paramsValidation` with the detail ordered as the official API orders it: alphabetically,
/// except that `postcode` comes first (the official fout-cases of ZoekMetPostcodeEnHuisnummer
/// answer "postcode, huisnummer").
fn params_problem(errors: Vec<InvalidParam>) -> Problem {
    let mut names: Vec<&str> = errors.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable_by_key(|n| (*n != "postcode", *n));
    names.dedup();
    let detail = format!("De foutieve parameter(s) zijn: {}.", names.join(", "));
    Problem::params_validation(errors).with_detail(detail)
}

/// Validates a request body into a query; every fault is collected and reported at once.
pub fn parse(body: &Value) -> Result<PersonenQuery, Problem> {
    let Some(obj) = body.as_object() else {
        return Err(Problem::bad_request("De body moet een JSON-object zijn."));
    };
    let mut v = Validator {
        body: obj,
        errors: Vec::new(),
    };
    let type_ = match obj.get("type") {
        None | Some(Value::Null) => {
            v.required("type");
            None
        }
        Some(Value::String(t)) if TYPES.contains(&t.as_str()) => Some(t.clone()),
        Some(_) => {
            v.errors
                .push(InvalidParam::new("type", "value", "Waarde is geen geldig zoek type."));
            None
        }
    };
    // without a valid type nothing else can be judged: only `type` is reported
    let Some(type_) = type_ else {
        return Err(Problem::params_validation(v.errors));
    };
    let fields_asked = v.string_array("fields", 1, 130, FIELD_PATTERN, |s| {
        (1..=200).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
    });
    let gemeente_required = matches!(
        type_.as_str(),
        "ZoekMetNaamEnGemeenteVanInschrijving" | "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving"
    );
    let gemeente = v.string("gemeenteVanInschrijving", gemeente_required, GEMEENTE_PATTERN, |s| {
        platform::Gemeentecode::parse(s).is_ok()
    });
    for key in obj.keys() {
        if !["type", "fields", "gemeenteVanInschrijving"].contains(&key.as_str())
            && !allowed_params(&type_).contains(&key.as_str())
        {
            v.errors.push(InvalidParam::new(
                key.clone(),
                "unknownParam",
                "Parameter is niet verwacht.",
            ));
        }
    }
    let naam_ok = |s: &str| wildcard_text_ok(s, 200, 3, false, name_char);
    let criteria = match type_.as_str() {
        "RaadpleegMetBurgerservicenummer" => {
            let mut bsns = v.string_array("burgerservicenummer", 1, 20, BSN_PATTERN, bsn_digits);
            let mut seen = std::collections::HashSet::new();
            bsns.retain(|b| seen.insert(b.clone()));
            Criteria::Bsn(bsns)
        }
        "ZoekMetGeslachtsnaamEnGeboortedatum" | "ZoekMetNaamEnGemeenteVanInschrijving" => {
            let by_gemeente = type_ == "ZoekMetNaamEnGemeenteVanInschrijving";
            let geslachtsnaam = v.string("geslachtsnaam", true, NAAM_PATTERN, naam_ok);
            let geboortedatum = if by_gemeente {
                None
            } else {
                v.date("geboortedatum", true)
            };
            let voornamen = if by_gemeente {
                v.string("voornamen", true, NAAM_PATTERN, naam_ok)
            } else {
                v.string("voornamen", false, VOORNAMEN_OPT_PATTERN, |s| {
                    let body = s.strip_suffix('*').unwrap_or(s);
                    (1..=199).contains(&body.chars().count()) && body.chars().all(name_char)
                })
            };
            let voorvoegsel = v.string("voorvoegsel", false, VOORVOEGSEL_PATTERN, |s| {
                (1..=10).contains(&s.chars().count())
                    && s.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '\'')
            });
            let geslacht = v.string("geslacht", false, GESLACHT_PATTERN, |s| {
                ["M", "m", "V", "v", "O", "o"].contains(&s)
            });
            Criteria::Naam {
                geslachtsnaam: geslachtsnaam.unwrap_or_default(),
                geboortedatum,
                voornamen,
                voorvoegsel,
                geslacht,
            }
        }
        "ZoekMetPostcodeEnHuisnummer" | "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving" => {
            let by_straat = type_ == "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving";
            let postcode = if by_straat {
                None
            } else {
                v.string("postcode", true, POSTCODE_PATTERN, postcode_ok)
            };
            let straat = if by_straat {
                v.string("straat", true, STRAAT_PATTERN, |s| {
                    wildcard_text_ok(s, 80, 7, true, name_char)
                })
            } else {
                None
            };
            let huisnummer = v.huisnummer();
            let huisletter = v.string("huisletter", false, HUISLETTER_PATTERN, |s| {
                s.len() == 1 && s.bytes().all(|b| b.is_ascii_alphabetic())
            });
            let huisnummertoevoeging = v.string("huisnummertoevoeging", false, TOEVOEGING_PATTERN, |s| {
                (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
            });
            let (geboortedatum, geslachtsnaam) = if by_straat {
                (None, None)
            } else {
                (
                    v.date("geboortedatum", false),
                    v.string("geslachtsnaam", false, NAAM_PATTERN, naam_ok),
                )
            };
            Criteria::Adres {
                postcode: postcode.map(|p| p.replace(' ', "").to_uppercase()),
                straat,
                huisnummer: huisnummer.unwrap_or(0),
                huisletter,
                huisnummertoevoeging,
                geboortedatum,
                geslachtsnaam,
            }
        }
        "ZoekMetNummeraanduidingIdentificatie" => Criteria::Nummeraanduiding(
            v.string("nummeraanduidingIdentificatie", true, ID16_PATTERN, |s| {
                platform::NummeraanduidingId::parse(s).is_ok()
            })
            .unwrap_or_default(),
        ),
        _ => Criteria::AdresseerbaarObject(
            v.string("adresseerbaarObjectIdentificatie", true, ID16_PATTERN, |s| {
                platform::AdresseerbaarObjectId::parse(s).is_ok()
            })
            .unwrap_or_default(),
        ),
    };
    let inclusief_overleden = if type_ == "RaadpleegMetBurgerservicenummer" {
        true
    } else {
        v.boolean("inclusiefOverledenPersonen")
    };
    let mut errors = v.errors;
    let limited = type_ != "RaadpleegMetBurgerservicenummer";
    let fields = if fields_asked.is_empty() {
        Vec::new()
    } else {
        match super::fields::validate(&fields_asked, limited) {
            Ok(f) => f,
            Err(e) => {
                errors.extend(e);
                Vec::new()
            }
        }
    };
    if !errors.is_empty() {
        return Err(params_problem(errors));
    }
    Ok(PersonenQuery {
        type_,
        fields,
        fields_asked,
        gemeente_van_inschrijving: gemeente,
        inclusief_overleden,
        criteria,
        upstream_body: body.clone(),
    })
}

/// 400 `tooManyResults` in the official wording.
pub fn too_many_results(limit: usize) -> Problem {
    Problem::bad_request_with(
        "tooManyResults",
        "Teveel zoekresultaten.",
        format!("Meer dan maximum van {limit} zoekresultaten gevonden. Verfijn de zoekopdracht."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(body: Value) -> Vec<(String, String)> {
        parse(&body)
            .unwrap_err()
            .invalid_params
            .into_iter()
            .map(|p| (p.name, p.code))
            .collect()
    }

    #[test]
    fn validation_codes() {
        // without a type only the type is reported (official zoek-fout-cases)
        assert_eq!(codes(json!({})), vec![("type".into(), "required".into())]);
        assert_eq!(
            codes(json!({"type": "Bestaat", "fields": ["naam"]})),
            vec![("type".into(), "value".into())]
        );
        assert_eq!(
            codes(
                json!({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": ["12345678"]})
            ),
            vec![("burgerservicenummer[0]".into(), "pattern".into())]
        );
        let many: Vec<String> = (0..21).map(|i| format!("{:09}", i)).collect();
        assert_eq!(
            codes(json!({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": many})),
            vec![("burgerservicenummer".into(), "maxItems".into())]
        );
        assert_eq!(
            codes(
                json!({"type": "RaadpleegMetBurgerservicenummer", "fields": "naam", "burgerservicenummer": "999990019"})
            ),
            vec![
                ("fields".into(), "array".into()),
                ("burgerservicenummer".into(), "array".into())
            ]
        );
        assert_eq!(
            codes(
                json!({"type": "ZoekMetPostcodeEnHuisnummer", "fields": ["naam"], "postcode": "1015CJ", "huisnummer": "12", "voornamen": "x"})
            ),
            vec![("voornamen".into(), "unknownParam".into())],
            "a huisnummer sent as a string of digits is accepted"
        );
        assert_eq!(
            codes(
                json!({"type": "ZoekMetPostcodeEnHuisnummer", "fields": ["naam"], "postcode": "1015CJ", "huisnummer": 0, "inclusiefOverledenPersonen": "ja"})
            ),
            vec![
                ("huisnummer".into(), "minimum".into()),
                ("inclusiefOverledenPersonen".into(), "boolean".into())
            ]
        );
        assert_eq!(
            codes(
                json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "fields": ["naam"], "geslachtsnaam": "Ja*", "geboortedatum": "1983-02-30"})
            ),
            vec![
                ("geslachtsnaam".into(), "pattern".into()),
                ("geboortedatum".into(), "date".into())
            ]
        );
        assert_eq!(
            codes(
                json!({"type": "ZoekMetGeslachtsnaamEnGeboortedatum", "fields": ["partners"], "geslachtsnaam": "Jansen", "geboortedatum": "1983-02-03"})
            ),
            vec![("fields[0]".into(), "fields".into())]
        );
        let fields: Vec<String> = (0..131).map(|_| "naam".to_string()).collect();
        assert_eq!(
            codes(
                json!({"type": "RaadpleegMetBurgerservicenummer", "fields": fields, "burgerservicenummer": ["999990019"]})
            ),
            vec![("fields".into(), "maxItems".into())]
        );
    }
}
