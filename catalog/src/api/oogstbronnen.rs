//! Harvest sources: where an organisation's repositories live, and what the catalogue found in
//! them (handlers over `app::harvest`).

use super::dto::rfc3339;
use crate::AppState;
use crate::app::harvest::{self, Harvested, NewSource};
use crate::domain::forge::Forge;
use crate::store::harvest::{RepositoryRow, RepositoryStatus, SourceRow};
use actix_web::{HttpResponse, delete, get, post, web};
use platform::auth::Principal;
use platform::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A source to harvest: a GitHub organisation or GitLab group, and/or repositories by name.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweOogstbron {
    /// De soort forge.
    pub soort: Forge,
    /// Het adres van de REST-API van de forge: `https://api.github.com`, `https://gitlab.com/api/v4`
    /// of dat van een eigen GitLab of GitHub Enterprise.
    #[validate(length(min = 1, max = 500))]
    #[schema(example = "https://api.github.com", pattern = "^https?://", max_length = 500)]
    pub api_url: String,
    /// De organisatie (GitHub) of groep (GitLab, met subgroepen) waarvan elke repository wordt
    /// geoogst.
    #[validate(length(min = 1, max = 200))]
    #[schema(
        example = "open-zaak",
        pattern = "^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$",
        max_length = 200
    )]
    pub groep: Option<String>,
    /// Repositories bij naam (`eigenaar/naam`, in GitLab `groep/naam`), naast of in plaats van
    /// de groep.
    #[serde(default)]
    #[validate(length(max = 1000))]
    #[schema(example = json!(["maykinmedia/objects-api"]))]
    pub repositories: Vec<String>,
}

/// A harvest source.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Oogstbron {
    pub id: String,
    /// De organisatie die de bron aanmeldde: de geoogste componenten zijn van haar.
    pub organisatie: String,
    pub soort: Forge,
    pub api_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groep: Option<String>,
    pub repositories: Vec<String>,
    /// Aangemeld (RFC 3339).
    #[schema(format = DateTime)]
    pub aangemaakt_op: String,
    /// Laatst geoogst (RFC 3339); ontbreekt als er nog niet geoogst is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub geoogst_op: Option<String>,
    /// Waarom de lijst van de groep de laatste keer niet te lezen was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub melding: Option<String>,
}

impl From<&SourceRow> for Oogstbron {
    fn from(s: &SourceRow) -> Self {
        Oogstbron {
            id: s.id.clone(),
            organisatie: s.organisatie.clone(),
            soort: s.soort,
            api_url: s.api_url.clone(),
            groep: s.groep.clone(),
            repositories: s.repositories.get().clone(),
            aangemaakt_op: rfc3339(s.aangemaakt_op),
            geoogst_op: s.geoogst_op.map(rfc3339),
            melding: s.melding.clone(),
        }
    }
}

/// What the last harvest found in a repository.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OogstRepository {
    /// De naam op de forge.
    pub repository: String,
    /// De pagina voor mensen.
    pub web_url: String,
    pub status: RepositoryStatus,
    /// Waarom, bij een andere status dan gevonden (of dat de repository gearchiveerd is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub melding: Option<String>,
    /// Het component dat de publiccode.yml beschrijft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component_id: Option<String>,
    /// Gecontroleerd (RFC 3339).
    #[schema(format = DateTime)]
    pub gecontroleerd_op: String,
}

impl From<&RepositoryRow> for OogstRepository {
    fn from(r: &RepositoryRow) -> Self {
        OogstRepository {
            repository: r.repository.clone(),
            web_url: r.web_url.clone(),
            status: r.status,
            melding: r.melding.clone().filter(|m| !m.is_empty()),
            component_id: r.component_id.clone(),
            gecontroleerd_op: rfc3339(r.gecontroleerd_op),
        }
    }
}

/// A source with its repositories.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OogstbronDetail {
    #[serde(flatten)]
    pub bron: Oogstbron,
    /// Elke repository met wat de laatste oogst erin vond.
    pub gevonden: Vec<OogstRepository>,
}

/// Sources.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Oogstbronnen {
    pub oogstbronnen: Vec<Oogstbron>,
}

/// What one harvest did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Oogst {
    /// Bekeken repositories.
    pub repositories: usize,
    /// Toegevoegde versies.
    pub nieuwe_versies: usize,
    /// Repositories waarvan de publiccode.yml niet veranderde.
    pub ongewijzigd: usize,
    /// Repositories zonder publiccode.yml.
    pub zonder_publiccode: usize,
    /// Repositories waarvan de catalogus het bestand (of de spec) weigerde.
    pub ongeldig: usize,
    /// Verdwenen repositories.
    pub verdwenen: usize,
    /// Repositories waarvoor de forge niet antwoordde.
    pub onbereikbaar: usize,
    /// Verzoeken aan de forge en voor specs.
    pub verzoeken: usize,
}

impl From<Harvested> for Oogst {
    fn from(h: Harvested) -> Self {
        Oogst {
            repositories: h.repositories,
            nieuwe_versies: h.new_versions,
            ongewijzigd: h.unchanged,
            zonder_publiccode: h.without_publiccode,
            ongeldig: h.invalid,
            verdwenen: h.gone,
            onbereikbaar: h.unreachable,
            verzoeken: h.requests,
        }
    }
}

/// Register a source (scope `catalogus.beheren`, for the organisation of the client's settings):
/// the catalogue harvests it within a minute and then every harvest interval; the components it
/// finds are the organisation's.
#[utoipa::path(
    tag = "oogst",
    request_body = NieuweOogstbron,
    responses(
        (status = 201, description = "Aangemeld", body = Oogstbron),
        BadRequest, Unauthorized, Forbidden,
    ),
    security(("bearer" = [])),
)]
#[post("/oogstbronnen")]
pub async fn aanmelden(
    p: Principal,
    body: Valid<NieuweOogstbron>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let new = NewSource {
        forge: b.soort,
        api_url: b.api_url,
        group: b.groep,
        repositories: b.repositories,
    };
    let source = harvest::register(&state, &p, new).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/oogstbronnen/{}", source.id)))
        .json(Oogstbron::from(&source)))
}

/// Every source.
#[utoipa::path(tag = "oogst", responses((status = 200, description = "De bronnen", body = Oogstbronnen)))]
#[get("/oogstbronnen")]
pub async fn oogstbronnen(state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let sources = harvest::list(&state).await?;
    Ok(HttpResponse::Ok().json(Oogstbronnen {
        oogstbronnen: sources.iter().map(Oogstbron::from).collect(),
    }))
}

/// A source, with what its last harvest found in each repository.
#[utoipa::path(
    tag = "oogst",
    params(("id" = String, Path, description = "Id van de bron")),
    responses((status = 200, description = "De bron", body = OogstbronDetail), BadRequest, NotFound),
)]
#[get("/oogstbronnen/{id}")]
pub async fn oogstbron(path: web::Path<String>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let (source, repositories) = harvest::get(&state, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(OogstbronDetail {
        bron: Oogstbron::from(&source),
        gevonden: repositories.iter().map(OogstRepository::from).collect(),
    }))
}

/// Harvest a source now (its organisation, scope `catalogus.beheren`).
#[utoipa::path(
    tag = "oogst",
    params(("id" = String, Path, description = "Id van de bron")),
    responses(
        (status = 200, description = "Geoogst", body = Oogst),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[post("/oogstbronnen/{id}/oogsten")]
pub async fn oogsten(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let done = harvest::harvest_now(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Oogst::from(done)))
}

/// End a source (its organisation, scope `catalogus.beheren`): no more harvests; its components
/// stay as they are.
#[utoipa::path(
    tag = "oogst",
    params(("id" = String, Path, description = "Id van de bron")),
    responses(
        (status = 204, description = "Beëindigd"),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[delete("/oogstbronnen/{id}")]
pub async fn beeindigen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    harvest::remove(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
