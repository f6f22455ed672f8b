//! Registration numbers: apply, read, withdraw, and the platform check.

use super::dto::{Controle, Intrekking, Registratie, RegistratieAanvraag};
use super::{RegistratiePad, SCOPE_CONTROLEREN, registration_number};
use crate::AppState;
use crate::app::registrations;
use crate::store::rate_limit::Verdict;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use platform::auth::Principal;
use platform::responses::{
    BadGateway, BadRequest, Conflict, Forbidden, NotFound, ServiceUnavailable, TooManyRequests, Unauthorized,
};
use platform::{Problem, Valid};
use serde::Serialize;

/// Request a registration number for the citizen's own home.
#[utoipa::path(
    tag = "registraties",
    request_body = RegistratieAanvraag,
    responses(
        (status = 201, description = "Registratienummer verstrekt", body = Registratie),
        BadRequest, Unauthorized, Forbidden,
        (status = 409, description = "Adres heeft al een actieve registratie (met een link als het de uwe is)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Een controle faalde: adresBestaatNiet, geenWoonfunctie, woontNietOpAdres, gemeenteNietAangesloten, registratieNietVerplicht", body = Problem, content_type = "application/problem+json"),
        BadGateway, ServiceUnavailable,
    ),
    security(("bearer" = [])),
)]
#[post("/registraties")]
pub async fn aanvragen(
    p: Principal,
    body: Valid<RegistratieAanvraag>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let reg = registrations::apply(&state, &state.caller(p), body.nummeraanduiding_identificatie).await?;
    let dto = Registratie::from(&reg);
    Ok(HttpResponse::Created()
        .insert_header(("Location", dto._links.self_.href.clone()))
        .json(dto))
}

/// A registration, for its holder or the municipality.
#[utoipa::path(
    tag = "registraties",
    params(RegistratiePad),
    responses(
        (status = 200, description = "De registratie", body = Registratie),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[get("/registraties/{registratienummer}")]
pub async fn raadplegen(p: Principal, nr: RegistratiePad, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let reg = registrations::read(&state, &state.caller(p), nr.registratienummer).await?;
    Ok(HttpResponse::Ok().json(Registratie::from(&reg)))
}

/// Withdraw a registration (the municipality).
#[utoipa::path(
    tag = "registraties",
    params(RegistratiePad),
    request_body = Intrekking,
    responses(
        (status = 200, description = "Ingetrokken", body = Registratie),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict,
    ),
    security(("bearer" = [])),
)]
#[post("/registraties/{registratienummer}/intrekken")]
pub async fn intrekken(
    p: Principal,
    nr: RegistratiePad,
    body: Valid<Intrekking>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let number = nr.registratienummer;
    let reg = registrations::withdraw(
        &state,
        &state.caller(p),
        number,
        body.into_inner().reden.trim().to_string(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(Registratie::from(&reg)))
}

/// Check a number (platforms, EU Regulation 2024/1028): no personal data.
#[utoipa::path(
    tag = "controle",
    params(RegistratiePad),
    responses(
        (status = 200, description = "Resultaat", body = Controle),
        BadRequest, Unauthorized, Forbidden, TooManyRequests,
    ),
    security(("bearer" = [])),
)]
#[get("/registratienummers/{registratienummer}")]
pub async fn controleren(req: HttpRequest, p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    // every check counts against the limit, a malformed number too (no probing for free)
    if let Some(refused) = platform_check_allowed(&p, &state).await? {
        return Ok(refused);
    }
    let given = req.match_info().get("registratienummer").unwrap_or_default();
    let check = registrations::check(&state, registration_number("registratienummer", given)?).await?;
    Ok(HttpResponse::Ok().json(Controle {
        geldig: check.valid,
        gemeentecode: check.gemeente,
    }))
}

/// The platform check's scope and rate limit: `Some(429 answer)` when over the limit.
async fn platform_check_allowed(p: &Principal, state: &AppState) -> Result<Option<HttpResponse>, Problem> {
    p.require_scope(SCOPE_CONTROLEREN)?;
    let now = (state.clock)();
    if let Verdict::Refused(retry) = state.rate_limit.check(&state.db, &p.client_id, now).await? {
        let mut resp = Problem::too_many_requests().to_response();
        if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&retry.to_string()) {
            resp.headers_mut().insert(actix_web::http::header::RETRY_AFTER, v);
        }
        return Ok(Some(resp));
    }
    Ok(None)
}

/// The number check in the shape of the EU SDEP prototype's `number-valid-check`
/// (`standards/sdep`): `isValid` is the string `"True"` or `"False"`, as there.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NumberValid {
    /// `"True"` when the number belongs to an active registration, else `"False"`.
    #[serde(rename = "isValid")]
    #[schema(example = "True")]
    pub is_valid: String,
}

/// Check a number as the EU Single Digital Entry Point asks it (its prototype's
/// `number-valid-check`), so an SDEP can call the municipal register directly; the same scope,
/// rate limit and answer as `/registratienummers/{registratienummer}`.
#[utoipa::path(
    tag = "controle",
    params(("registrationNumber" = String, Path, description = "Registratienummer, met of zonder spaties", pattern = r"^( *[0-9A-Fa-f]){16}( *[0-9]){4} *$")),
    responses(
        (status = 200, description = "Resultaat", body = NumberValid),
        BadRequest, Unauthorized, Forbidden, TooManyRequests,
    ),
    security(("bearer" = [])),
)]
#[get("/sdep/number-valid-check/{registrationNumber}")]
pub async fn sdep_controleren(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    if let Some(refused) = platform_check_allowed(&p, &state).await? {
        return Ok(refused);
    }
    let check = registrations::check(&state, registration_number("registrationNumber", &path)?).await?;
    Ok(HttpResponse::Ok().json(NumberValid {
        is_valid: if check.valid { "True" } else { "False" }.into(),
    }))
}
