//! Stays: report, list, cancel, correct, and the nights of a year (handlers over `app::stays`).

use super::dto::{Correctie, Nachten, Verblijf, VerblijfMelding, VerblijvenPagina};
use super::{Jaar, RegistratiePad, VerblijfPad};
use crate::AppState;
use crate::app::stays::{self, Report, Reported};
use crate::domain::stays::Period;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::query::{NoFilter, Paged, ValidQuery};
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// Report a stay (the holder only, before it starts).
#[utoipa::path(
    tag = "verblijven",
    params(RegistratiePad),
    request_body = VerblijfMelding,
    responses(
        (status = 201, description = "Verblijf gemeld", body = Verblijf),
        (status = 200, description = "Dezelfde melding (data en gasten) als een gemeld verblijf dat niet geannuleerd is: dat verblijf, niet opnieuw opgeslagen", body = Verblijf),
        BadRequest, Unauthorized, Forbidden, NotFound,
        (status = 422, description = "Geweigerd: eindNietNaStart, teveelGasten, overlappendVerblijf, maximumNachtenOverschreden, verblijfBegonnen, verblijfTeVerVooruit, registratieIngetrokken", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/registraties/{registratienummer}/verblijven")]
pub async fn melden(
    p: Principal,
    nr: RegistratiePad,
    body: Valid<VerblijfMelding>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let m = body.into_inner();
    let report = Report {
        period: Period {
            start: m.start_datum,
            end: m.eind_datum,
        },
        // validated to 1..=1000
        guests: i32::try_from(m.aantal_gasten).unwrap_or(i32::MAX),
    };
    Ok(
        match stays::report(&state, &state.caller(p), nr.registratienummer, report).await? {
            Reported::New(stay) => HttpResponse::Created().json(Verblijf::from(&stay)),
            Reported::Repeat(stay) => HttpResponse::Ok().json(Verblijf::from(&stay)),
        },
    )
}

/// The stays reported under this registration (an earlier holder's stays at the address count
/// against the cap but are not listed).
#[utoipa::path(
    tag = "verblijven",
    params(
        RegistratiePad,
        PageRequest,
    ),
    responses(
        (status = 200, description = "Verblijven, nieuwste eerst", body = VerblijvenPagina),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[get("/registraties/{registratienummer}/verblijven")]
pub async fn lijst(
    req: HttpRequest,
    p: Principal,
    q: Paged<NoFilter>,
    nr: RegistratiePad,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let page = q.page;
    let (rows, total) = stays::list(
        &state,
        &state.caller(p),
        nr.registratienummer,
        page.offset(),
        page.page_size,
    )
    .await?;
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(VerblijvenPagina {
        verblijven: rows.iter().map(Verblijf::from).collect(),
        paginering: info,
        _links: links,
    }))
}

/// Cancel a stay that has not started (the holder): kept for the record, its nights are given
/// back.
#[utoipa::path(
    tag = "verblijven",
    params(VerblijfPad),
    responses(
        (status = 204, description = "Geannuleerd"),
        BadRequest, Unauthorized, Forbidden, NotFound,
        (status = 422, description = "Geweigerd: verblijfBegonnen, registratieIngetrokken", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/registraties/{registratienummer}/verblijven/{id}")]
pub async fn annuleren(p: Principal, path: VerblijfPad, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let (number, stay_id) = (path.registratienummer, path.id);
    stays::cancel(&state, &state.caller(p), number, stay_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Correct a stay (the municipality): cancel it, also one that has happened, with a reason.
#[utoipa::path(
    tag = "verblijven",
    params(VerblijfPad),
    request_body = Correctie,
    responses(
        (status = 200, description = "Gecorrigeerd", body = Verblijf),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict,
    ),
    security(("bearer" = [])),
)]
#[post("/registraties/{registratienummer}/verblijven/{id}/correctie")]
pub async fn corrigeren(
    p: Principal,
    path: VerblijfPad,
    body: Valid<Correctie>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (number, stay_id) = (path.registratienummer, path.id);
    let reason = body.into_inner().reden.trim().to_string();
    let stay = stays::correct(&state, &state.caller(p), number, stay_id, reason).await?;
    Ok(HttpResponse::Ok().json(Verblijf::from(&stay)))
}

/// Nights of a calendar year at the registration's address.
#[utoipa::path(
    tag = "verblijven",
    params(RegistratiePad, Jaar),
    responses(
        (status = 200, description = "Nachten", body = Nachten),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[get("/registraties/{registratienummer}/nachten")]
pub async fn nachten(
    p: Principal,
    q: ValidQuery<Jaar>,
    nr: RegistratiePad,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let jaar = q.jaar;
    let n = stays::nights(&state, &state.caller(p), nr.registratienummer, jaar).await?;
    Ok(HttpResponse::Ok().json(Nachten {
        jaar,
        gerealiseerd: n.realised,
        gepland: n.planned,
        resterend: (n.max - n.realised - n.planned).max(0),
        maximum: n.max,
    }))
}
