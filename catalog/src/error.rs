//! The one error type of the catalogue, mapped to problem+json in one place.

use crate::domain::publiccode;
use platform::Problem;

/// What a use case can answer instead of its result.
#[derive(Debug)]
pub enum Error {
    /// The publiccode.yml cannot be read.
    Unreadable(String),
    /// The publiccode.yml does not hold what the standard demands: every problem with its path.
    Invalid(Vec<publiccode::Problem>),
    /// The spec is not an OpenAPI 3.x document.
    NotOpenApi(String),
    /// The spec could not be fetched from its URL (refused or failed).
    NotFetched(String),
    /// The component belongs to another organisation (named).
    NotOwner(String),
    /// The component has no owner yet (published before ownership); an administrator assigns one.
    Unowned,
    /// Both a spec and a URL to fetch one from.
    TwoSpecs,
    /// The component is followed from another catalogue (its base URL): only there it changes.
    Followed(String),
    /// A followed catalogue's component whose url this catalogue already has (of its own or
    /// from another source): not taken over, never duplicated.
    AlreadyHere,
    /// Anything the platform already turned into a problem (database, audit).
    Problem(Problem),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        match e {
            Error::Unreadable(why) => {
                Problem::unprocessable("onleesbaarPubliccode", "publiccode.yml is niet te lezen.", why)
            }
            Error::Invalid(problems) => {
                let detail = problems
                    .iter()
                    .map(|p| format!("{}: {}", p.pad, p.melding))
                    .collect::<Vec<_>>()
                    .join("; ");
                let mut problem = Problem::unprocessable(
                    "ongeldigePubliccode",
                    "publiccode.yml voldoet niet aan de standaard.",
                    detail,
                );
                // every fault with its YAML path, in the file's order
                problem.invalid_params = problems
                    .into_iter()
                    .map(|p| platform::InvalidParam {
                        type_: String::new(),
                        name: p.pad,
                        code: "publiccode".into(),
                        reason: p.melding,
                    })
                    .collect();
                problem
            }
            Error::NotOwner(owner) => {
                let mut p = Problem::forbidden(format!(
                    "Dit component is van {owner}; alleen die organisatie publiceert nieuwe versies. Een beheerder met scope catalogus.overdragen kan het overdragen."
                ));
                p.code = "andereEigenaar".into();
                p
            }
            Error::Unowned => Problem::forbidden(
                "Dit component heeft nog geen eigenaar (het is gepubliceerd voordat de catalogus eigenaren kende); een beheerder met scope catalogus.overdragen wijst die toe.",
            ),
            Error::NotOpenApi(why) => Problem::unprocessable("geenOpenapi", "De spec is geen OpenAPI 3-document.", why),
            Error::NotFetched(why) => Problem::unprocessable(
                "specNietOpgehaald",
                "De spec kon niet van de URL worden opgehaald.",
                why,
            ),
            Error::TwoSpecs => Problem::params_validation(vec![platform::InvalidParam::new(
                "openapiUrl",
                "conflict",
                "Geef openapi of openapiUrl, niet allebei.",
            )]),
            Error::Followed(from) => {
                let mut p = Problem::forbidden(format!(
                    "Dit component komt uit de catalogus {from}; alleen daar worden nieuwe versies gepubliceerd."
                ));
                p.code = "gevolgdComponent".into();
                p
            }
            Error::AlreadyHere => Problem::conflict(
                "alGevolgd",
                "Een component met deze url staat al in de catalogus; een gevolgde catalogus vult het niet aan.",
            ),
            Error::Problem(p) => p,
        }
    }
}

platform::problem_conversions!(Error);
