//! The one error type of holiday-rental, mapped to problem+json in one place.

use crate::domain::eligibility::Ineligible;
use crate::domain::registration_number::RegistrationNumber;
use crate::domain::stays::Refusal;
use platform::Problem;

/// What a use case can answer instead of its result.
#[derive(Debug)]
pub enum Error {
    /// The registration is withdrawn: nothing about it can be changed.
    Withdrawn,
    /// A withdrawal of a registration that already is.
    AlreadyWithdrawn,
    /// The address already has an active registration; linked when it is the caller's own.
    AlreadyRegistered {
        /// The caller's own registration, when it is theirs.
        own: Option<RegistrationNumber>,
    },
    /// The stay is cancelled already.
    AlreadyCancelled,
    /// The municipality does not use this register.
    NoRules,
    /// The municipality does not require registration.
    NotRequired {
        /// The municipality's name.
        naam: String,
    },
    /// The address cannot be registered by this applicant.
    Ineligible(Ineligible),
    /// A stay rule refuses.
    Refused(Refusal),
    /// Anything the platform already turned into a problem (database, audit, upstream).
    Problem(Problem),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        match e {
            Error::Withdrawn => Problem::unprocessable(
                "registratieIngetrokken",
                "De registratie is ingetrokken.",
                "Aan een ingetrokken registratie en haar verblijven kan niets meer worden gewijzigd.",
            ),
            Error::AlreadyWithdrawn => {
                Problem::conflict("registratieAlIngetrokken", "De registratie is al ingetrokken.")
            }
            Error::AlreadyRegistered { own } => {
                let p = Problem::conflict("registratieBestaat", "Voor dit adres is al een actieve registratie.");
                match own {
                    Some(n) => p.with_links(serde_json::json!({
                        "registratie": { "href": format!("/api/v1/registraties/{n}") }
                    })),
                    None => p,
                }
            }
            Error::AlreadyCancelled => Problem::conflict("verblijfAlGeannuleerd", "Het verblijf is al geannuleerd."),
            Error::NoRules => Problem::unprocessable(
                "gemeenteNietAangesloten",
                "De gemeente gebruikt dit register niet.",
                "Voor deze gemeente zijn geen regels voor vakantieverhuur ingesteld.",
            ),
            Error::NotRequired { naam } => Problem::unprocessable(
                "registratieNietVerplicht",
                "Registratie is in deze gemeente niet nodig.",
                format!("{naam} vraagt geen registratienummer voor vakantieverhuur."),
            ),
            Error::Ineligible(i) => Problem::unprocessable(i.code(), i.title(), i.detail()),
            Error::Refused(r) => Problem::unprocessable(r.code(), "Het verblijf is geweigerd.", r.detail()),
            Error::Problem(p) => p,
        }
    }
}

platform::problem_conversions!(Error);
