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
        /// The overlapping stay's dates, when it is the same holder's; a stay of an earlier
        /// holder of the address counts but is never disclosed.
        with: Option<Period>,
    },
    /// The stay has begun (or lies in the past): it must be reported before, and only a stay
    /// that has not started can be cancelled by the citizen.
    Started,
    /// The stay starts after the end of next calendar year.
    TooFarAhead {
        /// The last day a stay may start.
        latest: NaiveDate,
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
            Refusal::Started => "verblijfBegonnen",
            Refusal::TooFarAhead { .. } => "verblijfTeVerVooruit",
        }
    }

    /// A human explanation.
    pub fn detail(&self) -> String {
        match self {
            Refusal::EndNotAfterStart => "De einddatum (vertrek) moet na de startdatum (aankomst) liggen.".into(),
            Refusal::TooManyGuests { max } => {
                format!("In deze gemeente zijn ten hoogste {max} gasten per verblijf toegestaan.")
            }
            Refusal::Overlap { with: Some(with) } => format!(
                "Het verblijf overlapt met een gemeld verblijf van {} tot {}.",
                with.start, with.end
            ),
            Refusal::Overlap { with: None } => "Het verblijf overlapt met een eerder gemeld verblijf op dit adres.".into(),
            Refusal::Started => {
                "Een verblijf wordt gemeld voordat het begint, en alleen een verblijf dat nog niet begonnen is kan worden geannuleerd."
                    .into()
            }
            Refusal::TooFarAhead { latest } => {
                format!("Een verblijf kan uiterlijk op {latest} beginnen (het einde van volgend kalenderjaar).")
            }
            Refusal::OverCap { year, used, asked, max } => format!(
                "In {year} zijn al {used} nachten gemeld; met dit verblijf ({asked} nachten) wordt het maximum van {max} overschreden."
            ),
        }
    }
}

impl Period {
    /// The nights, each by the date it starts on (check-out is no night).
    pub fn nights(self) -> impl Iterator<Item = NaiveDate> {
        self.start.iter_days().take_while(move |d| *d < self.end)
    }

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

/// A stay already at the address: its dates, and whether it is the reporter's own (an earlier
/// holder's stays count against the cap but are never disclosed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booked {
    /// The dates.
    pub period: Period,
    /// Reported under the same registration.
    pub own: bool,
}

/// First and last day a stay may be reported to start, seen from `today`: not before it
/// starts (less a grace of `grace_days`), and no later than the end of next calendar year.
pub fn check_report_window(new: Period, today: NaiveDate, grace_days: u32) -> Result<(), Refusal> {
    let earliest = today - chrono::Days::new(u64::from(grace_days));
    let latest = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap_or(today);
    if new.start < earliest {
        return Err(Refusal::Started);
    }
    if new.start > latest {
        return Err(Refusal::TooFarAhead { latest });
    }
    Ok(())
}

/// A citizen may cancel only a stay that has not started (check-in day counts as started).
pub fn check_citizen_cancel(stay: Period, today: NaiveDate) -> Result<(), Refusal> {
    if stay.start <= today {
        Err(Refusal::Started)
    } else {
        Ok(())
    }
}

/// Checks a new stay against the rules and the address's stays that are not cancelled.
pub fn check_stay(new: Period, guests: i64, existing: &[Booked], rules: &GemeenteRules) -> Result<(), Refusal> {
    if new.end <= new.start {
        return Err(Refusal::EndNotAfterStart);
    }
    if guests > rules.max_gasten {
        return Err(Refusal::TooManyGuests { max: rules.max_gasten });
    }
    if let Some(o) = existing.iter().find(|b| b.period.overlaps(&new)) {
        return Err(Refusal::Overlap {
            with: o.own.then_some(o.period),
        });
    }
    for (year, asked) in new.nights_per_year() {
        let used: i64 = existing.iter().map(|b| b.period.nights_in(year)).sum();
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
    fn own(ps: &[Period]) -> Vec<Booked> {
        ps.iter().map(|p| Booked { period: *p, own: true }).collect()
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
            check_stay(s, 4, &own(&stays), &r).unwrap();
            stays.push(s);
        }
        assert_eq!(
            check_stay(p(d(2026, 6, 1), d(2026, 6, 5)), 2, &own(&stays), &r),
            Err(Refusal::OverCap {
                year: 2026,
                used: 28,
                asked: 4,
                max: 30
            })
        );
        // exactly up to the cap is fine; the other year is separate
        check_stay(p(d(2026, 6, 1), d(2026, 6, 3)), 2, &own(&stays), &r).unwrap();
        check_stay(p(d(2027, 6, 1), d(2027, 6, 5)), 2, &own(&stays), &r).unwrap();
        assert_eq!(
            check_stay(p(d(2026, 5, 4), d(2026, 5, 6)), 2, &own(&stays), &r)
                .unwrap_err()
                .code(),
            "overlappendVerblijf"
        );
        // check-out day is free for the next check-in
        check_stay(p(d(2026, 4, 28), d(2026, 5, 1)), 2, &own(&stays[..1]), &r).unwrap();
    }

    #[test]
    fn another_holders_stay_counts_but_is_not_disclosed() {
        let r = amsterdam();
        let theirs = [Booked {
            period: p(d(2026, 5, 1), d(2026, 5, 29)),
            own: false,
        }];
        let e = check_stay(p(d(2026, 5, 10), d(2026, 5, 11)), 1, &theirs, &r).unwrap_err();
        assert_eq!(e, Refusal::Overlap { with: None });
        assert!(!e.detail().contains("2026"), "{}", e.detail());
        let e = check_stay(p(d(2026, 6, 1), d(2026, 6, 4)), 1, &theirs, &r).unwrap_err();
        assert_eq!(e.code(), "maximumNachtenOverschreden", "their 28 nights count");
    }

    #[test]
    fn report_window_and_cancel() {
        let today = d(2026, 12, 1);
        let stay = |a, b| p(a, b);
        assert_eq!(
            check_report_window(stay(d(2026, 11, 30), d(2026, 12, 2)), today, 0),
            Err(Refusal::Started)
        );
        check_report_window(stay(d(2026, 11, 30), d(2026, 12, 2)), today, 1).unwrap();
        check_report_window(stay(d(2026, 12, 1), d(2026, 12, 2)), today, 0).unwrap();
        check_report_window(stay(d(2027, 12, 31), d(2028, 1, 2)), today, 0).unwrap();
        assert_eq!(
            check_report_window(stay(d(2028, 1, 1), d(2028, 1, 2)), today, 0),
            Err(Refusal::TooFarAhead {
                latest: d(2027, 12, 31)
            })
        );
        assert_eq!(
            check_citizen_cancel(stay(d(2026, 12, 1), d(2026, 12, 3)), today),
            Err(Refusal::Started)
        );
        check_citizen_cancel(stay(d(2026, 12, 2), d(2026, 12, 3)), today).unwrap();
    }

    #[test]
    fn realised_before_today_planned_from_today() {
        let stays = [p(d(2026, 11, 20), d(2026, 11, 26))];
        assert_eq!(realised_and_planned(&stays, 2026, d(2026, 11, 23)), (3, 3));
        assert_eq!(realised_and_planned(&stays, 2027, d(2026, 11, 23)), (0, 0));
    }
}
