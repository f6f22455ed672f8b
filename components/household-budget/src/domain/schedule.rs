//! Betaalinstructies: when an expense is paid. Monthly on given days (a day past the month's
//! end is its last day), weekly on given weekdays, or once; from a start date, until an optional
//! end date, skipping exception dates.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "soort", rename_all = "camelCase", deny_unknown_fields)]
pub enum Schema {
    /// Every month on these days (1-31).
    Maandelijks {
        /// Days of the month.
        dagen: Vec<u32>,
    },
    /// Every week on these weekdays (1 = Monday … 7 = Sunday).
    Wekelijks {
        /// The weekdays, 1 (Monday) to 7 (Sunday).
        weekdagen: Vec<u32>,
    },
    /// Once, on its start date.
    Eenmalig,
}

/// A betaalinstructie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Betaalinstructie {
    /// How often.
    pub schema: Schema,
    /// First date paid on (the date of a one-off payment).
    pub startdatum: NaiveDate,
    /// Last date paid on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub einddatum: Option<NaiveDate>,
    /// Dates not paid on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uitzonderingen: Vec<NaiveDate>,
}

impl Betaalinstructie {
    /// What is wrong with it, if anything (field and reason).
    pub fn fault(&self) -> Option<(&'static str, &'static str)> {
        match &self.schema {
            Schema::Maandelijks { dagen } if dagen.is_empty() || dagen.iter().any(|d| !(1..=31).contains(d)) => Some((
                "betaalinstructie.schema.dagen",
                "Geef een of meer dagen van 1 tot en met 31.",
            )),
            Schema::Wekelijks { weekdagen }
                if weekdagen.is_empty() || weekdagen.iter().any(|d| !(1..=7).contains(d)) =>
            {
                Some((
                    "betaalinstructie.schema.weekdagen",
                    "Geef een of meer weekdagen van 1 (maandag) tot en met 7.",
                ))
            }
            _ if self.einddatum.is_some_and(|e| e < self.startdatum) => {
                Some(("betaalinstructie.einddatum", "De einddatum ligt voor de startdatum."))
            }
            _ => None,
        }
    }

    /// The dates paid on in `from..=to`, in order.
    pub fn dates(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let start = from.max(self.startdatum);
        let end = self.einddatum.map_or(to, |e| e.min(to));
        let mut out = Vec::new();
        let mut d = start;
        while d <= end {
            let due = match &self.schema {
                Schema::Eenmalig => d == self.startdatum,
                Schema::Wekelijks { weekdagen } => weekdagen.contains(&d.weekday().number_from_monday()),
                Schema::Maandelijks { dagen } => {
                    let last = last_day_of_month(d);
                    dagen.iter().any(|&day| day.min(last) == d.day())
                }
            };
            if due && !self.uitzonderingen.contains(&d) {
                out.push(d);
            }
            match d.checked_add_days(Days::new(1)) {
                Some(next) => d = next,
                None => break,
            }
        }
        out
    }
}

fn last_day_of_month(d: NaiveDate) -> u32 {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|first| first.pred_opt())
        .map_or(28, |last| last.day())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn monthly_weekly_once_and_exceptions() {
        let monthly = Betaalinstructie {
            schema: Schema::Maandelijks { dagen: vec![1, 31] },
            startdatum: date("2026-01-15"),
            einddatum: Some(date("2026-03-31")),
            uitzonderingen: vec![date("2026-03-01")],
        };
        let got: Vec<String> = monthly
            .dates(date("2026-01-01"), date("2026-12-31"))
            .iter()
            .map(|d| d.to_string())
            .collect();
        // the 31st of February is its last day; 1 March is an exception; nothing before the start
        assert_eq!(got, ["2026-01-31", "2026-02-01", "2026-02-28", "2026-03-31"]);
        let weekly = Betaalinstructie {
            schema: Schema::Wekelijks { weekdagen: vec![5] },
            startdatum: date("2026-03-01"),
            einddatum: None,
            uitzonderingen: vec![],
        };
        assert_eq!(
            weekly.dates(date("2026-03-01"), date("2026-03-14")),
            [date("2026-03-06"), date("2026-03-13")]
        );
        let once = Betaalinstructie {
            schema: Schema::Eenmalig,
            startdatum: date("2026-03-10"),
            einddatum: None,
            uitzonderingen: vec![],
        };
        assert_eq!(once.dates(date("2026-03-01"), date("2026-03-31")), [date("2026-03-10")]);
        assert!(once.dates(date("2026-04-01"), date("2026-04-30")).is_empty());
        let bad = Betaalinstructie {
            schema: Schema::Maandelijks { dagen: vec![32] },
            ..monthly
        };
        assert!(bad.fault().is_some());
    }
}
