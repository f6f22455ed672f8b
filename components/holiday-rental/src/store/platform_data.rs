//! Storage of what the SDEP delivered (platform stays and listings, each record once), the
//! platform signals and the removal orders.

use crate::domain::platform_data::PlatformStay;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use platform::db::DbConnection;

diesel::table! {
    /// Stays the platforms reported.
    platform_verblijven (id) {
        id -> Text,
        registratienummer -> Text,
        platform -> Text,
        url -> Text,
        start_datum -> Date,
        eind_datum -> Date,
        aantal_gasten -> Nullable<Integer>,
        landen -> Text,
        gebied -> Text,
        bron -> Text,
        ingediend_op -> Nullable<Text>,
        opgehaald_op -> Timestamp,
    }
}

diesel::table! {
    /// Listings the platforms reported.
    platform_advertenties (id) {
        id -> Text,
        registratienummer -> Text,
        platform -> Text,
        url -> Text,
        adres -> Text,
        gebied -> Text,
        bron -> Text,
        opgehaald_op -> Timestamp,
    }
}

diesel::table! {
    /// Signals of the matching.
    platformsignalen (id) {
        id -> Text,
        sleutel -> Text,
        soort -> Text,
        registratienummer -> Text,
        jaar -> Integer,
        gemeentecode -> Text,
        nachten -> BigInt,
        bewijs -> Text,
        status -> Text,
        notitie -> Nullable<Text>,
        aangemaakt_op -> Timestamp,
        gesloten_op -> Nullable<Timestamp>,
        gesloten_door -> Nullable<Text>,
    }
}

diesel::table! {
    /// Removal orders.
    verwijderverzoeken (id) {
        id -> Text,
        url -> Text,
        platform -> Text,
        registratienummer -> Text,
        reden -> Text,
        datum -> Date,
        gemeentecode -> Text,
        signaal_id -> Text,
        aangemaakt_door -> Text,
    }
}

/// A stored platform stay.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = platform_verblijven)]
#[diesel(treat_none_as_default_value = false)]
pub struct StayRow {
    /// Hash of its content.
    pub id: String,
    /// Normalised number.
    pub registratienummer: String,
    pub platform: String,
    /// Listing URL.
    pub url: String,
    /// First night.
    pub start_datum: NaiveDate,
    /// Check-out.
    pub eind_datum: NaiveDate,
    pub aantal_gasten: Option<i32>,
    /// Countries, JSON array.
    pub landen: String,
    pub gebied: String,
    /// The SDEP it came from.
    pub bron: String,
    /// When the platform submitted it.
    pub ingediend_op: Option<String>,
    /// When we fetched it.
    pub opgehaald_op: NaiveDateTime,
}

impl StayRow {
    /// The row of a stay fetched from `source` at `at`.
    pub fn new(stay: &PlatformStay, source: &str, submitted: Option<String>, at: NaiveDateTime) -> Self {
        StayRow {
            id: stay.id(),
            registratienummer: stay.registration_number.clone(),
            platform: stay.platform.clone(),
            url: stay.url.clone(),
            start_datum: stay.start,
            eind_datum: stay.end,
            aantal_gasten: stay.guests,
            landen: serde_json::to_string(&stay.countries).unwrap_or_else(|_| "[]".into()),
            gebied: stay.area.clone(),
            bron: source.to_string(),
            ingediend_op: submitted,
            opgehaald_op: at,
        }
    }

    /// The stay it holds.
    pub fn stay(&self) -> PlatformStay {
        PlatformStay {
            registration_number: self.registratienummer.clone(),
            platform: self.platform.clone(),
            url: self.url.clone(),
            start: self.start_datum,
            end: self.eind_datum,
            guests: self.aantal_gasten,
            countries: serde_json::from_str(&self.landen).unwrap_or_default(),
            area: self.gebied.clone(),
        }
    }
}

/// A stored listing.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = platform_advertenties)]
pub struct ListingRow {
    /// Hash of its content.
    pub id: String,
    /// Normalised number.
    pub registratienummer: String,
    pub platform: String,
    pub url: String,
    /// Address as sent.
    pub adres: String,
    pub gebied: String,
    /// The SDEP it came from.
    pub bron: String,
    /// When we fetched it.
    pub opgehaald_op: NaiveDateTime,
}

/// A stored signal.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = platformsignalen)]
#[diesel(treat_none_as_default_value = false)]
pub struct SignalRow {
    pub id: String,
    /// What makes it the same signal on a later poll: kind, number, year.
    pub sleutel: String,
    pub soort: String,
    pub registratienummer: String,
    pub jaar: i32,
    pub gemeentecode: String,
    pub nachten: i64,
    /// Evidence (JSON: the platform stays).
    pub bewijs: String,
    /// `open` or `gesloten`.
    pub status: String,
    /// The inspector's note on closing.
    pub notitie: Option<String>,
    pub aangemaakt_op: NaiveDateTime,
    pub gesloten_op: Option<NaiveDateTime>,
    /// Closed by.
    pub gesloten_door: Option<String>,
}

/// A stored removal order.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = verwijderverzoeken)]
pub struct RemovalRow {
    pub id: String,
    /// The listing.
    pub url: String,
    /// Its platform.
    pub platform: String,
    /// The number it carries.
    pub registratienummer: String,
    /// Why (the signal's kind).
    pub reden: String,
    /// Issued on.
    pub datum: NaiveDate,
    /// By which municipality.
    pub gemeentecode: String,
    /// The signal it came from.
    pub signaal_id: String,
    /// The inspector's client.
    pub aangemaakt_door: String,
}

/// Runs a diesel statement on the backend's own connection: ON CONFLICT is not in diesel's
/// `MultiConnection` (every other statement here runs on it directly).
macro_rules! on_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            DbConnection::Pg($c) => $body,
            DbConnection::Sqlite($c) => $body,
        }
    };
}

/// Stores stays not stored before; returns how many were new (PostgreSQL in batches; SQLite,
/// whose batch insert has no ON CONFLICT in diesel, row by row in the caller's transaction).
pub fn insert_stays(conn: &mut DbConnection, rows: &[StayRow]) -> QueryResult<usize> {
    let mut new = 0;
    match conn {
        DbConnection::Pg(c) => {
            for chunk in rows.chunks(1000) {
                new += diesel::insert_into(platform_verblijven::table)
                    .values(chunk)
                    .on_conflict(platform_verblijven::id)
                    .do_nothing()
                    .execute(c)?;
            }
        }
        DbConnection::Sqlite(c) => {
            for row in rows {
                new += diesel::insert_into(platform_verblijven::table)
                    .values(row)
                    .on_conflict(platform_verblijven::id)
                    .do_nothing()
                    .execute(c)?;
            }
        }
    }
    Ok(new)
}

/// Stores listings not stored before; returns how many were new.
pub fn insert_listings(conn: &mut DbConnection, rows: &[ListingRow]) -> QueryResult<usize> {
    let mut new = 0;
    for row in rows {
        new += on_conn!(conn, c => diesel::insert_into(platform_advertenties::table)
            .values(row)
            .on_conflict(platform_advertenties::id)
            .do_nothing()
            .execute(c))?;
    }
    Ok(new)
}

/// Every stored platform stay of these numbers.
pub fn stays_of(conn: &mut DbConnection, numbers: &[String]) -> QueryResult<Vec<StayRow>> {
    let mut out = Vec::new();
    for chunk in numbers.chunks(500) {
        out.extend(
            platform_verblijven::table
                .filter(platform_verblijven::registratienummer.eq_any(chunk))
                .select(StayRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// Stores a signal, or brings an open one with the same key up to date; true when new.
pub fn upsert_signal(conn: &mut DbConnection, row: &SignalRow) -> QueryResult<bool> {
    let inserted = on_conn!(conn, c => diesel::insert_into(platformsignalen::table)
        .values(row)
        .on_conflict(platformsignalen::sleutel)
        .do_nothing()
        .execute(c))?;
    if inserted == 1 {
        return Ok(true);
    }
    diesel::update(
        platformsignalen::table
            .filter(platformsignalen::sleutel.eq(&row.sleutel))
            .filter(platformsignalen::status.eq("open")),
    )
    .set((
        platformsignalen::nachten.eq(row.nachten),
        platformsignalen::bewijs.eq(&row.bewijs),
    ))
    .execute(conn)?;
    Ok(false)
}

/// A municipality's signals (optionally of one status), newest first, a page at a time; and the
/// total.
pub fn signals(
    conn: &mut DbConnection,
    gemeente: &str,
    status: Option<&str>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<SignalRow>, i64)> {
    let status = status.unwrap_or("%");
    let total: i64 = platformsignalen::table
        .filter(platformsignalen::gemeentecode.eq(gemeente))
        .filter(platformsignalen::status.like(status))
        .count()
        .get_result(conn)?;
    let rows = platformsignalen::table
        .filter(platformsignalen::gemeentecode.eq(gemeente))
        .filter(platformsignalen::status.like(status))
        .order((platformsignalen::aangemaakt_op.desc(), platformsignalen::id))
        .offset(offset)
        .limit(limit)
        .select(SignalRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// One signal of a municipality.
pub fn signal(conn: &mut DbConnection, id: &str, gemeente: &str) -> QueryResult<Option<SignalRow>> {
    platformsignalen::table
        .filter(platformsignalen::id.eq(id))
        .filter(platformsignalen::gemeentecode.eq(gemeente))
        .select(SignalRow::as_select())
        .first(conn)
        .optional()
}

/// Closes an open signal with a note; false when it was not open.
pub fn close_signal(conn: &mut DbConnection, id: &str, note: &str, by: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(
        platformsignalen::table
            .filter(platformsignalen::id.eq(id))
            .filter(platformsignalen::status.eq("open")),
    )
    .set((
        platformsignalen::status.eq("gesloten"),
        platformsignalen::notitie.eq(note),
        platformsignalen::gesloten_op.eq(at),
        platformsignalen::gesloten_door.eq(by),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Stores removal orders not issued before (one per listing and number); returns how many.
pub fn insert_removals(conn: &mut DbConnection, rows: &[RemovalRow]) -> QueryResult<usize> {
    let mut new = 0;
    for row in rows {
        new += on_conn!(conn, c => diesel::insert_into(verwijderverzoeken::table)
            .values(row)
            .on_conflict((verwijderverzoeken::url, verwijderverzoeken::registratienummer))
            .do_nothing()
            .execute(c))?;
    }
    Ok(new)
}

/// Removal orders, oldest first, a page at a time; and the total.
pub fn removals(
    conn: &mut DbConnection,
    scope: &crate::app::platform_data::RemovalScope,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<RemovalRow>, i64)> {
    use crate::app::platform_data::RemovalScope;
    let filtered = || {
        let q = verwijderverzoeken::table.into_boxed();
        match scope {
            RemovalScope::All => q,
            RemovalScope::Municipality(g) => q.filter(verwijderverzoeken::gemeentecode.eq(g.clone())),
            RemovalScope::Platform(p) => q.filter(verwijderverzoeken::platform.eq(p.clone())),
        }
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((verwijderverzoeken::datum, verwijderverzoeken::id))
        .offset(offset)
        .limit(limit)
        .select(RemovalRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The registrations that hold these numbers (any status).
pub fn registrations_with(
    conn: &mut DbConnection,
    numbers: &[crate::domain::registration_number::RegistrationNumber],
) -> QueryResult<Vec<crate::store::Registration>> {
    use crate::store::registraties;
    registraties::table
        .filter(registraties::registratienummer.eq_any(numbers))
        .select(crate::store::Registration::as_select())
        .load(conn)
}

/// The live (not cancelled) stays reported at these addresses.
pub fn live_stays_at(
    conn: &mut DbConnection,
    addresses: &[platform::NummeraanduidingId],
) -> QueryResult<Vec<crate::store::Stay>> {
    use crate::store::verblijven;
    verblijven::table
        .filter(verblijven::nummeraanduiding_id.eq_any(addresses))
        .filter(verblijven::geannuleerd_op.is_null())
        .select(crate::store::Stay::as_select())
        .load(conn)
}

/// The stored signals with these keys: (key, status, nights, evidence).
pub fn signals_with_keys(conn: &mut DbConnection, keys: &[String]) -> QueryResult<Vec<(String, String, i64, String)>> {
    platformsignalen::table
        .filter(platformsignalen::sleutel.eq_any(keys))
        .select((
            platformsignalen::sleutel,
            platformsignalen::status,
            platformsignalen::nachten,
            platformsignalen::bewijs,
        ))
        .load(conn)
}

/// Whether an address has an active registration.
pub fn registered_at(conn: &mut DbConnection, address: &platform::NummeraanduidingId) -> QueryResult<bool> {
    use crate::store::registraties;
    let n: i64 = registraties::table
        .filter(registraties::nummeraanduiding_id.eq(address))
        .filter(registraties::status.eq(crate::domain::status::RegistrationStatus::Actief))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
