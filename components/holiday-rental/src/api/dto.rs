//! Response and request bodies.

use crate::domain::registration_number::RegistrationNumber;
use crate::store::{Registration, Stay};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Link to a resource.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Links {
    /// The resource itself.
    #[serde(rename = "self")]
    pub self_: platform::pagination::Link,
}

/// A registration.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Registratie {
    /// The number, as in the national register (`E7B8 B042 8A92 37E5 0363`).
    pub registratienummer: String,
    /// `actief` or `ingetrokken`.
    pub status: String,
    /// The address.
    pub adres: String,
    /// BAG nummeraanduiding of the address.
    pub nummeraanduiding_identificatie: String,
    /// Municipality.
    pub gemeentecode: String,
    /// When issued (RFC 3339).
    #[schema(format = DateTime)]
    pub aangemaakt_op: String,
    /// Why it was withdrawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reden_intrekking: Option<String>,
    /// Links.
    #[serde(rename = "_links")]
    pub _links: Links,
}

fn rfc3339(t: chrono::NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl From<&Registration> for Registratie {
    fn from(r: &Registration) -> Self {
        let display = RegistrationNumber::parse(&r.registratienummer)
            .map(|n| n.to_string())
            .unwrap_or_else(|| r.registratienummer.clone());
        Registratie {
            registratienummer: display,
            status: r.status.clone(),
            adres: r.adres.clone(),
            nummeraanduiding_identificatie: r.nummeraanduiding_id.clone(),
            gemeentecode: r.gemeentecode.clone(),
            aangemaakt_op: rfc3339(r.aangemaakt_op),
            reden_intrekking: r.reden_intrekking.clone(),
            _links: Links {
                self_: platform::pagination::Link {
                    href: format!("/api/v1/registraties/{}", r.registratienummer),
                },
            },
        }
    }
}

/// Application for a number.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegistratieAanvraag {
    /// BAG nummeraanduiding of the home (16 digits).
    #[schema(pattern = "^[0-9]{16}$")]
    pub nummeraanduiding_identificatie: String,
}

/// Withdrawal by the municipality.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Intrekking {
    /// The reason.
    pub reden: String,
}

/// A stay report.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerblijfMelding {
    /// Check-in (counted).
    pub start_datum: NaiveDate,
    /// Check-out (not counted).
    pub eind_datum: NaiveDate,
    /// Number of guests.
    #[schema(minimum = 1)]
    pub aantal_gasten: i64,
}

/// A reported stay.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verblijf {
    /// Id.
    pub id: String,
    /// Check-in.
    pub start_datum: NaiveDate,
    /// Check-out.
    pub eind_datum: NaiveDate,
    /// Guests.
    pub aantal_gasten: i32,
    /// Nights.
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

/// A correction by the municipality: the stay is cancelled, with the reason.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Correctie {
    /// Why (1–500 characters).
    pub reden: String,
}

impl Correctie {
    /// The reason, checked: 400 naming `reden` when empty, too long or with control characters.
    pub fn reden(self) -> Result<String, platform::Problem> {
        let r = self.reden.trim().to_string();
        let bad = r.is_empty() || r.chars().count() > 500 || r.chars().any(|c| c.is_control() && c != '\n');
        if bad {
            return Err(platform::Problem::params_validation(vec![platform::InvalidParam::new(
                "reden",
                "required",
                "Een reden (1 tot 500 tekens, zonder stuurtekens) is verplicht.",
            )]));
        }
        Ok(r)
    }
}

/// A page of stays.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VerblijvenPagina {
    /// Stays, newest first.
    pub verblijven: Vec<Verblijf>,
    /// Page facts.
    pub paginering: platform::pagination::PageInfo,
    /// Links.
    pub _links: platform::pagination::PageLinks,
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
    pub gemeentecode: String,
}
