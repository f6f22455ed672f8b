//! HTTP handlers: extract, check access, call the domain and storage, answer.

pub mod dto;
pub mod handhaving;
pub mod registraties;
pub mod verblijven;

use crate::AppState;
use crate::domain::registration_number::RegistrationNumber;
use crate::store::{self, Registration};
use platform::app::BearerAuth;
use platform::audit::AuditEntry;
use platform::auth::Principal;
use platform::{InvalidParam, Problem};

pub use crate::app::{SCOPE_AANVRAGEN, SCOPE_CONTROLEREN, SCOPE_HANDHAVEN, may_access};

/// All routes under `/api/v1`.
pub fn routes() -> utoipa_actix_web::scope::Scope<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    utoipa_actix_web::scope("/api/v1")
        .service(registraties::aanvragen)
        .service(registraties::raadplegen)
        .service(registraties::intrekken)
        .service(registraties::controleren)
        .service(verblijven::melden)
        .service(verblijven::lijst)
        .service(verblijven::annuleren)
        .service(verblijven::corrigeren)
        .service(verblijven::nachten)
        .service(handhaving::adressen)
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
        (name = "verblijven", description = "Verblijven melden en annuleren; nachten per jaar."),
        (name = "controle", description = "Controle van een registratienummer door platforms, zonder persoonsgegevens."),
        (name = "handhaving", description = "Adressen boven of dicht bij het maximum."),
    ),
    components(schemas(platform::Problem, platform::InvalidParam)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

/// Parses a number from a path; 400 when malformed.
pub fn parse_number(s: &str) -> Result<RegistrationNumber, Problem> {
    RegistrationNumber::parse(s).ok_or_else(|| {
        Problem::params_validation(vec![InvalidParam::new(
            "registratienummer",
            "pattern",
            "Waarde is geen registratienummer (vier groepen van vier hexadecimale tekens en een gemeentecode).",
        )])
    })
}

/// Loads a registration the caller may see; anyone else gets 404, never its data.
pub async fn load_accessible(state: &AppState, p: &Principal, number: &str) -> Result<Registration, Problem> {
    if !p.has_scope(SCOPE_AANVRAGEN) && !p.has_scope(SCOPE_HANDHAVEN) {
        return Err(Problem::forbidden(
            "Scope vakantieverhuur.aanvragen of vakantieverhuur.handhaven is nodig.",
        ));
    }
    let n = parse_number(number)?;
    let compact = n.compact().to_string();
    let found = state.db.run(move |c| store::find_registration(c, &compact)).await?;
    found
        .filter(|r| may_access(p, r))
        .ok_or_else(|| Problem::not_found("Geen registratie gevonden met dit nummer."))
}

/// An audit entry for an action on a registration: the portal's user and, when a citizen acts,
/// the citizen (the token's `bsn`) are both named.
pub fn audit_entry(p: &Principal, action: &str, r: &Registration, details: serde_json::Value) -> AuditEntry {
    let mut details = details;
    if let (Some(bsn), Some(map)) = (&p.bsn, details.as_object_mut()) {
        map.insert("burgerservicenummer".into(), serde_json::Value::String(bsn.clone()));
    }
    AuditEntry {
        client_id: p.client_id.clone(),
        user_id: p.user_id.clone(),
        purpose: Some("registratie vakantieverhuur".into()),
        action: action.into(),
        object_type: "registratie".into(),
        object_id: Some(r.registratienummer.clone()),
        details,
        outcome: "uitgevoerd".into(),
    }
}
