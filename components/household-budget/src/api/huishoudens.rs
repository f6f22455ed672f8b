//! Households (handlers over `app::master_data`).

use super::dto::{Huishouden, HuishoudenSamenvatting, HuishoudensPagina, Naam};
use crate::AppState;
use crate::app::master_data;
use actix_web::{HttpResponse, delete, get, post, put, web};
use platform::auth::Principal;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// Add a household (citizens join it through their `huishoudenId`).
#[utoipa::path(
    tag = "huishoudens",
    request_body = Naam,
    responses((status = 201, description = "Toegevoegd", body = Huishouden), BadRequest, Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[post("/huishoudens")]
pub async fn huishouden_toevoegen(
    p: Principal,
    body: Valid<Naam>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let h = master_data::create_household(&state, &p, body.into_inner().naam).await?;
    Ok(HttpResponse::Created().json(Huishouden::new(&h, Vec::new())))
}

paged_list! {
    /// The households, by name.
    huishoudens: "/huishoudens", tag "huishoudens", "Huishoudens",
    master_data::households => HuishoudensPagina { huishoudens: HuishoudenSamenvatting::from }
}

/// A household with its citizens.
#[utoipa::path(
    tag = "huishoudens",
    params(("id" = String, Path, description = "Id van het huishouden")),
    responses((status = 200, description = "Het huishouden", body = Huishouden), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/huishoudens/{id}")]
pub async fn huishouden(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (h, members) = master_data::household(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Huishouden::new(&h, members)))
}

/// Rename a household.
#[utoipa::path(
    tag = "huishoudens",
    params(("id" = String, Path, description = "Id van het huishouden")),
    request_body = Naam,
    responses((status = 204, description = "Gewijzigd"), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[put("/huishoudens/{id}")]
pub async fn huishouden_wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<Naam>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::rename_household(&state, &p, path.into_inner(), body.into_inner().naam).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Remove a household without citizens (409 otherwise).
#[utoipa::path(
    tag = "huishoudens",
    params(("id" = String, Path, description = "Id van het huishouden")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/huishoudens/{id}")]
pub async fn huishouden_verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::delete_household(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
