//! Transactions and booking suggestions (handlers over `app::transactions` and `app::booking`).

use super::dto::{Boeking, NieuweBoeking, Suggestie, Suggesties, Transactie, TransactiesPagina};
use crate::AppState;
use crate::app::{booking, transactions};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{InvalidParam, Problem, Valid};

/// The transactions of the municipality's accounts, newest first; `geboekt=false` for the ones
/// still to book.
#[utoipa::path(
    tag = "transacties",
    params(
        ("geboekt" = Option<bool>, Query, description = "false: alleen ongeboekte transacties"),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-100)", minimum = 1, maximum = 100),
    ),
    responses((status = 200, description = "Transacties", body = TransactiesPagina), BadRequest, Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[get("/transacties")]
pub async fn transacties(req: HttpRequest, p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let params = platform::http::QueryParams::parse(req.query_string(), &["geboekt", "page", "pageSize"])?;
    let page = PageRequest::from_params(&params)?;
    let only_unbooked = match params.get("geboekt") {
        None | Some("true") => false,
        Some("false") => true,
        Some(_) => {
            return Err(Problem::params_validation(vec![InvalidParam::new(
                "geboekt",
                "boolean",
                "Waarde is geen boolean.",
            )]));
        }
    };
    let (rows, total) = transactions::list(&state, &p, only_unbooked, page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), params.pairs(), page, total);
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
