//! `POST /haalcentraal/api/brp/personen` (handler over `app::personen`).

use crate::AppState;
use crate::app::personen;
use actix_web::{HttpRequest, HttpResponse, web};
use platform::Problem;
use platform::auth::Principal;
use serde_json::json;

/// Scope needed to query persons.
pub const SCOPE: &str = personen::SCOPE;

/// Searches or reads persons as the official contract does.
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
    let answer = personen::bevragen(&state, &principal, principal.purpose(&req)?, &value).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .body(json!({ "type": answer.type_, "personen": answer.personen }).to_string()))
}
