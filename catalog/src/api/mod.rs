//! HTTP handlers: extract, call one use case of `app`, answer.

pub mod componenten;
pub mod dto;
pub mod oogstbronnen;
pub mod volgen;

use platform::app::BearerAuth;

impl platform::component::Api for ApiDoc {
    /// Registers every handler of the API (mounted under `/api/v1` by the platform).
    fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
        cfg.service(componenten::publiceren)
            .service(componenten::componenten)
            .service(componenten::component)
            .service(componenten::openapi)
            .service(componenten::adr_bevindingen)
            .service(componenten::wijzigingen)
            .service(componenten::publiccode)
            .service(componenten::api_register)
            .service(componenten::eigenaar_overdragen)
            .service(componenten::gebruik_vastleggen)
            .service(componenten::gebruik_beeindigen)
            .service(oogstbronnen::aanmelden)
            .service(oogstbronnen::oogstbronnen)
            .service(oogstbronnen::oogstbron)
            .service(oogstbronnen::oogsten)
            .service(oogstbronnen::beeindigen)
            .service(volgen::versies)
            .service(volgen::gevolgde_catalogi);
    }
}

/// Document-level facts of the spec.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Grondwerk componentencatalogus",
        description = "De componenten van Common Ground met hun publiccode.yml en OpenAPI-spec, per versie bewaard. Lezen is openbaar; publiceren vraagt scope catalogus.beheren, en een component is van de organisatie die het als eerste publiceerde; overdragen vraagt scope catalogus.overdragen.",
    ),
    tags(
        (name = "componenten", description = "Componenten, hun versies en specs."),
        (name = "gebruik", description = "Welke organisatie welk component gebruikt."),
        (name = "volgen", description = "Federatie: de versies die een andere catalogus leest om deze te volgen, en de catalogi die deze volgt."),
        (name = "oogst", description = "Bronnen waaruit de catalogus componenten oogst: de publiccode.yml van elke repository van een organisatie op GitHub of GitLab."),
    ),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;
