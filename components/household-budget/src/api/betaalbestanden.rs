//! Payment files (handlers over `app::payments`).

use super::dto::{Betaalbestand, NieuwBetaalbestand};
use crate::AppState;
use crate::app::payments;
use crate::export::pain001::Version;
use actix_web::{HttpResponse, get, post, web};
use platform::auth::Principal;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{InvalidParam, Problem, Valid};

/// Export the payments due in a date range as one pain.001 file (payments exported before are
/// left out; 409 when nothing is left).
#[utoipa::path(
    tag = "betaalbestanden",
    request_body = NieuwBetaalbestand,
    responses(
        (status = 201, description = "Aangemaakt", body = Betaalbestand),
        BadRequest, Unauthorized, Forbidden, Conflict,
    ),
    security(("bearer" = [])),
)]
#[post("/betaalbestanden")]
pub async fn aanmaken(
    p: Principal,
    body: Valid<NieuwBetaalbestand>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    if b.tot < b.van || (b.tot - b.van).num_days() > 366 {
        return Err(Problem::params_validation(vec![InvalidParam::new(
            "tot",
            "range",
            "De periode loopt van van tot en met tot, hoogstens een jaar.",
        )]));
    }
    let file = payments::export(&state, &p, b.van, b.tot, b.versie.unwrap_or(Version::V03)).await?;
    Ok(HttpResponse::Created().json(Betaalbestand::from(&file)))
}

/// Download a payment file again (pain.001 XML), exactly as exported.
#[utoipa::path(
    tag = "betaalbestanden",
    params(("id" = String, Path, description = "Id van het betaalbestand")),
    responses(
        (status = 200, description = "Het bestand", body = String, content_type = "application/xml"),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[get("/betaalbestanden/{id}")]
pub async fn ophalen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let file = payments::get(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header(("ETag", format!("\"{}\"", file.sha256)))
        .body(file.inhoud))
}
