//! HTTP handlers: extract, call one use case of `app`, answer.

pub mod bankafschriften;
pub mod betaalbestanden;
pub mod burgers;
pub mod dto;
pub mod signaleringen;
pub mod transacties;

use platform::app::BearerAuth;

pub use crate::app::{SCOPE_BEHEREN, SCOPE_BURGER, SCOPE_LEZEN};

/// Registers every handler of the API (mounted under `/api/v1` by the platform).
pub fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(bankafschriften::inlezen)
        .service(burgers::toevoegen)
        .service(burgers::burgers)
        .service(burgers::raadplegen)
        .service(burgers::afspraak_toevoegen)
        .service(burgers::afspraken)
        .service(burgers::overzicht)
        .service(transacties::transacties)
        .service(transacties::suggesties)
        .service(transacties::boeken)
        .service(transacties::ontboeken)
        .service(betaalbestanden::aanmaken)
        .service(betaalbestanden::ophalen)
        .service(signaleringen::signaleringen)
        .service(signaleringen::van_burger)
        .service(signaleringen::berekenen)
        .service(signaleringen::sluiten);
}

/// Document-level facts of the spec.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Grondwerk huishoudboekje",
        description = "Budgetbeheer voor burgers die hun geldzaken (tijdelijk) niet zelf kunnen doen: bankafschriften (CAMT.053, MT940) van de rekeningen van de gemeente inlezen, zonder een transactie twee keer of een bestand half in te lezen, en transacties boeken op de afspraken van burgers.",
    ),
    tags(
        (name = "bankafschriften", description = "Bankafschriften inlezen; wat precies bij één afspraak past wordt automatisch geboekt."),
        (name = "burgers", description = "Burgers van wie de gemeente het huishoudboekje bijhoudt."),
        (name = "afspraken", description = "Verwachte inkomsten en uitgaven van een burger."),
        (name = "betaalbestanden", description = "Geplande betalingen als SEPA pain.001-bestand; geen betaling twee keer."),
        (name = "signaleringen", description = "Wat een budgetbeheerder direct moet zien: betaling niet ontvangen, meerdere betalingen, afwijkend bedrag, negatief saldo."),
        (name = "transacties", description = "Transacties van de rekeningen van de gemeente, hun boekingen en boekingssuggesties."),
    ),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;
