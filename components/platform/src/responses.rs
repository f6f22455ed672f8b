//! The problem responses of the specs, declared once: list them in `#[utoipa::path(responses(…))]`
//! next to the operation's own success and 422 answers.

use crate::Problem;

/// Declares a problem response type for the specs.
macro_rules! problem_response {
    ($(#[$doc:meta])* $name:ident, $status:literal, $description:literal) => {
        $(#[$doc])*
        #[derive(utoipa::IntoResponses)]
        #[response(status = $status, description = $description, content_type = "application/problem+json")]
        pub struct $name(pub Problem);
    };
}

problem_response!(
    /// 400: the request is malformed; `invalidParams` names every field at fault.
    BadRequest, 400, "Onjuiste aanvraag; invalidParams noemt elk veld"
);
problem_response!(
    /// 401: no or no valid bearer token.
    Unauthorized, 401, "Niet geauthenticeerd"
);
problem_response!(
    /// 403: a valid token without the scope.
    Forbidden, 403, "Niet geautoriseerd"
);
problem_response!(
    /// 404: not found, or not the caller's to see.
    NotFound, 404, "Niet gevonden (of niet voor u)"
);
problem_response!(
    /// 409: conflicts with the current state.
    Conflict, 409, "Conflict met de huidige toestand"
);
problem_response!(
    /// 429: over the client's rate limit.
    TooManyRequests, 429, "Te veel verzoeken"
);
problem_response!(
    /// 502: an upstream answered something unusable.
    BadGateway, 502, "Bron gaf een ongeldig antwoord; niets opgeslagen"
);
problem_response!(
    /// 503: a source or the database is unavailable; nothing was stored.
    ServiceUnavailable, 503, "Bron of database niet beschikbaar; niets opgeslagen"
);
