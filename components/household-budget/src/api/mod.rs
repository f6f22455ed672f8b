//! HTTP handlers: extract, call one use case of `app`, answer.

/// A paged list of master data, `GET <path>` with `page` and `pageSize`: the rows of a use case
/// `(state, caller, offset, limit) -> (rows, total)`, each mapped to its DTO, answered as the
/// page DTO with `paginering` and `_links`. One definition for every such list, spec included.
macro_rules! paged_list {
    (
        $(#[$doc:meta])*
        $name:ident: $path:literal, tag $tag:literal, $description:literal,
        $list:path => $page:ident { $field:ident: $map:expr }
    ) => {
        $(#[$doc])*
        #[utoipa::path(
            tag = $tag,
            params(platform::pagination::PageRequest),
            responses(
                (status = 200, description = $description, body = $page),
                platform::responses::BadRequest,
                platform::responses::Unauthorized,
                platform::responses::Forbidden,
            ),
            security(("bearer" = [])),
        )]
        #[get($path)]
        pub async fn $name(
            req: actix_web::HttpRequest,
            p: platform::auth::Principal,
            q: platform::query::Paged<platform::query::NoFilter>,
            state: actix_web::web::Data<crate::AppState>,
        ) -> Result<actix_web::HttpResponse, platform::Problem> {
            let (rows, total) = $list(&state, &p, q.page.offset(), q.page.page_size).await?;
            let (links, info) = platform::pagination::links(req.path(), &q.pairs, q.page, total);
            Ok(actix_web::HttpResponse::Ok().json($page {
                $field: rows.iter().map($map).collect(),
                paginering: info,
                _links: links,
            }))
        }
    };
}

pub mod bankafschriften;
pub mod betaalbestanden;
pub mod burgers;
pub mod dto;
pub mod huishoudens;
pub mod organisaties;
pub mod rekeningen;
pub mod rubrieken;
pub mod signaleringen;
pub mod transacties;

use platform::app::BearerAuth;

pub use crate::app::{SCOPE_BEHEREN, SCOPE_BURGER, SCOPE_LEZEN};

impl platform::component::Api for ApiDoc {
    /// Registers every handler of the API (mounted under `/api/v1` by the platform).
    fn register(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
        cfg.service(bankafschriften::inlezen)
            .service(burgers::toevoegen)
            .service(burgers::burgers)
            .service(burgers::raadplegen)
            .service(burgers::wijzigen)
            .service(burgers::verwijderen)
            .service(burgers::afspraak_toevoegen)
            .service(burgers::afspraken)
            .service(burgers::afspraak)
            .service(burgers::afspraak_wijzigen)
            .service(burgers::afspraak_verwijderen)
            .service(burgers::overzicht)
            .service(huishoudens::huishouden_toevoegen)
            .service(huishoudens::huishoudens)
            .service(huishoudens::huishouden)
            .service(huishoudens::huishouden_wijzigen)
            .service(huishoudens::huishouden_verwijderen)
            .service(organisaties::organisatie_toevoegen)
            .service(organisaties::organisaties)
            .service(organisaties::organisatie)
            .service(organisaties::organisatie_wijzigen)
            .service(organisaties::organisatie_verwijderen)
            .service(organisaties::afdeling_toevoegen)
            .service(organisaties::afdeling)
            .service(organisaties::afdeling_wijzigen)
            .service(organisaties::afdeling_verwijderen)
            .service(rekeningen::rekeningen)
            .service(rekeningen::rekening)
            .service(rekeningen::rekening_wijzigen)
            .service(rekeningen::rekening_verwijderen)
            .service(rekeningen::rekeningen_van_burger)
            .service(rekeningen::koppelen_aan_burger)
            .service(rekeningen::ontkoppelen_van_burger)
            .service(rekeningen::koppelen_aan_afdeling)
            .service(rekeningen::ontkoppelen_van_afdeling)
            .service(rubrieken::grootboekrekeningen)
            .service(rubrieken::rubriek_toevoegen)
            .service(rubrieken::rubrieken)
            .service(rubrieken::rubriek)
            .service(rubrieken::rubriek_wijzigen)
            .service(rubrieken::rubriek_verwijderen)
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
        (name = "huishoudens", description = "Burgers die samen een huishouden vormen."),
        (name = "organisaties", description = "Organisaties (schuldeisers, werkgevers, uitkeringsinstanties) met hun afdelingen."),
        (name = "rekeningen", description = "Bankrekeningen van burgers en afdelingen."),
        (name = "rubrieken", description = "Rubrieken op het rekeningschema (grootboekrekeningen), voor het overzicht per rubriek."),
        (name = "betaalbestanden", description = "Geplande betalingen als SEPA pain.001-bestand; geen betaling twee keer."),
        (name = "signaleringen", description = "Wat een budgetbeheerder direct moet zien: betaling niet ontvangen, meerdere betalingen, afwijkend bedrag, negatief saldo."),
        (name = "transacties", description = "Transacties van de rekeningen van de gemeente, hun boekingen en boekingssuggesties."),
    ),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;
