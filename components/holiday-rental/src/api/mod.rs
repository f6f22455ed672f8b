//! HTTP handlers: extract, call one use case of `app`, answer.

pub mod dto;
pub mod handhaving;
pub mod platformgegevens;
pub mod registraties;
pub mod verblijven;

use crate::domain::registration_number::RegistrationNumber;
use platform::app::BearerAuth;
use platform::{InvalidParam, Problem};

pub use crate::app::{SCOPE_AANVRAGEN, SCOPE_CONTROLEREN, SCOPE_HANDHAVEN};

/// Registers every handler of the API (mounted under `/api/v1` by the platform).
pub fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(registraties::aanvragen)
        .service(registraties::raadplegen)
        .service(registraties::intrekken)
        .service(registraties::controleren)
        .service(registraties::sdep_controleren)
        .service(verblijven::melden)
        .service(verblijven::lijst)
        .service(verblijven::annuleren)
        .service(verblijven::corrigeren)
        .service(verblijven::nachten)
        .service(handhaving::adressen)
        .service(platformgegevens::ophalen)
        .service(platformgegevens::signalen)
        .service(platformgegevens::sluiten)
        .service(platformgegevens::verwijderen)
        .service(platformgegevens::verwijderverzoeken)
        .service(platformgegevens::gebied)
        .service(platformgegevens::gebied_versturen);
}

/// Document-level facts of the spec.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Grondwerk registratie vakantieverhuur",
        description = "Registratienummers voor toeristische verhuur van woonruimte (Huisvestingswet 2014 hoofdstuk 5a), meldingen van verblijven, het maximum aantal nachten per kalenderjaar, controle door platforms (Verordening (EU) 2024/1028) en handhaving.",
    ),
    tags(
        (name = "registraties", description = "Registratienummers aanvragen, raadplegen en intrekken."),
        (name = "verblijven", description = "Verblijven melden, annuleren en corrigeren; nachten per jaar."),
        (name = "controle", description = "Controle van een registratienummer door platforms, zonder persoonsgegevens."),
        (name = "handhaving", description = "Adressen boven of dicht bij het maximum."),
        (name = "platformgegevens", description = "Gegevens van platforms via het EU Single Digital Entry Point (Verordening (EU) 2024/1028): ophalen, vergelijken met de meldingen, signalen en verwijderverzoeken."),
    ),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

/// Parses a number from a path; 400 when malformed.
pub fn parse_number(s: &str) -> Result<RegistrationNumber, Problem> {
    RegistrationNumber::parse(s)
        .map_err(|e| Problem::params_validation(vec![InvalidParam::new("registratienummer", "pattern", e.to_string())]))
}

/// The `jaar` query parameter (required, 2000–2100).
pub fn parse_year(v: Option<&str>) -> Result<i32, Problem> {
    let err = |code: &str, reason: &str| Problem::params_validation(vec![InvalidParam::new("jaar", code, reason)]);
    let v = v.ok_or_else(|| err("required", "Parameter is verplicht."))?;
    let y: i32 = v.parse().map_err(|_| err("integer", "Waarde is geen geldig getal."))?;
    if y < 2000 {
        return Err(err("minimum", "Waarde is lager dan minimum 2000."));
    }
    if y > 2100 {
        return Err(err("maximum", "Waarde is hoger dan maximum 2100."));
    }
    Ok(y)
}
