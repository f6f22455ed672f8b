//! Stays: report, cancel (the citizen), correct (the municipality), list, nights of a year.
//! Reports hold the registration's lock while checking and storing, so concurrent reports can
//! never together pass the cap. The transactional cores take a connection (and are tested on
//! their own); the async functions run them and write the audit record.

use super::{Caller, SCOPE_AANVRAGEN, SCOPE_HANDHAVEN, audit_entry, is_holder, is_inspector, may_access, record};
use crate::AppState;
use crate::domain::registration_number::RegistrationNumber;
use crate::domain::rules::Rules;
use crate::domain::status::RegistrationStatus;
use crate::domain::stays::{
    Booked, Period, check_citizen_cancel, check_report_window, check_stay, realised_and_planned,
};
use crate::error::Error;
use crate::register::VERHUURMELDING;
use crate::store::{self, Registration, Stay};
use chrono::{NaiveDate, NaiveDateTime};
use platform::Bsn;
use platform::db::{Database, DbConnection};
use serde_json::json;

const NO_REGISTRATION: &str = "Geen registratie gevonden met dit nummer.";
const NO_STAY: &str = "Geen verblijf met dit id bij deze registratie.";

/// A stay as the citizen reports it.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// Check-in (counted) and check-out (not counted).
    pub period: Period,
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

/// The address's live stays, marked as the registration's own or an earlier holder's.
fn booked(reg: &Registration, stays: &[Stay]) -> Vec<Booked> {
    stays
        .iter()
        .map(|s| Booked {
            period: s.period(),
            own: s.registratie_id == reg.id,
        })
        .collect()
}

/// The registration, locked for the transaction, when `allowed` lets the caller act on it;
/// 404 otherwise (never saying which).
fn locked(
    c: &mut DbConnection,
    number: &RegistrationNumber,
    caller: &Caller,
    allowed: fn(&Caller, &Registration) -> bool,
) -> Result<Registration, Error> {
    store::find_for_update(c, number)?
        .filter(|r| allowed(caller, r))
        .ok_or(Error::not_found(NO_REGISTRATION))
}

/// How often an optimistic report reads and checks again after another stay was stored under
/// the registration meanwhile, before it takes the registration's lock instead.
const OPTIMISTIC_ATTEMPTS: usize = 3;

/// What a report comes to.
#[derive(Debug, Clone)]
pub enum Reported {
    /// A new stay, to store.
    New(Stay),
    /// The same dates and guests as a live stay of this registration: a repeated report (a
    /// portal retrying after a timeout, a script run twice) is that stay, not an overlap.
    Repeat(Stay),
}

impl Reported {
    /// The stay, new or repeated.
    pub fn stay(&self) -> &Stay {
        match self {
            Reported::New(s) | Reported::Repeat(s) => s,
        }
    }
}

/// A report as it is decided: who reports what for which registration, under the
/// municipalities' rules, the days a stay may be reported late, and the moment.
#[derive(Clone, Copy)]
pub struct ReportContext<'a> {
    /// The reporting caller.
    pub caller: &'a Caller,
    /// The registration reported for.
    pub number: &'a RegistrationNumber,
    /// The stay reported.
    pub report: &'a Report,
    /// The rules of every municipality.
    pub rules: &'a Rules,
    /// Days a stay may be reported after it started.
    pub grace_days: u32,
    /// Today and the moment.
    pub now: Now,
}

/// Decides a report against the registration and the live stays at its address (pure): only
/// the holder reports, on an active registration, before the stay starts (less `grace_days`),
/// within the window, under the municipality's rules. The stay to store, the same stay reported
/// before, or why not.
pub fn decide_report(ctx: ReportContext<'_>, reg: &Registration, live: &[Stay]) -> Result<Reported, Error> {
    let ReportContext {
        caller,
        report,
        rules,
        grace_days,
        now,
        ..
    } = ctx;
    if !may_access(caller, reg) {
        return Err(Error::not_found(NO_REGISTRATION));
    }
    if !is_holder(caller, reg) {
        return Err(Error::forbidden(
            "Alleen de houder meldt verblijven; de gemeente meldt niet namens een burger.",
        ));
    }
    if reg.status != RegistrationStatus::Actief {
        return Err(Error::Withdrawn);
    }
    let same = live
        .iter()
        .find(|s| s.registratie_id == reg.id && s.period() == report.period && s.aantal_gasten == report.guests);
    if let Some(same) = same {
        return Ok(Reported::Repeat(same.clone()));
    }
    let rules = rules.get(reg.gemeentecode).ok_or(Error::NoRules)?;
    check_report_window(report.period, now.today, grace_days).map_err(Error::Refused)?;
    check_stay(report.period, i64::from(report.guests), &booked(reg, live), rules).map_err(Error::Refused)?;
    Ok(Reported::New(Stay {
        id: uuid::Uuid::new_v4().to_string(),
        registratie_id: reg.id.clone(),
        nummeraanduiding_id: reg.nummeraanduiding_id,
        start_datum: report.period.start,
        eind_datum: report.period.end,
        aantal_gasten: report.guests,
        gemeld_door: caller
            .principal
            .user_id
            .clone()
            .unwrap_or_else(|| caller.principal.client_id.clone()),
        gemeld_op: now.at,
        geannuleerd_op: None,
        correctie_reden: None,
        gecorrigeerd_door: None,
    }))
}

/// What else is stored with a new stay, in its transaction (its audit record): a failure rolls
/// the stay back.
pub type OnStored<'a> = &'a dyn Fn(&mut DbConnection, &Registration, &Stay) -> Result<(), Error>;

/// Reports a stay. Optimistic first: the registration and the stays at its address are read in
/// one statement without a lock, checked, and the stay is stored (with `on_stored`) only if no
/// other stay was stored under the registration meanwhile (a refusal is one round trip). When
/// that keeps losing to concurrent reports, it falls back to [`report_tx`], which holds the
/// registration's lock. Either way concurrent reports never together pass the cap.
pub fn report_on(
    db: &Database,
    c: &mut DbConnection,
    ctx: ReportContext<'_>,
    on_stored: OnStored<'_>,
) -> Result<(Registration, Reported), Error> {
    for _ in 0..OPTIMISTIC_ATTEMPTS {
        let (reg, stays) = store::with_live_stays(c, ctx.number)?.ok_or(Error::not_found(NO_REGISTRATION))?;
        match decide_report(ctx, &reg, &stays)? {
            Reported::New(stay) => {
                let stored = db.write_transaction_on(c, |c| {
                    let claimed = store::claim_and_insert_stay(c, &reg, &stay)?;
                    if claimed {
                        on_stored(c, &reg, &stay)?;
                    }
                    Ok::<_, Error>(claimed)
                })?;
                if stored {
                    return Ok((reg, Reported::New(stay)));
                }
            }
            repeat @ Reported::Repeat(_) => return Ok((reg, repeat)),
        }
    }
    db.write_transaction_on(c, |c| report_tx(c, ctx, on_stored))
}

/// Reports a stay in one transaction with the registration locked (the contended path of
/// [`report_on`]).
pub fn report_tx(
    c: &mut DbConnection,
    ctx: ReportContext<'_>,
    on_stored: OnStored<'_>,
) -> Result<(Registration, Reported), Error> {
    let reg = locked(c, ctx.number, ctx.caller, may_access)?;
    let live = store::live_stays_at(c, &reg.nummeraanduiding_id)?;
    let reported = decide_report(ctx, &reg, &live)?;
    if let Reported::New(stay) = &reported {
        store::insert_stay(c, stay)?;
        on_stored(c, &reg, stay)?;
    }
    Ok((reg, reported))
}

/// The citizen cancels a stay of an active registration that has not started; its nights are
/// given back.
pub fn cancel_tx(
    c: &mut DbConnection,
    caller: &Caller,
    number: &RegistrationNumber,
    stay_id: &str,
    now: Now,
) -> Result<(Registration, Stay), Error> {
    let reg = locked(c, number, caller, is_holder)?;
    if reg.status != RegistrationStatus::Actief {
        return Err(Error::Withdrawn);
    }
    let mut stay = store::find_stay(c, &reg.id, stay_id)?.ok_or(Error::not_found(NO_STAY))?;
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
pub fn correct_tx(
    c: &mut DbConnection,
    caller: &Caller,
    number: &RegistrationNumber,
    stay_id: &str,
    reason: &str,
    now: Now,
) -> Result<(Registration, Stay), Error> {
    let reg = locked(c, number, caller, is_inspector)?;
    let mut stay = store::find_stay(c, &reg.id, stay_id)?.ok_or(Error::not_found(NO_STAY))?;
    if stay.geannuleerd_op.is_some() {
        return Err(Error::AlreadyCancelled);
    }
    let by = caller
        .principal
        .user_id
        .clone()
        .unwrap_or_else(|| caller.principal.client_id.clone());
    store::cancel_stay(c, &stay.id, now.at, Some((reason, &by)))?;
    stay.geannuleerd_op = Some(now.at);
    stay.correctie_reden = Some(reason.to_string());
    stay.gecorrigeerd_door = Some(by);
    Ok((reg, stay))
}

/// Reports a stay (the holder only, before it starts); a repeat of a live stay's report is that
/// stay, stored once.
pub async fn report(
    state: &AppState,
    caller: &Caller,
    number: RegistrationNumber,
    report: Report,
) -> Result<Reported, Error> {
    caller.principal.require_scope(SCOPE_AANVRAGEN)?;
    let (who, rules, grace, now, db) = (
        caller.clone(),
        state.rules.clone(),
        state.report_grace_days,
        state.when(),
        state.db.clone(),
    );
    let details = |stay: &Stay, repeat: bool| json!({ "verblijf": stay.id, "startDatum": stay.start_datum, "eindDatum": stay.eind_datum, "herhaling": repeat });
    let audit = state.audit.clone();
    let (reg, reported) = state
        .db
        .run(move |c| {
            // the new stay's record is written in the stay's own transaction: both or neither
            let on_stored = |c: &mut DbConnection, reg: &Registration, stay: &Stay| {
                let entry = audit_entry(
                    &who,
                    &VERHUURMELDING,
                    MELDEN,
                    &reg.registratienummer,
                    Some(&reg.bsn),
                    details(stay, false),
                );
                Ok(audit.append_in(c, &[entry])?)
            };
            let ctx = ReportContext {
                caller: &who,
                number: &number,
                report: &report,
                rules: &rules,
                grace_days: grace,
                now,
            };
            report_on(&db, c, ctx, &on_stored)
        })
        .await?;
    match &reported {
        Reported::New(_) => state.audit.flush_after_change().await,
        // nothing was stored; the repeated report is recorded as asked
        Reported::Repeat(stay) => {
            let details = details(stay, true);
            record(
                state,
                caller,
                &VERHUURMELDING,
                MELDEN,
                &reg.registratienummer,
                &reg.bsn,
                details,
            )
            .await?
        }
    }
    Ok(reported)
}

/// The audit action of a stay report.
const MELDEN: &str = "vakantieverhuur.verblijf.melden";

/// Cancels a stay that has not started (the holder).
pub async fn cancel(
    state: &AppState,
    caller: &Caller,
    number: RegistrationNumber,
    stay_id: String,
) -> Result<Stay, Error> {
    caller.principal.require_scope(SCOPE_AANVRAGEN)?;
    let (who, now) = (caller.clone(), state.when());
    change_recorded(state, caller, "vakantieverhuur.verblijf.annuleren", move |c| {
        let (reg, stay) = cancel_tx(c, &who, &number, &stay_id, now)?;
        let details = json!({ "verblijf": stay.id });
        Ok((reg.registratienummer, reg.bsn, stay, details))
    })
    .await
}

/// Corrects (cancels) a stay with a reason (the municipality).
pub async fn correct(
    state: &AppState,
    caller: &Caller,
    number: RegistrationNumber,
    stay_id: String,
    reason: String,
) -> Result<Stay, Error> {
    caller.principal.require_scope(SCOPE_HANDHAVEN)?;
    let (who, now) = (caller.clone(), state.when());
    change_recorded(state, caller, "vakantieverhuur.verblijf.corrigeren", move |c| {
        let (reg, stay) = correct_tx(c, &who, &number, &stay_id, &reason, now)?;
        let details = json!({ "verblijf": stay.id, "reden": reason });
        Ok((reg.registratienummer, reg.bsn, stay, details))
    })
    .await
}

/// Runs a change of a stay in a write transaction together with its audit record (`action`, on
/// the registration the change names, with the details it gives), then has the record chained.
async fn change_recorded(
    state: &AppState,
    caller: &Caller,
    action: &'static str,
    change: impl FnOnce(&mut DbConnection) -> Result<(RegistrationNumber, Bsn, Stay, serde_json::Value), Error>
    + Send
    + 'static,
) -> Result<Stay, Error> {
    let (who, audit) = (caller.clone(), state.audit.clone());
    let stay = state
        .db
        .write_transaction(move |c| {
            let (number, holder, stay, details) = change(c)?;
            let entry = audit_entry(&who, &VERHUURMELDING, action, &number, Some(&holder), details);
            audit.append_in(c, &[entry])?;
            Ok::<_, Error>(stay)
        })
        .await?;
    state.audit.flush_after_change().await;
    Ok(stay)
}

/// The stays reported under this registration (never an earlier holder's), newest first.
pub async fn list(
    state: &AppState,
    caller: &Caller,
    number: RegistrationNumber,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Stay>, i64), Error> {
    let reg = super::registrations::load(state, caller, number).await?;
    let id = reg.id.clone();
    let (stays, total) = state.db.run(move |c| store::stays_of(c, &id, offset, limit)).await?;
    record(
        state,
        caller,
        &VERHUURMELDING,
        "vakantieverhuur.verblijven.raadplegen",
        &reg.registratienummer,
        &reg.bsn,
        json!({}),
    )
    .await?;
    Ok((stays, total))
}

/// Nights of a calendar year at the registration's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nights {
    /// Before today.
    pub realised: i64,
    /// From today on.
    pub planned: i64,
    /// The cap.
    pub max: i64,
}

/// The nights of `year` at the address: all live stays count, also an earlier holder's (the law
/// caps nights per dwelling).
pub async fn nights(state: &AppState, caller: &Caller, number: RegistrationNumber, year: i32) -> Result<Nights, Error> {
    let reg = super::registrations::load(state, caller, number).await?;
    let max = state.rules.get(reg.gemeentecode).map(|r| r.max_nachten).unwrap_or(0);
    let address = reg.nummeraanduiding_id;
    let periods: Vec<Period> = state
        .db
        .run(move |c| store::live_stays_at(c, &address))
        .await?
        .iter()
        .map(Stay::period)
        .collect();
    let (realised, planned) = realised_and_planned(&periods, year, state.now().date());
    record(
        state,
        caller,
        &VERHUURMELDING,
        "vakantieverhuur.nachten.raadplegen",
        &reg.registratienummer,
        &reg.bsn,
        json!({ "jaar": year }),
    )
    .await?;
    Ok(Nights { realised, planned, max })
}
