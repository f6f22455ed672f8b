//! Signals (signaleringen): what a budget worker must see at once. Pure: the afspraak's expected
//! dates and its booked transactions in, findings out.
//! - `betalingNietOntvangen`: an expected date more than the margin ago without a booked
//!   transaction within the margin around it;
//! - `meerdereBetalingen`: more than one booked transaction around one expected date;
//! - `bedragAfwijkend`: a booked transaction whose amount is outside the tolerance;
//! - `negatiefSaldo`: a citizen whose booked income minus expenses is below zero.

use super::money::Cents;
use chrono::{Days, NaiveDate};
use diesel::{AsExpression, FromSqlRow};
use serde::Serialize;
use utoipa::ToSchema;

/// Kinds of signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "camelCase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Kind {
    /// Expected and not received (or not paid).
    BetalingNietOntvangen,
    /// Several payments where one was expected.
    MeerdereBetalingen,
    /// The amount is outside the tolerance.
    BedragAfwijkend,
    /// The citizen's balance is below zero.
    NegatiefSaldo,
}

platform::text_enum!(Kind {
    BetalingNietOntvangen => "betalingNietOntvangen",
    MeerdereBetalingen => "meerdereBetalingen",
    BedragAfwijkend => "bedragAfwijkend",
    NegatiefSaldo => "negatiefSaldo",
});

/// One finding: its kind, the date it concerns and what shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// The expected date (or the transaction's date, or today for a balance).
    pub date: NaiveDate,
    /// Evidence for the worker.
    pub detail: String,
}

/// A booked transaction as the signals see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booked {
    /// Booking date.
    pub date: NaiveDate,
    /// Amount, positive.
    pub amount: Cents,
}

/// The findings of one afspraak: its `expected` dates up to `today`, its `booked` transactions,
/// a date `margin` in days and the amount `tolerance`.
pub fn of_agreement(
    expected: &[NaiveDate],
    booked: &[Booked],
    amount: Cents,
    today: NaiveDate,
    margin: u32,
    tolerance: Cents,
) -> Vec<Finding> {
    let m = Days::new(u64::from(margin));
    let mut out = Vec::new();
    for &d in expected {
        let (from, to) = (d.checked_sub_days(m).unwrap_or(d), d.checked_add_days(m).unwrap_or(d));
        let around: Vec<&Booked> = booked.iter().filter(|b| b.date >= from && b.date <= to).collect();
        if around.is_empty() && to < today {
            out.push(Finding {
                kind: Kind::BetalingNietOntvangen,
                date: d,
                detail: format!("Verwacht op {d} (marge {margin} dagen), niet ontvangen."),
            });
        }
        if around.len() > 1 {
            out.push(Finding {
                kind: Kind::MeerdereBetalingen,
                date: d,
                detail: format!("{} betalingen rond {d}, één verwacht.", around.len()),
            });
        }
    }
    for b in booked {
        let off = b.amount.checked_sub(amount).map(Cents::abs).unwrap_or(Cents(i64::MAX));
        if off > tolerance.abs() {
            out.push(Finding {
                kind: Kind::BedragAfwijkend,
                date: b.date,
                detail: format!("Betaald {} op {}, afgesproken {amount}.", b.amount, b.date),
            });
        }
    }
    out
}

/// A citizen's balance finding, if it is negative.
pub fn of_balance(balance: Cents, today: NaiveDate) -> Option<Finding> {
    (balance.0 < 0).then(|| Finding {
        kind: Kind::NegatiefSaldo,
        date: today,
        detail: format!("Saldo {balance} op {today}."),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn missing_double_and_wrong_amounts() {
        let expected = [d("2026-03-01"), d("2026-04-01"), d("2026-05-01"), d("2026-06-01")];
        let booked = [
            Booked {
                date: d("2026-03-02"),
                amount: Cents(13000),
            },
            // two around 1 April
            Booked {
                date: d("2026-03-31"),
                amount: Cents(13000),
            },
            Booked {
                date: d("2026-04-02"),
                amount: Cents(12000),
            },
        ];
        let found = of_agreement(&expected, &booked, Cents(13000), d("2026-05-10"), 3, Cents(100));
        let kinds: Vec<(Kind, String)> = found.iter().map(|f| (f.kind, f.date.to_string())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::MeerdereBetalingen, "2026-04-01".into()),
                // May is past its margin; June not yet
                (Kind::BetalingNietOntvangen, "2026-05-01".into()),
                (Kind::BedragAfwijkend, "2026-04-02".into()),
            ]
        );
        assert!(of_balance(Cents(-1), d("2026-05-10")).is_some());
        assert!(of_balance(Cents(0), d("2026-05-10")).is_none());
    }
}
