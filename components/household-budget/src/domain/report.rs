//! A citizen's overview of a period: opening and closing balance, income and expenses per
//! rubriek with totals, and per afspraak what was expected (from its betaalinstructie) against
//! what was booked.

use super::money::Cents;
use super::schedule::Betaalinstructie;
use super::statement::Direction;
use chrono::NaiveDate;

/// An afspraak as the overview sees it.
#[derive(Debug, Clone)]
pub struct Line {
    pub id: String,
    pub description: String,
    /// Income or expense.
    pub direction: Direction,
    /// Amount per payment.
    pub amount: Cents,
    /// Its schedule, if it has one.
    pub schedule: Option<Betaalinstructie>,
    pub valid_from: NaiveDate,
    pub valid_through: Option<NaiveDate>,
    /// Its rubriek, if it has one.
    pub rubriek: Option<String>,
}

/// A booked transaction: afspraak, date, amount (positive), direction.
#[derive(Debug, Clone)]
pub struct Booking {
    /// The afspraak.
    pub agreement: String,
    /// Booking date.
    pub date: NaiveDate,
    pub amount: Cents,
    /// In or out.
    pub direction: Direction,
}

/// One afspraak in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineResult {
    pub id: String,
    pub description: String,
    /// Income or expense.
    pub direction: Direction,
    /// Payments expected in the period (none without a schedule).
    pub expected_count: usize,
    /// Their total.
    pub expected: Cents,
    /// Payments booked in the period.
    pub booked_count: usize,
    /// Their total.
    pub booked: Cents,
}

/// What was booked in the period per rubriek and direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubriekTotal {
    /// The rubriek (`None`: afspraken without one).
    pub rubriek: Option<String>,
    /// Income or expenses.
    pub direction: Direction,
    /// Transactions booked.
    pub count: usize,
    /// Their total.
    pub total: Cents,
}

/// The overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Balance of everything booked before the period.
    pub opening: Cents,
    /// Opening plus the period.
    pub closing: Cents,
    /// Income booked in the period.
    pub income: Cents,
    /// Expenses booked in the period.
    pub expenses: Cents,
    /// Per rubriek: income first, then expenses, each by rubriek id, the afspraken without a
    /// rubriek last.
    pub per_rubriek: Vec<RubriekTotal>,
    /// Per afspraak.
    pub lines: Vec<LineResult>,
}

fn add(a: Cents, b: Cents) -> Cents {
    Cents(a.0.saturating_add(b.0))
}

/// The overview of `from..=to`.
pub fn overview(lines: &[Line], bookings: &[Booking], from: NaiveDate, to: NaiveDate) -> Overview {
    let mut o = Overview {
        opening: Cents::ZERO,
        closing: Cents::ZERO,
        income: Cents::ZERO,
        expenses: Cents::ZERO,
        per_rubriek: Vec::new(),
        lines: Vec::new(),
    };
    for b in bookings.iter().filter(|b| b.date < from) {
        o.opening = add(o.opening, b.direction.signed(b.amount));
    }
    for b in bookings.iter().filter(|b| b.date >= from && b.date <= to) {
        match b.direction {
            Direction::Credit => o.income = add(o.income, b.amount),
            Direction::Debit => o.expenses = add(o.expenses, b.amount),
        }
    }
    o.closing = Cents(add(o.opening, o.income).0.saturating_sub(o.expenses.0));
    let rubriek_of: std::collections::HashMap<&str, Option<&String>> =
        lines.iter().map(|l| (l.id.as_str(), l.rubriek.as_ref())).collect();
    // key: income before expenses, rubrieken by id, none last
    let mut totals: std::collections::BTreeMap<(bool, bool, Option<&String>), (usize, Cents)> = Default::default();
    for b in bookings.iter().filter(|b| b.date >= from && b.date <= to) {
        let rubriek = rubriek_of.get(b.agreement.as_str()).copied().flatten();
        let key = (b.direction == Direction::Debit, rubriek.is_none(), rubriek);
        let entry = totals.entry(key).or_insert((0, Cents::ZERO));
        entry.0 += 1;
        entry.1 = add(entry.1, b.amount);
    }
    o.per_rubriek = totals
        .into_iter()
        .map(|((debit, _, rubriek), (count, total))| RubriekTotal {
            rubriek: rubriek.cloned(),
            direction: if debit { Direction::Debit } else { Direction::Credit },
            count,
            total,
        })
        .collect();
    for l in lines {
        let expected_count = l.schedule.as_ref().map_or(0, |s| {
            let (start, end) = (from.max(l.valid_from), l.valid_through.map_or(to, |t| t.min(to)));
            s.dates(start, end).len()
        });
        let own: Vec<&Booking> = bookings
            .iter()
            .filter(|b| b.agreement == l.id && b.date >= from && b.date <= to)
            .collect();
        o.lines.push(LineResult {
            id: l.id.clone(),
            description: l.description.clone(),
            direction: l.direction,
            expected_count,
            expected: Cents(
                l.amount
                    .0
                    .saturating_mul(i64::try_from(expected_count).unwrap_or(i64::MAX)),
            ),
            booked_count: own.len(),
            booked: own.iter().fold(Cents::ZERO, |t, b| add(t, b.amount)),
        });
    }
    o
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::domain::schedule::Schema;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn balances_and_expected_against_booked() {
        let rent = Line {
            id: "huur".into(),
            description: "Huur".into(),
            direction: Direction::Debit,
            amount: Cents(13000),
            schedule: Some(Betaalinstructie {
                schema: Schema::Maandelijks { dagen: vec![1] },
                startdatum: d("2026-01-01"),
                einddatum: None,
                uitzonderingen: vec![],
            }),
            valid_from: d("2026-01-01"),
            valid_through: None,
            rubriek: Some("wonen".into()),
        };
        let b = |date: &str, cents: i64, direction| Booking {
            agreement: "huur".into(),
            date: d(date),
            amount: Cents(cents),
            direction,
        };
        let bookings = [
            b("2026-01-01", 50000, Direction::Credit),
            b("2026-02-01", 13000, Direction::Debit),
            b("2026-03-01", 13000, Direction::Debit),
        ];
        let o = overview(&[rent], &bookings, d("2026-02-01"), d("2026-04-30"));
        assert_eq!(
            (o.opening, o.income, o.expenses, o.closing),
            (Cents(50000), Cents(0), Cents(26000), Cents(24000))
        );
        let l = &o.lines[0];
        assert_eq!(
            (l.expected_count, l.expected, l.booked_count, l.booked),
            (3, Cents(39000), 2, Cents(26000))
        );
        assert_eq!(
            o.per_rubriek,
            vec![RubriekTotal {
                rubriek: Some("wonen".into()),
                direction: Direction::Debit,
                count: 2,
                total: Cents(26000)
            }]
        );
    }

    #[test]
    fn per_rubriek_income_first_and_unfiled_last() {
        let line = |id: &str, direction, rubriek: Option<&str>| Line {
            id: id.into(),
            description: id.into(),
            direction,
            amount: Cents(100),
            schedule: None,
            valid_from: d("2026-01-01"),
            valid_through: None,
            rubriek: rubriek.map(str::to_string),
        };
        let lines = [
            line("loon", Direction::Credit, None),
            line("huur", Direction::Debit, Some("b-wonen")),
            line("gas", Direction::Debit, Some("a-energie")),
            line("boete", Direction::Debit, None),
        ];
        let b = |agreement: &str, date: &str, cents: i64, direction| Booking {
            agreement: agreement.into(),
            date: d(date),
            amount: Cents(cents),
            direction,
        };
        let bookings = [
            b("loon", "2026-02-25", 200000, Direction::Credit),
            b("huur", "2026-02-01", 80000, Direction::Debit),
            b("gas", "2026-02-03", 9000, Direction::Debit),
            b("gas", "2026-02-28", 9500, Direction::Debit),
            b("boete", "2026-02-10", 5000, Direction::Debit),
            // outside the period: not counted
            b("gas", "2026-03-01", 9500, Direction::Debit),
        ];
        let o = overview(&lines, &bookings, d("2026-02-01"), d("2026-02-28"));
        let got: Vec<(Option<&str>, Direction, usize, i64)> = o
            .per_rubriek
            .iter()
            .map(|r| (r.rubriek.as_deref(), r.direction, r.count, r.total.0))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, Direction::Credit, 1, 200000),
                (Some("a-energie"), Direction::Debit, 2, 18500),
                (Some("b-wonen"), Direction::Debit, 1, 80000),
                (None, Direction::Debit, 1, 5000),
            ]
        );
        let sum: i64 = o
            .per_rubriek
            .iter()
            .filter(|r| r.direction == Direction::Debit)
            .map(|r| r.total.0)
            .sum();
        assert_eq!(sum, o.expenses.0);
    }
}
