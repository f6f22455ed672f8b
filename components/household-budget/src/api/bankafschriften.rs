//! Bank statement import (handler over `app::import`).

use crate::AppState;
use crate::app::import::{self, ImportOutcome};
use crate::import::Format;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use futures_util::StreamExt;
use platform::Problem;
use platform::auth::Principal;
use platform::responses::{Conflict, Forbidden, Unauthorized};

/// The media types a statement is accepted in.
const SUPPORTED: &str = "application/xml of text/xml (camt.053), application/x-mt940 of text/plain (MT940)";

/// Import a bank statement file: every statement must be of one of the municipality's accounts;
/// transactions imported before are skipped and counted; a file with nothing new is 409.
#[utoipa::path(
    tag = "bankafschriften",
    request_body(
        description = "Een camt.053-bankafschrift (versie .02 tot en met .13, application/xml) of een MT940-bankafschrift (application/x-mt940)",
        content(
            (String = "application/xml"),
            (String = "application/x-mt940"),
        ),
    ),
    responses(
        (status = 201, description = "Ingelezen", body = ImportOutcome),
        (status = 400, description = "Geen (leesbaar) bankafschrift: geenBankafschrift, doctypeNietToegestaan, onleesbaarBankafschrift", body = Problem, content_type = "application/problem+json"),
        Unauthorized, Forbidden, Conflict,
        (status = 413, description = "Bestand te groot", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Geen camt.053 of MT940", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Afschrift van een rekening die niet van de gemeente is: onbekendeRekening", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/bankafschriften")]
pub async fn inlezen(
    req: HttpRequest,
    p: Principal,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let format = format_of(&req)?;
    let body = read_limited(&req, payload, state.max_statement_bytes).await?;
    let outcome = import::import_file(&state, &p, format, body).await?;
    Ok(HttpResponse::Created().json(outcome))
}

/// The format named by `Content-Type`.
fn format_of(req: &HttpRequest) -> Result<Format, Problem> {
    let ct = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match essence.as_str() {
        "application/xml" | "text/xml" => Ok(Format::Camt053),
        "application/x-mt940" | "text/plain" => Ok(Format::Mt940),
        _ => Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "https://developer.overheid.nl/problems/415".into(),
            "Media type wordt niet ondersteund.",
            "unsupportedMediaType",
        )
        .with_detail(format!("Ondersteund: {SUPPORTED}."))),
    }
}

/// The body, refused with 413 once it passes `limit` (announced or while reading).
async fn read_limited(req: &HttpRequest, mut payload: web::Payload, limit: usize) -> Result<web::Bytes, Problem> {
    let announced = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > limit) {
        return Err(Problem::payload_too_large(limit));
    }
    let mut body = web::BytesMut::with_capacity(announced.unwrap_or(0).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| Problem::bad_request(format!("De body kon niet gelezen worden: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(Problem::payload_too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
