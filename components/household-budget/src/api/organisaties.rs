//! Organisations and their departments (handlers over `app::master_data`).

use super::dto::{Afdeling, Naam, NieuweOrganisatie, Organisatie, OrganisatiesPagina};
use crate::AppState;
use crate::app::master_data;
use actix_web::{HttpResponse, delete, get, post, put, web};
use platform::auth::Principal;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// Add an organisation (a creditor, employer or benefit agency); 409 when its KvK number is
/// known.
#[utoipa::path(
    tag = "organisaties",
    request_body = NieuweOrganisatie,
    responses((status = 201, description = "Toegevoegd", body = Organisatie), BadRequest, Unauthorized, Forbidden, Conflict),
    security(("bearer" = [])),
)]
#[post("/organisaties")]
pub async fn organisatie_toevoegen(
    p: Principal,
    body: Valid<NieuweOrganisatie>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let o = master_data::create_organisation(&state, &p, b.kvk_nummer, b.naam).await?;
    Ok(HttpResponse::Created().json(Organisatie::new(&o, Some(Vec::new()))))
}

paged_list! {
    /// The organisations, by name.
    organisaties: "/organisaties", tag "organisaties", "Organisaties",
    master_data::organisations => OrganisatiesPagina { organisaties: |o| Organisatie::new(o, None) }
}

/// An organisation with its departments and their accounts.
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de organisatie")),
    responses((status = 200, description = "De organisatie", body = Organisatie), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/organisaties/{id}")]
pub async fn organisatie(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (o, departments) = master_data::organisation(&state, &p, path.into_inner()).await?;
    let afdelingen = departments.iter().map(|(d, a)| Afdeling::new(d, a)).collect();
    Ok(HttpResponse::Ok().json(Organisatie::new(&o, Some(afdelingen))))
}

/// Change an organisation's KvK number and name.
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de organisatie")),
    request_body = NieuweOrganisatie,
    responses((status = 200, description = "Gewijzigd", body = Organisatie), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[put("/organisaties/{id}")]
pub async fn organisatie_wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuweOrganisatie>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let o = master_data::update_organisation(&state, &p, path.into_inner(), b.kvk_nummer, b.naam).await?;
    Ok(HttpResponse::Ok().json(Organisatie::new(&o, None)))
}

/// Remove an organisation without departments (409 otherwise).
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de organisatie")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/organisaties/{id}")]
pub async fn organisatie_verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::delete_organisation(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Add a department to an organisation.
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de organisatie")),
    request_body = Naam,
    responses((status = 201, description = "Toegevoegd", body = Afdeling), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[post("/organisaties/{id}/afdelingen")]
pub async fn afdeling_toevoegen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<Naam>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let d = master_data::create_department(&state, &p, path.into_inner(), body.into_inner().naam).await?;
    Ok(HttpResponse::Created().json(Afdeling::new(&d, &[])))
}

/// A department with its accounts.
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de afdeling")),
    responses((status = 200, description = "De afdeling", body = Afdeling), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/afdelingen/{id}")]
pub async fn afdeling(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (d, accounts) = master_data::department(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Afdeling::new(&d, &accounts)))
}

/// Rename a department.
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de afdeling")),
    request_body = Naam,
    responses((status = 204, description = "Gewijzigd"), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[put("/afdelingen/{id}")]
pub async fn afdeling_wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<Naam>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::rename_department(&state, &p, path.into_inner(), body.into_inner().naam).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Remove a department no afspraak names (409 otherwise).
#[utoipa::path(
    tag = "organisaties",
    params(("id" = String, Path, description = "Id van de afdeling")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/afdelingen/{id}")]
pub async fn afdeling_verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::delete_department(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
