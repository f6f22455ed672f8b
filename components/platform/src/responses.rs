//! The problem responses of the specs, declared once: list them in `#[utoipa::path(responses(…))]`
//! next to the operation's own success and 422 answers.

use crate::Problem;

/// 400: the request is malformed; `invalidParams` names every field at fault.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 400,
    description = "Onjuiste aanvraag; invalidParams noemt elk veld",
    content_type = "application/problem+json"
)]
pub struct BadRequest(pub Problem);

/// 401: no or no valid bearer token.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 401,
    description = "Niet geauthenticeerd",
    content_type = "application/problem+json"
)]
pub struct Unauthorized(pub Problem);

/// 403: a valid token without the scope.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 403,
    description = "Niet geautoriseerd",
    content_type = "application/problem+json"
)]
pub struct Forbidden(pub Problem);

/// 404: not found, or not the caller's to see.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 404,
    description = "Niet gevonden (of niet voor u)",
    content_type = "application/problem+json"
)]
pub struct NotFound(pub Problem);

/// 409: conflicts with the current state.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 409,
    description = "Conflict met de huidige toestand",
    content_type = "application/problem+json"
)]
pub struct Conflict(pub Problem);

/// 429: over the client's rate limit.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 429,
    description = "Te veel verzoeken",
    content_type = "application/problem+json"
)]
pub struct TooManyRequests(pub Problem);

/// 502: an upstream answered something unusable.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 502,
    description = "Bron gaf een ongeldig antwoord; niets opgeslagen",
    content_type = "application/problem+json"
)]
pub struct BadGateway(pub Problem);

/// 503: a source or the database is unavailable; nothing was stored.
#[derive(utoipa::IntoResponses)]
#[response(
    status = 503,
    description = "Bron of database niet beschikbaar; niets opgeslagen",
    content_type = "application/problem+json"
)]
pub struct ServiceUnavailable(pub Problem);
