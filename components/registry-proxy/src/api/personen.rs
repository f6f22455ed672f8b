//! `POST /haalcentraal/api/brp/personen`.

use crate::AppState;
use crate::brp::{fields, query};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use platform::audit::AuditEntry;
use platform::auth::Principal;
use platform::{InvalidParam, Problem};
use serde_json::json;

/// Scope needed to query persons.
pub const SCOPE: &str = "brp.personen.lezen";

fn unauthorized_field(fields: &[&str]) -> Problem {
    Problem::new(
        StatusCode::FORBIDDEN,
        "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3".into(),
        "U bent niet geautoriseerd voor één of meerdere opgegeven field waarden.",
        "unauthorizedField",
    )
    .with_detail(format!(
        "U bent niet geautoriseerd om de volgende gegevens op te vragen met fields: {}",
        fields.join(", ")
    ))
}

fn unauthorized_parameter(params: &[&str]) -> Problem {
    Problem::new(
        StatusCode::FORBIDDEN,
        "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3".into(),
        "U bent niet geautoriseerd voor één of meerdere opgegeven parameters.",
        "unauthorizedParameter",
    )
    .with_detail(format!(
        "U bent niet geautoriseerd om met de volgende parameters te zoeken: {}",
        params.join(", ")
    ))
}

/// Searches or reads persons, filters them to the asked fields, and records one audit record
/// per delivered person before answering.
pub async fn personen(
    req: HttpRequest,
    principal: Principal,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    principal.require_scope(SCOPE)?;
    let content_type = req.headers().get("content-type").map(|v| v.to_str().unwrap_or("?"));
    if !platform::http::json_content_type_ok(content_type) {
        return Err(Problem::unsupported_media_type());
    }
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| platform::http::json_problem(&e))?;
    let q = query::parse(&value)?;
    let denied = fields::unauthorized(&q.fields, &principal.client.fields);
    if !denied.is_empty() {
        return Err(unauthorized_field(&denied));
    }
    let used = value
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect::<Vec<_>>())
        .unwrap_or_default();
    let denied = fields::unauthorized_parameters(used.iter().copied(), &principal.client.fields);
    if !denied.is_empty() {
        return Err(unauthorized_parameter(&denied));
    }
    let purpose = principal.purpose(&req)?;
    if purpose.is_none() && principal.client.doelbinding_verplicht {
        return Err(Problem::params_validation(vec![InvalidParam::new(
            "X-Doelbinding",
            "required",
            "Parameter is verplicht.",
        )]));
    }
    let found = state.backend.personen(&q).await?;
    // every search is recorded with its criteria, also one that found nobody: the criteria are
    // themselves personal data that this client put to the register (security review, finding 4)
    let criteria: serde_json::Map<String, serde_json::Value> = value
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(k, _)| *k != "type" && *k != "fields")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let details = json!({ "zoekType": q.type_, "fields": q.fields_asked, "zoekcriteria": criteria });
    let entry = |object_id: Option<String>, outcome: &str| AuditEntry {
        client_id: principal.client_id.clone(),
        user_id: principal.user_id.clone(),
        purpose: purpose.clone(),
        action: "brp.personen.bevragen".into(),
        object_type: "persoon".into(),
        object_id,
        details: details.clone(),
        outcome: outcome.into(),
    };
    let mut entries: Vec<AuditEntry> = found
        .iter()
        .map(|(bsn, _)| entry(Some(bsn.clone()), "geleverd"))
        .collect();
    if let query::Criteria::Bsn(asked) = &q.criteria {
        // a BSN asked but not delivered is still a lookup of that person
        for bsn in asked.iter().filter(|b| !found.iter().any(|(f, _)| f == *b)) {
            entries.push(entry(Some(bsn.clone()), "nietGevonden"));
        }
    } else if found.is_empty() {
        entries.push(entry(None, "geenResultaat"));
    }
    state.audit.record(entries).await?;
    let personen: Vec<serde_json::Value> = found.into_iter().map(|(_, p)| p).collect();
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .body(json!({ "type": q.type_, "personen": personen }).to_string()))
}
