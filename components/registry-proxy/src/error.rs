//! The one error type of the registry proxy, mapped to problem+json in one place, in the
//! official contracts' codes and wording.

use platform::Problem;

/// Which register failed.
pub type Register = &'static str;

/// What a use case or a source can answer instead of its result.
#[derive(Debug)]
pub enum Error {
    /// A field asked for that the client may not see (the paths).
    UnauthorizedField(Vec<String>),
    /// A search criterion that tests a field the client may not see (the parameters).
    UnauthorizedParameter(Vec<String>),
    /// More persons found than the query type may answer (its limit).
    TooManyResults(usize),
    /// A BAG object that does not exist.
    NotFound(&'static str),
    /// A register could not be reached.
    Unavailable(Register),
    /// A register did not answer in time.
    Timeout(Register),
    /// A register answered something unusable (never passed on).
    BadAnswer(Register),
    /// A request that breaks the contract, a missing scope or purpose, the audit log: what the
    /// platform and the contract's rules already made a problem of.
    Problem(Problem),
}

platform::problem_conversions!(Error);

/// A 403 with the contract's title and code.
fn forbidden(title: &str, code: &str, detail: String) -> Problem {
    let mut p = Problem::forbidden(detail);
    p.title = title.to_string();
    p.code = code.to_string();
    p
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        match e {
            Error::UnauthorizedField(paths) => forbidden(
                "U bent niet geautoriseerd voor één of meerdere opgegeven field waarden.",
                "unauthorizedField",
                format!(
                    "U bent niet geautoriseerd om de volgende gegevens op te vragen met fields: {}",
                    paths.join(", ")
                ),
            ),
            Error::UnauthorizedParameter(names) => forbidden(
                "U bent niet geautoriseerd voor één of meerdere opgegeven parameters.",
                "unauthorizedParameter",
                format!(
                    "U bent niet geautoriseerd om met de volgende parameters te zoeken: {}",
                    names.join(", ")
                ),
            ),
            Error::TooManyResults(limit) => crate::domain::brp::query::too_many_results(limit),
            Error::NotFound(what) => Problem::not_found(what),
            Error::Unavailable(register) => Problem::service_unavailable(register),
            Error::Timeout(register) => Problem::gateway_timeout(register),
            Error::BadAnswer(register) => Problem::bad_gateway(register),
            Error::Problem(p) => p,
        }
    }
}
