//! Request and response bodies.

use crate::store::{ComponentRow, VersionSummary};
use platform::pagination::{PageInfo, PageLinks};
use serde::{Deserialize, Serialize};
use validator::Validate;

fn rfc3339(t: chrono::NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A component to publish: its publiccode.yml and, for an API, its OpenAPI spec.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Publicatie {
    /// The publiccode.yml, as text (at most 1 MiB).
    #[validate(length(min = 1, max = 1048576))]
    #[schema(min_length = 1, max_length = 1048576)]
    pub publiccode: String,
    /// The OpenAPI 3.x document.
    #[schema(value_type = Option<Object>)]
    pub openapi: Option<serde_json::Value>,
    /// Or where to fetch it (https, a public address; redirects are checked too; at most 10 MB).
    #[validate(url, length(max = 2000))]
    #[schema(format = "uri", max_length = 2000)]
    pub openapi_url: Option<String>,
}

/// A component in a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    /// Id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Repository.
    pub url: String,
    /// Common Ground layer (interactie, proces, integratie, services, data).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub laag: Option<String>,
    /// How it is installed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub installatietype: Option<String>,
    /// developmentStatus (concept, development, beta, stable, obsolete).
    pub status: String,
    /// softwareType.
    pub software_type: String,
    /// Licence (SPDX).
    pub licentie: String,
    /// Maintaining organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisatie: Option<String>,
    /// Short description.
    pub korte_beschrijving: String,
    /// Number of its latest version.
    pub laatste_versie: i32,
    /// Last changed (RFC 3339).
    #[schema(format = DateTime)]
    pub gewijzigd_op: String,
}

impl From<&ComponentRow> for Component {
    fn from(c: &ComponentRow) -> Self {
        Component {
            id: c.id.clone(),
            naam: c.naam.clone(),
            url: c.url.clone(),
            laag: c.laag.clone(),
            installatietype: c.installatietype.clone(),
            status: c.status.clone(),
            software_type: c.software_type.clone(),
            licentie: c.licentie.clone(),
            organisatie: c.organisatie.clone(),
            korte_beschrijving: c.korte_beschrijving.clone(),
            laatste_versie: c.laatste_versie,
            gewijzigd_op: rfc3339(c.gewijzigd_op),
        }
    }
}

/// A version of a component.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Versie {
    /// 1, 2, …
    pub versie: i32,
    /// softwareVersion of its publiccode.yml.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub software_versie: Option<String>,
    /// Who published it.
    pub gepubliceerd_door: String,
    /// When (RFC 3339).
    #[schema(format = DateTime)]
    pub gepubliceerd_op: String,
    /// Where its spec is, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openapi: Option<String>,
    /// Its spec's score on the API Design Rules 2.2: the share of rules passed (0–100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adr_score: Option<i32>,
    /// Where the findings of that check are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adr_bevindingen: Option<String>,
    /// How many changes of its spec against the previous spec break a client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aantal_brekende_wijzigingen: Option<i32>,
    /// Where those changes are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wijzigingen: Option<String>,
}

/// A component with its description and versions.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ComponentDetail {
    /// The component.
    #[serde(flatten)]
    pub component: Component,
    /// Long description.
    pub beschrijving: String,
    /// Its versions, newest first.
    pub versies: Vec<Versie>,
}

impl ComponentDetail {
    /// The detail of a component with its versions.
    pub fn new(c: &ComponentRow, versions: &[VersionSummary]) -> Self {
        ComponentDetail {
            component: Component::from(c),
            beschrijving: c.beschrijving.clone(),
            versies: versions
                .iter()
                .map(|(versie, software, by, at, has_spec, score, breaking)| Versie {
                    versie: *versie,
                    software_versie: software.clone(),
                    gepubliceerd_door: by.clone(),
                    gepubliceerd_op: rfc3339(*at),
                    openapi: has_spec.then(|| format!("/api/v1/componenten/{}/versies/{versie}/openapi.json", c.id)),
                    adr_score: *score,
                    adr_bevindingen: has_spec
                        .then(|| format!("/api/v1/componenten/{}/versies/{versie}/adr-bevindingen", c.id)),
                    aantal_brekende_wijzigingen: *breaking,
                    wijzigingen: breaking.map(|_| format!("/api/v1/componenten/{}/versies/{versie}/wijzigingen", c.id)),
                })
                .collect(),
        }
    }
}

/// A spec's check against the API Design Rules.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AdrToets {
    /// The ruleset (`ADR 2.2`).
    pub regelset: String,
    /// Share of the rules checked that the spec passes (0–100).
    pub score: i32,
    /// Rules of the ruleset not checked yet (not in the score).
    pub niet_gecontroleerd: Vec<String>,
    /// The findings, by path.
    pub bevindingen: Vec<crate::domain::lint::Finding>,
}

/// What changed in a version's spec against an earlier version.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Wijzigingen {
    /// The version compared with.
    pub vergeleken_met: i32,
    /// Whether a client of that version breaks.
    pub brekend: bool,
    /// The changes, breaking ones first.
    pub wijzigingen: Vec<crate::domain::diff::Change>,
}

/// How many components of the whole filtered list have a value.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Facet {
    /// The field (`laag`, `status`, `licentie`, `softwareType`, `organisatie`).
    pub veld: String,
    /// The value.
    pub waarde: String,
    /// How many.
    pub aantal: i64,
}

/// A page of components.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ComponentenPagina {
    /// The components.
    pub componenten: Vec<Component>,
    /// Counts per value of each filter over the whole list (not only this page).
    pub facetten: Vec<Facet>,
    /// Paging.
    pub paginering: PageInfo,
    /// Links.
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}
