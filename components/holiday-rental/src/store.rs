//! Storage of registrations and stays (diesel, SQLite and PostgreSQL).

use crate::domain::stays::Period;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use platform::db::{DbConnection, DbError};

diesel::table! {
    /// Registrations.
    registraties (id) {
        id -> Text,
        registratienummer -> Text,
        nummeraanduiding_id -> Text,
        adresseerbaar_object_id -> Text,
        adres -> Text,
        gemeentecode -> Text,
        bsn -> Text,
        status -> Text,
        reden_intrekking -> Nullable<Text>,
        aangemaakt_op -> Timestamp,
        ingetrokken_op -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Reported stays (cancelled ones are kept).
    verblijven (id) {
        id -> Text,
        registratie_id -> Text,
        nummeraanduiding_id -> Text,
        start_datum -> Date,
        eind_datum -> Date,
        aantal_gasten -> Integer,
        gemeld_door -> Text,
        gemeld_op -> Timestamp,
        geannuleerd_op -> Nullable<Timestamp>,
        correctie_reden -> Nullable<Text>,
        gecorrigeerd_door -> Nullable<Text>,
    }
}

diesel::joinable!(verblijven -> registraties (registratie_id));
diesel::allow_tables_to_appear_in_same_query!(registraties, verblijven);

/// Status of an active registration.
pub const ACTIEF: &str = "actief";
/// Status of a withdrawn registration.
pub const INGETROKKEN: &str = "ingetrokken";

/// A registration row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = registraties)]
pub struct Registration {
    /// Internal id.
    pub id: String,
    /// Number without spaces.
    pub registratienummer: String,
    /// BAG nummeraanduiding.
    pub nummeraanduiding_id: String,
    /// BAG verblijfsobject.
    pub adresseerbaar_object_id: String,
    /// Address for display.
    pub adres: String,
    /// Municipality.
    pub gemeentecode: String,
    /// The holder.
    pub bsn: String,
    /// `actief` or `ingetrokken`.
    pub status: String,
    /// Why it was withdrawn.
    pub reden_intrekking: Option<String>,
    /// When issued.
    pub aangemaakt_op: NaiveDateTime,
    /// When withdrawn.
    pub ingetrokken_op: Option<NaiveDateTime>,
}

/// A stay row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = verblijven)]
pub struct Stay {
    /// Id.
    pub id: String,
    /// The registration it was reported under.
    pub registratie_id: String,
    /// The address (stays count per address).
    pub nummeraanduiding_id: String,
    /// Check-in.
    pub start_datum: NaiveDate,
    /// Check-out.
    pub eind_datum: NaiveDate,
    /// Guests.
    pub aantal_gasten: i32,
    /// Client or user that reported it.
    pub gemeld_door: String,
    /// When reported.
    pub gemeld_op: NaiveDateTime,
    /// When cancelled.
    pub geannuleerd_op: Option<NaiveDateTime>,
    /// Why the municipality corrected (cancelled) it.
    pub correctie_reden: Option<String>,
    /// Who at the municipality did.
    pub gecorrigeerd_door: Option<String>,
}

impl Stay {
    /// The dates.
    pub fn period(&self) -> Period {
        Period {
            start: self.start_datum,
            end: self.eind_datum,
        }
    }
}

/// Why storing failed.
#[derive(Debug)]
pub enum StoreError {
    /// A unique rule was hit (a second active registration for an address).
    Conflict,
    /// Anything else.
    Db(DbError),
}

impl From<diesel::result::Error> for StoreError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
                StoreError::Conflict
            }
            other => StoreError::Db(DbError::Query(other)),
        }
    }
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> Self {
        StoreError::Db(e)
    }
}

impl From<actix_web::error::BlockingError> for StoreError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        StoreError::Db(e.into())
    }
}

/// Stores a new registration.
pub fn insert_registration(conn: &mut DbConnection, r: &Registration) -> Result<(), StoreError> {
    diesel::insert_into(registraties::table).values(r).execute(conn)?;
    Ok(())
}

/// A registration by number (without spaces).
pub fn find_registration(conn: &mut DbConnection, nummer: &str) -> Result<Option<Registration>, DbError> {
    Ok(registraties::table
        .filter(registraties::registratienummer.eq(nummer))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// The active registration of an address, if any.
pub fn active_at(conn: &mut DbConnection, nummeraanduiding: &str) -> Result<Option<Registration>, DbError> {
    Ok(registraties::table
        .filter(registraties::nummeraanduiding_id.eq(nummeraanduiding))
        .filter(registraties::status.eq(ACTIEF))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// A registration by number, locked until the transaction ends (PostgreSQL); on SQLite the
/// write transaction already holds the database's single write lock.
pub fn find_for_update(conn: &mut DbConnection, nummer: &str) -> Result<Option<Registration>, DbError> {
    let query = || registraties::table.filter(registraties::registratienummer.eq(nummer));
    Ok(match conn {
        DbConnection::Pg(c) => query()
            .select(Registration::as_select())
            .for_update()
            .first(c)
            .optional()?,
        DbConnection::Sqlite(c) => query().select(Registration::as_select()).first(c).optional()?,
    })
}

/// Stays at an address that are not cancelled.
pub fn live_stays_at(conn: &mut DbConnection, nummeraanduiding: &str) -> Result<Vec<Stay>, DbError> {
    Ok(verblijven::table
        .filter(verblijven::nummeraanduiding_id.eq(nummeraanduiding))
        .filter(verblijven::geannuleerd_op.is_null())
        .order(verblijven::start_datum.asc())
        .select(Stay::as_select())
        .load(conn)?)
}

/// Stores a stay.
pub fn insert_stay(conn: &mut DbConnection, s: &Stay) -> Result<(), DbError> {
    diesel::insert_into(verblijven::table).values(s).execute(conn)?;
    Ok(())
}

/// A stay reported under a registration.
pub fn find_stay(conn: &mut DbConnection, registratie_id: &str, stay_id: &str) -> Result<Option<Stay>, DbError> {
    Ok(verblijven::table
        .filter(verblijven::id.eq(stay_id))
        .filter(verblijven::registratie_id.eq(registratie_id))
        .select(Stay::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a stay cancelled (by the citizen, or by the municipality with a reason).
pub fn cancel_stay(
    conn: &mut DbConnection,
    stay_id: &str,
    at: NaiveDateTime,
    correction: Option<(&str, &str)>,
) -> Result<(), DbError> {
    diesel::update(verblijven::table.filter(verblijven::id.eq(stay_id)))
        .set((
            verblijven::geannuleerd_op.eq(at),
            verblijven::correctie_reden.eq(correction.map(|c| c.0)),
            verblijven::gecorrigeerd_door.eq(correction.map(|c| c.1)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The stays of one registration, newest first, with the total count.
pub fn stays_of(
    conn: &mut DbConnection,
    registratie_id: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Stay>, i64), DbError> {
    let total = verblijven::table
        .filter(verblijven::registratie_id.eq(registratie_id))
        .count()
        .get_result(conn)?;
    let rows = verblijven::table
        .filter(verblijven::registratie_id.eq(registratie_id))
        .order((verblijven::start_datum.desc(), verblijven::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(Stay::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Withdraws a registration.
pub fn withdraw(conn: &mut DbConnection, id: &str, reden: &str, at: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(registraties::table.filter(registraties::id.eq(id)))
        .set((
            registraties::status.eq(INGETROKKEN),
            registraties::reden_intrekking.eq(reden),
            registraties::ingetrokken_op.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Registrations of a municipality with their live stays that touch a year.
pub fn registrations_with_stays(
    conn: &mut DbConnection,
    gemeentecode: &str,
    year: i32,
) -> Result<Vec<(Registration, Vec<Stay>)>, DbError> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or_default();
    let regs: Vec<Registration> = registraties::table
        .filter(registraties::gemeentecode.eq(gemeentecode))
        .order(registraties::registratienummer.asc())
        .select(Registration::as_select())
        .load(conn)?;
    let stays: Vec<Stay> = verblijven::table
        .inner_join(registraties::table)
        .filter(registraties::gemeentecode.eq(gemeentecode))
        .filter(verblijven::geannuleerd_op.is_null())
        .filter(verblijven::start_datum.lt(to))
        .filter(verblijven::eind_datum.gt(from))
        .select(Stay::as_select())
        .load(conn)?;
    Ok(regs
        .into_iter()
        .map(|r| {
            let mine = stays.iter().filter(|s| s.registratie_id == r.id).cloned().collect();
            (r, mine)
        })
        .collect())
}
