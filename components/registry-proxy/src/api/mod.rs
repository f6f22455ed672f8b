//! HTTP handlers: thin, they extract, validate, call the domain and the backend, and answer.

pub mod bag;
pub mod personen;
pub mod protocollering;

use actix_web::{HttpResponse, web};
use platform::app::BearerAuth;

/// Routes of the official Haal Centraal contracts (paths as in the contracts, without `/v1`).
pub fn haalcentraal_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/haalcentraal/api/brp/personen", web::post().to(personen::personen))
        .route(&format!("{}/adressen", crate::BAG_BASE), web::get().to(bag::adressen))
        .route(
            &format!("{}/adressen/{{nummeraanduidingIdentificatie}}", crate::BAG_BASE),
            web::get().to(bag::adres),
        )
        .route(
            &format!(
                "{}/adresseerbareobjecten/{{adresseerbaarObjectIdentificatie}}",
                crate::BAG_BASE
            ),
            web::get().to(bag::adresseerbaar_object),
        );
}

/// The Haal Centraal drop-in spec (CORS `*`).
pub async fn haalcentraal_spec() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Access-Control-Allow-Origin", "*"))
        .body(crate::HAALCENTRAAL_SPEC)
}

impl platform::component::Api for ApiDoc {
    /// Registers the handlers of the component's own API (mounted under `/api/v1`).
    fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
        cfg.service(protocollering::protocollering)
            .service(protocollering::verificatie)
            .service(protocollering::status);
    }
}

/// Document-level facts of the own spec.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Grondwerk registry proxy",
        description = "Eigen API van de registry proxy: protocollering (wie heeft mijn gegevens bekeken, AVG art. 15), verificatie van de hash-keten en de status van de bronnen. De Haal Centraal-endpoints staan in registry-proxy-haalcentraal.json.",
    ),
    tags((name = "protocollering", description = "Wie heeft welke persoonsgegevens bekeken, wanneer en waarom."), (name = "status", description = "Status van de bronnen.")),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;
