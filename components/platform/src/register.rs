//! The register of processing activities (AVG art. 30) of one component, in the shape of the
//! Logboek Dataverwerkingen standard's Register API (`standards/ldv/rvva-openapi.json`).
//!
//! Each component declares its activities as statics ([`Activity`]); every Logboek record names
//! one by its id and version. A change that matters gets a new version number, so a record
//! always points at the version that was in force (the standard's rule for the Register).

use serde::Serialize;

/// The legal bases of the register API (DPV `LegalBasis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LegalBasis {
    /// AVG art. 6(1)(c): a legal obligation of the controller.
    LegalObligation,
    /// AVG art. 6(1)(e): a task in the public interest or in the exercise of official authority.
    OfficialAuthorityOfController,
    /// AVG art. 6(1)(e), public interest.
    PublicInterest,
    /// AVG art. 6(1)(b).
    Contract,
    /// AVG art. 6(1)(a).
    Consent,
}

/// The data subjects of the register API (DPV), the ones our components process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DataSubjectKind {
    /// A resident.
    Citizen,
    /// Someone who applies (for a registration number).
    Applicant,
    /// Someone a municipality helps (debt assistance), who may be vulnerable.
    VulnerableHuman,
    /// A guest of a holiday rental.
    Tourist,
    /// A user of a service.
    User,
}

/// The processing operations of the register API (DPV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ProcessingOption {
    /// Obtain.
    Obtain,
    /// Store.
    Store,
    /// Use.
    Use,
    /// Disclose.
    Disclose,
    /// Remove.
    Remove,
    /// Transfer.
    Transfer,
    /// Organise.
    Organise,
}

/// A recipient's role (DPV `LegalRole`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LegalRole {
    /// The controller itself.
    DataController,
    /// A processor.
    DataProcessor,
    /// A third party receiving data.
    ThirdParty,
    /// A service consumer (an application of the organisation).
    ServiceConsumer,
}

/// One recipient of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// Its role.
    pub legal_role: LegalRole,
    /// Who it is, in words (the register API's `entityId` is a UUID into an entity list we do
    /// not keep; the name is in the Dutch-language extension).
    pub name: &'static str,
}

/// One processing activity, at one version, as a component declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// The activity's stable id (a UUID).
    pub id: &'static str,
    /// The version in force; raised when purpose, basis, data or retention change.
    pub version: u32,
    /// Short name, e.g. `Registratie vakantieverhuur`.
    pub name: &'static str,
    /// The purpose, in words.
    pub purpose: &'static str,
    /// The legal bases.
    pub legal_basis: &'static [LegalBasis],
    /// The law and article that ground it, e.g. `Huisvestingswet 2014, art. 23a`.
    pub grondslag: &'static str,
    /// Categories of personal data.
    pub categories: &'static [&'static str],
    /// Whose data.
    pub data_subjects: &'static [DataSubjectKind],
    /// What is done with it.
    pub processing_options: &'static [ProcessingOption],
    /// Who receives it.
    pub recipients: &'static [Recipient],
    /// How long records of it are kept by default (ISO 8601 duration, e.g. `P7Y`).
    pub retention: &'static str,
    /// Why that long.
    pub retention_grounds: &'static str,
    /// When this version took effect (RFC 3339).
    pub valid_from: &'static str,
}

impl Activity {
    /// The reference a Logboek record stores: relative to the register's base URL, which
    /// [`Activity::uri`] puts before it when a record is read (so a register that moves keeps
    /// its records pointing at it).
    pub fn reference(&self) -> String {
        format!("processing_activities/{}/versions/{}", self.id, self.version)
    }
}

/// The register API's `ProcessingActivity`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingActivityDto {
    /// The activity's id.
    pub id: &'static str,
    /// Whether the latest version is in force.
    pub active: bool,
    /// The latest version.
    pub latest_version: u32,
}

/// An activity in the list (our addition to the API): the API's `ProcessingActivity` with the
/// name of its version in force.
#[derive(Debug, Clone, Serialize)]
pub struct NamedActivityDto {
    /// The activity.
    #[serde(flatten)]
    pub activity: ProcessingActivityDto,
    /// Its name.
    pub name: &'static str,
}

/// The register API's `ProcessingActivityVersion`, with the Dutch facts the API has no field for
/// (the grounding law and the retention's grounds) under `x-grondwerk`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessingActivityVersionDto {
    /// The version.
    pub version: u32,
    /// The name.
    pub name: &'static str,
    /// The purpose.
    pub purpose: &'static str,
    /// The legal bases.
    pub legal_basis: &'static [LegalBasis],
    /// Whose data.
    pub data_subjects: &'static [DataSubjectKind],
    /// Which data and for how long.
    pub personal_data: PersonalDataDto,
    /// What is done with it.
    pub processing_options: &'static [ProcessingOption],
    /// Who receives it (the first; the API has one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipients: Option<RecipientDto>,
    /// When this version took effect.
    pub valid_from: &'static str,
    /// Facts of ours.
    #[serde(rename = "x-grondwerk")]
    pub grondwerk: GrondwerkFacts,
}

/// `personalData` of a version.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonalDataDto {
    /// Categories.
    pub categories: &'static [&'static str],
    /// ISO 8601 duration.
    pub retention_period: String,
}

/// `recipients` of a version.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientDto {
    /// The role.
    pub legal_role: LegalRole,
}

/// What the register API has no field for.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrondwerkFacts {
    /// The grounding law and article.
    pub grondslag: &'static str,
    /// Every recipient by name and role.
    pub ontvangers: Vec<OntvangerDto>,
    /// Why the retention period is what it is.
    pub bewaartermijn_grond: &'static str,
}

/// A recipient by name.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OntvangerDto {
    /// Who.
    pub naam: &'static str,
    /// Role.
    pub rol: LegalRole,
}

impl Activity {
    /// The activity in the register API's shape.
    pub fn dto(&self) -> ProcessingActivityDto {
        ProcessingActivityDto {
            id: self.id,
            active: true,
            latest_version: self.version,
        }
    }

    /// This version in the register API's shape, with `retention` (the period in force, which
    /// a municipality may have set other than the default).
    pub fn version_dto(&self, retention: &str) -> ProcessingActivityVersionDto {
        ProcessingActivityVersionDto {
            version: self.version,
            name: self.name,
            purpose: self.purpose,
            legal_basis: self.legal_basis,
            data_subjects: self.data_subjects,
            personal_data: PersonalDataDto {
                categories: self.categories,
                retention_period: retention.to_string(),
            },
            processing_options: self.processing_options,
            recipients: self.recipients.first().map(|r| RecipientDto {
                legal_role: r.legal_role,
            }),
            valid_from: self.valid_from,
            grondwerk: GrondwerkFacts {
                grondslag: self.grondslag,
                ontvangers: self
                    .recipients
                    .iter()
                    .map(|r| OntvangerDto {
                        naam: r.name,
                        rol: r.legal_role,
                    })
                    .collect(),
                bewaartermijn_grond: self.retention_grounds,
            },
        }
    }
}

/// Where a component serves its register (the register API's paths under it).
pub const REGISTER_BASE: &str = "/register/v0";

fn find(activities: &[&'static Activity], id: &str) -> Result<&'static Activity, crate::Problem> {
    activities
        .iter()
        .find(|a| a.id == id)
        .copied()
        .ok_or_else(|| crate::Problem::not_found("Verwerkingsactiviteit niet gevonden."))
}

/// The register's routes: `GET {REGISTER_BASE}/processing_activities` (all, our addition: the
/// API has no list), `…/processing_activities/{id}` and `…/{id}/versions/{n}` as the register
/// API has them. Public: they hold no personal data, and AVG art. 30's register is the
/// municipality's account of what it processes.
pub fn routes(activities: &'static [&'static Activity]) -> impl FnOnce(&mut actix_web::web::ServiceConfig) {
    use actix_web::{HttpResponse, web};
    move |cfg| {
        cfg.service(
            web::scope(REGISTER_BASE)
                .route(
                    "/processing_activities",
                    web::get().to(move || async move {
                        let all: Vec<NamedActivityDto> = activities
                            .iter()
                            .map(|a| NamedActivityDto {
                                activity: a.dto(),
                                name: a.name,
                            })
                            .collect();
                        HttpResponse::Ok().json(all)
                    }),
                )
                .route(
                    "/processing_activities/{id}",
                    web::get().to(move |id: web::Path<String>| async move {
                        find(activities, &id).map(|a| HttpResponse::Ok().json(a.dto()))
                    }),
                )
                .route(
                    "/processing_activities/{id}/versions/{version}",
                    web::get().to(move |path: web::Path<(String, String)>| async move {
                        let (id, version) = path.into_inner();
                        let a = find(activities, &id)?;
                        // only the version in force is declared; a record names the version it
                        // was written under, so a changed activity keeps its old version here
                        if version.parse::<u32>().ok() != Some(a.version) {
                            return Err(crate::Problem::not_found(
                                "Versie van de verwerkingsactiviteit niet gevonden.",
                            ));
                        }
                        Ok(HttpResponse::Ok().json(a.version_dto(a.retention)))
                    }),
                ),
        );
    }
}
