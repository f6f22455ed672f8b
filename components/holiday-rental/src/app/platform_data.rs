//! The platforms' data from the SDEP: fetching it (on a schedule and on demand) and matching it
//! against the register, the inspectors' platform signals, and removal orders.

use super::{Caller, SCOPE_CONTROLEREN, SCOPE_HANDHAVEN, SCOPE_SDEP};
use crate::AppState;
use crate::domain::platform_data::{
    Known, PlatformStay, SignalKind, content_id, match_number, normalise_number, postcode_and_number,
};
use crate::domain::registration_number::RegistrationNumber;
use crate::domain::status::RegistrationStatus;
use crate::error::Error;
use crate::registry;
use crate::sdep::{SingleActivityData, SingleListingData};
use crate::store::platform_data::{self as platform_store, ListingRow, RemovalRow, SignalRow, StayRow};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use platform::Problem;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// How the last fetch from the SDEP went (for `/health/ready`).
#[derive(Debug, Clone, Default)]
pub struct FeedState {
    /// When the last fetch succeeded.
    pub last_success: Option<NaiveDateTime>,
    /// Why the last fetch failed, when it did (cleared by a success).
    pub last_error: Option<String>,
    /// Failures in a row.
    pub failures: u32,
}

/// The feed's state, shared by the poller, the on-demand fetch and the readiness check.
#[derive(Debug, Default)]
pub struct Feed(pub Mutex<FeedState>);

impl Feed {
    fn record(&self, outcome: Result<NaiveDateTime, String>) {
        let mut s = self.0.lock().unwrap_or_else(|p| p.into_inner());
        match outcome {
            Ok(at) => {
                s.last_success = Some(at);
                s.last_error = None;
                s.failures = 0;
            }
            Err(e) => {
                s.last_error = Some(e);
                s.failures += 1;
            }
        }
    }

    /// The state now.
    pub fn state(&self) -> FeedState {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// What one fetch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// Platform stays stored for the first time.
    pub new_stays: usize,
    /// Listings stored for the first time.
    pub new_listings: usize,
    /// Records without what the matching needs (number, URL, platform, period): not stored.
    pub unusable: usize,
    /// Signals made for the first time.
    pub new_signals: usize,
}

/// A date or date-time of the SDEP as a date.
fn date_of(text: &str) -> Option<NaiveDate> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|d| d.date_naive())
        .ok()
        .or_else(|| NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok())
}

/// A platform stay from an SDEP record, when it has what the matching needs.
pub fn stay_of(record: &SingleActivityData, area: &str) -> Option<PlatformStay> {
    let d = &record.data;
    let number = normalise_number(d.registrationNumber.as_deref()?);
    let url = d.URL.clone().filter(|u| !u.trim().is_empty())?;
    let platform = record.metadata.platform.clone().filter(|p| !p.trim().is_empty())?;
    let temporal = d.temporal.as_ref()?;
    let start = date_of(temporal.startDateTime.as_deref()?)?;
    let end = date_of(temporal.endDateTime.as_deref()?)?;
    if number.is_empty() || end <= start || (end - start).num_days() > 366 {
        return None;
    }
    Some(PlatformStay {
        registration_number: number,
        platform,
        url,
        start,
        end,
        guests: d.numberOfGuests.and_then(|g| i32::try_from(g).ok()),
        countries: d.countryOfGuests.clone().unwrap_or_default(),
        area: d
            .competentAuthorityId_area
            .clone()
            .or_else(|| record.competentAuthorityId_validated.clone())
            .unwrap_or_else(|| area.to_string()),
    })
}

fn listing_of(record: &SingleListingData, area: &str, source: &str, at: NaiveDateTime) -> Option<ListingRow> {
    let d = &record.data;
    let number = normalise_number(d.registrationNumber.as_deref()?);
    let unit = d.Unit.as_ref()?;
    let url = unit.url.clone().filter(|u| !u.trim().is_empty())?;
    let platform = record.metadata.platform.clone().unwrap_or_default();
    let adres = unit
        .address
        .as_ref()
        .map(|a| {
            [&a.street, &a.postalCode, &a.city]
                .iter()
                .filter_map(|p| p.as_deref())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let gebied = d.competentAuthorityId_area.clone().unwrap_or_else(|| area.to_string());
    let id = content_id(&[&number, &platform, &url, &adres, &gebied]);
    Some(ListingRow {
        id,
        registratienummer: number,
        platform,
        url,
        adres,
        gebied,
        bron: source.to_string(),
        opgehaald_op: at,
    })
}

/// Whether the caller may have the SDEP fetched now: an inspector of the municipality whose data
/// the SDEP hands out (the fetch is that municipality's, and costs the SDEP's queue).
pub fn may_fetch(state: &AppState, caller: &Caller) -> Result<(), Error> {
    let gemeente = inspector_gemeente(caller)?;
    match state.sdep_gemeente {
        Some(g) if g.to_string() != gemeente => Err(Error::forbidden(
            "Alleen de handhaving van de gemeente waarvoor de SDEP gegevens levert, haalt ze op.",
        )),
        _ => Ok(()),
    }
}

/// Fetches activity data and listings from the SDEP until it has no more (the prototype hands
/// records out queue-wise, `limit` at a time), storing and matching each batch in its own
/// transaction: a failed call or store leaves that batch unstored and the earlier ones whole.
/// The feed's state records the outcome for `/health/ready`.
pub async fn fetch(state: &AppState) -> Result<Fetched, Error> {
    let Some(sdep) = state.sdep.clone() else {
        return Err(Error::Problem(Problem::conflict(
            "sdepNietIngesteld",
            "Er is geen SDEP ingesteld (SDEP_URL).",
        )));
    };
    let mut total = Fetched::default();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    let outcome = async {
        loop {
            let activity = sdep.activity_data().await.map_err(|e| e.to_string())?;
            let full = activity.len() >= sdep.activity_limit();
            let (done, numbers) = store_batch(state, &sdep, activity, Vec::new()).await?;
            add(&mut total, &done);
            touched.extend(numbers);
            if !full {
                break;
            }
        }
        // the numbers of every new record, matched once against the register, a chunk per
        // transaction
        let touched: Vec<String> = std::mem::take(&mut touched).into_iter().collect();
        for chunk in touched.chunks(1000) {
            let chunk = chunk.to_vec();
            let gemeente = state.sdep_gemeente.map(|g| g.to_string()).unwrap_or_default();
            let (rules, at) = (state.rules.clone(), state.now());
            total.new_signals += state
                .db
                .write_transaction(move |c| match_numbers(c, &chunk, &gemeente, &rules, at))
                .await
                .map_err(|e| {
                    tracing::error!(error = ?e, "matching SDEP data failed");
                    "matching the fetched data failed".to_string()
                })?;
        }
        loop {
            let listings = sdep.listings().await.map_err(|e| e.to_string())?;
            let full = listings.len() >= sdep.listing_limit();
            let addresses: Vec<ListedAddress> = listings
                .iter()
                .filter_map(|l| {
                    let unit = l.data.Unit.as_ref()?;
                    let url = unit.url.clone()?;
                    let a = unit.address.as_ref();
                    let found = a.and_then(|a| {
                        postcode_and_number(
                            a.postalCode.as_deref().unwrap_or_default(),
                            a.street.as_deref().unwrap_or_default(),
                        )
                    });
                    Some((
                        url,
                        l.metadata.platform.clone().unwrap_or_default(),
                        normalise_number(l.data.registrationNumber.as_deref().unwrap_or_default()),
                        found,
                    ))
                })
                .collect();
            let (done, _) = store_batch(state, &sdep, Vec::new(), listings).await?;
            add(&mut total, &done);
            if done.new_listings > 0 {
                total.new_signals += unregistered_addresses(state, addresses).await?;
            }
            if !full {
                break;
            }
        }
        Ok::<(), String>(())
    }
    .await;
    match outcome {
        Ok(()) => {
            state.sdep_feed.record(Ok(state.now()));
            Ok(total)
        }
        Err(e) => {
            tracing::warn!(error = %e, "SDEP fetch failed");
            state.sdep_feed.record(Err(e.clone()));
            Err(Error::Problem(
                Problem::bad_gateway("SDEP").with_detail(format!("Het SDEP gaf geen bruikbaar antwoord: {e}")),
            ))
        }
    }
}

fn add(total: &mut Fetched, done: &Fetched) {
    total.new_stays += done.new_stays;
    total.new_listings += done.new_listings;
    total.unusable += done.unusable;
    total.new_signals += done.new_signals;
}

/// Stores one batch in one transaction; with the numbers of its records that were new.
async fn store_batch(
    state: &AppState,
    sdep: &crate::sdep::Sdep,
    activity: Vec<SingleActivityData>,
    listings: Vec<SingleListingData>,
) -> Result<(Fetched, Vec<String>), String> {
    let gemeente = state.sdep_gemeente.map(|g| g.to_string()).unwrap_or_default();
    let at = state.now();
    let source = sdep.base_url().to_string();
    let mut unusable = 0;
    let mut stays = Vec::with_capacity(activity.len());
    for record in &activity {
        match stay_of(record, &gemeente) {
            Some(s) => stays.push(StayRow::new(&s, &source, record.metadata.submissionDate.clone(), at)),
            None => unusable += 1,
        }
    }
    drop(activity);
    let mut rows = Vec::new();
    for record in &listings {
        match listing_of(record, &gemeente, &source, at) {
            Some(l) => rows.push(l),
            None => unusable += 1,
        }
    }
    let numbers: Vec<String> = stays
        .iter()
        .map(|s| s.registratienummer.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    state
        .db
        .write_transaction(move |c| {
            let new_stays = platform_store::insert_stays(c, &stays)?;
            let new_listings = platform_store::insert_listings(c, &rows)?;
            // only numbers with new records need matching again
            let numbers = if new_stays == 0 { Vec::new() } else { numbers };
            Ok::<_, Error>((
                Fetched {
                    new_stays,
                    new_listings,
                    unusable,
                    new_signals: 0,
                },
                numbers,
            ))
        })
        .await
        .map_err(|e| {
            tracing::error!(error = ?e, "storing SDEP data failed");
            "storing the fetched data failed".to_string()
        })
}

/// A listing's URL, platform, number and Dutch postcode and house number (when it has them).
type ListedAddress = (String, String, String, Option<(String, u32)>);

/// Listings at an address (found in the BAG through the registry proxy) without an active
/// registration become `adresZonderRegistratie` signals, one per listing URL and year.
async fn unregistered_addresses(state: &AppState, listings: Vec<ListedAddress>) -> Result<usize, String> {
    let gemeente = state.sdep_gemeente.map(|g| g.to_string()).unwrap_or_default();
    let at = state.now();
    let mut rows = Vec::new();
    // the job's lookups are one processing of their own (no request caused them)
    let trace = platform::ldv::Trace::start();
    for (url, platform, number, found) in listings {
        let Some((postcode, huisnummer)) = found else { continue };
        let address = registry::find_address(&state.registry, &trace, &postcode, huisnummer)
            .await
            .map_err(|e| format!("BAG lookup of a listing's address: {}", e.title))?;
        let Some(address) = address else { continue };
        let year = at.date().year();
        rows.push((
            address,
            SignalRow {
                id: uuid::Uuid::new_v4().to_string(),
                sleutel: format!("{}:{url}:{year}", SignalKind::AdresZonderRegistratie.as_str()),
                soort: SignalKind::AdresZonderRegistratie.as_str().to_string(),
                registratienummer: number,
                jaar: year,
                gemeentecode: gemeente.clone(),
                nachten: 0,
                bewijs: json!([{ "platform": platform, "url": url, "postcode": postcode, "huisnummer": huisnummer }])
                    .to_string(),
                status: "open".into(),
                notitie: None,
                aangemaakt_op: at,
                gesloten_op: None,
                gesloten_door: None,
            },
        ));
    }
    if rows.is_empty() {
        return Ok(0);
    }
    state
        .db
        .write_transaction(move |c| {
            let mut new = 0;
            for (address, row) in &rows {
                if !platform_store::registered_at(c, address)? && platform_store::upsert_signal(c, row)? {
                    new += 1;
                }
            }
            Ok::<_, Error>(new)
        })
        .await
        .map_err(|e| format!("storing address signals failed: {e:?}"))
}

/// Sends the configured area to the SDEP (`POST /ca/str-area`, a zipped shapefile).
pub async fn send_area(state: &AppState) -> Result<(), Error> {
    let (Some(sdep), Some(area)) = (state.sdep.clone(), state.area.clone()) else {
        return Err(Error::Problem(Problem::conflict(
            "gebiedNietIngesteld",
            "Er is geen SDEP (SDEP_URL) of geen gebied (HOLIDAY_RENTAL_AREA) ingesteld.",
        )));
    };
    let gemeente = state.sdep_gemeente.map(|g| g.to_string()).unwrap_or_default();
    let name = state
        .sdep_gemeente
        .and_then(|g| state.rules.get(g))
        .map(|r| r.naam.clone())
        .unwrap_or_else(|| gemeente.clone());
    let zip = crate::domain::area::shapefile_zip(&area, "gebied", &name)
        .map_err(|e| Error::Problem(Problem::internal().with_detail(e)))?;
    sdep.upload_area(zip, &gemeente, &name).await.map_err(|e| {
        Error::Problem(Problem::bad_gateway("SDEP").with_detail(format!("Het gebied is niet aangenomen: {e}")))
    })
}

/// Fetches every `interval` seconds; after a failure sooner, backing off from 30 s (doubling,
/// at most the interval), so a down SDEP is neither hammered nor waited on for an hour.
pub async fn poll_forever(state: AppState, interval: u64) {
    if state.area.is_some() {
        if let Err(e) = send_area(&state).await {
            tracing::warn!(error = ?e, "sending the area to the SDEP failed");
        }
    }
    loop {
        let wait = match fetch(&state).await {
            Ok(done) => {
                tracing::info!(
                    new_stays = done.new_stays,
                    new_signals = done.new_signals,
                    "SDEP fetched"
                );
                interval
            }
            Err(_) => {
                let failures = state.sdep_feed.state().failures.min(10);
                (30u64 << failures.saturating_sub(1)).min(interval)
            }
        };
        actix_web::rt::time::sleep(std::time::Duration::from_secs(wait)).await;
    }
}

/// Matches every stored platform stay of `numbers` against the register, reading the stays,
/// the registrations, their reported stays and the signals in bulk; returns the number of
/// signals made for the first time (an open signal whose nights or evidence changed is brought
/// up to date).
fn match_numbers(
    c: &mut platform::db::DbConnection,
    numbers: &[String],
    gemeente: &str,
    rules: &crate::domain::rules::Rules,
    at: NaiveDateTime,
) -> Result<usize, Error> {
    let mut by_number: BTreeMap<String, Vec<PlatformStay>> = BTreeMap::new();
    for row in platform_store::stays_of(c, numbers)? {
        by_number
            .entry(row.registratienummer.clone())
            .or_default()
            .push(row.stay());
    }
    let parsed: Vec<RegistrationNumber> = numbers
        .iter()
        .filter_map(|n| RegistrationNumber::parse(n).ok())
        .collect();
    let registrations: BTreeMap<String, crate::store::Registration> = platform_store::registrations_with(c, &parsed)?
        .into_iter()
        .map(|r| (r.registratienummer.to_string(), r))
        .collect();
    let addresses: Vec<platform::NummeraanduidingId> = registrations.values().map(|r| r.nummeraanduiding_id).collect();
    let mut reported_at: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
    for s in platform_store::live_stays_at(c, &addresses)? {
        reported_at
            .entry(s.nummeraanduiding_id.to_string())
            .or_default()
            .extend(s.period().nights());
    }
    let none = BTreeSet::new();
    let mut made: Vec<SignalRow> = Vec::new();
    for (number, stays) in &by_number {
        let registration = registrations.get(number);
        let owner = registration.map(|r| r.gemeentecode.to_string());
        let known = match registration {
            None => Known::Unknown,
            Some(r) if r.status != RegistrationStatus::Actief => Known::Withdrawn,
            Some(_) => Known::Active(owner.as_deref().unwrap_or_default()),
        };
        let reported = registration
            .and_then(|r| reported_at.get(&r.nummeraanduiding_id.to_string()))
            .unwrap_or(&none);
        let cap = registration
            .and_then(|r| rules.get(r.gemeentecode))
            .map(|r| r.max_nachten);
        let years: BTreeSet<i32> = stays
            .iter()
            .flat_map(|s| s.period().nights_per_year().into_keys())
            .collect();
        for year in years {
            let of_year: Vec<&PlatformStay> = stays.iter().filter(|s| s.nights_in(year).next().is_some()).collect();
            for finding in match_number(&of_year, year, known, gemeente, reported, cap) {
                let evidence: Vec<serde_json::Value> = of_year
                    .iter()
                    .map(|s| json!({ "platform": s.platform, "url": s.url, "startDatum": s.start, "eindDatum": s.end }))
                    .collect();
                made.push(SignalRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    sleutel: format!("{}:{number}:{year}", finding.kind.as_str()),
                    soort: finding.kind.as_str().to_string(),
                    registratienummer: number.clone(),
                    jaar: year,
                    gemeentecode: gemeente.to_string(),
                    nachten: finding.nights,
                    bewijs: serde_json::Value::Array(evidence).to_string(),
                    status: "open".into(),
                    notitie: None,
                    aangemaakt_op: at,
                    gesloten_op: None,
                    gesloten_door: None,
                });
            }
        }
    }
    let keys: Vec<String> = made.iter().map(|s| s.sleutel.clone()).collect();
    let mut existing: BTreeMap<String, (String, i64, String)> = BTreeMap::new();
    for chunk in keys.chunks(1000) {
        for (key, status, nights, evidence) in platform_store::signals_with_keys(c, chunk)? {
            existing.insert(key, (status, nights, evidence));
        }
    }
    let mut new = 0;
    for row in &made {
        match existing.get(&row.sleutel) {
            // unchanged, or closed by an inspector: left as it is
            Some((status, nights, evidence))
                if status != "open" || (*nights == row.nachten && *evidence == row.bewijs) => {}
            _ => {
                if platform_store::upsert_signal(c, row)? {
                    new += 1;
                }
            }
        }
    }
    Ok(new)
}

/// An audit entry about a signal: the number it names may be no registration's (the object is
/// the number as the platform wrote it).
fn signal_audit(
    caller: &Caller,
    action: &str,
    number: &str,
    details: serde_json::Value,
) -> platform::audit::AuditEntry {
    platform::audit::AuditEntry::performed(
        &caller.principal,
        &crate::register::PLATFORMGEGEVENS,
        action,
        "registratienummer",
        number,
        details,
    )
}

fn inspector_gemeente(caller: &Caller) -> Result<String, Error> {
    caller.principal.require_scope(SCOPE_HANDHAVEN)?;
    caller
        .gemeente
        .map(|g| g.to_string())
        .ok_or(Error::forbidden("Deze client heeft geen gemeentecode."))
}

/// The caller's municipality's platform signals, a page at a time. The numbers they name are
/// personal data of their holders: each listed signal is audited.
pub async fn signals(
    state: &AppState,
    caller: &Caller,
    status: Option<String>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<SignalRow>, i64), Error> {
    let gemeente = inspector_gemeente(caller)?;
    let (rows, total) = state
        .db
        .run(move |c| platform_store::signals(c, &gemeente, status.as_deref(), offset, limit).map_err(Error::from))
        .await?;
    let entries = rows
        .iter()
        .map(|s| {
            signal_audit(
                caller,
                "vakantieverhuur.platformsignaal.raadplegen",
                &s.registratienummer,
                json!({ "signaal": s.id, "soort": s.soort, "jaar": s.jaar }),
            )
        })
        .collect();
    state.audit.record(entries).await?;
    Ok((rows, total))
}

/// Closes an open signal of the caller's municipality with a note.
pub async fn close_signal(state: &AppState, caller: &Caller, id: String, note: String) -> Result<SignalRow, Error> {
    let gemeente = inspector_gemeente(caller)?;
    let by = caller.principal.client_id.clone();
    let at = state.now();
    let row = state
        .db
        .write_transaction(move |c| {
            let found = platform_store::signal(c, &id, &gemeente)?.ok_or(Error::not_found("Signaal niet gevonden."))?;
            if !platform_store::close_signal(c, &found.id, &note, &by, at)? {
                return Err(Error::Problem(Problem::conflict(
                    "signaalAlGesloten",
                    "Het signaal is al gesloten.",
                )));
            }
            platform_store::signal(c, &found.id, &gemeente)?.ok_or(Error::not_found("Signaal niet gevonden."))
        })
        .await?;
    state
        .audit
        .record(vec![signal_audit(
            caller,
            "vakantieverhuur.platformsignaal.sluiten",
            &row.registratienummer,
            json!({ "signaal": row.id }),
        )])
        .await?;
    Ok(row)
}

/// Orders the platforms to remove the listings of a signal about an invalid number (unknown,
/// withdrawn or another municipality's); returns the orders (new or issued before).
pub async fn order_removal(state: &AppState, caller: &Caller, signal_id: String) -> Result<Vec<RemovalRow>, Error> {
    let gemeente = inspector_gemeente(caller)?;
    let by = caller.principal.client_id.clone();
    let today = state.now().date();
    let rows = state
        .db
        .write_transaction(move |c| {
            let signal =
                platform_store::signal(c, &signal_id, &gemeente)?.ok_or(Error::not_found("Signaal niet gevonden."))?;
            let kind: Option<SignalKind> = serde_json::from_value(json!(signal.soort)).ok();
            if !kind.is_some_and(SignalKind::invalid_number) {
                return Err(Error::Problem(Problem::unprocessable(
                    "geenOngeldigNummer",
                    "Alleen advertenties met een ongeldig nummer kunnen worden verwijderd.",
                    "Een verwijderverzoek kan alleen bij een signaal over een onbekend, ingetrokken of ander gemeentelijk registratienummer.",
                )));
            }
            let evidence: Vec<serde_json::Value> = serde_json::from_str(&signal.bewijs).unwrap_or_default();
            let mut listings: BTreeSet<(String, String)> = BTreeSet::new();
            for e in &evidence {
                if let (Some(url), Some(p)) = (e["url"].as_str(), e["platform"].as_str()) {
                    listings.insert((url.to_string(), p.to_string()));
                }
            }
            let rows: Vec<RemovalRow> = listings
                .into_iter()
                .map(|(url, platform)| RemovalRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    url,
                    platform,
                    registratienummer: signal.registratienummer.clone(),
                    reden: signal.soort.clone(),
                    datum: today,
                    gemeentecode: gemeente.clone(),
                    signaal_id: signal.id.clone(),
                    aangemaakt_door: by.clone(),
                })
                .collect();
            platform_store::insert_removals(c, &rows)?;
            Ok(rows)
        })
        .await?;
    Ok(rows)
}

/// Whose removal orders a caller sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemovalScope {
    /// The SDEP: every order, to forward them.
    All,
    /// An inspector: the orders of the municipality (gemeentecode).
    Municipality(String),
    /// A platform: the orders about its own listings.
    Platform(String),
}

/// Which removal orders the caller sees: the SDEP all, an inspector their municipality's, a
/// platform its own; anyone else none.
pub fn removal_scope(caller: &Caller) -> Result<RemovalScope, Error> {
    let p = &caller.principal;
    if p.has_scope(SCOPE_SDEP) {
        return Ok(RemovalScope::All);
    }
    if p.has_scope(SCOPE_HANDHAVEN) {
        return inspector_gemeente(caller).map(RemovalScope::Municipality);
    }
    if p.has_scope(SCOPE_CONTROLEREN) {
        return caller.platform.clone().map(RemovalScope::Platform).ok_or(Error::forbidden(
            "Voor deze client is geen platform ingesteld: een platform ziet alleen de verzoeken over zijn eigen advertenties.",
        ));
    }
    Err(Error::forbidden(
        "Scope vakantieverhuur.sdep, vakantieverhuur.handhaven of vakantieverhuur.controleren is nodig.",
    ))
}

/// The removal orders the caller may see (no personal data beyond the number the listing
/// carries: URL, number, reason, date); a number is its holder's personal data, so every listed
/// order is audited.
pub async fn removals(
    state: &AppState,
    caller: &Caller,
    offset: i64,
    limit: i64,
) -> Result<(Vec<RemovalRow>, i64), Error> {
    let scope = removal_scope(caller)?;
    let (rows, total) = state
        .db
        .run(move |c| platform_store::removals(c, &scope, offset, limit).map_err(Error::from))
        .await?;
    let entries = rows
        .iter()
        .map(|r| {
            signal_audit(
                caller,
                "vakantieverhuur.verwijderverzoek.raadplegen",
                &r.registratienummer,
                json!({ "verwijderverzoek": r.id, "platform": r.platform, "reden": r.reden }),
            )
        })
        .collect();
    state.audit.record(entries).await?;
    Ok((rows, total))
}
