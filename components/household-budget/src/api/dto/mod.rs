//! Request and response bodies. Requests are read by `platform::Valid`: serde names a field of
//! the wrong type, `validator` checks texts and ranges, the newtypes (`Bsn`, `Iban`, `Postcode`)
//! check identifiers. Money is integer cents.

use crate::domain::booking::{Criterion, Fit};
use crate::domain::iban::Iban;
use crate::domain::schedule::Betaalinstructie;
use crate::domain::statement::Direction;
use crate::export::pain001::Version;
use crate::store::{AgreementRow, BookingRow, CitizenRow, PaymentFileRow, RubriekRow, SignalRow, TransactionRow};
use chrono::NaiveDate;
use platform::pagination::{PageInfo, PageLinks};
use platform::{Bsn, Postcode};
use serde::{Deserialize, Serialize};
use validator::Validate;

mod master_data;
pub use master_data::*;

fn rfc3339(t: chrono::NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn short_text(s: &str) -> Result<(), validator::ValidationError> {
    platform::extract::plain_text(s)?;
    if s.chars().count() > 200 {
        return Err(validator::ValidationError::new("maxLength")
            .with_message(std::borrow::Cow::Borrowed("Waarde is langer dan maximum 200 tekens.")));
    }
    Ok(())
}

/// An address.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Adres {
    /// Street and house number.
    #[validate(custom(function = "short_text"))]
    #[schema(pattern = "plain-text", max_length = 200)]
    pub straat: String,
    /// House number with letter and addition.
    #[validate(custom(function = "short_text"))]
    #[schema(pattern = "plain-text", max_length = 200)]
    pub huisnummer: String,
    /// Postcode (`1015CJ`; a space is accepted).
    #[schema(value_type = String, pattern = "^[1-9][0-9]{3} ?[A-Za-z]{2}$")]
    pub postcode: Postcode,
    /// Town (woonplaats).
    #[validate(custom(function = "short_text"))]
    #[schema(pattern = "plain-text", max_length = 200)]
    pub plaats: String,
}

/// A new citizen, or a citizen's data as changed.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweBurger {
    /// BSN (the eleven test).
    #[schema(value_type = String, pattern = "^[0-9]{9}$")]
    pub burgerservicenummer: Bsn,
    /// First names (required unless `aanvullenUitBrp`).
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub voornamen: Option<String>,
    /// Surname, with prefix (required unless `aanvullenUitBrp`).
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub achternaam: Option<String>,
    /// Postal address; left out when unknown.
    #[validate(nested)]
    pub adres: Option<Adres>,
    /// E-mail.
    #[validate(email, length(max = 200))]
    #[schema(format = "email", max_length = 200)]
    pub email: Option<String>,
    /// Phone number, as the citizen gave it.
    #[validate(custom(function = "short_text"))]
    #[schema(pattern = "plain-text", max_length = 200)]
    pub telefoon: Option<String>,
    /// The household the citizen belongs to.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub huishouden_id: Option<String>,
    /// Fill the name and address the request leaves out from the BRP (through the registry
    /// proxy, with this component's purpose).
    #[serde(default)]
    pub aanvullen_uit_brp: bool,
}

/// A citizen.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Burger {
    pub id: String,
    /// Burgerservicenummer (nine digits, eleven test).
    #[schema(value_type = String)]
    pub burgerservicenummer: Bsn,
    /// First names.
    pub voornamen: String,
    /// Surname, with any prefix (voorvoegsel) in front.
    pub achternaam: String,
    /// Postal address; left out when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adres: Option<Adres>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number, as the citizen gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telefoon: Option<String>,
    /// Its household.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub huishouden_id: Option<String>,
    /// When added (RFC 3339).
    #[schema(format = DateTime)]
    pub aangemaakt_op: String,
}

impl From<&CitizenRow> for Burger {
    fn from(c: &CitizenRow) -> Self {
        let adres = match (&c.straat, &c.huisnummer, c.postcode, &c.plaats) {
            (Some(straat), Some(huisnummer), Some(postcode), Some(plaats)) => Some(Adres {
                straat: straat.clone(),
                huisnummer: huisnummer.clone(),
                postcode,
                plaats: plaats.clone(),
            }),
            _ => None,
        };
        Burger {
            id: c.id.clone(),
            burgerservicenummer: c.bsn,
            voornamen: c.voornamen.clone(),
            achternaam: c.achternaam.clone(),
            adres,
            email: c.email.clone(),
            telefoon: c.telefoon.clone(),
            huishouden_id: c.huishouden_id.clone(),
            aangemaakt_op: rfc3339(c.aangemaakt_op),
        }
    }
}

/// A page of citizens.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BurgersPagina {
    /// The citizens.
    pub burgers: Vec<Burger>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// Income or expense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Soort {
    /// Money in (credit).
    Inkomsten,
    /// Money out (debit).
    Uitgaven,
}

impl Soort {
    /// The direction money of this kind goes.
    pub fn direction(self) -> Direction {
        match self {
            Soort::Inkomsten => Direction::Credit,
            Soort::Uitgaven => Direction::Debit,
        }
    }
}

impl From<Direction> for Soort {
    fn from(d: Direction) -> Self {
        match d {
            Direction::Credit => Soort::Inkomsten,
            Direction::Debit => Soort::Uitgaven,
        }
    }
}

fn terms(v: &[String]) -> Result<(), validator::ValidationError> {
    if v.len() > 20 {
        return Err(validator::ValidationError::new("maxItems")
            .with_message(std::borrow::Cow::Borrowed("Hoogstens 20 zoektermen.")));
    }
    v.iter().try_for_each(|t| short_text(t))
}

/// A new afspraak.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweAfspraak {
    /// What it is (e.g. `Huur`).
    #[validate(custom(function = "short_text"))]
    #[schema(pattern = "plain-text", max_length = 200)]
    pub omschrijving: String,
    /// Income or expense.
    pub soort: Soort,
    /// The expected amount in cents (1 to 100,000,000).
    #[validate(range(min = 1, max = 100_000_000))]
    #[schema(minimum = 1, maximum = 100_000_000)]
    pub bedrag_in_centen: i64,
    /// The other party's account.
    #[schema(value_type = String, example = "NL20INGB0001234567")]
    pub tegenrekening: Iban,
    /// First day.
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub geldig_van: NaiveDate,
    /// Last day (none: open-ended).
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub geldig_tot: Option<NaiveDate>,
    /// Words that must all occur in a transaction's description to book it (case-insensitive).
    #[validate(custom(function = "terms"))]
    #[serde(default)]
    #[schema(max_items = 20)]
    pub zoektermen: Vec<String>,
    /// For an expense: when it is paid (for the payment export).
    #[serde(default)]
    pub betaalinstructie: Option<Betaalinstructie>,
    /// Its rubriek (for the overview per rubriek).
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub rubriek_id: Option<String>,
    /// The organisation's department it is with: then every account of that organisation
    /// counts as its counter account when booking.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub afdeling_id: Option<String>,
}

/// An afspraak.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Afspraak {
    pub id: String,
    /// The citizen.
    pub burger_id: String,
    /// What it is.
    pub omschrijving: String,
    /// Income or expense.
    pub soort: Soort,
    /// Amount in cents.
    pub bedrag_in_centen: i64,
    /// The other party's account.
    #[schema(value_type = String)]
    pub tegenrekening: Iban,
    /// First day.
    pub geldig_van: NaiveDate,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geldig_tot: Option<NaiveDate>,
    /// Search terms.
    pub zoektermen: Vec<String>,
    /// When it is paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betaalinstructie: Option<Betaalinstructie>,
    /// Its rubriek.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rubriek_id: Option<String>,
    /// The organisation's department it is with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub afdeling_id: Option<String>,
}

impl From<&AgreementRow> for Afspraak {
    fn from(a: &AgreementRow) -> Self {
        Afspraak {
            id: a.id.clone(),
            burger_id: a.burger_id.clone(),
            omschrijving: a.omschrijving.clone(),
            soort: Soort::from(a.richting),
            bedrag_in_centen: a.bedrag.0,
            tegenrekening: a.tegenrekening.clone(),
            geldig_van: a.geldig_van,
            geldig_tot: a.geldig_tot,
            zoektermen: a.zoektermen.get().clone(),
            betaalinstructie: a.betaalinstructie.as_ref().map(|b| b.get().clone()),
            rubriek_id: a.rubriek_id.clone(),
            afdeling_id: a.afdeling_id.clone(),
        }
    }
}

/// The afspraken of a citizen.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Afspraken {
    /// The afspraken.
    pub afspraken: Vec<Afspraak>,
}

/// How a transaction is booked.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Boeking {
    /// The afspraak.
    pub afspraak_id: String,
    /// By the rules, not a person.
    pub automatisch: bool,
    /// Who booked it: the user behind the client, or the client, or `automatisch`.
    pub geboekt_door: String,
    /// When (RFC 3339).
    #[schema(format = DateTime)]
    pub geboekt_op: String,
}

/// A booking by a person.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweBoeking {
    /// The afspraak to book to.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub afspraak_id: String,
}

impl From<&BookingRow> for Boeking {
    fn from(b: &BookingRow) -> Self {
        Boeking {
            afspraak_id: b.afspraak_id.clone(),
            automatisch: b.automatisch,
            geboekt_door: b.geboekt_door.clone(),
            geboekt_op: rfc3339(b.geboekt_op),
        }
    }
}

/// A transaction.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Transactie {
    pub id: String,
    /// The municipality's account.
    #[schema(value_type = String)]
    pub rekening: Iban,
    /// Amount in cents, positive.
    pub bedrag_in_centen: i64,
    /// Money in or out.
    pub soort: Soort,
    /// Booking date.
    pub boekdatum: NaiveDate,
    /// The other party's account, as the bank wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tegenrekening: Option<String>,
    /// The other party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tegenpartij: Option<String>,
    /// Description, as shown to the budget worker.
    pub omschrijving: String,
    /// A reversal.
    pub storno: bool,
    /// Its booking, if booked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boeking: Option<Boeking>,
}

impl From<&(TransactionRow, Option<BookingRow>)> for Transactie {
    fn from((t, b): &(TransactionRow, Option<BookingRow>)) -> Self {
        Transactie {
            id: t.id.clone(),
            rekening: t.rekening.clone(),
            bedrag_in_centen: t.bedrag.0,
            soort: Soort::from(t.richting),
            boekdatum: t.boekdatum,
            tegenrekening: t.tegenrekening.clone(),
            tegenpartij: t.tegenpartij_naam.clone(),
            omschrijving: t.omschrijving.clone(),
            storno: t.storno,
            boeking: b.as_ref().map(Boeking::from),
        }
    }
}

/// A page of transactions.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TransactiesPagina {
    /// The transactions.
    pub transacties: Vec<Transactie>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// An afspraak that fits a transaction at least partly.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Suggestie {
    /// The afspraak.
    pub afspraak_id: String,
    /// 0–100: the account weighs most, then the search terms, amount, direction and date.
    pub score: u8,
    /// What fits.
    pub klopt: Vec<Criterion>,
    /// What does not.
    pub klopt_niet: Vec<Criterion>,
}

impl From<&Fit> for Suggestie {
    fn from(f: &Fit) -> Self {
        Suggestie {
            afspraak_id: f.agreement_id.clone(),
            score: f.score,
            klopt: f.met.clone(),
            klopt_niet: f.failed.clone(),
        }
    }
}

/// Suggestions for a transaction, best first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Suggesties {
    /// The suggestions.
    pub suggesties: Vec<Suggestie>,
}

/// A payment export: the payments due in a date range.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuwBetaalbestand {
    /// First date.
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub van: NaiveDate,
    /// Last date (at most a year after the first).
    #[validate(custom(function = "platform::extract::date_in_range"))]
    pub tot: NaiveDate,
    /// The pain.001 version (default pain.001.001.03, what Dutch banks take).
    #[serde(default)]
    pub versie: Option<Version>,
}

/// Links of an exported payment file.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BestandLinks {
    /// The file itself (XML).
    pub bestand: platform::pagination::Link,
}

/// An exported payment file.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Betaalbestand {
    /// Id (also its message id).
    pub id: String,
    /// pain.001 version.
    pub versie: String,
    /// First date.
    pub van: NaiveDate,
    /// Last date.
    pub tot: NaiveDate,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Payments in it.
    pub aantal_betalingen: i32,
    /// Their total in cents.
    pub totaal_in_centen: i64,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: BestandLinks,
}

impl From<&PaymentFileRow> for Betaalbestand {
    fn from(f: &PaymentFileRow) -> Self {
        Betaalbestand {
            id: f.id.clone(),
            versie: f.versie.clone(),
            van: f.van,
            tot: f.tot,
            sha256: f.sha256.clone(),
            aantal_betalingen: f.aantal,
            totaal_in_centen: f.totaal,
            _links: BestandLinks {
                bestand: platform::pagination::Link {
                    href: format!("/api/v1/betaalbestanden/{}", f.id),
                },
            },
        }
    }
}

/// A signal.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Signalering {
    pub id: String,
    /// What was found.
    pub soort: crate::domain::signals::Kind,
    /// The citizen.
    pub burger_id: String,
    /// The afspraak, if it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub afspraak_id: Option<String>,
    /// The date it concerns.
    pub datum: NaiveDate,
    /// What shows it.
    pub toelichting: String,
    /// Whether it still needs a worker.
    pub status: platform::pagination::OpenOrClosed,
    /// Who closed it, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gesloten_door: Option<String>,
    /// The note it was closed with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notitie: Option<String>,
}

impl From<&SignalRow> for Signalering {
    fn from(r: &SignalRow) -> Self {
        Signalering {
            id: r.id.clone(),
            soort: r.soort,
            burger_id: r.burger_id.clone(),
            afspraak_id: r.afspraak_id.clone(),
            datum: r.datum,
            toelichting: r.toelichting.clone(),
            status: r.status,
            gesloten_door: r.gesloten_door.clone(),
            notitie: r.notitie.clone(),
        }
    }
}

/// A page of signals.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SignaleringenPagina {
    /// The signals.
    pub signaleringen: Vec<Signalering>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// Closing a signal.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Sluiting {
    /// Why (1–500 characters, no control characters).
    #[validate(custom(function = "platform::extract::plain_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 500)]
    pub notitie: String,
}

/// Signals computed.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Berekening {
    /// New signals.
    pub aantal_nieuw: usize,
}

/// One afspraak in an overview.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OverzichtAfspraak {
    /// The afspraak.
    pub afspraak_id: String,
    /// What it is.
    pub omschrijving: String,
    /// Income or expense.
    pub soort: Soort,
    /// Payments expected in the period (from its betaalinstructie).
    pub verwacht_aantal: usize,
    /// Their total in cents.
    pub verwacht_in_centen: i64,
    /// Payments booked in the period.
    pub geboekt_aantal: usize,
    /// Their total in cents.
    pub geboekt_in_centen: i64,
}

/// What was booked in a period in one rubriek, income or expenses.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OverzichtRubriek {
    /// The rubriek (absent: the afspraken without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rubriek_id: Option<String>,
    /// Its name (`Zonder rubriek` for the afspraken without one).
    pub naam: String,
    /// Code of its grootboekrekening.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grootboekrekening: Option<String>,
    /// Income or expenses.
    pub soort: Soort,
    /// Transactions booked.
    pub geboekt_aantal: usize,
    /// Their total in cents.
    pub geboekt_in_centen: i64,
}

/// A citizen's overview of a period.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Overzicht {
    /// First day.
    pub van: NaiveDate,
    /// Last day.
    pub tot: NaiveDate,
    /// Balance of what was booked before the period, in cents.
    pub beginsaldo_in_centen: i64,
    /// Income booked in the period.
    pub inkomsten_in_centen: i64,
    /// Expenses booked in the period.
    pub uitgaven_in_centen: i64,
    /// Opening + income - expenses.
    pub eindsaldo_in_centen: i64,
    /// Income and expenses per rubriek: income first; the totals add up to income and expenses.
    pub rubrieken: Vec<OverzichtRubriek>,
    /// Per afspraak.
    pub afspraken: Vec<OverzichtAfspraak>,
}

impl Overzicht {
    /// From the domain's overview.
    pub fn new(van: NaiveDate, tot: NaiveDate, o: &crate::domain::report::Overview, rubrieken: &[RubriekRow]) -> Self {
        let rubriek = |id: &Option<String>| id.as_ref().and_then(|id| rubrieken.iter().find(|r| &r.id == id));
        Overzicht {
            rubrieken: o
                .per_rubriek
                .iter()
                .map(|t| OverzichtRubriek {
                    rubriek_id: t.rubriek.clone(),
                    naam: rubriek(&t.rubriek).map_or_else(|| "Zonder rubriek".to_string(), |r| r.naam.clone()),
                    grootboekrekening: rubriek(&t.rubriek).map(|r| r.grootboekrekening.clone()),
                    soort: t.direction.into(),
                    geboekt_aantal: t.count,
                    geboekt_in_centen: t.total.0,
                })
                .collect(),
            van,
            tot,
            beginsaldo_in_centen: o.opening.0,
            inkomsten_in_centen: o.income.0,
            uitgaven_in_centen: o.expenses.0,
            eindsaldo_in_centen: o.closing.0,
            afspraken: o
                .lines
                .iter()
                .map(|l| OverzichtAfspraak {
                    afspraak_id: l.id.clone(),
                    omschrijving: l.description.clone(),
                    soort: l.direction.into(),
                    verwacht_aantal: l.expected_count,
                    verwacht_in_centen: l.expected.0,
                    geboekt_aantal: l.booked_count,
                    geboekt_in_centen: l.booked.0,
                })
                .collect(),
        }
    }

    /// As CSV, one table for a spreadsheet: a row per afspraak, per rubriek and per total, told
    /// apart by the first column.
    pub fn to_csv(&self) -> String {
        use platform::http::csv_field;
        let soort = |s: Soort| if s == Soort::Inkomsten { "inkomsten" } else { "uitgaven" };
        let mut out = String::from(
            "regel,id,omschrijving,soort,verwachtAantal,verwachtInCenten,geboektAantal,geboektInCenten,grootboekrekening\r\n",
        );
        for a in &self.afspraken {
            out.push_str(&format!(
                "afspraak,{},{},{},{},{},{},{},\r\n",
                csv_field(&a.afspraak_id),
                csv_field(&a.omschrijving),
                soort(a.soort),
                a.verwacht_aantal,
                a.verwacht_in_centen,
                a.geboekt_aantal,
                a.geboekt_in_centen
            ));
        }
        for r in &self.rubrieken {
            out.push_str(&format!(
                "rubriek,{},{},{},,,{},{},{}\r\n",
                csv_field(r.rubriek_id.as_deref().unwrap_or("")),
                csv_field(&r.naam),
                soort(r.soort),
                r.geboekt_aantal,
                r.geboekt_in_centen,
                csv_field(r.grootboekrekening.as_deref().unwrap_or(""))
            ));
        }
        for (name, cents) in [
            ("beginsaldo", self.beginsaldo_in_centen),
            ("inkomsten", self.inkomsten_in_centen),
            ("uitgaven", self.uitgaven_in_centen),
            ("eindsaldo", self.eindsaldo_in_centen),
        ] {
            out.push_str(&format!("totaal,,{name},,,,,{cents},\r\n"));
        }
        out
    }
}
