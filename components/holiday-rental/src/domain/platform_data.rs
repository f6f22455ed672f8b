//! What the platforms report through the EU Single Digital Entry Point (SDEP), set against what
//! landlords reported themselves. Pure: the records, their identity, and the matching that turns
//! a registration number's platform stays of one calendar year into findings (signals).

use super::stays::Period;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// One stay a platform reported (one `SingleActivityData` of the SDEP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformStay {
    /// The registration number the listing carries, as the platform sent it (normalised: no
    /// spaces, upper case).
    pub registration_number: String,
    /// The platform (`booking.com`).
    pub platform: String,
    /// The listing's URL.
    pub url: String,
    /// First night.
    pub start: NaiveDate,
    /// Check-out day (not a night).
    pub end: NaiveDate,
    /// Guests, when sent.
    pub guests: Option<i32>,
    /// The guests' countries (ISO 3166-1 alpha-3), as sent.
    pub countries: Vec<String>,
    /// The competent authority's area the SDEP routed it to.
    pub area: String,
}

impl PlatformStay {
    /// Its identity: the same record sent twice (or fetched twice) is the same stay.
    pub fn id(&self) -> String {
        content_id(&[
            &self.platform,
            &self.url,
            &self.registration_number,
            &self.start.to_string(),
            &self.end.to_string(),
            &self.guests.map(|g| g.to_string()).unwrap_or_default(),
            &self.countries.join(","),
            &self.area,
        ])
    }

    /// Its period.
    pub fn period(&self) -> Period {
        Period {
            start: self.start,
            end: self.end,
        }
    }

    /// Its nights that fall in `year`.
    pub fn nights_in(&self, year: i32) -> impl Iterator<Item = NaiveDate> {
        self.period().nights().filter(move |d| d.year() == year)
    }
}

/// The identity of a record from its parts: a hash over them, each length-prefixed so that no
/// two different lists of parts give the same input.
pub fn content_id(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A registration number as platforms write it, made comparable: spaces and dashes out, upper case.
pub fn normalise_number(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// A Dutch postcode and house number from a listing's address (`1015CJ`/`1015 cj`, the first
/// number in the street line), when it has them.
pub fn postcode_and_number(postal_code: &str, street: &str) -> Option<(String, u32)> {
    let pc: String = postal_code
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    let valid = pc.len() == 6
        && pc.chars().take(4).all(|c| c.is_ascii_digit())
        && pc.chars().skip(4).all(|c| c.is_ascii_uppercase())
        && !pc.starts_with('0');
    if !valid {
        return None;
    }
    let number = street
        .split(|c: char| !c.is_ascii_digit())
        .find(|t| !t.is_empty())?
        .parse()
        .ok()?;
    Some((pc, number))
}

/// What the register knows of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known<'a> {
    /// No registration has it.
    Unknown,
    /// Its registration was withdrawn.
    Withdrawn,
    /// Active, in this municipality (gemeentecode).
    Active(&'a str),
}

/// A finding of the matching, before it is stored as a signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Which kind.
    pub kind: SignalKind,
    /// Nights involved (unreported nights, or all platform nights for the cap).
    pub nights: i64,
}

/// The kinds of platform signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum SignalKind {
    /// Nights let on a platform that the landlord never reported.
    NietGemeldeNachten,
    /// Stays on several platforms together pass the municipality's cap.
    MaximumOverschredenOpPlatforms,
    /// A listing carries a number no registration has.
    NummerBestaatNiet,
    /// A listing carries a withdrawn number.
    NummerIngetrokken,
    /// A listing in this area carries another municipality's number.
    NummerAndereGemeente,
    /// A listing at an address without an active registration.
    AdresZonderRegistratie,
}

impl SignalKind {
    /// Its name in the API and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::NietGemeldeNachten => "nietGemeldeNachten",
            SignalKind::MaximumOverschredenOpPlatforms => "maximumOverschredenOpPlatforms",
            SignalKind::NummerBestaatNiet => "nummerBestaatNiet",
            SignalKind::NummerIngetrokken => "nummerIngetrokken",
            SignalKind::NummerAndereGemeente => "nummerAndereGemeente",
            SignalKind::AdresZonderRegistratie => "adresZonderRegistratie",
        }
    }

    /// Whether a listing with this finding may be ordered removed (its number is invalid).
    pub fn invalid_number(self) -> bool {
        matches!(
            self,
            SignalKind::NummerBestaatNiet | SignalKind::NummerIngetrokken | SignalKind::NummerAndereGemeente
        )
    }
}

/// Matches one number's platform stays of `year` (in the municipality `area_gemeente`) against
/// the register: the number's state, the landlord's reported nights and the cap.
pub fn match_number(
    stays: &[&PlatformStay],
    year: i32,
    known: Known<'_>,
    area_gemeente: &str,
    reported: &BTreeSet<NaiveDate>,
    cap: Option<i64>,
) -> Vec<Finding> {
    let nights: BTreeSet<NaiveDate> = stays.iter().flat_map(|s| s.nights_in(year)).collect();
    if nights.is_empty() {
        return Vec::new();
    }
    let count = |set: &BTreeSet<NaiveDate>| i64::try_from(set.len()).unwrap_or(i64::MAX);
    match known {
        Known::Unknown => vec![Finding {
            kind: SignalKind::NummerBestaatNiet,
            nights: count(&nights),
        }],
        Known::Withdrawn => vec![Finding {
            kind: SignalKind::NummerIngetrokken,
            nights: count(&nights),
        }],
        Known::Active(g) if g != area_gemeente => vec![Finding {
            kind: SignalKind::NummerAndereGemeente,
            nights: count(&nights),
        }],
        Known::Active(_) => {
            let mut out = Vec::new();
            let unreported: BTreeSet<NaiveDate> = nights.difference(reported).copied().collect();
            if !unreported.is_empty() {
                out.push(Finding {
                    kind: SignalKind::NietGemeldeNachten,
                    nights: count(&unreported),
                });
            }
            let platforms: BTreeSet<&str> = stays.iter().map(|s| s.platform.as_str()).collect();
            if platforms.len() > 1 && cap.is_some_and(|c| count(&nights) > c) {
                out.push(Finding {
                    kind: SignalKind::MaximumOverschredenOpPlatforms,
                    nights: count(&nights),
                });
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn stay(platform: &str, start: &str, end: &str) -> PlatformStay {
        PlatformStay {
            registration_number: "AAAABBBBCCCCDDDD0363".into(),
            platform: platform.into(),
            url: format!("https://{platform}/kamer/1"),
            start: d(start),
            end: d(end),
            guests: Some(2),
            countries: vec!["NLD".into()],
            area: "0363".into(),
        }
    }

    fn reported(from: &str, to: &str) -> BTreeSet<NaiveDate> {
        d(from).iter_days().take_while(|x| *x < d(to)).collect()
    }

    #[test]
    fn unreported_nights_and_the_cap_across_platforms() {
        // 15 nights on one platform, 10 on another; the landlord reported the 10
        let a = stay("booking.com", "2026-03-01", "2026-03-16");
        let b = stay("airbnb.com", "2026-05-01", "2026-05-11");
        let found = match_number(
            &[&a, &b],
            2026,
            Known::Active("0363"),
            "0363",
            &reported("2026-05-01", "2026-05-11"),
            Some(20),
        );
        assert_eq!(
            found,
            vec![
                Finding {
                    kind: SignalKind::NietGemeldeNachten,
                    nights: 15
                },
                Finding {
                    kind: SignalKind::MaximumOverschredenOpPlatforms,
                    nights: 25
                },
            ]
        );
        // one platform alone never makes the cross-platform signal
        let found = match_number(&[&a], 2026, Known::Active("0363"), "0363", &BTreeSet::new(), Some(10));
        assert_eq!(
            found,
            vec![Finding {
                kind: SignalKind::NietGemeldeNachten,
                nights: 15
            }]
        );
    }

    #[test]
    fn the_number_itself_is_wrong() {
        let a = stay("booking.com", "2026-12-30", "2027-01-02");
        let none = BTreeSet::new();
        assert_eq!(
            match_number(&[&a], 2026, Known::Unknown, "0363", &none, Some(30))[0].kind,
            SignalKind::NummerBestaatNiet
        );
        assert_eq!(
            match_number(&[&a], 2026, Known::Withdrawn, "0363", &none, Some(30))[0],
            Finding {
                kind: SignalKind::NummerIngetrokken,
                nights: 2
            }
        );
        assert_eq!(
            match_number(&[&a], 2027, Known::Active("0344"), "0363", &none, Some(30))[0],
            Finding {
                kind: SignalKind::NummerAndereGemeente,
                nights: 1
            }
        );
        assert!(
            match_number(&[&a], 2025, Known::Unknown, "0363", &none, Some(30)).is_empty(),
            "no nights that year"
        );
    }

    #[test]
    fn a_dutch_address_from_a_listing() {
        assert_eq!(
            postcode_and_number("1015 cj", "Keizersgracht 123-2"),
            Some(("1015CJ".into(), 123))
        );
        assert_eq!(postcode_and_number("1831", "Culliganlaan 5"), None, "not Dutch");
        assert_eq!(postcode_and_number("1015CJ", "Keizersgracht"), None);
    }

    #[test]
    fn a_record_is_the_same_however_often_it_comes() {
        let a = stay("booking.com", "2026-03-01", "2026-03-16");
        assert_eq!(a.id(), a.clone().id());
        let mut b = a.clone();
        b.guests = Some(3);
        assert_ne!(a.id(), b.id());
        assert_eq!(normalise_number("aaaa bbbb-cccc dddd 0363"), "AAAABBBBCCCCDDDD0363");
    }
}
