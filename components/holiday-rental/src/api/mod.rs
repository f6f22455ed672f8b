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

impl platform::component::Api for ApiDoc {
    /// Registers every handler of the API (mounted under `/api/v1` by the platform).
    fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
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

/// The registration number in a path (`{registratienummer}`), with or without spaces; the one
/// place its parameter and pattern are declared. A malformed number is a 400 naming it.
#[derive(Debug, Clone, Copy, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct RegistratiePad {
    /// Met of zonder spaties.
    #[param(value_type = String, pattern = r"^( *[0-9A-Fa-f]){16}( *[0-9]){4} *$")]
    pub registratienummer: RegistrationNumber,
}

impl actix_web::FromRequest for RegistratiePad {
    type Error = Problem;
    type Future = std::future::Ready<Result<Self, Problem>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let given = req.match_info().get("registratienummer").unwrap_or_default();
        std::future::ready(
            registration_number("registratienummer", given)
                .map(|registratienummer| RegistratiePad { registratienummer }),
        )
    }
}

/// A registration number given as parameter `name`; 400 naming it when malformed.
pub fn registration_number(name: &str, given: &str) -> Result<RegistrationNumber, Problem> {
    RegistrationNumber::parse(given)
        .map_err(|e| Problem::params_validation(vec![InvalidParam::new(name, "pattern", e.to_string())]))
}

/// A stay of a registration in a path (`{registratienummer}/verblijven/{id}`).
#[derive(Debug, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct VerblijfPad {
    /// Met of zonder spaties.
    #[param(value_type = String, pattern = r"^( *[0-9A-Fa-f]){16}( *[0-9]){4} *$")]
    pub registratienummer: RegistrationNumber,
    /// Id van het verblijf.
    pub id: String,
}

impl actix_web::FromRequest for VerblijfPad {
    type Error = Problem;
    type Future = std::future::Ready<Result<Self, Problem>>;

    fn from_request(req: &actix_web::HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let id = req.match_info().get("id").unwrap_or_default().to_string();
        let number = RegistratiePad::from_request(req, payload).into_inner();
        std::future::ready(number.map(|n| VerblijfPad {
            registratienummer: n.registratienummer,
            id,
        }))
    }
}

/// A calendar year asked for (`jaar`, 2000–2100).
#[derive(Debug, Clone, Copy, serde::Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Jaar {
    /// Kalenderjaar.
    #[validate(range(min = 2000, max = 2100))]
    #[param(minimum = 2000, maximum = 2100)]
    pub jaar: i32,
}
