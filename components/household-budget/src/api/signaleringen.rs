//! Signals (handlers over `app::signals`).

use super::dto::{Berekening, Signalering, SignaleringenPagina, Sluiting};
use crate::AppState;
use crate::app::signals;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use platform::auth::Principal;
use platform::pagination::{PageRequest, StatusFilter};
use platform::query::Paged;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

async fn page(
    req: HttpRequest,
    p: Principal,
    q: Paged<StatusFilter>,
    state: web::Data<AppState>,
    burger_id: Option<String>,
) -> Result<HttpResponse, Problem> {
    let page = q.page;
    let (rows, total) = signals::list(&state, &p, burger_id, q.filter.status, page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(SignaleringenPagina {
        signaleringen: rows.iter().map(Signalering::from).collect(),
        paginering: info,
        _links: links,
    }))
}

/// All signals, newest first (budget workers).
#[utoipa::path(
    tag = "signaleringen",
    params(StatusFilter, PageRequest),
    responses((status = 200, description = "Signaleringen", body = SignaleringenPagina), BadRequest, Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[get("/signaleringen")]
pub async fn signaleringen(
    req: HttpRequest,
    p: Principal,
    q: Paged<StatusFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    page(req, p, q, state, None).await
}

/// A citizen's signals (a budget worker, or the citizen themselves).
#[utoipa::path(
    tag = "signaleringen",
    params(
        ("id" = String, Path, description = "Id van de burger"),
        StatusFilter,
        PageRequest,
    ),
    responses((status = 200, description = "Signaleringen", body = SignaleringenPagina), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/burgers/{id}/signaleringen")]
pub async fn van_burger(
    req: HttpRequest,
    p: Principal,
    q: Paged<StatusFilter>,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    page(req, p, q, state, Some(path.into_inner())).await
}

/// Compute the signals now (imports do it themselves).
#[utoipa::path(
    tag = "signaleringen",
    responses((status = 200, description = "Berekend", body = Berekening), BadRequest, Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[post("/signaleringen/berekenen")]
pub async fn berekenen(p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let new = signals::compute(&state, &p).await?;
    Ok(HttpResponse::Ok().json(Berekening { aantal_nieuw: new }))
}

/// Close a signal with a note.
#[utoipa::path(
    tag = "signaleringen",
    params(("id" = String, Path, description = "Id van de signalering")),
    request_body = Sluiting,
    responses((status = 200, description = "Gesloten", body = Signalering), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[post("/signaleringen/{id}/sluiten")]
pub async fn sluiten(
    p: Principal,
    path: web::Path<String>,
    body: Valid<Sluiting>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let row = signals::close(&state, &p, path.into_inner(), body.into_inner().notitie).await?;
    Ok(HttpResponse::Ok().json(Signalering::from(&row)))
}
