//! Request and response bodies.

use crate::app::components::Detail;
use crate::domain::kinds::{DevelopmentStatus, InstallationType, Layer, SoftwareType};
use crate::store::{ComponentRow, UsageRow};
use platform::pagination::{PageInfo, PageLinks};
use serde::{Deserialize, Serialize};
use validator::Validate;

pub(crate) fn rfc3339(t: chrono::NaiveDateTime) -> String {
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
    pub id: String,
    pub naam: String,
    /// The repository URL from publiccode.yml.
    pub url: String,
    /// Common Ground layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub laag: Option<Layer>,
    /// How it is installed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub installatietype: Option<InstallationType>,
    /// The publiccode.yml `developmentStatus`.
    pub status: DevelopmentStatus,
    /// The publiccode.yml `softwareType`.
    pub software_type: SoftwareType,
    /// Licence (SPDX).
    pub licentie: String,
    /// Maintaining organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisatie: Option<String>,
    /// The organisation it belongs to in the catalogue: the one that first published it; only
    /// that organisation publishes new versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eigenaar: Option<String>,
    /// De catalogus waaruit het gevolgd wordt (basisadres): alleen daar worden nieuwe versies
    /// gepubliceerd. Ontbreekt voor een component van deze catalogus zelf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gevolgd_van: Option<String>,
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
            laag: c.laag,
            installatietype: c.installatietype,
            status: c.status,
            software_type: c.software_type,
            licentie: c.licentie.clone(),
            organisatie: c.organisatie.clone(),
            eigenaar: c.eigenaar.clone(),
            gevolgd_van: c.gevolgd_van.clone(),
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
    /// Where it came from when it was not published to this catalogue: the upstream file of a
    /// seeded entry, the repository file a harvest fetched, or the catalogue it was followed from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bron: Option<String>,
}

/// An organisation that uses a component.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Gebruiker {
    /// The organisation.
    pub organisatie: String,
    /// Its OIN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oin: Option<String>,
    /// Its gemeentecode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gemeentecode: Option<String>,
    /// The environment.
    pub omgeving: Omgeving,
    /// The version it runs.
    pub versie: i32,
    /// Since when.
    pub sinds: chrono::NaiveDate,
}

impl From<&UsageRow> for Gebruiker {
    fn from(u: &UsageRow) -> Self {
        Gebruiker {
            organisatie: u.organisatie.clone(),
            oin: u.oin.clone(),
            gemeentecode: u.gemeentecode.clone(),
            omgeving: u.omgeving,
            versie: u.versie,
            sinds: u.sinds,
        }
    }
}

/// A component this one depends on.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Afhankelijkheid {
    /// Its name, as in dependsOn.
    pub naam: String,
    /// Its id, when it is in the catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component_id: Option<String>,
}

/// An organisation's use of a component.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuwGebruik {
    /// The version it runs (1, 2, … as in the catalogue).
    #[validate(range(min = 1))]
    #[schema(minimum = 1)]
    pub versie: i32,
    /// Since when.
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub sinds: chrono::NaiveDate,
    /// Which environment: productie, acceptatie or test.
    pub omgeving: Omgeving,
}

/// A component given to another organisation.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Overdracht {
    /// The organisation it goes to (its name, as in the `organisatie` of its clients' settings).
    #[validate(length(min = 1, max = 200), custom(function = "platform::extract::plain_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub organisatie: String,
}

pub use crate::domain::kinds::Omgeving;

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
    /// The organisations that use it.
    pub gebruikers: Vec<Gebruiker>,
    /// What it depends on (dependsOn of its publiccode.yml).
    pub afhankelijkheden: Vec<Afhankelijkheid>,
    /// Wat de publiccode.yml van de laatste versie gebruikt dat de standaard verouderd noemt,
    /// elk bij zijn pad (de versie is aanvaard).
    pub waarschuwingen: Vec<Waarschuwing>,
    /// De repository waaruit het component geoogst wordt, met wat de laatste oogst er vond
    /// (verdwenen, ongeldig, …); ontbreekt voor een component dat hier gepubliceerd wordt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oogst: Option<crate::api::oogstbronnen::OogstRepository>,
}

/// Something in a publiccode.yml that the standard deprecates, at its YAML path.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Waarschuwing {
    /// The YAML path, e.g. `legal.repoOwner`.
    pub pad: String,
    /// What to do instead.
    pub melding: String,
}

impl From<&crate::domain::publiccode::Problem> for Waarschuwing {
    fn from(p: &crate::domain::publiccode::Problem) -> Self {
        Waarschuwing {
            pad: p.pad.clone(),
            melding: p.melding.clone(),
        }
    }
}

impl ComponentDetail {
    /// The detail of a component.
    pub fn new(d: &Detail) -> Self {
        let (c, versions) = (&d.component, &d.versions);
        ComponentDetail {
            component: Component::from(c),
            beschrijving: c.beschrijving.clone(),
            gebruikers: d.users.iter().map(Gebruiker::from).collect(),
            waarschuwingen: d.warnings.iter().map(Waarschuwing::from).collect(),
            oogst: d
                .harvested_from
                .as_ref()
                .map(crate::api::oogstbronnen::OogstRepository::from),
            afhankelijkheden: d
                .depends_on
                .iter()
                .map(|(naam, id)| Afhankelijkheid {
                    naam: naam.clone(),
                    component_id: id.clone(),
                })
                .collect(),
            versies: versions
                .iter()
                .map(|v| {
                    let n = v.versie;
                    Versie {
                        versie: n,
                        software_versie: v.software_versie.clone(),
                        gepubliceerd_door: v.gepubliceerd_door.clone(),
                        gepubliceerd_op: rfc3339(v.aangemaakt_op),
                        openapi: v
                            .has_spec
                            .then(|| format!("/api/v1/componenten/{}/versies/{n}/openapi.json", c.id)),
                        adr_score: v.adr_score,
                        adr_bevindingen: v
                            .has_spec
                            .then(|| format!("/api/v1/componenten/{}/versies/{n}/adr-bevindingen", c.id)),
                        aantal_brekende_wijzigingen: v.aantal_brekend,
                        wijzigingen: v
                            .aantal_brekend
                            .map(|_| format!("/api/v1/componenten/{}/versies/{n}/wijzigingen", c.id)),
                        bron: v.bron.clone(),
                    }
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
    /// Share of the ruleset's rules that the spec passes (0–100).
    pub score: i32,
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
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// Contact of an API, as developer.overheid.nl asks it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DonContact {
    /// The contact's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The contact's web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The organisation offering an API.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DonOrganisation {
    /// The organisation's name.
    pub name: String,
}

/// A component's API in the shape of the developer.overheid.nl API register, to forward there.
/// (The register's own field names, in English.)
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DonExport {
    /// Where the spec is (the catalogue's copy of the latest version).
    pub oas_url: String,
    /// The API's title.
    pub title: String,
    /// What it does.
    pub description: String,
    /// Who to ask.
    pub contact: DonContact,
    /// Who offers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<DonOrganisation>,
}
