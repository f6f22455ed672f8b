//! Components: publish, list, read, and each version's spec (handlers over `app::components`).

use super::dto::{
    AdrToets, Component, ComponentDetail, ComponentenPagina, DonContact, DonExport, DonOrganisation, Facet, Gebruiker,
    NieuwGebruik, Overdracht, Publicatie, Wijzigingen,
};
use crate::AppState;
use crate::app::{components, usage};
use crate::domain::kinds::{DevelopmentStatus, Layer, Omgeving, SoftwareType};
use crate::store::{self, Filter};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::query::Paged;
use platform::responses::{BadRequest, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// Publish a component: its publiccode.yml and its OpenAPI spec. A new component is 201; an
/// update adds a version (201); publishing the latest version again changes nothing (200).
#[utoipa::path(
    tag = "componenten",
    request_body = Publicatie,
    responses(
        (status = 201, description = "Gepubliceerd: nieuw component of nieuwe versie", body = ComponentDetail),
        (status = 200, description = "Ongewijzigd: dit is de laatste versie al", body = ComponentDetail),
        BadRequest, Unauthorized, Forbidden,
        (status = 422, description = "publiccode.yml of spec ongeldig (ongeldigePubliccode met elk pad in invalidParams, onleesbaarPubliccode, geenOpenapi) of spec niet op te halen (specNietOpgehaald)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/componenten")]
pub async fn publiceren(
    p: Principal,
    body: Valid<Publicatie>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let source = match (b.openapi, b.openapi_url) {
        (Some(_), Some(_)) => return Err(crate::error::Error::TwoSpecs.into()),
        (Some(spec), None) => components::SpecSource::Given(spec),
        (None, Some(url)) => components::SpecSource::Url(url),
        (None, None) => components::SpecSource::None,
    };
    let published = components::register(&state, &p, b.publiccode, source).await?;
    let detail = ComponentDetail::new(&components::get(&state, published.component.id.clone()).await?);
    Ok(if published.new_version {
        HttpResponse::Created().json(detail)
    } else {
        HttpResponse::Ok().json(detail)
    })
}

// the values `sorteer` accepts; its doc comment is the spec's description
/// Volgorde van de lijst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub enum Sortering {
    /// Op naam (standaard); met zoekwoorden eerst de componenten met de meeste ervan in hun naam.
    #[serde(rename = "naam")]
    Naam,
    /// Laatst gewijzigd eerst.
    #[serde(rename = "-gewijzigdOp")]
    RecentFirst,
}

/// The filters of the list of components.
#[derive(Debug, serde::Deserialize, validator::Validate, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ComponentFilter {
    /// Zoekwoorden (naam, beschrijving, organisatie; ook het begin van een woord).
    #[validate(length(max = 200))]
    pub zoek: Option<String>,
    /// Common Ground-laag.
    #[param(inline)]
    pub laag: Option<Layer>,
    /// developmentStatus.
    #[param(inline)]
    pub status: Option<DevelopmentStatus>,
    /// Licentie (SPDX), precies.
    pub licentie: Option<String>,
    /// softwareType.
    #[param(inline)]
    pub software_type: Option<SoftwareType>,
    /// Organisatie die het onderhoudt of gebruikt, precies.
    pub organisatie: Option<String>,
    /// naam (standaard) of -gewijzigdOp (laatst gewijzigd eerst).
    #[param(inline)]
    pub sorteer: Option<Sortering>,
}

/// The components, by name, filtered.
#[utoipa::path(
    tag = "componenten",
    params(ComponentFilter, PageRequest),
    responses((status = 200, description = "Componenten", body = ComponentenPagina), BadRequest),
)]
#[get("/componenten")]
pub async fn componenten(
    req: HttpRequest,
    q: Paged<ComponentFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (f, page) = (&q.filter, q.page);
    let filter = Filter {
        laag: f.laag.map(|v| v.as_str().to_string()),
        status: f.status.map(|v| v.as_str().to_string()),
        licentie: f.licentie.clone(),
        software_type: f.software_type.map(|v| v.as_str().to_string()),
        organisatie: f.organisatie.clone(),
        words: f.zoek.as_deref().map(store::search_words).unwrap_or_default(),
        recent_first: f.sorteer == Some(Sortering::RecentFirst),
    };
    let (rows, total, facets) = components::list(&state, filter, page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(ComponentenPagina {
        componenten: rows.iter().map(Component::from).collect(),
        facetten: facets
            .into_iter()
            .map(|(veld, waarde, aantal)| Facet {
                veld: veld.into(),
                waarde,
                aantal,
            })
            .collect(),
        paginering: info,
        _links: links,
    }))
}

/// A component with its description and versions.
#[utoipa::path(
    tag = "componenten",
    params(("id" = String, Path, description = "Id van het component")),
    responses((status = 200, description = "Het component", body = ComponentDetail), BadRequest, NotFound),
)]
#[get("/componenten/{id}")]
pub async fn component(path: web::Path<String>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let detail = components::get(&state, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(ComponentDetail::new(&detail)))
}

/// The OpenAPI spec of one version, as published.
#[utoipa::path(
    tag = "componenten",
    params(
        ("id" = String, Path, description = "Id van het component"),
        ("versie" = i32, Path, description = "Versienummer", minimum = 1),
    ),
    responses((status = 200, description = "De spec", body = Object), BadRequest, NotFound),
)]
#[get("/componenten/{id}/versies/{versie}/openapi.json")]
pub async fn openapi(path: web::Path<(String, i32)>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let (id, versie) = path.into_inner();
    let v = components::version(&state, id, versie).await?;
    let spec = v
        .openapi
        .ok_or_else(|| Problem::not_found("Deze versie heeft geen OpenAPI-spec."))?;
    Ok(HttpResponse::Ok().content_type("application/json").body(spec))
}

/// The check of one version's spec against the API Design Rules 2.2: score and findings (rule,
/// severity, path, message), as Spectral with the official ruleset reports them.
#[utoipa::path(
    tag = "componenten",
    params(
        ("id" = String, Path, description = "Id van het component"),
        ("versie" = i32, Path, description = "Versienummer", minimum = 1),
    ),
    responses((status = 200, description = "De toets", body = AdrToets), BadRequest, NotFound),
)]
#[get("/componenten/{id}/versies/{versie}/adr-bevindingen")]
pub async fn adr_bevindingen(
    path: web::Path<(String, i32)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (id, versie) = path.into_inner();
    let v = components::version(&state, id, versie).await?;
    let (Some(found), Some(score)) = (v.adr_bevindingen, v.adr_score) else {
        return Err(Problem::not_found("Deze versie heeft geen OpenAPI-spec."));
    };
    Ok(HttpResponse::Ok().json(AdrToets {
        regelset: "ADR 2.2".into(),
        score,
        bevindingen: found.into_inner(),
    }))
}

/// What changed in one version's spec against the previous version with a spec, and whether it
/// breaks a client: removed paths, operations and response properties, new required parameters
/// and properties, changed types, narrowed enums, added security, removed media types.
#[utoipa::path(
    tag = "componenten",
    params(
        ("id" = String, Path, description = "Id van het component"),
        ("versie" = i32, Path, description = "Versienummer", minimum = 1),
    ),
    responses((status = 200, description = "De wijzigingen", body = Wijzigingen), BadRequest, NotFound),
)]
#[get("/componenten/{id}/versies/{versie}/wijzigingen")]
pub async fn wijzigingen(path: web::Path<(String, i32)>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let (id, versie) = path.into_inner();
    let v = components::version(&state, id, versie).await?;
    let (Some(changes), Some(with)) = (v.wijzigingen, v.vergeleken_met) else {
        return Err(Problem::not_found(
            "Deze versie heeft geen eerdere spec om mee te vergelijken.",
        ));
    };
    let changes = changes.into_inner();
    Ok(HttpResponse::Ok().json(Wijzigingen {
        vergeleken_met: with,
        brekend: changes.iter().any(|c| c.breaking),
        wijzigingen: changes,
    }))
}

/// The publiccode.yml of one version, as published.
#[utoipa::path(
    tag = "componenten",
    params(
        ("id" = String, Path, description = "Id van het component"),
        ("versie" = i32, Path, description = "Versienummer", minimum = 1),
    ),
    responses((status = 200, description = "publiccode.yml (een YAML-document)", content((Object = "application/yaml"))), BadRequest, NotFound),
)]
#[get("/componenten/{id}/versies/{versie}/publiccode.yml")]
pub async fn publiccode(path: web::Path<(String, i32)>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let (id, versie) = path.into_inner();
    let v = components::version(&state, id, versie).await?;
    Ok(HttpResponse::Ok().content_type("application/yaml").body(v.publiccode))
}

/// Record that the caller's organisation runs a version of a component (scope
/// `catalogus.gebruik`; the organisation comes from the client's settings). One record per
/// component, organisation and environment: a later one replaces it.
#[utoipa::path(
    tag = "gebruik",
    params(("id" = String, Path, description = "Id van het component")),
    request_body = NieuwGebruik,
    responses(
        (status = 200, description = "Vastgelegd", body = Gebruiker),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[put("/componenten/{id}/gebruik")]
pub async fn gebruik_vastleggen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuwGebruik>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let row = usage::record(&state, &p, path.into_inner(), b.versie, b.sinds, b.omgeving).await?;
    Ok(HttpResponse::Ok().json(Gebruiker::from(&row)))
}

/// End the caller's organisation's use of a component in an environment.
#[utoipa::path(
    tag = "gebruik",
    params(
        ("id" = String, Path, description = "Id van het component"),
        ("omgeving" = String, Path, description = "productie, acceptatie of test"),
    ),
    responses((status = 204, description = "Beëindigd"), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[delete("/componenten/{id}/gebruik/{omgeving}")]
pub async fn gebruik_beeindigen(
    p: Principal,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (id, omgeving) = path.into_inner();
    let omgeving = Omgeving::parse(&omgeving).map_err(|_| {
        Problem::params_validation(vec![platform::InvalidParam::new(
            "omgeving",
            "enum",
            "Waarde moet productie, acceptatie of test zijn.",
        )])
    })?;
    usage::end(&state, &p, id, omgeving).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Give a component to another organisation (scope `catalogus.overdragen`, an administrator's):
/// from then on only that organisation publishes its new versions. Audited.
#[utoipa::path(
    tag = "componenten",
    params(("id" = String, Path, description = "Id van het component")),
    request_body = Overdracht,
    responses(
        (status = 200, description = "Overgedragen", body = ComponentDetail),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[put("/componenten/{id}/eigenaar")]
pub async fn eigenaar_overdragen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<Overdracht>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let id = path.into_inner();
    components::transfer(&state, &p, id.clone(), body.into_inner().organisatie).await?;
    Ok(HttpResponse::Ok().json(ComponentDetail::new(&components::get(&state, id).await?)))
}

/// The component's API in the shape of the developer.overheid.nl API register (oasUrl, title,
/// description, contact, organisation), to forward it there.
#[utoipa::path(
    tag = "componenten",
    params(("id" = String, Path, description = "Id van het component")),
    responses((status = 200, description = "Voor het API-register", body = DonExport), BadRequest, NotFound),
)]
#[get("/componenten/{id}/api-register")]
pub async fn api_register(path: web::Path<String>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let detail = components::get(&state, path.into_inner()).await?;
    let c = &detail.component;
    let Some(versie) = detail.versions.iter().find(|v| v.has_spec).map(|v| v.versie) else {
        return Err(Problem::not_found("Dit component heeft geen OpenAPI-spec."));
    };
    let spec = components::version(&state, c.id.clone(), versie).await?;
    let tree: serde_json::Value = spec
        .openapi
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default();
    let info = |key: &str| {
        tree.pointer(&format!("/info/{key}"))
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    let contact = |key: &str| info(&format!("contact/{key}"));
    Ok(HttpResponse::Ok().json(DonExport {
        oas_url: format!(
            "{}/api/v1/componenten/{}/versies/{versie}/openapi.json",
            state.public_url, c.id
        ),
        title: info("title").unwrap_or_else(|| c.naam.clone()),
        description: info("description").unwrap_or_else(|| c.korte_beschrijving.clone()),
        contact: DonContact {
            name: contact("name"),
            email: contact("email"),
            url: contact("url"),
        },
        organisation: c.organisatie.clone().map(|name| DonOrganisation { name }),
    }))
}
