//! Enforcement: addresses of the inspector's municipality over or near the cap in a year, as
//! JSON or CSV (handler over `app::enforcement`).

use super::Jaar;
use super::dto::{HandhavingAdres, HandhavingPagina};
use crate::AppState;
use crate::app::enforcement;
use actix_web::{HttpRequest, HttpResponse, get, web};
use platform::Problem;
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::query::Paged;
use platform::responses::{BadRequest, Forbidden, Unauthorized};

/// Addresses over the cap or within the municipality's threshold of it.
#[utoipa::path(
    tag = "handhaving",
    params(
        Jaar,
        PageRequest,
    ),
    responses(
        (status = 200, description = "Adressen (ook als text/csv)", content((HandhavingPagina = "application/json"), (String = "text/csv"))),
        BadRequest, Unauthorized, Forbidden,
    ),
    security(("bearer" = [])),
)]
#[get("/handhaving/adressen")]
pub async fn adressen(
    req: HttpRequest,
    p: Principal,
    q: Paged<Jaar>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (jaar, page) = (q.filter.jaar, q.page);
    let result = enforcement::addresses(&state, &state.caller(p), jaar, page.offset(), page.page_size).await?;
    let items: Vec<HandhavingAdres> = result
        .addresses
        .iter()
        .map(|a| HandhavingAdres::new(a, result.max))
        .collect();
    if platform::http::wants_csv(&req) {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(to_csv(&items)));
    }
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, result.total);
    Ok(HttpResponse::Ok().json(HandhavingPagina {
        adressen: items,
        paginering: info,
        _links: links,
    }))
}

use platform::http::csv_field;

fn to_csv(items: &[HandhavingAdres]) -> String {
    let mut out =
        String::from("registratienummer,status,adres,nummeraanduidingIdentificatie,nachten,maximum,bovenMaximum\r\n");
    for i in items {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\r\n",
            csv_field(&i.registratienummer),
            csv_field(i.status.as_str()),
            csv_field(&i.adres),
            csv_field(i.nummeraanduiding_identificatie.as_str()),
            i.nachten,
            i.maximum,
            i.boven_maximum
        ));
    }
    out
}
