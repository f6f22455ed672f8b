//! The component's own API: protocollering (AVG art. 15), chain verification and status.

use crate::AppState;
use crate::app::protocollering as app;
use actix_web::{HttpRequest, HttpResponse, get, web};
use platform::audit::ChainReport;
use platform::auth::Principal;
use platform::pagination::{PageInfo, PageLinks, PageRequest};
use platform::query::Paged;
use platform::{Bsn, Problem};
use serde::{Deserialize, Serialize};

/// Scope needed to read the protocollering.
pub const SCOPE: &str = app::SCOPE;

/// One access to a person's data.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Protocollering {
    /// Position in the audit chain.
    pub volgnummer: i64,
    /// When (UTC, RFC 3339).
    #[schema(format = DateTime)]
    pub tijdstip: String,
    /// The client (application) that asked.
    pub client_id: String,
    /// The user behind the client, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gebruiker: Option<String>,
    /// The stated purpose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doelbinding: Option<String>,
    /// What was done.
    pub actie: String,
    /// The BRP query type used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zoek_type: Option<String>,
    /// The fields asked.
    pub gevraagde_velden: Vec<String>,
    /// The outcome.
    pub resultaat: String,
}

/// A page of accesses.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProtocolleringPagina {
    /// Accesses, newest first.
    pub protocolleringen: Vec<Protocollering>,
    /// Page facts.
    pub paginering: PageInfo,
    /// Links to other pages.
    pub _links: PageLinks,
}

/// Status of the sources.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Status {
    /// `mock` or `upstream`.
    pub backend: String,
    /// Per source: `UP` or `DOWN`.
    pub bronnen: std::collections::BTreeMap<String, String>,
}

/// The person whose protocollering is asked.
#[derive(Debug, Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Persoon {
    /// BSN van de persoon.
    #[param(value_type = String, pattern = "^[0-9]{9}$")]
    pub burgerservicenummer: Bsn,
}

/// Who looked this person up, when, why and which fields.
#[utoipa::path(
    tag = "protocollering",
    params(Persoon, PageRequest),
    responses(
        (status = 200, description = "Protocollering van de persoon", body = ProtocolleringPagina),
        (status = 400, description = "Onjuiste parameters", body = platform::Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = platform::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = platform::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/protocollering")]
pub async fn protocollering(
    req: HttpRequest,
    principal: Principal,
    q: Paged<Persoon>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    principal.require_scope(SCOPE)?;
    let (bsn, page) = (q.filter.burgerservicenummer, q.page);
    let purpose = principal.purpose(&req)?;
    let (rows, total) = app::van_persoon(&state, &principal, purpose, bsn, page.offset(), page.page_size).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let details = app::Bevraging::from_record(&r);
            Protocollering {
                volgnummer: r.seq,
                tijdstip: r
                    .recorded_at
                    .and_utc()
                    .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                client_id: r.client_id,
                gebruiker: r.user_id,
                doelbinding: r.purpose,
                actie: r.action,
                zoek_type: details.zoek_type,
                gevraagde_velden: details.fields,
                resultaat: r.outcome,
            }
        })
        .collect();
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(ProtocolleringPagina {
        protocolleringen: items,
        paginering: info,
        _links: links,
    }))
}

/// Checks the keyed chain of the audit log from its newest signed checkpoint to the signed head
/// (the whole chain: `registry-proxy audit verify`).
#[utoipa::path(
    tag = "protocollering",
    responses(
        (status = 200, description = "Resultaat van de controle", body = ChainReport),
        (status = 401, description = "Niet geauthenticeerd", body = platform::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd", body = platform::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/protocollering/verificatie")]
pub async fn verificatie(principal: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    principal.require_scope(SCOPE)?;
    // from the newest signed checkpoint; the full chain is `registry-proxy audit verify`
    let report = state.audit.verify_recent().await?;
    Ok(HttpResponse::Ok().json(report))
}

/// Which backend is in use and whether its sources answer.
#[utoipa::path(
    tag = "status",
    responses(
        (status = 200, description = "Status van de bronnen", body = Status),
        (status = 503, description = "Een bron is niet beschikbaar", body = platform::Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/status")]
pub async fn status(state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let mut bronnen = std::collections::BTreeMap::new();
    for (name, check) in state.backend.ready_checks() {
        bronnen.insert(
            name,
            if check().await.is_ok() {
                "UP".to_string()
            } else {
                "DOWN".to_string()
            },
        );
    }
    if bronnen.is_empty() {
        bronnen.insert("brp".into(), "UP".into());
        bronnen.insert("bag".into(), "UP".into());
    }
    Ok(HttpResponse::Ok().json(Status {
        backend: state.backend.name().to_string(),
        bronnen,
    }))
}
