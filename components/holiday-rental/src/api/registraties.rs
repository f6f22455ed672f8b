//! Registration numbers: apply, read, withdraw, and the platform check.

use super::dto::{Controle, Intrekking, Registratie, RegistratieAanvraag};
use super::{SCOPE_AANVRAGEN, SCOPE_CONTROLEREN, SCOPE_HANDHAVEN, audit_entry, load_accessible, parse_number};
use crate::AppState;
use crate::domain::registration_number::RegistrationNumber;
use crate::store::{self, ACTIEF, Registration, StoreError};
use actix_web::{HttpResponse, get, post, web};
use platform::auth::Principal;
use platform::{InvalidParam, Problem};
use serde_json::json;

fn store_problem(e: StoreError) -> Problem {
    match e {
        StoreError::Conflict => {
            Problem::conflict("registratieBestaat", "Voor dit adres is al een actieve registratie.")
        }
        StoreError::Db(e) => e.into(),
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        store_problem(e)
    }
}

/// Request a registration number for the citizen's own home.
#[utoipa::path(
    tag = "registraties",
    request_body = RegistratieAanvraag,
    responses(
        (status = 201, description = "Registratienummer verstrekt", body = Registratie),
        (status = 400, description = "Onjuiste aanvraag", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Adres heeft al een actieve registratie", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Een controle faalde: adresBestaatNiet, geenWoonfunctie, woontNietOpAdres, gemeenteNietAangesloten", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "BRP/BAG niet bereikbaar; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/registraties")]
pub async fn aanvragen(
    p: Principal,
    body: web::Json<RegistratieAanvraag>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_AANVRAGEN)?;
    let bsn = p
        .bsn
        .clone()
        .ok_or_else(|| Problem::forbidden("Het token bevat geen bsn van de aanvrager."))?;
    let id = body.into_inner().nummeraanduiding_identificatie;
    if id.len() != 16 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::params_validation(vec![InvalidParam::new(
            "nummeraanduidingIdentificatie",
            "pattern",
            "Waarde voldoet niet aan patroon ^[0-9]{16}$.",
        )]));
    }
    // the checks come first, so only someone who lives at the address learns it is registered
    let checked = state.registry.check_application(&bsn, &id).await?;
    let lookup = id.clone();
    if state.db.run(move |c| store::active_at(c, &lookup)).await?.is_some() {
        return Err(Problem::conflict(
            "registratieBestaat",
            "Voor dit adres is al een actieve registratie.",
        ));
    }
    let rules = state.rules.get(&checked.gemeentecode).ok_or_else(|| {
        Problem::unprocessable(
            "gemeenteNietAangesloten",
            "De gemeente gebruikt dit register niet.",
            "Voor deze gemeente zijn geen regels voor vakantieverhuur ingesteld.",
        )
    })?;
    if !rules.registratie_verplicht {
        return Err(Problem::unprocessable(
            "registratieNietVerplicht",
            "Registratie is in deze gemeente niet nodig.",
            format!("{} vraagt geen registratienummer voor vakantieverhuur.", rules.naam),
        ));
    }
    let reg = Registration {
        id: uuid::Uuid::new_v4().to_string(),
        registratienummer: RegistrationNumber::generate(&checked.gemeentecode)
            .compact()
            .to_string(),
        nummeraanduiding_id: id,
        adresseerbaar_object_id: checked.adresseerbaar_object_id,
        adres: checked.adres,
        gemeentecode: checked.gemeentecode,
        bsn,
        status: ACTIEF.into(),
        reden_intrekking: None,
        aangemaakt_op: chrono::Utc::now().naive_utc(),
        ingetrokken_op: None,
    };
    let row = reg.clone();
    // the partial unique index refuses a second active registration that raced past the check
    state
        .db
        .write_transaction(move |c| store::insert_registration(c, &row))
        .await?;
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.registratie.aanvragen",
            &reg,
            json!({ "nummeraanduidingIdentificatie": reg.nummeraanduiding_id }),
        )])
        .await?;
    let dto = Registratie::from(&reg);
    Ok(HttpResponse::Created()
        .insert_header(("Location", dto._links.self_.href.clone()))
        .json(dto))
}

/// A registration, for its holder or the municipality.
#[utoipa::path(
    tag = "registraties",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties")),
    responses(
        (status = 200, description = "De registratie", body = Registratie),
        (status = 400, description = "Onjuist nummer", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden (of niet van u)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/registraties/{registratienummer}")]
pub async fn raadplegen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let reg = load_accessible(&state, &p, &path).await?;
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.registratie.raadplegen",
            &reg,
            json!({}),
        )])
        .await?;
    Ok(HttpResponse::Ok().json(Registratie::from(&reg)))
}

/// Withdraw a registration (the municipality).
#[utoipa::path(
    tag = "registraties",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties")),
    request_body = Intrekking,
    responses(
        (status = 200, description = "Ingetrokken", body = Registratie),
        (status = 400, description = "Onjuiste aanvraag", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Al ingetrokken", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/registraties/{registratienummer}/intrekken")]
pub async fn intrekken(
    p: Principal,
    path: web::Path<String>,
    body: web::Json<Intrekking>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_HANDHAVEN)?;
    let reden = body.into_inner().reden;
    if reden.trim().is_empty() || reden.len() > 500 {
        return Err(Problem::params_validation(vec![InvalidParam::new(
            "reden",
            "required",
            "Een reden (tot 500 tekens) is verplicht.",
        )]));
    }
    let mut reg = load_accessible(&state, &p, &path).await?;
    if reg.status != ACTIEF {
        // answered without its data, and refused: a withdrawal happens once
        return Err(crate::error::Error::AlreadyWithdrawn.into());
    }
    let (id, r) = (reg.id.clone(), reden.clone());
    let at = state.now().at;
    state
        .db
        .write_transaction(move |c| store::withdraw(c, &id, &r, at))
        .await?;
    reg.status = store::INGETROKKEN.into();
    reg.reden_intrekking = Some(reden.clone());
    reg.ingetrokken_op = Some(at);
    state
        .audit
        .record(vec![audit_entry(
            &p,
            "vakantieverhuur.registratie.intrekken",
            &reg,
            json!({ "reden": reden }),
        )])
        .await?;
    Ok(HttpResponse::Ok().json(Registratie::from(&reg)))
}

/// Check a number (platforms, EU Regulation 2024/1028): no personal data.
#[utoipa::path(
    tag = "controle",
    params(("registratienummer" = String, Path, description = "Met of zonder spaties")),
    responses(
        (status = 200, description = "Resultaat", body = Controle),
        (status = 400, description = "Geen registratienummer", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Te veel controles", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/registratienummers/{registratienummer}")]
pub async fn controleren(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_CONTROLEREN)?;
    if let Err(retry) = state.rate_limit.check(&p.client_id) {
        let mut resp = Problem::too_many_requests().to_response();
        if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&retry.to_string()) {
            resp.headers_mut().insert(actix_web::http::header::RETRY_AFTER, v);
        }
        return Ok(resp);
    }
    let n = parse_number(&path)?;
    let compact = n.compact().to_string();
    let found = state.db.run(move |c| store::find_registration(c, &compact)).await?;
    Ok(HttpResponse::Ok().json(Controle {
        geldig: found.is_some_and(|r| r.status == ACTIEF),
        gemeentecode: n.gemeentecode().to_string(),
    }))
}
