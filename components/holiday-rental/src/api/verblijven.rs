//! Stays: report, cancel, and the nights of a year. Reports hold the registration's lock while
//! checking and storing, so concurrent reports can never together pass the cap.

use super::dto::{Nachten, Verblijf, VerblijfMelding};
use super::{SCOPE_AANVRAGEN, SCOPE_HANDHAVEN, audit_entry, load_accessible, may_access, parse_number};
use crate::AppState;
use crate::domain::stays::{Period, Refusal, check_stay, realised_and_planned};
use crate::store::{self, ACTIEF, Stay};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use platform::auth::Principal;
use platform::{InvalidParam, Problem};
use serde_json::json;

enum ReportError {
    Refused(Refusal),
    Withdrawn,
    NotFound,
    NoRules,
    Problem(Problem),
}

impl From<platform::db::DbError> for ReportError {
    fn from(e: platform::db::DbError) -> Self {
        ReportError::Problem(e.into())
    }
}
impl From<diesel::result::Error> for ReportError {
    fn from(e: diesel::result::Error) -> Self {
        ReportError::Problem(platform::db::DbError::Query(e).into())
    }
}
impl From<actix_web::error::BlockingError> for ReportError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        ReportError::Problem(e.into())
    }
}

/// Report a stay.
#[utoipa::path(
    tag = "verblijven",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties")),
    request_body = VerblijfMelding,
    responses(
        (status = 201, description = "Verblijf gemeld", body = Verblijf),
        (status = 400, description = "Onjuiste melding", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Registratie niet gevonden (of niet van u)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Geweigerd: eindNietNaStart, teveelGasten, overlappendVerblijf, maximumNachtenOverschreden, registratieIngetrokken", body = Problem, content_type = "application/problem+json"),
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
    if !p.has_scope(SCOPE_AANVRAGEN) && !p.has_scope(SCOPE_HANDHAVEN) {
        return Err(Problem::forbidden(
            "Scope vakantieverhuur.aanvragen of vakantieverhuur.handhaven is nodig.",
        ));
    }
    let number = parse_number(&path)?;
    let m = body.into_inner();
    if m.aantal_gasten < 1 {
        return Err(Problem::params_validation(vec![InvalidParam::new(
            "aantalGasten",
            "minimum",
            "Waarde is lager dan minimum 1.",
        )]));
    }
    let (caller, rules) = (p.clone(), state.rules.clone());
    let reporter = p
        .user_id
        .clone()
        .or(p.bsn.clone())
        .unwrap_or_else(|| p.client_id.clone());
    // lookup, access check, cap check and insert in one transaction that holds the
    // registration's row lock: concurrent reports for one address are checked one by one
    let result = state
        .db
        .write_transaction(move |c| {
            let reg = store::find_for_update(c, number.compact())?
                .filter(|r| may_access(&caller, r))
                .ok_or(ReportError::NotFound)?;
            if reg.status != ACTIEF {
                return Err(ReportError::Withdrawn);
            }
            let rules = rules.get(&reg.gemeentecode).ok_or(ReportError::NoRules)?;
            let stay = Stay {
                id: uuid::Uuid::new_v4().to_string(),
                registratie_id: reg.id.clone(),
                nummeraanduiding_id: reg.nummeraanduiding_id.clone(),
                start_datum: m.start_datum,
                eind_datum: m.eind_datum,
                aantal_gasten: i32::try_from(m.aantal_gasten).unwrap_or(i32::MAX),
                gemeld_door: reporter,
                gemeld_op: chrono::Utc::now().naive_utc(),
                geannuleerd_op: None,
            };
            let existing: Vec<Period> = store::live_stays_at(c, &reg.nummeraanduiding_id)?
                .iter()
                .map(Stay::period)
                .collect();
            check_stay(stay.period(), m.aantal_gasten, &existing, rules).map_err(ReportError::Refused)?;
            store::insert_stay(c, &stay)?;
            Ok((reg, stay))
        })
        .await;
    let (reg, stay) = match result {
        Ok(done) => done,
        Err(ReportError::Refused(r)) => {
            return Err(Problem::unprocessable(
                r.code(),
                "Het verblijf is geweigerd.",
                r.detail(),
            ));
        }
        Err(ReportError::Withdrawn) => {
            return Err(Problem::unprocessable(
                "registratieIngetrokken",
                "De registratie is ingetrokken.",
                "Op een ingetrokken registratie kunnen geen verblijven worden gemeld.",
            ));
        }
        Err(ReportError::NotFound) => return Err(Problem::not_found("Geen registratie gevonden met dit nummer.")),
        Err(ReportError::NoRules) => {
            return Err(Problem::unprocessable(
                "gemeenteNietAangesloten",
                "De gemeente gebruikt dit register niet.",
                "Geen regels voor deze gemeente.",
            ));
        }
        Err(ReportError::Problem(p)) => return Err(p),
    };
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.verblijf.melden",
            &reg,
            json!({ "verblijf": stay.id, "startDatum": stay.start_datum, "eindDatum": stay.eind_datum }),
        )])
        .await?;
    Ok(HttpResponse::Created().json(Verblijf::from(&stay)))
}

/// Cancel a stay: kept for the record, its nights are given back.
#[utoipa::path(
    tag = "verblijven",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties"), ("id" = String, Path, description = "Id van het verblijf")),
    responses(
        (status = 204, description = "Geannuleerd"),
        (status = 400, description = "Onjuist nummer", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/registraties/{registratienummer}/verblijven/{id}")]
pub async fn annuleren(
    p: Principal,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (number, stay_id) = path.into_inner();
    let reg = load_accessible(&state, &p, &number).await?;
    let (reg_id, id) = (reg.id.clone(), stay_id.clone());
    let at = chrono::Utc::now().naive_utc();
    let cancelled = state
        .db
        .write_transaction(move |c| store::cancel_stay(c, &reg_id, &id, at).map_err(Problem::from))
        .await?;
    if cancelled.is_none() {
        return Err(Problem::not_found("Geen verblijf met dit id bij deze registratie."));
    }
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.verblijf.annuleren",
            &reg,
            json!({ "verblijf": stay_id }),
        )])
        .await?;
    Ok(HttpResponse::NoContent().finish())
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
    let address = reg.nummeraanduiding_id.clone();
    let stays: Vec<Period> = state
        .db
        .run(move |c| store::live_stays_at(c, &address))
        .await?
        .iter()
        .map(Stay::period)
        .collect();
    let (gerealiseerd, gepland) = realised_and_planned(&stays, jaar, chrono::Utc::now().date_naive());
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
