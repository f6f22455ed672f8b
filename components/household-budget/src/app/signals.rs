//! Signals: computed from every afspraak's schedule and bookings (after an import for the
//! citizens it booked to; for everyone on demand and every `HOUSEHOLD_BUDGET_SIGNAL_INTERVAL_SECONDS`,
//! since a payment that does not come is noticed by the passing of time, not by an import),
//! stored once per finding, listed per citizen and overall, closed with a note.

use super::{SCOPE_BEHEREN, SCOPE_BURGER, SCOPE_LEZEN, record};
use crate::AppState;
use crate::domain::money::Cents;
use crate::domain::signals::{self, Booked};
use crate::domain::statement::Direction;
use crate::error::Error;
use crate::store::{self, SignalRow};
use chrono::{NaiveDate, NaiveDateTime};
use platform::auth::Principal;
use platform::db::DbConnection;
use platform::pagination::OpenOrClosed;
use std::collections::HashMap;

/// Whose signals to compute.
#[derive(Debug, Clone, Copy)]
pub enum Citizens<'a> {
    /// Everyone's.
    All,
    /// These citizens' only (those an import booked to).
    Only(&'a [String]),
}

/// Computes the signals of `citizens` as of `today` and stores the new ones; returns how many
/// were new.
pub fn refresh(
    c: &mut DbConnection,
    citizens: Citizens<'_>,
    today: NaiveDate,
    margin_days: u32,
    tolerance: Cents,
    at: NaiveDateTime,
) -> Result<usize, Error> {
    let (bookings, agreements) = match citizens {
        Citizens::All => (store::booked_per_agreement(c)?, store::all_agreements(c)?),
        Citizens::Only([]) => return Ok(0),
        Citizens::Only(ids) => (
            store::booked_per_agreement_of(c, ids)?,
            store::agreements_of_citizens(c, ids)?,
        ),
    };
    let mut booked: HashMap<String, Vec<(NaiveDate, Cents, Direction)>> = HashMap::new();
    for (afspraak, date, amount, direction) in bookings {
        booked.entry(afspraak).or_default().push((date, amount, direction));
    }
    let mut balance: HashMap<String, Cents> = HashMap::new();
    let overflow = || Error::AmountOverflow("het saldo van de afspraken van een burger");
    let mut rows = Vec::new();
    let mut push =
        |kind: signals::Kind, burger: &str, afspraak: Option<&str>, finding: signals::Finding, key: String| {
            rows.push(SignalRow {
                id: uuid::Uuid::new_v4().to_string(),
                soort: kind,
                burger_id: burger.to_string(),
                afspraak_id: afspraak.map(str::to_string),
                datum: finding.date,
                sleutel: key,
                toelichting: finding.detail,
                status: OpenOrClosed::Open,
                aangemaakt_op: at,
                gesloten_op: None,
                gesloten_door: None,
                notitie: None,
            });
        };
    for a in agreements {
        let own = booked.get(&a.id).map(Vec::as_slice).unwrap_or(&[]);
        let sum = Cents::checked_sum(own.iter().map(|(_, amount, dir)| dir.signed(*amount))).ok_or_else(overflow)?;
        let total = balance.entry(a.burger_id.clone()).or_default();
        *total = total.checked_add(sum).ok_or_else(overflow)?;
        let expected = match &a.betaalinstructie {
            Some(b) => b
                .get()
                .dates(a.geldig_van, a.geldig_tot.map_or(today, |t| t.min(today))),
            None => Vec::new(),
        };
        let booked: Vec<Booked> = own
            .iter()
            .map(|(date, amount, _)| Booked {
                date: *date,
                amount: *amount,
            })
            .collect();
        for f in signals::of_agreement(&expected, &booked, a.bedrag, today, margin_days, tolerance) {
            let key = format!("{}|{}|{}", f.kind.as_str(), a.id, f.date);
            push(f.kind, &a.burger_id, Some(&a.id), f, key);
        }
    }
    for (burger, cents) in balance {
        if let Some(f) = signals::of_balance(cents, today) {
            // one per citizen per month while it lasts
            let key = format!("{}|{burger}|{}", f.kind.as_str(), today.format("%Y-%m"));
            push(f.kind, &burger, None, f, key);
        }
    }
    Ok(store::insert_new_signals(c, &rows)?)
}

/// Computes the signals now (a worker asks; imports do it themselves).
pub async fn compute(state: &AppState, caller: &Principal) -> Result<usize, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let (at, margin, tolerance) = (state.now(), state.signal_margin_days, state.booking_tolerance);
    state
        .db
        .write_transaction(move |c| refresh(c, Citizens::All, at.date(), margin, tolerance, at))
        .await
}

/// Computes everyone's signals every `interval` seconds, for as long as the component runs
/// (several replicas may each do so: a finding is stored once, by its key).
pub async fn compute_forever(state: AppState, interval: u64) {
    let every = std::time::Duration::from_secs(interval.max(1));
    // the first after one interval: a start (or a restart of several replicas) does not wait on it
    let mut ticks = actix_web::rt::time::interval_at(actix_web::rt::time::Instant::now() + every, every);
    loop {
        ticks.tick().await;
        let (at, margin, tolerance) = (state.now(), state.signal_margin_days, state.booking_tolerance);
        let outcome = state
            .db
            .write_transaction(move |c| refresh(c, Citizens::All, at.date(), margin, tolerance, at))
            .await;
        match outcome {
            Ok(new) => tracing::info!(new, "signals computed"),
            Err(e) => tracing::warn!(error = %platform::Problem::from(e).title, "signals not computed; next time"),
        }
    }
}

/// One page of signals: overall for a budget worker; of one citizen for a worker or that citizen.
pub async fn list(
    state: &AppState,
    caller: &Principal,
    burger_id: Option<String>,
    status: Option<OpenOrClosed>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<SignalRow>, i64), Error> {
    match &burger_id {
        // a citizen's own list: the citizens use case checks who may see it
        Some(id) if !caller.has_scope(SCOPE_LEZEN) && caller.has_scope(SCOPE_BURGER) => {
            super::citizens::get(state, caller, id.clone()).await?;
        }
        _ => caller.require_scope(SCOPE_LEZEN)?,
    }
    let (b, s) = (burger_id.clone(), status);
    let (rows, total) = state
        .db
        .run(move |c| store::signals(c, b.as_deref(), s, offset, limit))
        .await?;
    let entries = rows
        .iter()
        .map(|r| {
            super::entry(
                caller,
                "huishoudboekje.signaleringen.raadplegen",
                "burger",
                &r.burger_id,
                serde_json::json!({ "signalering": r.id }),
            )
        })
        .collect();
    super::record_all(state, entries).await?;
    Ok((rows, total))
}

/// Closes a signal with a note (409 when it is closed already).
pub async fn close(state: &AppState, caller: &Principal, id: String, note: String) -> Result<SignalRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let (at, by) = (
        state.now(),
        caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
    );
    let (key, n) = (id.clone(), note.clone());
    let (row, changed) = state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::close_signal(c, &key, at, &by, &n)?))
        .await?
        .ok_or(Error::not_found("Geen signalering met dit id."))?;
    if !changed {
        return Err(Error::SignalClosed);
    }
    record(
        state,
        caller,
        "huishoudboekje.signalering.sluiten",
        "burger",
        &row.burger_id,
        serde_json::json!({ "signalering": id, "notitie": note }),
    )
    .await?;
    Ok(row)
}
