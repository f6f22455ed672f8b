//! Stays: report, cancel, correct, list, and the nights of a year (handlers over
//! `app::stays`).

use super::dto::{Correctie, Nachten, Verblijf, VerblijfMelding, VerblijvenPagina};
use super::{SCOPE_AANVRAGEN, SCOPE_HANDHAVEN, audit_entry, load_accessible, parse_number};
use crate::AppState;
use crate::app::stays::{self, Report};
use crate::domain::stays::{Period, realised_and_planned};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use chrono::NaiveDate;
use platform::auth::Principal;
use platform::pagination::PageRequest;
use platform::{InvalidParam, Problem};
use serde_json::json;

/// Dates we store: outside this range a date is a typing error, not a stay.
const FIRST_DAY: (i32, u32, u32) = (2000, 1, 1);
const LAST_DAY: (i32, u32, u32) = (2100, 12, 31);

fn date_in_range(name: &str, d: NaiveDate) -> Result<NaiveDate, InvalidParam> {
    let first = NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2).unwrap_or(NaiveDate::MAX);
    if d < first {
        Err(InvalidParam::new(name, "minimum", "Datum ligt voor 2000-01-01."))
    } else if d > last {
        Err(InvalidParam::new(name, "maximum", "Datum ligt na 2100-12-31."))
    } else {
        Ok(d)
    }
}

impl VerblijfMelding {
    /// The report as the use case takes it; 400 naming each field at fault.
    fn parse(&self) -> Result<Report, Problem> {
        let start = date_in_range("startDatum", self.start_datum);
        let end = date_in_range("eindDatum", self.eind_datum);
        let guests = if self.aantal_gasten < 1 {
            Err(InvalidParam::new(
                "aantalGasten",
                "minimum",
                "Waarde is lager dan minimum 1.",
            ))
        } else {
            i32::try_from(self.aantal_gasten)
                .map_err(|_| InvalidParam::new("aantalGasten", "maximum", "Waarde is hoger dan maximum 2147483647."))
        };
        match (start, end, guests) {
            (Ok(start), Ok(end), Ok(guests)) => Ok(Report {
                period: Period { start, end },
                guests,
            }),
            (s, e, g) => Err(Problem::params_validation(
                [s.err(), e.err(), g.err()].into_iter().flatten().collect(),
            )),
        }
    }
}

/// Report a stay (the holder only, before it starts).
#[utoipa::path(
    tag = "verblijven",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties")),
    request_body = VerblijfMelding,
    responses(
        (status = 201, description = "Verblijf gemeld", body = Verblijf),
        (status = 400, description = "Onjuiste melding", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet de houder (de gemeente meldt niet namens een burger)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Registratie niet gevonden (of niet van u)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Geweigerd: eindNietNaStart, teveelGasten, overlappendVerblijf, maximumNachtenOverschreden, verblijfBegonnen, verblijfTeVerVooruit, registratieIngetrokken", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/registraties/{registratienummer}/verblijven")]
pub async fn melden(
    p: Principal,
    path: web::Path<String>,
    body: web::Json<VerblijfMelding>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_AANVRAGEN)?;
    let number = parse_number(&path)?;
    let report = body.parse()?;
    let (caller, rules, grace, now) = (p.clone(), state.rules.clone(), state.report_grace_days, state.now());
    let (reg, stay) = state
        .db
        .write_transaction(move |c| stays::report(c, &caller, &number, &report, &rules, grace, now))
        .await?;
    let details = json!({ "verblijf": stay.id, "startDatum": stay.start_datum, "eindDatum": stay.eind_datum });
    state
        .audit
        .record(vec![audit_entry(&p, "vakantieverhuur.verblijf.melden", &reg, details)])
        .await?;
    Ok(HttpResponse::Created().json(Verblijf::from(&stay)))
}

/// Cancel a stay that has not started (the holder): kept for the record, its nights are given
/// back.
#[utoipa::path(
    tag = "verblijven",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties"), ("id" = String, Path, description = "Id van het verblijf")),
    responses(
        (status = 204, description = "Geannuleerd"),
        (status = 400, description = "Onjuist nummer", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Geweigerd: verblijfBegonnen, registratieIngetrokken", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/registraties/{registratienummer}/verblijven/{id}")]
pub async fn annuleren(
    p: Principal,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_AANVRAGEN)?;
    let (number, stay_id) = path.into_inner();
    let number = parse_number(&number)?;
    let (caller, now) = (p.clone(), state.now());
    let (reg, stay) = state
        .db
        .write_transaction(move |c| stays::cancel(c, &caller, &number, &stay_id, now))
        .await?;
    let details = json!({ "verblijf": stay.id });
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.verblijf.annuleren",
            &reg,
            details,
        )])
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Correct a stay (the municipality): cancel it, also one that has happened, with a reason.
#[utoipa::path(
    tag = "verblijven",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties"), ("id" = String, Path, description = "Id van het verblijf")),
    request_body = Correctie,
    responses(
        (status = 200, description = "Gecorrigeerd", body = Verblijf),
        (status = 400, description = "Onjuiste aanvraag", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Al geannuleerd", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/registraties/{registratienummer}/verblijven/{id}/correctie")]
pub async fn corrigeren(
    p: Principal,
    path: web::Path<(String, String)>,
    body: web::Json<Correctie>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_HANDHAVEN)?;
    let reden = body.into_inner().reden()?;
    let (number, stay_id) = path.into_inner();
    let number = parse_number(&number)?;
    let (caller, now, r) = (p.clone(), state.now(), reden.clone());
    let (reg, stay) = state
        .db
        .write_transaction(move |c| stays::correct(c, &caller, &number, &stay_id, &r, now))
        .await?;
    let details = json!({ "verblijf": stay.id, "reden": reden });
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.verblijf.corrigeren",
            &reg,
            details,
        )])
        .await?;
    Ok(HttpResponse::Ok().json(Verblijf::from(&stay)))
}

/// The stays reported under this registration (an earlier holder's stays at the address count
/// against the cap but are not listed).
#[utoipa::path(
    tag = "verblijven",
    params(
        ("registratienummer" = String, Path, description = "Met of zonder spaties"),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-100)", minimum = 1, maximum = 100),
    ),
    responses(
        (status = 200, description = "Verblijven, nieuwste eerst", body = VerblijvenPagina),
        (status = 400, description = "Onjuiste parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/registraties/{registratienummer}/verblijven")]
pub async fn lijst(
    req: HttpRequest,
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    if !p.has_scope(SCOPE_AANVRAGEN) && !p.has_scope(SCOPE_HANDHAVEN) {
        return Err(Problem::forbidden(
            "Scope vakantieverhuur.aanvragen of vakantieverhuur.handhaven is nodig.",
        ));
    }
    let params = platform::http::QueryParams::parse(req.query_string(), &["page", "pageSize"])?;
    let mut errors = Vec::new();
    let page = PageRequest::parse(params.get("page"), params.get("pageSize"), &mut errors);
    if !errors.is_empty() {
        return Err(Problem::params_validation(errors));
    }
    let number = parse_number(&path)?;
    let caller = p.clone();
    let (reg, rows, total) = state
        .db
        .run(move |c| stays::list(c, &caller, &number, page.offset(), page.page_size))
        .await?;
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.verblijven.raadplegen",
            &reg,
            json!({}),
        )])
        .await?;
    let (links, info) = platform::pagination::links(req.path(), params.pairs(), page, total);
    Ok(HttpResponse::Ok().json(VerblijvenPagina {
        verblijven: rows.iter().map(Verblijf::from).collect(),
        paginering: info,
        _links: links,
    }))
}

/// Nights of a calendar year at the registration's address.
#[utoipa::path(
    tag = "verblijven",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties"), ("jaar" = i32, Query, description = "Kalenderjaar", minimum = 2000, maximum = 2100)),
    responses(
        (status = 200, description = "Nachten", body = Nachten),
        (status = 400, description = "Onjuiste parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/registraties/{registratienummer}/nachten")]
pub async fn nachten(
    req: HttpRequest,
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let params = platform::http::QueryParams::parse(req.query_string(), &["jaar"])?;
    let jaar = parse_year(params.get("jaar"))?;
    let reg = load_accessible(&state, &p, &path).await?;
    let max = state.rules.get(&reg.gemeentecode).map(|r| r.max_nachten).unwrap_or(0);
    let r = reg.clone();
    let stays = state.db.run(move |c| stays::nights_at(c, &r)).await?;
    let (gerealiseerd, gepland) = realised_and_planned(&stays, jaar, state.now().today);
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.nachten.raadplegen",
            &reg,
            json!({ "jaar": jaar }),
        )])
        .await?;
    Ok(HttpResponse::Ok().json(Nachten {
        jaar,
        gerealiseerd,
        gepland,
        resterend: (max - gerealiseerd - gepland).max(0),
        maximum: max,
    }))
}

/// The `jaar` query parameter (required, 2000–2100).
pub fn parse_year(v: Option<&str>) -> Result<i32, Problem> {
    let err = |code: &str, reason: &str| Problem::params_validation(vec![InvalidParam::new("jaar", code, reason)]);
    let v = v.ok_or_else(|| err("required", "Parameter is verplicht."))?;
    let y: i32 = v
        .parse()
        .map_err(|_| err("integer", "Waarde is geen geldige integer."))?;
    if y < 2000 {
        return Err(err("minimum", "Waarde is lager dan minimum 2000."));
    }
    if y > 2100 {
        return Err(err("maximum", "Waarde is hoger dan maximum 2100."));
    }
    Ok(y)
}
