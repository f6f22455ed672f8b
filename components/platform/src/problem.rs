//! One error type for every service, rendered as `application/problem+json` (RFC 9457) in the
//! wording of the Haal Centraal BRP API, which is the house style for all components.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Media type of every error response.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One invalid parameter in a 400 response.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct InvalidParam {
    /// Link to a description of the kind of fault.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub type_: String,
    /// Name of the parameter, with an index for array items (`fields[0]`).
    pub name: String,
    /// System code of the kind of fault (`required`, `pattern`, …).
    pub code: String,
    /// Human-readable description of the fault.
    pub reason: String,
}

impl InvalidParam {
    /// An invalid parameter with the VNG validation type link for its code.
    pub fn new(name: impl Into<String>, code: &str, reason: impl Into<String>) -> Self {
        InvalidParam {
            type_: format!("https://www.vng.nl/realisatie/api/validaties/{}", code.to_lowercase()),
            name: name.into(),
            code: code.to_string(),
            reason: reason.into(),
        }
    }
}

/// A problem detail: the body of every error response.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Link to the HTTP status definition.
    #[serde(rename = "type")]
    pub type_: String,
    /// Short description of the fault.
    pub title: String,
    /// HTTP status code.
    pub status: u16,
    /// Details of the fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Path of the request that caused the fault (filled in by middleware).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// System code of the kind of fault.
    pub code: String,
    /// Per-parameter faults (400 only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
    /// Links to related resources, e.g. the caller's own registration that is in the way (409).
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub links: Option<serde_json::Value>,
}

fn rfc(section: &str) -> String {
    format!("https://datatracker.ietf.org/doc/html/rfc7231#section-{section}")
}

impl Problem {
    /// A problem with the given status, title and code.
    pub fn new(status: StatusCode, type_: String, title: &str, code: &str) -> Self {
        Problem {
            type_,
            title: title.to_string(),
            status: status.as_u16(),
            detail: None,
            instance: None,
            code: code.to_string(),
            invalid_params: Vec::new(),
            links: None,
        }
    }

    /// Adds `_links` (an extension member, RFC 9457).
    pub fn with_links(mut self, links: serde_json::Value) -> Self {
        self.links = Some(links);
        self
    }

    /// Adds a detail text.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// 400 `paramsValidation` listing every invalid parameter.
    pub fn params_validation(invalid_params: Vec<InvalidParam>) -> Self {
        // each parameter at fault once, in alphabetical order, as the BRP API answers
        let mut names: Vec<&str> = invalid_params.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let detail = format!("De foutieve parameter(s) zijn: {}.", names.join(", "));
        let mut p = Problem::new(
            StatusCode::BAD_REQUEST,
            rfc("6.5.1"),
            "Een of meerdere parameters zijn niet correct.",
            "paramsValidation",
        )
        .with_detail(detail);
        p.invalid_params = invalid_params;
        p
    }

    /// 400 for a body that is not valid JSON or has the wrong shape.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::BAD_REQUEST,
            rfc("6.5.1"),
            "Ongeldige aanvraag.",
            "badRequest",
        )
        .with_detail(detail)
    }

    /// 400 with a code and title of its own (e.g. the BRP's `tooManyResults`).
    pub fn bad_request_with(code: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, rfc("6.5.1"), title, code).with_detail(detail)
    }

    /// 401: no, invalid or expired token.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1".into(),
            "Niet correct geauthenticeerd.",
            "authentication",
        )
        .with_detail(detail)
    }

    /// 403: valid token without the needed scope.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::FORBIDDEN,
            rfc("6.5.3"),
            "U bent niet geautoriseerd voor deze operatie.",
            "authorization",
        )
        .with_detail(detail)
    }

    /// 404 for an unknown path or object.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::NOT_FOUND,
            rfc("6.5.4"),
            "Opgevraagde resource bestaat niet.",
            "notFound",
        )
        .with_detail(detail)
    }

    /// 405 for a known path with another method.
    pub fn method_not_allowed() -> Self {
        Problem::new(
            StatusCode::METHOD_NOT_ALLOWED,
            rfc("6.5.5"),
            "Gebruikte bevragingsmethode is niet toegestaan.",
            "methodNotAllowed",
        )
    }

    /// 406 when the client accepts nothing we produce.
    pub fn not_acceptable() -> Self {
        Problem::new(
            StatusCode::NOT_ACCEPTABLE,
            rfc("6.5.6"),
            "Gevraagde content type wordt niet ondersteund.",
            "notAcceptable",
        )
        .with_detail("Ondersteunde content type: application/json; charset=utf-8.")
    }

    /// 409 when the request conflicts with the current state.
    pub fn conflict(code: &str, detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::CONFLICT,
            rfc("6.5.8"),
            "Conflict met de huidige toestand.",
            code,
        )
        .with_detail(detail)
    }

    /// 413 for a body over the configured limit.
    pub fn payload_too_large(limit: usize) -> Self {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            rfc("6.5.11"),
            "Aanvraag is te groot.",
            "payloadTooLarge",
        )
        .with_detail(format!("De body is groter dan {limit} bytes."))
    }

    /// 415 for a body in a media type we do not read.
    pub fn unsupported_media_type() -> Self {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            rfc("6.5.13"),
            "Media Type wordt niet ondersteund.",
            "unsupportedMediaType",
        )
        .with_detail("Ondersteunde content type: application/json; charset=utf-8.")
    }

    /// 414 for a URL over the limit.
    pub fn uri_too_long(limit: usize) -> Self {
        Problem::new(
            StatusCode::URI_TOO_LONG,
            rfc("6.5.12"),
            "De URL is te lang.",
            "uriTooLong",
        )
        .with_detail(format!("De URL is langer dan {limit} tekens."))
    }

    /// 431 for request headers over the limit.
    pub fn header_fields_too_large(limit: usize) -> Self {
        Problem::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "https://datatracker.ietf.org/doc/html/rfc6585#section-5".into(),
            "De headers van de aanvraag zijn te groot.",
            "headersTooLarge",
        )
        .with_detail(format!("De headers zijn samen groter dan {limit} bytes."))
    }

    /// 422 for a well-formed request that a business rule refuses.
    pub fn unprocessable(code: &str, title: &str, detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "https://datatracker.ietf.org/doc/html/rfc4918#section-11.2".into(),
            title,
            code,
        )
        .with_detail(detail)
    }

    /// 429 when a client sends too many requests.
    pub fn too_many_requests() -> Self {
        Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "https://datatracker.ietf.org/doc/html/rfc6585#section-4".into(),
            "Te veel verzoeken.",
            "tooManyRequests",
        )
    }

    /// 500; the cause goes to the log, never to the client.
    pub fn internal() -> Self {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            rfc("6.6.1"),
            "Interne server fout.",
            "serverError",
        )
    }

    /// 502 when an upstream answered with something unusable.
    pub fn bad_gateway(source: &str) -> Self {
        Problem::new(
            StatusCode::BAD_GATEWAY,
            rfc("6.6.3"),
            "Bronservice gaf een ongeldig antwoord.",
            "badGateway",
        )
        .with_detail(format!("Bronservice {source} gaf een ongeldig antwoord."))
    }

    /// 503 when an upstream or the database is not available.
    pub fn service_unavailable(source: &str) -> Self {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            rfc("6.6.4"),
            "Bronservice is tijdelijk niet beschikbaar.",
            "notAvailable",
        )
        .with_detail(format!("Bronservice {source} is tijdelijk niet beschikbaar."))
    }

    /// 504 when an upstream did not answer in time.
    pub fn gateway_timeout(source: &str) -> Self {
        Problem::new(
            StatusCode::GATEWAY_TIMEOUT,
            rfc("6.6.5"),
            "Bronservice reageerde niet op tijd.",
            "gatewayTimeout",
        )
        .with_detail(format!("Bronservice {source} reageerde niet op tijd."))
    }

    /// The status as an actix status code.
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Renders the problem as a response.
    pub fn to_response(&self) -> HttpResponse {
        let mut resp = HttpResponse::build(self.status_code());
        resp.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        if self.status == 401 {
            resp.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        let mut resp = resp.body(serde_json::to_vec(self).unwrap_or_default());
        // lets the middleware fill in `instance` without parsing the body
        resp.extensions_mut().insert(self.clone());
        resp
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ({})", self.status, self.title, self.code)
    }
}

impl std::error::Error for Problem {}

impl ResponseError for Problem {
    fn status_code(&self) -> StatusCode {
        Problem::status_code(self)
    }
    fn error_response(&self) -> HttpResponse {
        self.to_response()
    }
}

impl From<crate::db::DbError> for Problem {
    fn from(e: crate::db::DbError) -> Self {
        tracing::error!(error = %e, "database error");
        match e {
            crate::db::DbError::Unavailable(_) => Problem::service_unavailable("database"),
            crate::db::DbError::Query(q) if crate::db::is_connection_lost(&q) => {
                Problem::service_unavailable("database")
            }
            _ => Problem::internal(),
        }
    }
}

impl From<diesel::result::Error> for Problem {
    fn from(e: diesel::result::Error) -> Self {
        crate::db::DbError::Query(e).into()
    }
}

impl From<actix_web::error::BlockingError> for Problem {
    fn from(_: actix_web::error::BlockingError) -> Self {
        Problem::internal()
    }
}

/// Implements the conversions a component's use-case error needs from the platform's errors,
/// through its `Problem(Problem)` variant: `Problem`, `DbError`, diesel's error and the blocking
/// pool's error (so `?` works on all of them in a use case), and the two answers every use case
/// gives alike: `Error::not_found` and `Error::forbidden`.
#[macro_export]
macro_rules! problem_conversions {
    ($error:ident) => {
        impl $error {
            /// No such thing, or not the caller's: the answer never says which.
            pub fn not_found(what: &'static str) -> Self {
                $error::Problem($crate::Problem::not_found(what))
            }

            /// The caller's token does not allow this (why not, for the caller).
            pub fn forbidden(why: &'static str) -> Self {
                $error::Problem($crate::Problem::forbidden(why))
            }
        }

        impl From<$crate::Problem> for $error {
            fn from(p: $crate::Problem) -> Self {
                $error::Problem(p)
            }
        }

        impl From<$crate::db::DbError> for $error {
            fn from(e: $crate::db::DbError) -> Self {
                $error::Problem(e.into())
            }
        }

        impl From<::diesel::result::Error> for $error {
            fn from(e: ::diesel::result::Error) -> Self {
                $crate::db::DbError::Query(e).into()
            }
        }

        impl From<::actix_web::error::BlockingError> for $error {
            fn from(e: ::actix_web::error::BlockingError) -> Self {
                $error::Problem(e.into())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_validation_lists_each_name_once() {
        let p = Problem::params_validation(vec![
            InvalidParam::new("fields[0]", "fields", "x"),
            InvalidParam::new("fields[0]", "pattern", "y"),
            InvalidParam::new("type", "required", "z"),
        ]);
        assert_eq!(
            p.detail.as_deref(),
            Some("De foutieve parameter(s) zijn: fields[0], type.")
        );
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["invalidParams"].as_array().unwrap().len(), 3);
        assert!(json.get("instance").is_none());
    }
}
