//! The one error type of household-budget, mapped to problem+json in one place.

use crate::domain::iban::Iban;
use crate::import::ImportError;
use platform::Problem;

/// What a use case can answer instead of its result.
#[derive(Debug)]
pub enum Error {
    /// The file cannot be read as a bank statement.
    Unreadable(ImportError),
    /// The statement is of an account that is not the municipality's.
    ForeignAccount(Iban),
    /// A citizen with this BSN exists already.
    CitizenExists,
    /// Something with this unique value exists already (code, detail).
    Duplicate(&'static str, &'static str),
    /// It cannot be removed while something refers to it.
    InUse(&'static str),
    /// A referenced object (household, rubriek, department, grootboekrekening) does not exist:
    /// the field and why.
    UnknownReference(&'static str, &'static str),
    /// A citizen's record lacks a name, also after asking the BRP.
    Incomplete(crate::domain::person::Missing),
    /// The BRP does not know this BSN.
    UnknownInBrp,
    /// Filling from the BRP was asked but no registry proxy is configured.
    BrpNotConfigured,
    /// The transaction is booked already.
    AlreadyBooked,
    /// No payment due in the range that was not exported before.
    NothingToExport,
    /// The signal is closed already.
    SignalClosed,
    /// Every transaction of the file was imported before.
    NothingNew {
        /// The transactions in the file.
        transactions: usize,
    },
    /// A sum of amounts does not fit (what is summed, in words).
    AmountOverflow(&'static str),
    /// Anything the platform already turned into a problem (database, audit).
    Problem(Problem),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        match e {
            Error::Unreadable(ImportError::DocType) => Problem::bad_request_with(
                "doctypeNietToegestaan",
                "Het bestand bevat een DOCTYPE.",
                ImportError::DocType.to_string(),
            ),
            Error::Unreadable(e @ ImportError::NotAStatement { .. }) => {
                Problem::bad_request_with("geenBankafschrift", "Het bestand is geen bankafschrift.", e.to_string())
            }
            Error::Unreadable(e) => Problem::bad_request_with(
                "onleesbaarBankafschrift",
                "Het bankafschrift is niet te lezen.",
                e.to_string(),
            ),
            Error::ForeignAccount(iban) => Problem::unprocessable(
                "onbekendeRekening",
                "Het afschrift is niet van een rekening van de gemeente.",
                format!("Rekening {iban} staat niet in HOUSEHOLD_BUDGET_ACCOUNT_IBAN."),
            ),
            Error::AlreadyBooked => {
                Problem::conflict("alGeboekt", "De transactie is al geboekt; haal eerst de boeking weg.")
            }
            Error::NothingToExport => Problem::conflict(
                "geenBetalingen",
                "Er zijn in deze periode geen betalingen die nog niet geëxporteerd zijn.",
            ),
            Error::SignalClosed => Problem::conflict("signaleringGesloten", "De signalering is al gesloten."),
            Error::CitizenExists => {
                Problem::conflict("burgerBestaat", "Er is al een burger met dit burgerservicenummer.")
            }
            Error::Duplicate(code, detail) => Problem::conflict(code, detail),
            Error::InUse(detail) => Problem::conflict("inGebruik", detail),
            Error::UnknownReference(field, why) => {
                Problem::params_validation(vec![platform::InvalidParam::new(field, "notFound", why)])
            }
            Error::Incomplete(missing) => {
                use crate::domain::person::Missing;
                let field = match missing {
                    Missing::Voornamen => "voornamen",
                    Missing::Achternaam => "achternaam",
                };
                Problem::params_validation(vec![platform::InvalidParam::new(
                    field,
                    "required",
                    "Attribuut is verplicht (of vraag aanvullenUitBrp en de BRP kent het).",
                )])
            }
            Error::UnknownInBrp => Problem::unprocessable(
                "onbekendInBrp",
                "De BRP kent dit burgerservicenummer niet.",
                "Aanvullen uit de BRP gaf geen persoon; geef naam en adres zelf op.",
            ),
            Error::BrpNotConfigured => Problem::unprocessable(
                "brpNietIngesteld",
                "Aanvullen uit de BRP is in deze installatie niet ingesteld.",
                "De beheerder stelt REGISTRY_PROXY_SECRET in om naam en adres uit de BRP te halen.",
            ),
            Error::NothingNew { transactions: 0 } => {
                Problem::conflict("geenTransacties", "Het bestand bevat geen geboekte transacties.")
            }
            Error::NothingNew { transactions } => Problem::conflict(
                "alIngelezen",
                format!("Alle {transactions} transacties van dit bestand zijn al ingelezen."),
            ),
            Error::AmountOverflow(what) => Problem::unprocessable(
                "bedragTeGroot",
                "Een som van bedragen is te groot.",
                format!("Het getal voor {what} past niet; er is niets opgeslagen."),
            ),
            Error::Problem(p) => p,
        }
    }
}

impl From<ImportError> for Error {
    fn from(e: ImportError) -> Self {
        Error::Unreadable(e)
    }
}

platform::problem_conversions!(Error);
