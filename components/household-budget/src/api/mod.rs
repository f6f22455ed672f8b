//! HTTP handlers: extract, call one use case of `app`, answer.

pub mod bankafschriften;

use platform::app::BearerAuth;

pub use crate::app::{SCOPE_BEHEREN, SCOPE_BURGER, SCOPE_LEZEN};

/// Registers every handler of the API (mounted under `/api/v1` by the platform).
pub fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(bankafschriften::inlezen);
}

/// Document-level facts of the spec.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Grondwerk huishoudboekje",
        description = "Budgetbeheer voor burgers die hun geldzaken (tijdelijk) niet zelf kunnen doen: bankafschriften (CAMT.053) van de rekeningen van de gemeente inlezen, zonder een transactie twee keer of een bestand half in te lezen.",
    ),
    tags(
        (name = "bankafschriften", description = "Bankafschriften inlezen."),
    ),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;
