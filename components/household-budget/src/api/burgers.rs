//! Citizens and their afspraken (handlers over `app::citizens`).

use super::dto::{Afspraak, Afspraken, Burger, BurgersPagina, NieuweAfspraak, NieuweBurger, Overzicht};
use crate::AppState;
use crate::app::citizens;
use crate::store::{AgreementRow, CitizenRow};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};

/// Add a citizen whose books are kept.
#[utoipa::path(
    tag = "burgers",
    request_body = NieuweBurger,
    responses(
        (status = 201, description = "Toegevoegd", body = Burger),
        BadRequest, Unauthorized, Forbidden, Conflict,
    ),
    security(("bearer" = [])),
)]
#[post("/burgers")]
pub async fn toevoegen(
    p: Principal,
    body: Valid<NieuweBurger>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let b = body.into_inner();
    let (straat, huisnummer, postcode, plaats) = match b.adres {
        Some(a) => (Some(a.straat), Some(a.huisnummer), Some(a.postcode), Some(a.plaats)),
        None => (None, None, None, None),
    };
    let row = CitizenRow {
        id: uuid::Uuid::new_v4().to_string(),
        bsn: b.burgerservicenummer,
        voornamen: b.voornamen,
        achternaam: b.achternaam,
        straat,
        huisnummer,
        postcode,
        plaats,
        email: b.email,
        telefoon: b.telefoon,
        aangemaakt_op: state.now(),
    };
    let stored = citizens::create(&state, &p, row).await?;
    Ok(HttpResponse::Created().json(Burger::from(&stored)))
}

/// The citizens, by surname.
#[utoipa::path(
    tag = "burgers",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-100)", minimum = 1, maximum = 100),
    ),
    responses((status = 200, description = "Burgers", body = BurgersPagina), BadRequest, Unauthorized, Forbidden),
    security(("bearer" = [])),
)]
#[get("/burgers")]
pub async fn burgers(req: HttpRequest, p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let params = platform::http::QueryParams::parse(req.query_string(), &["page", "pageSize"])?;
    let page = PageRequest::from_params(&params)?;
    let (rows, total) = citizens::list(&state, &p, page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), params.pairs(), page, total);
    Ok(HttpResponse::Ok().json(BurgersPagina {
        burgers: rows.iter().map(Burger::from).collect(),
        paginering: info,
        _links: links,
    }))
}

/// A citizen (a budget worker, or the citizen themselves).
#[utoipa::path(
    tag = "burgers",
    params(("id" = String, Path, description = "Id van de burger")),
    responses((status = 200, description = "De burger", body = Burger), BadRequest, Unauthorized, NotFound),
    security(("bearer" = [])),
)]
#[get("/burgers/{id}")]
pub async fn raadplegen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let c = citizens::get(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Burger::from(&c)))
}

/// Add an afspraak: expected income or an expense of the citizen.
#[utoipa::path(
    tag = "afspraken",
    params(("id" = String, Path, description = "Id van de burger")),
    request_body = NieuweAfspraak,
    responses(
        (status = 201, description = "Toegevoegd", body = Afspraak),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[post("/burgers/{id}/afspraken")]
pub async fn afspraak_toevoegen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuweAfspraak>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let a = body.into_inner();
    if let Some((field, reason)) = a.betaalinstructie.as_ref().and_then(|b| b.fault()) {
        return Err(Problem::params_validation(vec![platform::InvalidParam::new(
            field, "invalid", reason,
        )]));
    }
    if a.geldig_tot.is_some_and(|t| t < a.geldig_van) {
        return Err(Problem::params_validation(vec![platform::InvalidParam::new(
            "geldigTot",
            "minimum",
            "De einddatum ligt voor de begindatum.",
        )]));
    }
    let row = AgreementRow {
        id: uuid::Uuid::new_v4().to_string(),
        burger_id: path.into_inner(),
        omschrijving: a.omschrijving,
        richting: a.soort.direction().into(),
        bedrag: a.bedrag_in_centen,
        tegenrekening: a.tegenrekening,
        geldig_van: a.geldig_van,
        geldig_tot: a.geldig_tot,
        zoektermen: serde_json::to_string(&a.zoektermen).unwrap_or_else(|_| "[]".into()),
        aangemaakt_op: state.now(),
        betaalinstructie: a.betaalinstructie.as_ref().and_then(|b| serde_json::to_string(b).ok()),
    };
    let stored = citizens::add_agreement(&state, &p, row).await?;
    Ok(HttpResponse::Created().json(Afspraak::from(&stored)))
}

/// A citizen's afspraken (a budget worker, or the citizen themselves).
#[utoipa::path(
    tag = "afspraken",
    params(("id" = String, Path, description = "Id van de burger")),
    responses((status = 200, description = "De afspraken", body = Afspraken), BadRequest, Unauthorized, NotFound),
    security(("bearer" = [])),
)]
#[get("/burgers/{id}/afspraken")]
pub async fn afspraken(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let rows = citizens::agreements(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Afspraken {
        afspraken: rows.iter().map(Afspraak::from).collect(),
    }))
}

fn date_param(params: &platform::http::QueryParams, name: &str) -> Result<chrono::NaiveDate, Problem> {
    let fault =
        |code: &str, reason: &str| Problem::params_validation(vec![platform::InvalidParam::new(name, code, reason)]);
    let v = params
        .get(name)
        .ok_or_else(|| fault("required", "Parameter is verplicht."))?;
    v.parse()
        .map_err(|_| fault("date", "Waarde is geen geldige datum (JJJJ-MM-DD)."))
}

/// A citizen's overview of a period (a budget worker, or the citizen themselves): balances,
/// income and expenses, and per afspraak expected against booked; JSON or `Accept: text/csv`.
#[utoipa::path(
    tag = "burgers",
    params(
        ("id" = String, Path, description = "Id van de burger"),
        ("van" = String, Query, description = "Eerste dag (JJJJ-MM-DD)", format = Date),
        ("tot" = String, Query, description = "Laatste dag (JJJJ-MM-DD)", format = Date),
    ),
    responses(
        (status = 200, description = "Overzicht (ook als text/csv)", content((Overzicht = "application/json"), (String = "text/csv"))),
        BadRequest, Unauthorized, NotFound,
    ),
    security(("bearer" = [])),
)]
#[get("/burgers/{id}/overzicht")]
pub async fn overzicht(
    req: HttpRequest,
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let params = platform::http::QueryParams::parse(req.query_string(), &["van", "tot"])?;
    let (van, tot) = (date_param(&params, "van")?, date_param(&params, "tot")?);
    if tot < van {
        return Err(Problem::params_validation(vec![platform::InvalidParam::new(
            "tot",
            "minimum",
            "De laatste dag ligt voor de eerste.",
        )]));
    }
    let o = citizens::overview(&state, &p, path.into_inner(), van, tot).await?;
    let body = Overzicht::new(van, tot, &o);
    if platform::http::wants_csv(&req) {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(body.to_csv()));
    }
    Ok(HttpResponse::Ok().json(body))
}
