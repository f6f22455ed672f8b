//! Stays and the night cap. A stay runs from check-in (counted) to check-out (not counted); its
//! nights count in the calendar year they fall in, so a stay across New Year counts in both.

use super::rules::GemeenteRules;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The dates of a stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Check-in, counted.
    pub start: NaiveDate,
    /// Check-out, not counted.
    pub end: NaiveDate,
}

/// Why a stay is refused; each has its own code in the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Check-out not after check-in.
    EndNotAfterStart,
    /// More guests than the municipality allows.
    TooManyGuests {
        /// The maximum.
        max: i64,
    },
    /// Overlaps a stay that is not cancelled.
    Overlap {
        /// The overlapping stay's dates.
        with: Period,
    },
    /// The year's nights would go over the cap.
    OverCap {
        /// The calendar year.
        year: i32,
        /// Nights already counted that year.
        used: i64,
        /// Nights this stay adds that year.
        asked: i64,
        /// The cap.
        max: i64,
    },
}

impl Refusal {
    /// The problem code.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::EndNotAfterStart => "eindNietNaStart",
            Refusal::TooManyGuests { .. } => "teveelGasten",
            Refusal::Overlap { .. } => "overlappendVerblijf",
            Refusal::OverCap { .. } => "maximumNachtenOverschreden",
        }
    }

    /// A human explanation.
    pub fn detail(&self) -> String {
        match self {
            Refusal::EndNotAfterStart => "De einddatum (vertrek) moet na de startdatum (aankomst) liggen.".into(),
            Refusal::TooManyGuests { max } => {
                format!("In deze gemeente zijn ten hoogste {max} gasten per verblijf toegestaan.")
            }
            Refusal::Overlap { with } => format!(
                "Het verblijf overlapt met een gemeld verblijf van {} tot {}.",
                with.start, with.end
            ),
            Refusal::OverCap { year, used, asked, max } => format!(
                "In {year} zijn al {used} nachten gemeld; met dit verblijf ({asked} nachten) wordt het maximum van {max} overschreden."
            ),
        }
    }
}

impl Period {
    /// Nights per calendar year.
    pub fn nights_per_year(&self) -> BTreeMap<i32, i64> {
        let mut out = BTreeMap::new();
        let mut day = self.start;
        while day < self.end {
            let next_year = NaiveDate::from_ymd_opt(day.year() + 1, 1, 1).unwrap_or(self.end);
            let until = next_year.min(self.end);
            *out.entry(day.year()).or_insert(0) += (until - day).num_days();
            day = until;
        }
        out
    }

    /// Nights in one year.
    pub fn nights_in(&self, year: i32) -> i64 {
        self.nights_per_year().get(&year).copied().unwrap_or(0)
    }

    /// Whether two stays share a night.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Checks a new stay against the rules and the address's stays that are not cancelled.
pub fn check_stay(new: Period, guests: i64, existing: &[Period], rules: &GemeenteRules) -> Result<(), Refusal> {
    if new.end <= new.start {
        return Err(Refusal::EndNotAfterStart);
    }
    if guests > rules.max_gasten {
        return Err(Refusal::TooManyGuests { max: rules.max_gasten });
    }
    if let Some(o) = existing.iter().find(|p| p.overlaps(&new)) {
        return Err(Refusal::Overlap { with: *o });
    }
    for (year, asked) in new.nights_per_year() {
        let used: i64 = existing.iter().map(|p| p.nights_in(year)).sum();
        if used + asked > rules.max_nachten {
            return Err(Refusal::OverCap {
                year,
                used,
                asked,
                max: rules.max_nachten,
            });
        }
    }
    Ok(())
}

/// Nights of a year split into realised (before `today`) and planned (from `today`).
pub fn realised_and_planned(stays: &[Period], year: i32, today: NaiveDate) -> (i64, i64) {
    let mut realised = 0;
    let mut planned = 0;
    for s in stays {
        let before = Period {
            start: s.start,
            end: s.end.min(today),
        };
        let after = Period {
            start: s.start.max(today),
            end: s.end,
        };
        if before.end > before.start {
            realised += before.nights_in(year);
        }
        if after.end > after.start {
            planned += after.nights_in(year);
        }
    }
    (realised, planned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn p(a: NaiveDate, b: NaiveDate) -> Period {
        Period { start: a, end: b }
    }
    fn amsterdam() -> GemeenteRules {
        GemeenteRules {
            naam: "Amsterdam".into(),
            registratie_verplicht: true,
            max_nachten: 30,
            max_gasten: 4,
            drempel_nachten: 5,
        }
    }

    #[test]
    fn new_year_counts_in_both_years() {
        let s = p(d(2026, 12, 29), d(2027, 1, 3));
        assert_eq!(s.nights_per_year(), BTreeMap::from([(2026, 3), (2027, 2)]));
    }

    #[test]
    fn cap_guests_overlap_and_order() {
        let r = amsterdam();
        assert_eq!(
            check_stay(p(d(2026, 3, 1), d(2026, 4, 1)), 2, &[], &r)
                .unwrap_err()
                .code(),
            "maximumNachtenOverschreden"
        );
        assert_eq!(
            check_stay(p(d(2026, 3, 2), d(2026, 3, 2)), 2, &[], &r),
            Err(Refusal::EndNotAfterStart)
        );
        assert_eq!(
            check_stay(p(d(2026, 3, 1), d(2026, 3, 3)), 5, &[], &r),
            Err(Refusal::TooManyGuests { max: 4 })
        );
        let mut stays = Vec::new();
        for i in 0..7 {
            let s = p(d(2026, 5, 1 + i * 4), d(2026, 5, 5 + i * 4));
            check_stay(s, 4, &stays, &r).unwrap();
            stays.push(s);
        }
        assert_eq!(
            check_stay(p(d(2026, 6, 1), d(2026, 6, 5)), 2, &stays, &r),
            Err(Refusal::OverCap {
                year: 2026,
                used: 28,
                asked: 4,
                max: 30
            })
        );
        // exactly up to the cap is fine; the other year is separate
        check_stay(p(d(2026, 6, 1), d(2026, 6, 3)), 2, &stays, &r).unwrap();
        check_stay(p(d(2027, 6, 1), d(2027, 6, 5)), 2, &stays, &r).unwrap();
        assert_eq!(
            check_stay(p(d(2026, 5, 4), d(2026, 5, 6)), 2, &stays, &r)
                .unwrap_err()
                .code(),
            "overlappendVerblijf"
        );
        // check-out day is free for the next check-in
        check_stay(p(d(2026, 4, 28), d(2026, 5, 1)), 2, &stays[..1], &r).unwrap();
    }

    #[test]
    fn realised_before_today_planned_from_today() {
        let stays = [p(d(2026, 11, 20), d(2026, 11, 26))];
        assert_eq!(realised_and_planned(&stays, 2026, d(2026, 11, 23)), (3, 3));
        assert_eq!(realised_and_planned(&stays, 2027, d(2026, 11, 23)), (0, 0));
    }
}
