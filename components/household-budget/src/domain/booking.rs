//! When a transaction belongs to an afspraak (agreement). A transaction is booked automatically
//! only when exactly one afspraak matches on every count: the counterparty's account, the date
//! within the afspraak's validity, every zoekterm in the description, the direction and the
//! amount (within a tolerance). Otherwise afspraken are ranked as suggestions, each with the
//! reasons it fits or does not.

use super::iban::Iban;
use super::money::Cents;
use super::statement::Direction;
use chrono::NaiveDate;
use serde::Serialize;

/// An afspraak as the booking rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// Its id.
    pub id: String,
    /// Income (credit) or expense (debit).
    pub direction: Direction,
    /// The expected amount, positive.
    pub amount: Cents,
    /// The other party's accounts: the afspraak's own counter account and those of its
    /// organisation.
    pub counter_accounts: Vec<Iban>,
    /// First day it applies.
    pub valid_from: NaiveDate,
    /// Last day it applies, if it ends.
    pub valid_through: Option<NaiveDate>,
    /// Words that must all occur in the description (case-insensitive).
    pub search_terms: Vec<String>,
}

/// A transaction as the booking rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment<'a> {
    /// Amount, positive.
    pub amount: Cents,
    /// In or out.
    pub direction: Direction,
    /// Booking date.
    pub date: NaiveDate,
    /// The counterparty's IBAN as the bank wrote it.
    pub counter_account: Option<&'a str>,
    pub description: &'a str,
}

/// One test of the rules and whether it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum Criterion {
    /// The counterparty's account is one of the afspraak's.
    Tegenrekening,
    /// The date lies within the afspraak's validity.
    Geldigheid,
    /// Every zoekterm occurs in the description.
    Zoektermen,
    /// Credit for income, debit for an expense.
    Richting,
    /// The amount is within the tolerance.
    Bedrag,
}

/// How well an afspraak fits a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fit {
    /// The afspraak.
    pub agreement_id: String,
    /// The criteria that held.
    pub met: Vec<Criterion>,
    /// The criteria that did not.
    pub failed: Vec<Criterion>,
    /// Ranking score, 0–100: the account weighs most, then the search terms, amount,
    /// direction and date.
    pub score: u8,
}

impl Fit {
    /// Whether every criterion held.
    pub fn complete(&self) -> bool {
        self.failed.is_empty()
    }
}

const WEIGHTS: [(Criterion, u8); 5] = [
    (Criterion::Tegenrekening, 35),
    (Criterion::Zoektermen, 20),
    (Criterion::Bedrag, 20),
    (Criterion::Richting, 15),
    (Criterion::Geldigheid, 10),
];

/// How `agreement` fits `payment`, with `tolerance` on the amount.
pub fn fit(payment: &Payment<'_>, agreement: &Agreement, tolerance: Cents) -> Fit {
    let counter = payment
        .counter_account
        .and_then(|c| Iban::parse(c).ok())
        .is_some_and(|iban| agreement.counter_accounts.contains(&iban));
    let valid = payment.date >= agreement.valid_from && agreement.valid_through.is_none_or(|t| payment.date <= t);
    let description = payment.description.to_lowercase();
    let terms = agreement
        .search_terms
        .iter()
        .filter(|t| !t.trim().is_empty())
        .all(|t| description.contains(&t.trim().to_lowercase()));
    let direction = payment.direction == agreement.direction;
    let amount = payment
        .amount
        .checked_sub(agreement.amount)
        .is_some_and(|d| d.abs() <= tolerance.abs());
    let outcome = |c: Criterion| match c {
        Criterion::Tegenrekening => counter,
        Criterion::Geldigheid => valid,
        Criterion::Zoektermen => terms,
        Criterion::Richting => direction,
        Criterion::Bedrag => amount,
    };
    let mut fit = Fit {
        agreement_id: agreement.id.clone(),
        met: Vec::new(),
        failed: Vec::new(),
        score: 0,
    };
    for (c, weight) in WEIGHTS {
        if outcome(c) {
            fit.met.push(c);
            fit.score += weight;
        } else {
            fit.failed.push(c);
        }
    }
    fit
}

/// What to do with a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Book it to this afspraak: it is the only one that fits completely.
    Book(String),
    /// Leave it unbooked; the afspraken that fit at least partly, best first.
    Suggest(Vec<Fit>),
}

/// Decides a transaction against the candidate afspraken. Suggested are only afspraken with some
/// evidence: the counterparty's account, or search terms that occur (a matching date or
/// direction alone says nothing).
pub fn decide(payment: &Payment<'_>, agreements: &[Agreement], tolerance: Cents) -> Decision {
    let fits: Vec<(Fit, &Agreement)> = agreements.iter().map(|a| (fit(payment, a, tolerance), a)).collect();
    let complete: Vec<&Fit> = fits.iter().map(|(f, _)| f).filter(|f| f.complete()).collect();
    if let [only] = complete.as_slice() {
        return Decision::Book(only.agreement_id.clone());
    }
    let mut fits: Vec<Fit> = fits
        .into_iter()
        .filter(|(f, a)| {
            let has_terms = a.search_terms.iter().any(|t| !t.trim().is_empty());
            f.met.contains(&Criterion::Tegenrekening) || (has_terms && f.met.contains(&Criterion::Zoektermen))
        })
        .map(|(f, _)| f)
        .collect();
    fits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.agreement_id.cmp(&b.agreement_id)));
    Decision::Suggest(fits)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn rent(id: &str) -> Agreement {
        Agreement {
            id: id.into(),
            direction: Direction::Debit,
            amount: Cents(13000),
            counter_accounts: vec![Iban::parse("NL20INGB0001234567").unwrap()],
            valid_from: "2026-01-01".parse().unwrap(),
            valid_through: Some("2026-12-31".parse().unwrap()),
            search_terms: vec!["Huur".into()],
        }
    }

    fn payment<'a>(amount: i64, direction: Direction, description: &'a str) -> Payment<'a> {
        Payment {
            amount: Cents(amount),
            direction,
            date: "2026-03-02".parse().unwrap(),
            counter_account: Some("NL20INGB0001234567"),
            description,
        }
    }

    #[test]
    fn only_a_complete_and_single_fit_books() {
        let p = payment(13000, Direction::Debit, "huur maart 2026");
        assert_eq!(decide(&p, &[rent("a")], Cents::ZERO), Decision::Book("a".into()));
        // two afspraken fit completely: ambiguous, both suggested
        match decide(&p, &[rent("a"), rent("b")], Cents::ZERO) {
            Decision::Suggest(f) => assert_eq!(f.len(), 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_direction_amount_date_or_terms_do_not_book() {
        let tol = Cents(100);
        let cases = [
            (payment(13000, Direction::Credit, "huur"), Criterion::Richting),
            (payment(13500, Direction::Debit, "huur"), Criterion::Bedrag),
            (payment(13000, Direction::Debit, "energie"), Criterion::Zoektermen),
        ];
        for (p, failing) in cases {
            match decide(&p, &[rent("a")], tol) {
                Decision::Suggest(f) => assert_eq!(f[0].failed, vec![failing], "{p:?}"),
                other => panic!("{p:?}: {other:?}"),
            }
        }
        // within the tolerance it books
        assert_eq!(
            decide(&payment(13050, Direction::Debit, "HUUR"), &[rent("a")], tol),
            Decision::Book("a".into())
        );
        let mut late = payment(13000, Direction::Debit, "huur");
        late.date = "2027-01-02".parse().unwrap();
        match decide(&late, &[rent("a")], tol) {
            Decision::Suggest(f) => assert_eq!(f[0].failed, vec![Criterion::Geldigheid]),
            other => panic!("{other:?}"),
        }
        // nothing in common: no suggestion at all
        let mut stranger = payment(999, Direction::Credit, "x");
        stranger.counter_account = Some("NL91ABNA0417164300");
        stranger.date = "2025-01-01".parse().unwrap();
        let mut a = rent("a");
        a.search_terms = vec!["huur".into()];
        assert_eq!(decide(&stranger, &[a], Cents::ZERO), Decision::Suggest(vec![]));
    }
}
