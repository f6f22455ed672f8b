//! The chart of accounts and rubrieken (handlers over `app::master_data`).

use super::dto::{Grootboekrekening, Grootboekrekeningen, NieuweRubriek, Rubriek, RubriekenPagina};
use crate::AppState;
use crate::app::master_data;
use actix_web::{HttpResponse, delete, get, post, put, web};
use platform::auth::Principal;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// The chart of accounts (the standard one, seeded at installation).
#[utoipa::path(
    tag = "rubrieken",
    responses((status = 200, description = "Grootboekrekeningen", body = Grootboekrekeningen), Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[get("/grootboekrekeningen")]
pub async fn grootboekrekeningen(p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let rows = master_data::ledger(&state, &p).await?;
    Ok(HttpResponse::Ok().json(Grootboekrekeningen {
        grootboekrekeningen: rows.iter().map(Grootboekrekening::from).collect(),
    }))
}

/// Add a rubriek on a grootboekrekening; 409 when the name is taken.
#[utoipa::path(
    tag = "rubrieken",
    request_body = NieuweRubriek,
    responses((status = 201, description = "Toegevoegd", body = Rubriek), BadRequest, Unauthorized, Forbidden, Conflict),
    security(("bearer" = [])),
)]
#[post("/rubrieken")]
pub async fn rubriek_toevoegen(
    p: Principal,
    body: Valid<NieuweRubriek>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let r = master_data::create_rubriek(&state, &p, b.naam, b.grootboekrekening).await?;
    Ok(HttpResponse::Created().json(Rubriek::from(&r)))
}

paged_list! {
    /// The rubrieken, by name.
    rubrieken: "/rubrieken", tag "rubrieken", "Rubrieken",
    master_data::rubrieken => RubriekenPagina { rubrieken: Rubriek::from }
}

/// A rubriek.
#[utoipa::path(
    tag = "rubrieken",
    params(("id" = String, Path, description = "Id van de rubriek")),
    responses((status = 200, description = "De rubriek", body = Rubriek), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/rubrieken/{id}")]
pub async fn rubriek(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let r = master_data::rubriek(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Rubriek::from(&r)))
}

/// Change a rubriek's name and grootboekrekening.
#[utoipa::path(
    tag = "rubrieken",
    params(("id" = String, Path, description = "Id van de rubriek")),
    request_body = NieuweRubriek,
    responses((status = 200, description = "Gewijzigd", body = Rubriek), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[put("/rubrieken/{id}")]
pub async fn rubriek_wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuweRubriek>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let r = master_data::update_rubriek(&state, &p, path.into_inner(), b.naam, b.grootboekrekening).await?;
    Ok(HttpResponse::Ok().json(Rubriek::from(&r)))
}

/// Remove a rubriek no afspraak is in (409 otherwise).
#[utoipa::path(
    tag = "rubrieken",
    params(("id" = String, Path, description = "Id van de rubriek")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/rubrieken/{id}")]
pub async fn rubriek_verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::delete_rubriek(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
