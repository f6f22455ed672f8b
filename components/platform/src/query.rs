//! Query parameters as typed structs: declared once, deriving `Deserialize`, `Validate` and
//! `IntoParams`, so the spec, the parsing and the checks come from the same fields. A key the
//! struct does not declare is a 400 `unknownParam` (naming the parameter it was probably meant to
//! be), a value of the wrong type a 400 naming the parameter, a value out of range the
//! validator's 400; never a silently ignored parameter.
//!
//! [`ValidQuery<T>`] extracts one such struct; [`Paged<T>`] a struct of filters with the one
//! [`PageRequest`] of every list, and keeps the query's pairs for the page links.

use crate::pagination::PageRequest;
use crate::{InvalidParam, Problem};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use std::future::{Ready, ready};
use utoipa::IntoParams;
use utoipa::openapi::path::ParameterIn;

/// The names of a struct's query parameters, as its spec declares them.
pub fn names<T: IntoParams>() -> Vec<String> {
    T::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// The query's pairs, percent-decoded, in order.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Parses `query` into `T`: every key must be one of `T`'s or of `also`; values are
/// deserialised and then validated. 400 naming every fault.
pub fn parse<T>(query: &str, also: &[String]) -> Result<T, Problem>
where
    T: DeserializeOwned + validator::Validate + IntoParams,
{
    let own = names::<T>();
    let unknown: Vec<InvalidParam> = pairs(query)
        .iter()
        .map(|(k, _)| k)
        .filter(|k| !own.contains(k) && !also.contains(k))
        .map(|k| {
            let known: Vec<&str> = own.iter().chain(also).map(String::as_str).collect();
            let reason = match crate::extract::closest(k, &known) {
                Some(meant) => format!("Parameter is niet verwacht; bedoeld is misschien {meant}."),
                None => "Parameter is niet verwacht.".to_string(),
            };
            InvalidParam::new(k.clone(), "unknownParam", reason)
        })
        .collect();
    if !unknown.is_empty() {
        return Err(Problem::params_validation(unknown));
    }
    // only this struct's pairs: the others belong to the struct beside it
    let mine: Vec<(String, String)> = pairs(query).into_iter().filter(|(k, _)| own.contains(k)).collect();
    let encoded =
        serde_urlencoded::to_string(&mine).map_err(|_| Problem::bad_request("De query kon niet worden gelezen."))?;
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(encoded.as_bytes()));
    let value: T = serde_path_to_error::deserialize(de).map_err(|e| {
        let name = e.path().to_string();
        let message = e.into_inner().to_string();
        let fault = match message
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            Some(field) => InvalidParam::new(field, "required", "Parameter is verplicht."),
            None => value_fault(&name, &message),
        };
        Problem::params_validation(vec![fault])
    })?;
    value
        .validate()
        .map_err(|e| Problem::params_validation(crate::extract::invalid_params(&e)))?;
    Ok(value)
}

/// The fault of a value that does not deserialise, in the wording of the API Design Rules'
/// validations, never echoing the value.
fn value_fault(name: &str, message: &str) -> InvalidParam {
    let (code, reason) = if message.contains("invalid digit") || message.contains("number too") {
        ("integer", "Waarde is geen geldige integer.")
    } else if message.contains("`true` or `false`") {
        ("boolean", "Waarde is geen geldige boolean.")
    } else if message.contains("unknown variant") {
        ("enum", "Waarde is geen toegestane waarde.")
    } else if message.contains("duplicate field") {
        ("duplicate", "Parameter komt meer dan eens voor.")
    } else if message.starts_with("Waarde ") {
        // our own types explain themselves ("Waarde voldoet niet aan patroon …")
        ("pattern", message)
    } else if message.contains("input") {
        ("date", "Waarde is geen geldige datum (JJJJ-MM-DD).")
    } else {
        ("type", "Waarde heeft een onjuist type.")
    };
    InvalidParam::new(name, code, reason)
}

/// Typed query parameters, checked (see the module).
#[derive(Debug, Clone)]
pub struct ValidQuery<T>(pub T);

impl<T> ValidQuery<T> {
    /// The parameters.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for ValidQuery<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + validator::Validate + IntoParams + 'static> FromRequest for ValidQuery<T> {
    type Error = Problem;
    type Future = Ready<Result<Self, Problem>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse::<T>(req.query_string(), &[]).map(ValidQuery))
    }
}

/// A list's query: its filters `T`, the page asked for, and the pairs for the page links.
#[derive(Debug, Clone)]
pub struct Paged<T> {
    /// The filters.
    pub filter: T,
    /// The page.
    pub page: PageRequest,
    /// The query's pairs, for [`crate::pagination::links`].
    pub pairs: Vec<(String, String)>,
}

impl<T: DeserializeOwned + validator::Validate + IntoParams + 'static> FromRequest for Paged<T> {
    type Error = Problem;
    type Future = Ready<Result<Self, Problem>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let query = req.query_string();
        let parsed = parse::<T>(query, &names::<PageRequest>()).and_then(|filter| {
            let page = parse::<PageRequest>(query, &names::<T>())?;
            Ok(Paged {
                filter,
                page,
                pairs: pairs(query),
            })
        });
        ready(parsed)
    }
}

/// No filters: a list that only pages.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, validator::Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NoFilter {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// A list's filters, as a component declares them.
    #[derive(Debug, serde::Deserialize, validator::Validate, IntoParams)]
    #[into_params(parameter_in = Query)]
    struct Filter {
        /// Booked or not.
        geboekt: Option<bool>,
        /// A year.
        #[validate(range(min = 2000, max = 2100))]
        jaar: Option<i32>,
    }

    fn paged(query: &str) -> Result<Paged<Filter>, Problem> {
        let req = actix_web::test::TestRequest::with_uri(&format!("/x?{query}")).to_http_request();
        Paged::<Filter>::from_request(&req, &mut Payload::None).into_inner()
    }

    fn faults(query: &str) -> Vec<(String, String, String)> {
        paged(query)
            .unwrap_err()
            .invalid_params
            .into_iter()
            .map(|p| (p.name, p.code, p.reason))
            .collect()
    }

    #[test]
    fn filters_and_page_from_one_query() {
        let p = paged("geboekt=false&page=2&pageSize=5").unwrap();
        assert_eq!((p.filter.geboekt, p.filter.jaar), (Some(false), None));
        assert_eq!((p.page.page, p.page.page_size), (2, 5));
        assert_eq!(p.pairs.len(), 3);
        let p = paged("").unwrap();
        assert_eq!((p.page.page, p.page.page_size), (1, 20));
    }

    #[test]
    fn every_fault_names_its_parameter() {
        assert_eq!(
            faults("pagesize=5"),
            [(
                "pagesize".into(),
                "unknownParam".into(),
                "Parameter is niet verwacht; bedoeld is misschien pageSize.".into()
            )]
        );
        assert_eq!(faults("geboekt=ja")[0].1, "boolean");
        assert_eq!(
            faults("jaar=twee")[0],
            (
                "jaar".into(),
                "integer".into(),
                "Waarde is geen geldige integer.".into()
            )
        );
        assert_eq!(faults("jaar=1999")[0].1, "minimum");
        assert_eq!(
            faults("pageSize=101")[0],
            (
                "pageSize".into(),
                "maximum".into(),
                "Waarde is hoger dan maximum 100.".into()
            )
        );
        assert_eq!(faults("page=0")[0].1, "minimum");
        assert_eq!(faults("page=1&page=2")[0].1, "duplicate");
    }

    #[test]
    fn the_spec_declares_what_is_parsed() {
        assert_eq!(names::<Filter>(), ["geboekt", "jaar"]);
        assert_eq!(names::<PageRequest>(), ["page", "pageSize"]);
    }
}
