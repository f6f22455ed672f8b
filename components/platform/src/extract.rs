//! `Valid<T>`: the JSON body extractor of every component. It reads the body within the
//! configured limit, accepts only `application/json` (UTF-8), deserialises with the path of a
//! fault kept (`serde_path_to_error`), then runs the DTO's `validator` rules; every fault becomes
//! an `invalidParams` entry with our codes and wording, named by its JSON field.

use crate::{InvalidParam, Problem};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

/// A request body that deserialised and passed its `validator` rules.
#[derive(Debug)]
pub struct Valid<T>(pub T);

impl<T> Valid<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + validator::Validate + 'static> FromRequest for Valid<T> {
    type Error = Problem;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Problem>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap_or("?").to_string());
        let limit = crate::http::body_limit(req);
        let mut payload = payload.take();
        Box::pin(async move {
            if !crate::http::json_content_type_ok(content_type.as_deref()) {
                return Err(Problem::unsupported_media_type());
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| Problem::bad_request("De body kon niet worden gelezen."))?;
                if body.len() + chunk.len() > limit {
                    return Err(Problem::payload_too_large(limit));
                }
                body.extend_from_slice(&chunk);
            }
            let value = parse::<T>(&body)?;
            value
                .validate()
                .map_err(|e| Problem::params_validation(invalid_params(&e)))?;
            Ok(Valid(value))
        })
    }
}

/// Deserialises JSON, naming the field at fault.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Problem> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        use serde_json::error::Category;
        match inner.classify() {
            Category::Syntax | Category::Eof | Category::Io => crate::http::json_problem(&inner),
            Category::Data => Problem::params_validation(vec![data_fault(&path, &inner.to_string())]),
        }
    })
}

/// One `invalidParams` entry for a serde data error at `path`, without echoing the input.
fn data_fault(path: &str, message: &str) -> InvalidParam {
    let name = if path == "." { String::new() } else { path.to_string() };
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        let full = if name.is_empty() {
            field.to_string()
        } else {
            format!("{name}.{field}")
        };
        return InvalidParam::new(full, "required", "Parameter is verplicht.");
    }
    if let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
    {
        // the path already ends at the unknown field
        let full = if name.is_empty() { field.to_string() } else { name };
        // serde lists the fields it expected: name the one a misspelling was meant to be
        let reason = match closest_expected(field, message) {
            Some(meant) => format!("Parameter is niet verwacht; bedoeld is misschien {meant}."),
            None => "Parameter is niet verwacht.".to_string(),
        };
        return InvalidParam::new(full, "unknownParam", reason);
    }
    // our own types explain themselves in Dutch ("Waarde voldoet niet aan patroon …")
    if message.starts_with("Waarde ") {
        let reason = message.split(" at line ").next().unwrap_or(message);
        return InvalidParam::new(if name.is_empty() { "body".into() } else { name }, "pattern", reason);
    }
    let (code, reason) = if message.contains("premature end of input")
        || message.contains("input contains invalid characters")
        || message.contains("input is out of range")
        || message.contains("input is not enough for unique date")
        || message.contains("trailing input")
    {
        ("date", "Waarde is geen geldige datum (JJJJ-MM-DD).")
    } else if message.contains("expected i") || message.contains("expected u") {
        ("integer", "Waarde is geen geldig getal.")
    } else if message.contains("expected a string") {
        ("string", "Waarde is geen tekst.")
    } else if message.contains("expected a boolean") {
        ("boolean", "Waarde is geen boolean.")
    } else if message.contains("unknown variant") {
        ("enum", "Waarde is geen toegestane waarde.")
    } else {
        ("type", "Waarde heeft een onjuist type.")
    };
    InvalidParam::new(if name.is_empty() { "body".into() } else { name }, code, reason)
}

/// Of the fields serde says it expected (`expected one of `a`, `b``), the one closest to
/// `field` by edit distance, when it is close enough to be a misspelling of it.
fn closest_expected<'m>(field: &str, message: &'m str) -> Option<&'m str> {
    let list = message.split("expected ").nth(1)?;
    let candidates: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    closest(field, &candidates)
}

/// Of `candidates`, the one closest to `given` by edit distance (ignoring case), when it is
/// close enough to be a misspelling of it.
pub fn closest<'c>(given: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|candidate| {
            (
                edit_distance(&given.to_lowercase(), &candidate.to_lowercase()),
                *candidate,
            )
        })
        .filter(|(d, candidate)| *d <= 2.max(candidate.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (Some(&above), Some(&left)) = (row.get(j + 1), row.get(j)) else {
                continue;
            };
            let value = (above + 1).min(left + 1).min(previous + usize::from(ca != *cb));
            previous = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// A date the APIs accept: 2000-01-01 to 2100-12-31 (`minimum` / `maximum` otherwise), so a year
/// 0 or 262142 never reaches the rules or the database.
pub fn date_in_range(d: &chrono::NaiveDate) -> Result<(), validator::ValidationError> {
    use chrono::NaiveDate;
    use std::borrow::Cow;
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or(NaiveDate::MAX);
    if *d < first {
        Err(validator::ValidationError::new("minimum").with_message(Cow::Borrowed("Datum ligt voor 2000-01-01.")))
    } else if *d > last {
        Err(validator::ValidationError::new("maximum").with_message(Cow::Borrowed("Datum ligt na 2100-12-31.")))
    } else {
        Ok(())
    }
}

/// What [`plain_text`] accepts, as the spec's `pattern` (ECMA-262 and Python `re` alike): at least
/// one character that is not white space, and no control or bidirectional-override characters.
pub const PLAIN_TEXT_PATTERN: &str = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*[^\\s\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069][^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*$";

/// A `validator` rule for free text that goes into records (reasons, names): not blank, at
/// most 500 characters, no control or bidirectional-override characters.
pub fn plain_text(s: &str) -> Result<(), validator::ValidationError> {
    let fault = |code: &'static str, msg: &'static str| {
        Err(validator::ValidationError::new(code).with_message(std::borrow::Cow::Borrowed(msg)))
    };
    if s.trim().is_empty() {
        return fault("required", "Parameter is verplicht.");
    }
    if s.chars().count() > 500 {
        return fault("maxLength", "Waarde is langer dan maximum 500 tekens.");
    }
    if s.chars().any(crate::audit::is_unsafe_char) {
        return fault("pattern", "Waarde bevat stuur- of richtingstekens.");
    }
    Ok(())
}

fn camel(field: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `validator` faults as `invalidParams`, one place for our codes and wording.
pub fn invalid_params(errors: &validator::ValidationErrors) -> Vec<InvalidParam> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn collect(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<InvalidParam>) {
    use validator::ValidationErrorsKind as K;
    for (field, kind) in errors.errors() {
        let name = format!("{prefix}{}", camel(field));
        match kind {
            // a rule across fields (`#[validate(schema(..))]`) names the field it faults as `veld`
            K::Field(list) => out.extend(
                list.iter()
                    .map(|e| match e.params.get("veld").and_then(|v| v.as_str()) {
                        Some(veld) if *field == "__all__" => one(&format!("{prefix}{veld}"), e),
                        _ => one(&name, e),
                    }),
            ),
            K::Struct(inner) => collect(inner, &format!("{name}."), out),
            K::List(items) => {
                for (i, inner) in items {
                    collect(inner, &format!("{name}[{i}]."), out);
                }
            }
        }
    }
}

fn one(name: &str, e: &validator::ValidationError) -> InvalidParam {
    let num = |k: &str| e.params.get(k).and_then(|v| v.as_f64());
    let value = num("value");
    let (code, reason) = match e.code.as_ref() {
        "range" => match (value, num("min"), num("max")) {
            (Some(v), Some(min), _) if v < min => ("minimum", format!("Waarde is lager dan minimum {min}.")),
            (_, _, Some(max)) => ("maximum", format!("Waarde is hoger dan maximum {max}.")),
            _ => ("range", "Waarde valt buiten het toegestane bereik.".to_string()),
        },
        "length" => {
            let len = e
                .params
                .get("value")
                .and_then(|v| v.as_str())
                .map(|s| s.chars().count());
            match (len, num("min"), num("max")) {
                (Some(0), _, _) => ("required", "Parameter is verplicht.".to_string()),
                (Some(l), Some(min), _) if (l as f64) < min => {
                    ("minLength", format!("Waarde is korter dan minimum {min} tekens."))
                }
                (_, _, Some(max)) => ("maxLength", format!("Waarde is langer dan maximum {max} tekens.")),
                _ => ("length", "Waarde heeft een onjuiste lengte.".to_string()),
            }
        }
        "regex" => ("pattern", "Waarde voldoet niet aan het patroon.".to_string()),
        other => (
            other,
            e.message
                .as_ref()
                .map(|m| m.to_string())
                .unwrap_or_else(|| "Waarde is onjuist.".to_string()),
        ),
    };
    // codes of custom rules are ours already; the message carries the reason
    let reason = match (&e.message, code) {
        (Some(m), "pattern") => m.to_string(),
        _ => reason,
    };
    InvalidParam::new(name, code, reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use validator::Validate;

    #[derive(Debug, Deserialize, Validate)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Melding {
        start_datum: chrono::NaiveDate,
        #[validate(range(min = 1, max = 100))]
        aantal_gasten: i64,
        #[validate(length(min = 1, max = 5))]
        reden: String,
    }

    fn names(p: Problem) -> Vec<(String, String)> {
        p.invalid_params.into_iter().map(|i| (i.name, i.code)).collect()
    }

    #[test]
    fn names_the_field_at_fault() {
        let bad_date = parse::<Melding>(br#"{"startDatum": "2026-02-30", "aantalGasten": 1, "reden": "x"}"#);
        assert_eq!(names(bad_date.unwrap_err()), vec![("startDatum".into(), "date".into())]);
        let missing = parse::<Melding>(br#"{"startDatum": "2026-02-03", "reden": "x"}"#);
        assert_eq!(
            names(missing.unwrap_err()),
            vec![("aantalGasten".into(), "required".into())]
        );
        let wrong = parse::<Melding>(br#"{"startDatum": "2026-02-03", "aantalGasten": "twee", "reden": "x"}"#);
        assert_eq!(
            names(wrong.unwrap_err()),
            vec![("aantalGasten".into(), "integer".into())]
        );
        let unknown = parse::<Melding>(br#"{"startDatum": "2026-02-03", "aantalGasten": 2, "reden": "x", "x": 1}"#);
        assert_eq!(names(unknown.unwrap_err()), vec![("x".into(), "unknownParam".into())]);
        let syntax = parse::<Melding>(b"{").unwrap_err();
        assert_eq!(syntax.status, 400);
    }

    #[test]
    fn a_misspelt_field_names_the_one_meant_and_a_date_its_format() {
        let misspelt =
            parse::<Melding>(br#"{"startdatum": "2026-02-03", "aantalGasten": 2, "reden": "x"}"#).unwrap_err();
        assert_eq!(
            misspelt.invalid_params[0].reason,
            "Parameter is niet verwacht; bedoeld is misschien startDatum."
        );
        let typo = parse::<Melding>(br#"{"startDatum": "2026-02-03", "aantalGaste": 2, "reden": "x"}"#).unwrap_err();
        assert!(typo.invalid_params[0].reason.ends_with("aantalGasten."), "{typo:?}");
        // nothing like any field: no guess
        let other = parse::<Melding>(br#"{"startDatum": "2026-02-03", "aantalGasten": 2, "reden": "x", "iets": 1}"#)
            .unwrap_err();
        assert_eq!(other.invalid_params[0].reason, "Parameter is niet verwacht.");
        let dutch_date =
            parse::<Melding>(br#"{"startDatum": "10-03-2027", "aantalGasten": 2, "reden": "x"}"#).unwrap_err();
        assert_eq!(
            dutch_date.invalid_params[0].reason,
            "Waarde is geen geldige datum (JJJJ-MM-DD)."
        );
    }

    #[test]
    fn validator_rules_map_to_our_codes() {
        let m: Melding = parse(br#"{"startDatum": "2026-02-03", "aantalGasten": 0, "reden": ""}"#).unwrap();
        let e = m.validate().unwrap_err();
        let p = invalid_params(&e);
        let got: Vec<(&str, &str, &str)> = p
            .iter()
            .map(|i| (i.name.as_str(), i.code.as_str(), i.reason.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("aantalGasten", "minimum", "Waarde is lager dan minimum 1."),
                ("reden", "required", "Parameter is verplicht.")
            ]
        );
    }
}
