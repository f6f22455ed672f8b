//! Stays: report, cancel (the citizen), correct (the municipality), list. Reports hold the
//! registration's lock while checking and storing, so concurrent reports can never together pass
//! the cap.

use super::{is_holder, is_inspector, may_access};
use crate::domain::registration_number::RegistrationNumber;
use crate::domain::rules::Rules;
use crate::domain::stays::{Booked, Period, check_citizen_cancel, check_report_window, check_stay};
use crate::error::Error;
use crate::store::{self, ACTIEF, Registration, Stay};
use chrono::{NaiveDate, NaiveDateTime};
use platform::auth::Principal;
use platform::db::DbConnection;

const NO_REGISTRATION: &str = "Geen registratie gevonden met dit nummer.";
const NO_STAY: &str = "Geen verblijf met dit id bij deze registratie.";

/// A stay as the citizen reports it.
#[derive(Debug, Clone)]
pub struct Report {
    /// Check-in (counted) and check-out (not counted).
    pub period: Period,
    /// Guests.
    pub guests: i32,
}

/// When the use case runs: today's date and the moment, from the component's clock.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    /// Today (for the report window and the cancel rule).
    pub today: NaiveDate,
    /// The moment (for timestamps).
    pub at: NaiveDateTime,
}

fn registration_for_update(c: &mut DbConnection, number: &RegistrationNumber) -> Result<Option<Registration>, Error> {
    Ok(store::find_for_update(c, number.compact())?)
}

/// The address's live stays, marked as the registration's own or an earlier holder's.
fn booked_at(c: &mut DbConnection, reg: &Registration, except: Option<&str>) -> Result<Vec<Booked>, Error> {
    Ok(store::live_stays_at(c, &reg.nummeraanduiding_id)?
        .iter()
        .filter(|s| Some(s.id.as_str()) != except)
        .map(|s| Booked {
            period: s.period(),
            own: s.registratie_id == reg.id,
        })
        .collect())
}

/// Reports a stay: only the holder does, before it starts (less `grace_days`), within the
/// window, under the municipality's rules; lookup, checks and insert in one locked transaction.
pub fn report(
    c: &mut DbConnection,
    caller: &Principal,
    number: &RegistrationNumber,
    report: &Report,
    rules: &Rules,
    grace_days: u32,
    now: Now,
) -> Result<(Registration, Stay), Error> {
    let reg = registration_for_update(c, number)?
        .filter(|r| may_access(caller, r))
        .ok_or(Error::NotFound(NO_REGISTRATION))?;
    if !is_holder(caller, &reg) {
        return Err(Error::Forbidden(
            "Alleen de houder meldt verblijven; de gemeente meldt niet namens een burger.",
        ));
    }
    if reg.status != ACTIEF {
        return Err(Error::Withdrawn);
    }
    let rules = rules.get(&reg.gemeentecode).ok_or(Error::NoRules)?;
    check_report_window(report.period, now.today, grace_days).map_err(Error::Refused)?;
    let existing = booked_at(c, &reg, None)?;
    check_stay(report.period, i64::from(report.guests), &existing, rules).map_err(Error::Refused)?;
    let stay = Stay {
        id: uuid::Uuid::new_v4().to_string(),
        registratie_id: reg.id.clone(),
        nummeraanduiding_id: reg.nummeraanduiding_id.clone(),
        start_datum: report.period.start,
        eind_datum: report.period.end,
        aantal_gasten: report.guests,
        gemeld_door: caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
        gemeld_op: now.at,
        geannuleerd_op: None,
        correctie_reden: None,
        gecorrigeerd_door: None,
    };
    store::insert_stay(c, &stay)?;
    Ok((reg, stay))
}

/// The citizen cancels a stay of an active registration that has not started; its nights are
/// given back.
pub fn cancel(
    c: &mut DbConnection,
    caller: &Principal,
    number: &RegistrationNumber,
    stay_id: &str,
    now: Now,
) -> Result<(Registration, Stay), Error> {
    let reg = registration_for_update(c, number)?
        .filter(|r| is_holder(caller, r))
        .ok_or(Error::NotFound(NO_REGISTRATION))?;
    if reg.status != ACTIEF {
        return Err(Error::Withdrawn);
    }
    let mut stay = store::find_stay(c, &reg.id, stay_id)?.ok_or(Error::NotFound(NO_STAY))?;
    if stay.geannuleerd_op.is_some() {
        return Ok((reg, stay));
    }
    check_citizen_cancel(stay.period(), now.today).map_err(Error::Refused)?;
    store::cancel_stay(c, &stay.id, now.at, None)?;
    stay.geannuleerd_op = Some(now.at);
    Ok((reg, stay))
}

/// The municipality corrects a stay (cancels it, also one that has happened) with a reason,
/// recorded with who did it.
pub fn correct(
    c: &mut DbConnection,
    caller: &Principal,
    number: &RegistrationNumber,
    stay_id: &str,
    reason: &str,
    now: Now,
) -> Result<(Registration, Stay), Error> {
    let reg = registration_for_update(c, number)?
        .filter(|r| is_inspector(caller, r))
        .ok_or(Error::NotFound(NO_REGISTRATION))?;
    let mut stay = store::find_stay(c, &reg.id, stay_id)?.ok_or(Error::NotFound(NO_STAY))?;
    if stay.geannuleerd_op.is_some() {
        return Err(Error::Conflict(platform::Problem::conflict(
            "verblijfAlGeannuleerd",
            "Het verblijf is al geannuleerd.",
        )));
    }
    let by = caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone());
    store::cancel_stay(c, &stay.id, now.at, Some((reason, &by)))?;
    stay.geannuleerd_op = Some(now.at);
    stay.correctie_reden = Some(reason.to_string());
    stay.gecorrigeerd_door = Some(by);
    Ok((reg, stay))
}

/// The stays reported under this registration (never an earlier holder's), newest first.
pub fn list(
    c: &mut DbConnection,
    caller: &Principal,
    number: &RegistrationNumber,
    offset: i64,
    limit: i64,
) -> Result<(Registration, Vec<Stay>, i64), Error> {
    let reg = store::find_registration(c, number.compact())?
        .filter(|r| may_access(caller, r))
        .ok_or(Error::NotFound(NO_REGISTRATION))?;
    let (stays, total) = store::stays_of(c, &reg.id, offset, limit)?;
    Ok((reg, stays, total))
}

/// Nights of a calendar year at the registration's address: all live stays count, also an
/// earlier holder's (the law caps nights per dwelling).
pub fn nights_at(c: &mut DbConnection, reg: &Registration) -> Result<Vec<Period>, Error> {
    Ok(store::live_stays_at(c, &reg.nummeraanduiding_id)?
        .iter()
        .map(Stay::period)
        .collect())
}
