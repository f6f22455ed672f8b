//! BAG lookups as the official contract has them: `/adressen`, `/adressen/{id}`,
//! `/adresseerbareobjecten/{id}` (HAL JSON; handlers over `app::bag`).

use crate::AppState;
use crate::app::bag;
use crate::domain::bag::{AdresSearch, PARAMETERS};
use actix_web::{HttpRequest, HttpResponse, web};
use platform::auth::Principal;
use platform::http::QueryParams;
use platform::{AdresseerbaarObjectId, InvalidParam, NummeraanduidingId, Problem};

/// Scope needed for BAG lookups.
pub const SCOPE: &str = bag::SCOPE;

fn hal(v: serde_json::Value) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/hal+json")
        .body(v.to_string())
}

/// A 16-digit id in the path, or the contract's 400.
fn path_id<T>(name: &str, id: &str, parse: fn(&str) -> Result<T, platform::ids::IdError>) -> Result<T, Problem> {
    parse(id).map_err(|e| Problem::params_validation(vec![InvalidParam::new(name, "pattern", e.0)]))
}

/// Addresses by postcode and house number (with letter and addition), or by object id.
pub async fn adressen(req: HttpRequest, p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE)?;
    let query = req.query_string();
    let params = QueryParams::parse(query, &PARAMETERS)?;
    let search = AdresSearch::from_query(query, &params).map_err(Problem::params_validation)?;
    let self_href = format!("{}?{query}", req.path());
    Ok(hal(bag::adressen(&state, &p, &search, &self_href).await?))
}

/// One address by nummeraanduiding id.
pub async fn adres(p: Principal, id: web::Path<String>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE)?;
    let id = path_id("nummeraanduidingIdentificatie", &id, NummeraanduidingId::parse)?;
    Ok(hal(bag::adres(&state, &p, &id).await?))
}

/// One addressable object (with its gebruiksdoelen) by id.
pub async fn adresseerbaar_object(
    p: Principal,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE)?;
    let id = path_id("adresseerbaarObjectIdentificatie", &id, AdresseerbaarObjectId::parse)?;
    Ok(hal(bag::adresseerbaar_object(&state, &p, &id).await?))
}
