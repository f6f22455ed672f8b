//! Transactions and booking suggestions (handlers over `app::transactions` and `app::booking`).

use super::dto::{Boeking, NieuweBoeking, Suggestie, Suggesties, Transactie, TransactiesPagina};
use crate::AppState;
use crate::app::{booking, transactions};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::query::Paged;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// The filter of the transactions.
#[derive(Debug, serde::Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransactieFilter {
    /// false: alleen ongeboekte transacties.
    pub geboekt: Option<bool>,
}

/// The transactions of the municipality's accounts, newest first; `geboekt=false` for the ones
/// still to book.
#[utoipa::path(
    tag = "transacties",
    params(TransactieFilter, PageRequest),
    responses((status = 200, description = "Transacties", body = TransactiesPagina), BadRequest, Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[get("/transacties")]
pub async fn transacties(
    req: HttpRequest,
    p: Principal,
    q: Paged<TransactieFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (page, only_unbooked) = (q.page, q.filter.geboekt == Some(false));
    let (rows, total) = transactions::list(&state, &p, only_unbooked, page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(TransactiesPagina {
        transacties: rows.iter().map(Transactie::from).collect(),
        paginering: info,
        _links: links,
    }))
}

/// The afspraken a transaction could be booked to, best first, each with what fits and what
/// does not.
#[utoipa::path(
    tag = "transacties",
    params(("id" = String, Path, description = "Id van de transactie")),
    responses((status = 200, description = "Suggesties", body = Suggesties), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/transacties/{id}/suggesties")]
pub async fn suggesties(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let fits = booking::suggestions(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Suggesties {
        suggesties: fits.iter().map(Suggestie::from).collect(),
    }))
}

/// Book a transaction to an afspraak by hand (recorded as not automatic, with who did it).
#[utoipa::path(
    tag = "transacties",
    params(("id" = String, Path, description = "Id van de transactie")),
    request_body = NieuweBoeking,
    responses((status = 201, description = "Geboekt", body = Boeking), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[post("/transacties/{id}/boeking")]
pub async fn boeken(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuweBoeking>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = booking::book(&state, &p, path.into_inner(), body.into_inner().afspraak_id).await?;
    Ok(HttpResponse::Created().json(Boeking::from(&b)))
}

/// Remove a transaction's booking (automatic or by hand).
#[utoipa::path(
    tag = "transacties",
    params(("id" = String, Path, description = "Id van de transactie")),
    responses((status = 204, description = "Boeking verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[delete("/transacties/{id}/boeking")]
pub async fn ontboeken(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    booking::unbook(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
