//! BAG lookups: `/adressen`, `/adressen/{id}`, `/adresseerbareobjecten/{id}` (HAL JSON).

use crate::AppState;
use crate::backend::AdresSearch;
use actix_web::{HttpRequest, HttpResponse, web};
use platform::auth::Principal;
use platform::{InvalidParam, Problem};

/// Scope needed for BAG lookups.
pub const SCOPE: &str = "bag.lezen";

fn hal(v: serde_json::Value) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/hal+json")
        .body(v.to_string())
}

fn check_id(name: &str, id: &str) -> Result<(), Problem> {
    if id.len() == 16 && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Problem::params_validation(vec![InvalidParam::new(
            name,
            "pattern",
            "Waarde voldoet niet aan patroon ^[0-9]{16}$.",
        )]))
    }
}

/// Addresses by postcode and house number (with letter and addition), or by object id.
pub async fn adressen(
    req: HttpRequest,
    principal: Principal,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    principal.require_scope(SCOPE)?;
    let query = req.query_string();
    let params = platform::http::QueryParams::parse(
        query,
        &[
            "postcode",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "exacteMatch",
            "adresseerbaarObjectIdentificatie",
        ],
    )?;
    let get = |k: &str| params.get(k).map(str::to_string);
    let mut errors = Vec::new();
    let mut s = AdresSearch {
        raw_query: query.to_string(),
        ..Default::default()
    };
    if let Some(pc) = get("postcode") {
        if let Ok(p) = platform::Postcode::parse(&pc) {
            s.postcode = Some(p.to_string());
        } else {
            errors.push(InvalidParam::new(
                "postcode",
                "pattern",
                "Waarde voldoet niet aan patroon ^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$.",
            ));
        }
    }
    if let Some(n) = get("huisnummer") {
        match n.parse::<i64>() {
            Ok(v) if v < 1 => errors.push(InvalidParam::new(
                "huisnummer",
                "minimum",
                "Waarde is lager dan minimum 1.",
            )),
            Ok(v) if v > 99999 => errors.push(InvalidParam::new(
                "huisnummer",
                "maximum",
                "Waarde is hoger dan maximum 99999.",
            )),
            Ok(v) => s.huisnummer = Some(v as u32),
            Err(_) => errors.push(InvalidParam::new(
                "huisnummer",
                "integer",
                "Waarde is geen geldige integer.",
            )),
        }
    }
    s.huisletter = get("huisletter");
    s.huisnummertoevoeging = get("huisnummertoevoeging");
    match get("exacteMatch").as_deref() {
        None => {}
        Some("true") => s.exacte_match = true,
        Some("false") => {}
        Some(_) => errors.push(InvalidParam::new(
            "exacteMatch",
            "boolean",
            "Waarde is geen geldige boolean.",
        )),
    }
    if let Some(id) = get("adresseerbaarObjectIdentificatie") {
        match check_id("adresseerbaarObjectIdentificatie", &id) {
            Ok(()) => s.adresseerbaar_object_identificatie = Some(id),
            Err(p) => errors.extend(p.invalid_params),
        }
    }
    if errors.is_empty() && s.adresseerbaar_object_identificatie.is_none() {
        if s.postcode.is_none() {
            errors.push(InvalidParam::new("postcode", "required", "Parameter is verplicht."));
        }
        if s.huisnummer.is_none() {
            errors.push(InvalidParam::new("huisnummer", "required", "Parameter is verplicht."));
        }
    }
    if !errors.is_empty() {
        return Err(Problem::params_validation(errors));
    }
    let self_href = format!("{}?{}", req.path(), query);
    Ok(hal(state.backend.adressen(&s, &self_href).await?))
}

/// One address by nummeraanduiding id.
pub async fn adres(p: Principal, id: web::Path<String>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    lookup(&p, &id, &state, Lookup::Adres).await
}

/// One addressable object (with its gebruiksdoelen) by id.
pub async fn adresseerbaar_object(
    p: Principal,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    lookup(&p, &id, &state, Lookup::AdresseerbaarObject).await
}

/// The two BAG lookups by id.
enum Lookup {
    Adres,
    AdresseerbaarObject,
}

/// A BAG object by its 16-digit id: HAL JSON, or 404.
async fn lookup(principal: &Principal, id: &str, state: &AppState, what: Lookup) -> Result<HttpResponse, Problem> {
    principal.require_scope(SCOPE)?;
    let (param, missing) = match what {
        Lookup::Adres => (
            "nummeraanduidingIdentificatie",
            "Geen adres gevonden met deze nummeraanduidingIdentificatie.",
        ),
        Lookup::AdresseerbaarObject => (
            "adresseerbaarObjectIdentificatie",
            "Geen adresseerbaar object gevonden met deze identificatie.",
        ),
    };
    check_id(param, id)?;
    let found = match what {
        Lookup::Adres => state.backend.adres(id).await?,
        Lookup::AdresseerbaarObject => state.backend.adresseerbaar_object(id).await?,
    };
    found.map(hal).ok_or_else(|| Problem::not_found(missing))
}
