//! Citizens and their afspraken (handlers over `app::citizens`).

use super::dto::{Afspraak, Afspraken, Burger, BurgersPagina, NieuweAfspraak, NieuweBurger, Overzicht};
use crate::AppState;
use crate::app::citizens::{self, CitizenInput};
use crate::domain::money::Cents;
use crate::domain::person::{Address, NameAndAddress};
use crate::store::AgreementRow;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use platform::auth::Principal;
use platform::db::Json;
use platform::query::ValidQuery;
use platform::responses::{BadGateway, BadRequest, Conflict, Forbidden, NotFound, ServiceUnavailable, Unauthorized};
use platform::{Problem, Valid};

/// Add a citizen whose books are kept; with `aanvullenUitBrp` the name and address left out are
/// taken from the BRP.
#[utoipa::path(
    tag = "burgers",
    request_body = NieuweBurger,
    responses(
        (status = 201, description = "Toegevoegd", body = Burger),
        BadRequest, Unauthorized, Forbidden, Conflict,
        (status = 422, description = "BRP kent de persoon niet (onbekendInBrp) of is niet ingesteld (brpNietIngesteld)", body = Problem, content_type = "application/problem+json"),
        BadGateway, ServiceUnavailable,
    ),
    security(("bearer" = [])),
)]
#[post("/burgers")]
pub async fn toevoegen(
    p: Principal,
    body: Valid<NieuweBurger>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let stored = citizens::create(&state, &p, citizen_input(body.into_inner())).await?;
    Ok(HttpResponse::Created().json(Burger::from(&stored)))
}

fn citizen_input(b: NieuweBurger) -> CitizenInput {
    CitizenInput {
        bsn: b.burgerservicenummer,
        given: NameAndAddress {
            voornamen: b.voornamen,
            achternaam: b.achternaam,
            adres: b.adres.map(|a| Address {
                straat: a.straat,
                huisnummer: a.huisnummer,
                postcode: a.postcode,
                plaats: a.plaats,
            }),
        },
        email: b.email,
        telefoon: b.telefoon,
        huishouden_id: b.huishouden_id,
        from_brp: b.aanvullen_uit_brp,
    }
}

/// Change a citizen's data (the whole record; `aanvullenUitBrp` fills what is left out).
#[utoipa::path(
    tag = "burgers",
    params(("id" = String, Path, description = "Id van de burger")),
    request_body = NieuweBurger,
    responses(
        (status = 200, description = "Gewijzigd", body = Burger),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict,
        (status = 422, description = "BRP kent de persoon niet (onbekendInBrp) of is niet ingesteld (brpNietIngesteld)", body = Problem, content_type = "application/problem+json"),
        BadGateway, ServiceUnavailable,
    ),
    security(("bearer" = [])),
)]
#[put("/burgers/{id}")]
pub async fn wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuweBurger>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let stored = citizens::update(&state, &p, path.into_inner(), citizen_input(body.into_inner())).await?;
    Ok(HttpResponse::Ok().json(Burger::from(&stored)))
}

/// Remove a citizen of whom the books hold nothing (409 while afspraken or signals exist).
#[utoipa::path(
    tag = "burgers",
    params(("id" = String, Path, description = "Id van de burger")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/burgers/{id}")]
pub async fn verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    citizens::delete(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

paged_list! {
    /// The citizens, by surname.
    burgers: "/burgers", tag "burgers", "Burgers",
    citizens::list => BurgersPagina { burgers: Burger::from }
}

/// A citizen (a budget worker, or the citizen themselves).
#[utoipa::path(
    tag = "burgers",
    params(("id" = String, Path, description = "Id van de burger")),
    responses((status = 200, description = "De burger", body = Burger), BadRequest, Unauthorized, Forbidden, NotFound),
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
    let row = agreement_row(
        uuid::Uuid::new_v4().to_string(),
        path.into_inner(),
        body.into_inner(),
        state.now(),
    )?;
    let stored = citizens::add_agreement(&state, &p, row).await?;
    Ok(HttpResponse::Created().json(Afspraak::from(&stored)))
}

/// The row of an afspraak as given, after the checks across fields.
fn agreement_row(
    id: String,
    burger_id: String,
    a: NieuweAfspraak,
    at: chrono::NaiveDateTime,
) -> Result<AgreementRow, Problem> {
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
    Ok(AgreementRow {
        id,
        burger_id,
        omschrijving: a.omschrijving,
        richting: a.soort.direction(),
        bedrag: Cents(a.bedrag_in_centen),
        tegenrekening: a.tegenrekening,
        geldig_van: a.geldig_van,
        geldig_tot: a.geldig_tot,
        zoektermen: Json::new(a.zoektermen)?,
        aangemaakt_op: at,
        betaalinstructie: a.betaalinstructie.map(Json::new).transpose()?,
        rubriek_id: a.rubriek_id,
        afdeling_id: a.afdeling_id,
    })
}

/// An afspraak (a budget worker, or the citizen whose it is).
#[utoipa::path(
    tag = "afspraken",
    params(("id" = String, Path, description = "Id van de afspraak")),
    responses((status = 200, description = "De afspraak", body = Afspraak), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/afspraken/{id}")]
pub async fn afspraak(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let a = citizens::agreement(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Afspraak::from(&a)))
}

/// Change an afspraak's terms (bookings made under the old terms stay).
#[utoipa::path(
    tag = "afspraken",
    params(("id" = String, Path, description = "Id van de afspraak")),
    request_body = NieuweAfspraak,
    responses((status = 200, description = "Gewijzigd", body = Afspraak), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[put("/afspraken/{id}")]
pub async fn afspraak_wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<NieuweAfspraak>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    // the citizen and creation time are kept by the use case
    let row = agreement_row(path.into_inner(), String::new(), body.into_inner(), state.now())?;
    let saved = citizens::update_agreement(&state, &p, row).await?;
    Ok(HttpResponse::Ok().json(Afspraak::from(&saved)))
}

/// Remove an afspraak nothing was booked, paid or signalled on (409 otherwise: end it with
/// `geldigTot`).
#[utoipa::path(
    tag = "afspraken",
    params(("id" = String, Path, description = "Id van de afspraak")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/afspraken/{id}")]
pub async fn afspraak_verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    citizens::delete_agreement(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A citizen's afspraken (a budget worker, or the citizen themselves).
#[utoipa::path(
    tag = "afspraken",
    params(("id" = String, Path, description = "Id van de burger")),
    responses((status = 200, description = "De afspraken", body = Afspraken), BadRequest, Unauthorized, Forbidden, NotFound),
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

/// The period of an overview.
#[derive(Debug, serde::Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[validate(schema(function = "tot_niet_voor_van"))]
pub struct Periode {
    /// Eerste dag (JJJJ-MM-DD).
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub van: chrono::NaiveDate,
    /// Laatste dag (JJJJ-MM-DD).
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub tot: chrono::NaiveDate,
}

/// The last day of a period is not before its first.
fn tot_niet_voor_van(p: &Periode) -> Result<(), validator::ValidationError> {
    if p.tot >= p.van {
        return Ok(());
    }
    let mut e = validator::ValidationError::new("minimum").with_message("De laatste dag ligt voor de eerste.".into());
    e.add_param("veld".into(), &"tot");
    Err(e)
}

/// A citizen's overview of a period (a budget worker, or the citizen themselves): balances,
/// income and expenses, and per afspraak expected against booked; JSON or `Accept: text/csv`.
#[utoipa::path(
    tag = "burgers",
    params(
        ("id" = String, Path, description = "Id van de burger"),
        Periode,
    ),
    responses(
        (status = 200, description = "Overzicht (ook als text/csv)", content((Overzicht = "application/json"), (String = "text/csv"))),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[get("/burgers/{id}/overzicht")]
pub async fn overzicht(
    req: HttpRequest,
    p: Principal,
    periode: ValidQuery<Periode>,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let Periode { van, tot } = periode.into_inner();
    let (o, rubrieken) = citizens::overview(&state, &p, path.into_inner(), van, tot).await?;
    let body = Overzicht::new(van, tot, &o, &rubrieken);
    if platform::http::wants_csv(&req) {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(body.to_csv()));
    }
    Ok(HttpResponse::Ok().json(body))
}
