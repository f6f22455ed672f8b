//! Request and response bodies. Requests are read by `platform::Valid`: serde names a field of the
//! wrong type, `validator` checks ranges and texts, the newtypes check identifiers.

use crate::domain::status::RegistrationStatus;
use crate::store::{AddressNights, Registration, Stay};
use chrono::NaiveDate;
use platform::NummeraanduidingId;
use platform::pagination::{Link, PageInfo, PageLinks};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Link to a resource.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Links {
    /// The resource itself.
    #[serde(rename = "self")]
    pub self_: Link,
}

/// A registration.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Registratie {
    /// The number, as in the national register (`E7B8 B042 8A92 37E5 0363`).
    pub registratienummer: String,
    /// `actief` or `ingetrokken`.
    #[schema(value_type = String, example = "actief")]
    pub status: RegistrationStatus,
    /// The address.
    pub adres: String,
    /// BAG nummeraanduiding of the address.
    #[schema(value_type = String, pattern = "^[0-9]{16}$")]
    pub nummeraanduiding_identificatie: NummeraanduidingId,
    /// The municipality (CBS gemeentecode, four digits).
    #[schema(value_type = String, pattern = "^[0-9]{4}$")]
    pub gemeentecode: platform::Gemeentecode,
    /// When issued (RFC 3339).
    #[schema(format = DateTime)]
    pub aangemaakt_op: String,
    /// Why it was withdrawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reden_intrekking: Option<String>,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: Links,
}

fn rfc3339(t: chrono::NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl From<&Registration> for Registratie {
    fn from(r: &Registration) -> Self {
        Registratie {
            registratienummer: r.registratienummer.display(),
            status: r.status,
            adres: r.adres.clone(),
            nummeraanduiding_identificatie: r.nummeraanduiding_id,
            gemeentecode: r.gemeentecode,
            aangemaakt_op: rfc3339(r.aangemaakt_op),
            reden_intrekking: r.reden_intrekking.clone(),
            _links: Links {
                self_: Link {
                    href: format!("/api/v1/registraties/{}", r.registratienummer),
                },
            },
        }
    }
}

/// Application for a number.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegistratieAanvraag {
    /// BAG nummeraanduiding of the home (16 digits).
    #[schema(value_type = String, pattern = "^[0-9]{16}$")]
    pub nummeraanduiding_identificatie: NummeraanduidingId,
}

/// Withdrawal by the municipality.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Intrekking {
    /// The reason (1–500 characters, no control characters).
    #[validate(custom(function = "platform::extract::plain_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 500)]
    pub reden: String,
}

/// A correction by the municipality: the stay is cancelled, with the reason.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Correctie {
    /// Why (1–500 characters, no control characters).
    #[validate(custom(function = "platform::extract::plain_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 500)]
    pub reden: String,
}

/// A stay report.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerblijfMelding {
    /// Check-in (counted), 2000-01-01 to 2100-12-31.
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub start_datum: NaiveDate,
    /// Check-out (not counted), 2000-01-01 to 2100-12-31.
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub eind_datum: NaiveDate,
    /// Number of guests.
    #[validate(range(min = 1, max = 1000))]
    #[schema(minimum = 1, maximum = 1000)]
    pub aantal_gasten: i64,
}

/// A reported stay.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verblijf {
    pub id: String,
    /// Check-in.
    pub start_datum: NaiveDate,
    /// Check-out.
    pub eind_datum: NaiveDate,
    /// Number of guests.
    pub aantal_gasten: i32,
    /// Nights of the stay (check-out minus check-in).
    pub nachten: i64,
    /// Whether it was cancelled.
    pub geannuleerd: bool,
    /// Why the municipality corrected (cancelled) it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correctie_reden: Option<String>,
}

impl From<&Stay> for Verblijf {
    fn from(s: &Stay) -> Self {
        Verblijf {
            id: s.id.clone(),
            start_datum: s.start_datum,
            eind_datum: s.eind_datum,
            aantal_gasten: s.aantal_gasten,
            nachten: (s.eind_datum - s.start_datum).num_days(),
            geannuleerd: s.geannuleerd_op.is_some(),
            correctie_reden: s.correctie_reden.clone(),
        }
    }
}

/// A page of stays.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VerblijvenPagina {
    /// Stays, newest first.
    pub verblijven: Vec<Verblijf>,
    /// Page facts.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    pub _links: PageLinks,
}

/// Nights of a calendar year at the address.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Nachten {
    /// The year.
    pub jaar: i32,
    /// Nights before today.
    pub gerealiseerd: i64,
    /// Nights from today on.
    pub gepland: i64,
    /// Nights still allowed.
    pub resterend: i64,
    /// The cap.
    pub maximum: i64,
}

/// Result of a platform check: no personal data.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Controle {
    /// Whether the number is valid (issued and not withdrawn).
    pub geldig: bool,
    /// The municipality in the number.
    #[schema(value_type = String, pattern = "^[0-9]{4}$")]
    pub gemeentecode: platform::Gemeentecode,
}

/// An address on the enforcement list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HandhavingAdres {
    /// The address's current (or last) registration.
    pub registratienummer: String,
    /// `actief` or `ingetrokken`.
    #[schema(value_type = String)]
    pub status: RegistrationStatus,
    /// The address.
    pub adres: String,
    /// BAG nummeraanduiding.
    #[schema(value_type = String, pattern = "^[0-9]{16}$")]
    pub nummeraanduiding_identificatie: NummeraanduidingId,
    /// Nights reported in the year (not cancelled).
    pub nachten: i64,
    /// The cap.
    pub maximum: i64,
    /// Whether the cap is passed.
    pub boven_maximum: bool,
}

impl HandhavingAdres {
    /// From a row of the aggregation and the cap.
    pub fn new(a: &AddressNights, max: i64) -> Self {
        HandhavingAdres {
            registratienummer: a.registratienummer.display(),
            status: a.status,
            adres: a.adres.clone(),
            nummeraanduiding_identificatie: a.nummeraanduiding_id,
            nachten: a.nachten,
            maximum: max,
            boven_maximum: a.nachten > max,
        }
    }
}

/// A page of the list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HandhavingPagina {
    /// Addresses, most nights first.
    pub adressen: Vec<HandhavingAdres>,
    /// Page facts.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    pub _links: PageLinks,
}
