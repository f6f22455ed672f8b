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
/// Header that carries the purpose (doelbinding); the token claim `doelbinding` is the fallback.
pub const PURPOSE_HEADER: &str = "x-doelbinding";

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

/// Searches or reads persons, filters them to the asked fields, and records one audit record
/// per delivered person before answering.
pub async fn personen(
    req: HttpRequest,
    principal: Principal,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    principal.require_scope(SCOPE)?;
    let content_type = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.to_ascii_lowercase().starts_with("application/json") {
        return Err(Problem::unsupported_media_type());
    }
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| platform::http::json_problem(&e))?;
    let q = query::parse(&value)?;
    let denied = fields::unauthorized(&q.fields, &principal.client.fields);
    if !denied.is_empty() {
        return Err(unauthorized_field(&denied));
    }
    let purpose = req
        .headers()
        .get(PURPOSE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| principal.doelbinding.clone())
        .filter(|p| !p.trim().is_empty());
    if purpose.is_none() && principal.client.doelbinding_verplicht {
        return Err(Problem::params_validation(vec![InvalidParam::new(
            "X-Doelbinding",
            "required",
            "Parameter is verplicht.",
        )]));
    }
    let found = state.backend.personen(&q).await?;
    let entries = found
        .iter()
        .map(|(bsn, _)| AuditEntry {
            client_id: principal.client_id.clone(),
            user_id: principal.user_id.clone(),
            purpose: purpose.clone(),
            action: "brp.personen.bevragen".into(),
            object_type: "persoon".into(),
            object_id: Some(bsn.clone()),
            details: json!({ "zoekType": q.type_, "fields": q.fields_asked }),
            outcome: "geleverd".into(),
        })
        .collect();
    state.audit.record(entries).await?;
    let personen: Vec<serde_json::Value> = found.into_iter().map(|(_, p)| p).collect();
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .body(json!({ "type": q.type_, "personen": personen }).to_string()))
}
