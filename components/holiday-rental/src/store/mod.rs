//! Storage of registrations and stays (diesel, SQLite and PostgreSQL). Rows carry the domain's
//! types; backend differences live in the two helpers that match on the connection. What the
//! SDEP delivers is stored by `platform_data`, the number check's counters by `rate_limit`.

pub mod platform_data;
pub mod rate_limit;

use crate::domain::registration_number::RegistrationNumber;
use crate::domain::status::RegistrationStatus;
use crate::domain::stays::Period;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use platform::db::{DbConnection, DbError};
use platform::{Bsn, Gemeentecode, NummeraanduidingId};

diesel::table! {
    /// Registrations, active and withdrawn (one active per address).
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
        verblijven_versie -> BigInt,
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

/// A registration row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = registraties)]
// None is bound as NULL (not written as DEFAULT), so the insert's SQL is always the same and
// its prepared statement is cached instead of parsed per row
#[diesel(treat_none_as_default_value = false)]
pub struct Registration {
    /// Internal id.
    pub id: String,
    /// The number.
    pub registratienummer: RegistrationNumber,
    /// BAG nummeraanduiding.
    pub nummeraanduiding_id: NummeraanduidingId,
    /// BAG verblijfsobject.
    pub adresseerbaar_object_id: String,
    /// Address for display.
    pub adres: String,
    pub gemeentecode: Gemeentecode,
    /// The holder.
    pub bsn: Bsn,
    /// Active or withdrawn.
    pub status: RegistrationStatus,
    /// Why it was withdrawn.
    pub reden_intrekking: Option<String>,
    /// When issued.
    pub aangemaakt_op: NaiveDateTime,
    /// When withdrawn.
    pub ingetrokken_op: Option<NaiveDateTime>,
    /// Moves with every stay stored under it (see [`claim_and_insert_stay`]).
    pub verblijven_versie: i64,
}

/// A stay row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = verblijven)]
// None is bound as NULL (not written as DEFAULT), so the insert's SQL is always the same and
// its prepared statement is cached instead of parsed per row
#[diesel(treat_none_as_default_value = false)]
pub struct Stay {
    pub id: String,
    /// The registration it was reported under.
    pub registratie_id: String,
    /// The address (stays count per address).
    pub nummeraanduiding_id: NummeraanduidingId,
    /// Check-in.
    pub start_datum: NaiveDate,
    /// Check-out.
    pub eind_datum: NaiveDate,
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

/// Stores a new registration.
pub fn insert_registration(conn: &mut DbConnection, r: &Registration) -> Result<(), diesel::result::Error> {
    diesel::insert_into(registraties::table).values(r).execute(conn)?;
    Ok(())
}

/// A registration by number.
pub fn find_registration(
    conn: &mut DbConnection,
    nummer: &RegistrationNumber,
) -> Result<Option<Registration>, DbError> {
    Ok(registraties::table
        .filter(registraties::registratienummer.eq(nummer))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// The active registration of an address, if any.
pub fn active_at(conn: &mut DbConnection, address: &NummeraanduidingId) -> Result<Option<Registration>, DbError> {
    Ok(registraties::table
        .filter(registraties::nummeraanduiding_id.eq(address))
        .filter(registraties::status.eq(RegistrationStatus::Actief))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// A registration by number, locked until the transaction ends (PostgreSQL); on SQLite the
/// write transaction already holds the database's single write lock.
pub fn find_for_update(conn: &mut DbConnection, nummer: &RegistrationNumber) -> Result<Option<Registration>, DbError> {
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

/// A registration by number with the live stays at its address (also an earlier holder's), read
/// in one statement, so one snapshot and no lock: what an optimistic report checks against.
pub fn with_live_stays(
    conn: &mut DbConnection,
    nummer: &RegistrationNumber,
) -> Result<Option<(Registration, Vec<Stay>)>, DbError> {
    let rows: Vec<(Registration, Option<Stay>)> = registraties::table
        .left_join(
            verblijven::table.on(verblijven::nummeraanduiding_id
                .eq(registraties::nummeraanduiding_id)
                .and(verblijven::geannuleerd_op.is_null())),
        )
        .filter(registraties::registratienummer.eq(nummer))
        .order(verblijven::start_datum.asc())
        .select((Registration::as_select(), Option::<Stay>::as_select()))
        .load(conn)?;
    let mut rows = rows.into_iter();
    let Some((reg, first)) = rows.next() else {
        return Ok(None);
    };
    let stays = first.into_iter().chain(rows.filter_map(|(_, s)| s)).collect();
    Ok(Some((reg, stays)))
}

/// Stores a stay only when the registration is still active and no stay was stored under it
/// since `reg` was read (its `verblijven_versie` unchanged), moving the version in the same
/// atomic step; `false` when something changed (nothing is written: read and check again).
/// Runs inside the caller's write transaction, which stores the stay's audit record too.
///
/// Cancellations do not move the version: the rules are monotone, so fewer booked nights never
/// turn an allowed stay into a refused one. On PostgreSQL this is one statement; SQLite runs the
/// same two steps.
pub fn claim_and_insert_stay(conn: &mut DbConnection, reg: &Registration, stay: &Stay) -> Result<bool, DbError> {
    match conn {
        DbConnection::Pg(c) => Ok(ClaimAndInsert { reg, stay }.execute(c)? == 1),
        DbConnection::Sqlite(_) => {
            let claimed = diesel::update(
                registraties::table
                    .filter(registraties::id.eq(&reg.id))
                    .filter(registraties::verblijven_versie.eq(reg.verblijven_versie))
                    .filter(registraties::status.eq(RegistrationStatus::Actief)),
            )
            .set(registraties::verblijven_versie.eq(reg.verblijven_versie + 1))
            .execute(conn)?;
            if claimed == 1 {
                diesel::insert_into(verblijven::table).values(stay).execute(conn)?;
            }
            Ok(claimed == 1)
        }
    }
}

/// PostgreSQL: moves the registration's stay version with a compare-and-swap and inserts the
/// stay only when it moved, in one statement. A query type of its own, so diesel prepares it once
/// per connection.
struct ClaimAndInsert<'a> {
    reg: &'a Registration,
    stay: &'a Stay,
}

impl diesel::query_builder::QueryId for ClaimAndInsert<'_> {
    type QueryId = ClaimAndInsert<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for ClaimAndInsert<'_> {
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>) -> QueryResult<()> {
        use diesel::sql_types::{BigInt, Date, Integer, Text, Timestamp};
        let (r, s) = (self.reg, self.stay);
        out.push_sql("WITH claimed AS (UPDATE registraties SET verblijven_versie = verblijven_versie + 1 WHERE id = ");
        out.push_bind_param::<Text, _>(&r.id)?;
        out.push_sql(" AND verblijven_versie = ");
        out.push_bind_param::<BigInt, _>(&r.verblijven_versie)?;
        out.push_sql(
            " AND status = 'actief' RETURNING id) INSERT INTO verblijven (id, registratie_id, nummeraanduiding_id, \
             start_datum, eind_datum, aantal_gasten, gemeld_door, gemeld_op) SELECT ",
        );
        out.push_bind_param::<Text, _>(&s.id)?;
        out.push_sql(", claimed.id, ");
        out.push_bind_param::<Text, _>(&s.nummeraanduiding_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Date, _>(&s.start_datum)?;
        out.push_sql(", ");
        out.push_bind_param::<Date, _>(&s.eind_datum)?;
        out.push_sql(", ");
        out.push_bind_param::<Integer, _>(&s.aantal_gasten)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&s.gemeld_door)?;
        out.push_sql(", ");
        out.push_bind_param::<Timestamp, _>(&s.gemeld_op)?;
        out.push_sql(" FROM claimed");
        Ok(())
    }
}

impl diesel::RunQueryDsl<diesel::PgConnection> for ClaimAndInsert<'_> {}

/// Stays at an address that are not cancelled.
pub fn live_stays_at(conn: &mut DbConnection, address: &NummeraanduidingId) -> Result<Vec<Stay>, DbError> {
    Ok(verblijven::table
        .filter(verblijven::nummeraanduiding_id.eq(address))
        .filter(verblijven::geannuleerd_op.is_null())
        .order(verblijven::start_datum.asc())
        .select(Stay::as_select())
        .load(conn)?)
}

/// Stores a stay and moves its registration's stay version, so an optimistic report checked
/// before it (see [`claim_and_insert_stay`]) cannot be stored after it. Every stay is stored
/// through here or through that function, which moves the version itself.
pub fn insert_stay(conn: &mut DbConnection, s: &Stay) -> Result<(), DbError> {
    diesel::insert_into(verblijven::table).values(s).execute(conn)?;
    diesel::update(registraties::table.filter(registraties::id.eq(&s.registratie_id)))
        .set(registraties::verblijven_versie.eq(registraties::verblijven_versie + 1))
        .execute(conn)?;
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

/// Withdraws an active registration; `false` when it was not active (any more).
pub fn withdraw(conn: &mut DbConnection, id: &str, reden: &str, at: NaiveDateTime) -> Result<bool, DbError> {
    let changed = diesel::update(
        registraties::table
            .filter(registraties::id.eq(id))
            .filter(registraties::status.eq(RegistrationStatus::Actief)),
    )
    .set((
        registraties::status.eq(RegistrationStatus::Ingetrokken),
        registraties::reden_intrekking.eq(reden),
        registraties::ingetrokken_op.eq(at),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// One address on the enforcement list.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct AddressNights {
    /// The address's newest registration.
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub registratienummer: RegistrationNumber,
    /// Its status.
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub status: RegistrationStatus,
    /// The address.
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub adres: String,
    /// BAG nummeraanduiding.
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub nummeraanduiding_id: NummeraanduidingId,
    /// Nights of live stays in the year, over all registrations of the address.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub nachten: i64,
    /// Addresses on the list in all (for paging).
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub totaal: i64,
}

/// The enforcement list in one aggregation: per address of the municipality, the nights of live
/// stays that fall in `year` (over every registration the address had), from `at_least` nights
/// on, most nights first, one page; the address shows its current registration (the active
/// one, else the newest).
pub fn addresses_by_nights(
    conn: &mut DbConnection,
    gemeente: Gemeentecode,
    year: i32,
    at_least: i64,
    offset: i64,
    limit: i64,
) -> Result<Vec<AddressNights>, DbError> {
    use diesel::sql_types::{BigInt, Date, Text};
    let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| DbError::Unavailable("year".into()))?;
    let to = NaiveDate::from_ymd_opt(year + 1, 1, 1).ok_or_else(|| DbError::Unavailable("year".into()))?;
    // the nights of a stay inside [from, to): the one expression the two backends write apart
    let (nights, p) = match conn {
        DbConnection::Pg(_) => ("(LEAST(v.eind_datum, $2) - GREATEST(v.start_datum, $1))::BIGINT", "$"),
        DbConnection::Sqlite(_) => (
            "CAST(julianday(MIN(v.eind_datum, ?2)) - julianday(MAX(v.start_datum, ?1)) AS INTEGER)",
            "?",
        ),
    };
    let sql = format!(
        "WITH per_adres AS (
             SELECT v.nummeraanduiding_id, CAST(SUM({nights}) AS BIGINT) AS nachten
             FROM verblijven v JOIN registraties r ON r.id = v.registratie_id
             WHERE r.gemeentecode = {p}3 AND v.geannuleerd_op IS NULL
               AND v.start_datum < {p}2 AND v.eind_datum > {p}1
             GROUP BY v.nummeraanduiding_id
         ),
         nieuwste AS (
             SELECT r.registratienummer, r.status, r.adres, r.nummeraanduiding_id
             FROM registraties r
             WHERE r.gemeentecode = {p}3 AND NOT EXISTS (
                 -- a better registration of the same address: the active one, else the newest
                 SELECT 1 FROM registraties n
                 WHERE n.nummeraanduiding_id = r.nummeraanduiding_id
                   AND ((n.status = 'actief' AND r.status <> 'actief')
                     OR (n.status = r.status AND (n.aangemaakt_op > r.aangemaakt_op
                         OR (n.aangemaakt_op = r.aangemaakt_op AND n.id > r.id)))))
         )
         SELECT n.registratienummer, n.status, n.adres, n.nummeraanduiding_id, a.nachten,
                COUNT(*) OVER () AS totaal
         FROM per_adres a JOIN nieuwste n ON n.nummeraanduiding_id = a.nummeraanduiding_id
         WHERE a.nachten >= {p}4
         ORDER BY a.nachten DESC, n.registratienummer ASC
         LIMIT {p}5 OFFSET {p}6"
    );
    let code = gemeente.to_string();
    macro_rules! run {
        ($c:expr) => {
            diesel::sql_query(&sql)
                .bind::<Date, _>(from)
                .bind::<Date, _>(to)
                .bind::<Text, _>(&code)
                .bind::<BigInt, _>(at_least)
                .bind::<BigInt, _>(limit)
                .bind::<BigInt, _>(offset)
                .load::<AddressNights>($c)?
        };
    }
    Ok(match conn {
        DbConnection::Pg(c) => run!(c),
        DbConnection::Sqlite(c) => run!(c),
    })
}
