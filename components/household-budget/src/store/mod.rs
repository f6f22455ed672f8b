//! Storage (diesel, SQLite and PostgreSQL): imported statements and their transactions,
//! citizens, afspraken and bookings, payment files and signals here; the master data around the
//! citizens in `master_data`.

mod master_data;
pub use master_data::*;

use crate::domain::iban::Iban;
use crate::domain::money::Cents;
use crate::domain::schedule::Betaalinstructie;
use crate::domain::signals::Kind;
use crate::domain::statement::Direction;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use platform::db::{DbConnection, DbError, Json};
use platform::pagination::OpenOrClosed;

diesel::table! {
    /// Imported files.
    bankafschriften (id) {
        id -> Text,
        formaat -> Text,
        bestand_sha256 -> Text,
        ingelezen_op -> Timestamp,
        ingelezen_door -> Text,
        aantal_transacties -> Integer,
        aantal_nieuw -> Integer,
        aantal_dubbel -> Integer,
    }
}

diesel::table! {
    /// Transactions of the municipality's accounts.
    transacties (id) {
        id -> Text,
        bankafschrift_id -> Text,
        rekening -> Text,
        sleutel -> Text,
        bedrag -> BigInt,
        richting -> Text,
        boekdatum -> Date,
        valutadatum -> Nullable<Date>,
        bankreferentie -> Nullable<Text>,
        end_to_end_id -> Nullable<Text>,
        tegenrekening -> Nullable<Text>,
        tegenpartij_naam -> Nullable<Text>,
        tegenpartij_bic -> Nullable<Text>,
        omschrijving -> Text,
        betalingskenmerk -> Nullable<Text>,
        storno -> Bool,
        retourreden -> Nullable<Text>,
    }
}

diesel::joinable!(transacties -> bankafschriften (bankafschrift_id));

/// An imported file.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = bankafschriften)]
pub struct ImportRow {
    pub id: String,
    pub formaat: crate::import::Format,
    /// SHA-256 of the file as received.
    pub bestand_sha256: String,
    pub ingelezen_op: NaiveDateTime,
    /// Who (user or client).
    pub ingelezen_door: String,
    /// Transactions in the file.
    pub aantal_transacties: i32,
    /// Of which new.
    pub aantal_nieuw: i32,
    /// Of which already imported.
    pub aantal_dubbel: i32,
}

/// A stored transaction.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = transacties)]
#[diesel(treat_none_as_default_value = false)]
pub struct TransactionRow {
    pub id: String,
    /// The file it came from (the first that brought it).
    pub bankafschrift_id: String,
    /// The municipality's account.
    pub rekening: Iban,
    /// Identity per account (see `app::import::keys`).
    pub sleutel: String,
    /// Positive.
    pub bedrag: Cents,
    pub richting: Direction,
    /// Booking date.
    pub boekdatum: NaiveDate,
    /// Value date.
    pub valutadatum: Option<NaiveDate>,
    /// The bank's reference.
    pub bankreferentie: Option<String>,
    /// End-to-end id.
    pub end_to_end_id: Option<String>,
    /// Counterparty IBAN as the bank wrote it.
    pub tegenrekening: Option<String>,
    /// Counterparty name.
    pub tegenpartij_naam: Option<String>,
    /// Counterparty BIC.
    pub tegenpartij_bic: Option<String>,
    pub omschrijving: String,
    /// Structured reference.
    pub betalingskenmerk: Option<String>,
    /// A reversal.
    pub storno: bool,
    /// Return reason code.
    pub retourreden: Option<String>,
}

/// Rows per insert statement: 17 columns each stays under SQLite's 32,766 bound parameters.
pub const CHUNK: usize = 1_000;

/// Inserts `rows` into `table` in chunks on either backend (diesel types batch inserts per
/// backend); with `on_conflict_do_nothing` rows whose key exists are skipped. How many were
/// inserted.
macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr $(, $skip:ident)?) => {{
        let mut inserted = 0usize;
        for chunk in $rows.chunks(CHUNK) {
            inserted += match &mut *$conn {
                DbConnection::Pg(c) => diesel::insert_into($table).values(chunk)$(.$skip())?.execute(c)?,
                DbConnection::Sqlite(c) => diesel::insert_into($table).values(chunk)$(.$skip())?.execute(c)?,
            };
        }
        inserted
    }};
}

/// Stores an import (its transactions follow with [`insert_transactions`]). Run inside a
/// transaction.
pub fn insert_import(conn: &mut DbConnection, import: &ImportRow) -> Result<(), DbError> {
    diesel::insert_into(bankafschriften::table)
        .values(import)
        .execute(conn)?;
    Ok(())
}

/// Stores those of `rows` that are new for their account (the others are skipped by the
/// unique key); returns how many were new.
pub fn insert_transactions(conn: &mut DbConnection, rows: &[TransactionRow]) -> Result<usize, DbError> {
    Ok(insert_all!(conn, transacties::table, rows, on_conflict_do_nothing))
}

/// Which of these transaction ids are stored.
pub fn existing_transaction_ids(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<String>, DbError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            transacties::table
                .filter(transacties::id.eq_any(chunk))
                .select(transacties::id)
                .load::<String>(conn)?,
        );
    }
    Ok(out)
}

/// Records the counts of an import once they are known.
pub fn set_counts(conn: &mut DbConnection, id: &str, new: usize, duplicate: usize) -> Result<(), DbError> {
    let as_i32 = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    diesel::update(bankafschriften::table.filter(bankafschriften::id.eq(id)))
        .set((
            bankafschriften::aantal_nieuw.eq(as_i32(new)),
            bankafschriften::aantal_dubbel.eq(as_i32(duplicate)),
        ))
        .execute(conn)?;
    Ok(())
}

/// An import by id.
pub fn find_import(conn: &mut DbConnection, id: &str) -> Result<Option<ImportRow>, DbError> {
    Ok(bankafschriften::table
        .filter(bankafschriften::id.eq(id))
        .select(ImportRow::as_select())
        .first(conn)
        .optional()?)
}

/// Number of stored transactions.
pub fn count_transactions(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(transacties::table.count().get_result(conn)?)
}

diesel::table! {
    /// Citizens whose books are kept.
    burgers (id) {
        id -> Text,
        bsn -> Text,
        voornamen -> Text,
        achternaam -> Text,
        straat -> Nullable<Text>,
        huisnummer -> Nullable<Text>,
        postcode -> Nullable<Text>,
        plaats -> Nullable<Text>,
        email -> Nullable<Text>,
        telefoon -> Nullable<Text>,
        aangemaakt_op -> Timestamp,
        huishouden_id -> Nullable<Text>,
    }
}

diesel::table! {
    /// Agreements: expected income and expenses of a citizen.
    afspraken (id) {
        id -> Text,
        burger_id -> Text,
        omschrijving -> Text,
        richting -> Text,
        bedrag -> BigInt,
        tegenrekening -> Text,
        geldig_van -> Date,
        geldig_tot -> Nullable<Date>,
        zoektermen -> Text,
        aangemaakt_op -> Timestamp,
        betaalinstructie -> Nullable<Text>,
        rubriek_id -> Nullable<Text>,
        afdeling_id -> Nullable<Text>,
    }
}

diesel::table! {
    /// Transactions booked to an afspraak.
    boekingen (transactie_id) {
        transactie_id -> Text,
        afspraak_id -> Text,
        automatisch -> Bool,
        geboekt_door -> Text,
        geboekt_op -> Timestamp,
    }
}

diesel::joinable!(afspraken -> burgers (burger_id));
diesel::joinable!(boekingen -> transacties (transactie_id));
diesel::joinable!(boekingen -> afspraken (afspraak_id));
diesel::allow_tables_to_appear_in_same_query!(burgers, afspraken, boekingen, transacties, bankafschriften);

/// A citizen.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, PartialEq)]
#[diesel(table_name = burgers)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct CitizenRow {
    pub id: String,
    /// BSN (unique).
    pub bsn: platform::Bsn,
    /// First names.
    pub voornamen: String,
    pub achternaam: String,
    pub straat: Option<String>,
    /// House number with addition.
    pub huisnummer: Option<String>,
    pub postcode: Option<platform::Postcode>,
    pub plaats: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    pub telefoon: Option<String>,
    /// When added.
    pub aangemaakt_op: NaiveDateTime,
    /// The household it belongs to.
    pub huishouden_id: Option<String>,
}

/// An afspraak.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, PartialEq)]
#[diesel(table_name = afspraken)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct AgreementRow {
    pub id: String,
    /// The citizen.
    pub burger_id: String,
    pub omschrijving: String,
    /// Credit (income) or debit (expense).
    pub richting: Direction,
    /// Expected amount, positive.
    pub bedrag: Cents,
    /// The other party's account.
    pub tegenrekening: Iban,
    /// First day.
    pub geldig_van: NaiveDate,
    /// Last day.
    pub geldig_tot: Option<NaiveDate>,
    /// Search terms (a JSON array of strings in the column).
    pub zoektermen: Json<Vec<String>>,
    /// When added.
    pub aangemaakt_op: NaiveDateTime,
    /// When an expense is paid (JSON in the column).
    pub betaalinstructie: Option<Json<Betaalinstructie>>,
    /// Its rubriek.
    pub rubriek_id: Option<String>,
    /// The organisation's department it is with: every account of that organisation counts
    /// as its counter account.
    pub afdeling_id: Option<String>,
}

/// A booking.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = boekingen)]
pub struct BookingRow {
    /// The transaction.
    pub transactie_id: String,
    /// The afspraak.
    pub afspraak_id: String,
    /// Booked by the rules, not a person.
    pub automatisch: bool,
    /// Who (user or client; `automatisch` for the rules).
    pub geboekt_door: String,
    pub geboekt_op: NaiveDateTime,
}

/// Stores a citizen.
pub fn insert_citizen(conn: &mut DbConnection, c: &CitizenRow) -> Result<(), DbError> {
    diesel::insert_into(burgers::table).values(c).execute(conn)?;
    Ok(())
}

/// A citizen by id.
pub fn find_citizen(conn: &mut DbConnection, id: &str) -> Result<Option<CitizenRow>, DbError> {
    Ok(burgers::table
        .filter(burgers::id.eq(id))
        .select(CitizenRow::as_select())
        .first(conn)
        .optional()?)
}

/// Replaces a citizen's row (the caller keeps its id and creation time); whether it exists.
pub fn update_citizen(conn: &mut DbConnection, c: &CitizenRow) -> Result<bool, DbError> {
    Ok(diesel::update(burgers::table.find(&c.id)).set(c).execute(conn)? == 1)
}

/// Whether anything of the books refers to a citizen: afspraken or signals.
pub fn citizen_in_use(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    let agreements: i64 = afspraken::table
        .filter(afspraken::burger_id.eq(id))
        .count()
        .get_result(conn)?;
    let signals: i64 = signaleringen::table
        .filter(signaleringen::burger_id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(agreements + signals > 0)
}

/// Removes a citizen and their account links (nothing of the books may refer to them);
/// whether they existed.
pub fn delete_citizen(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    master_data::unlink_citizen_accounts(conn, id)?;
    Ok(diesel::delete(burgers::table.find(id)).execute(conn)? == 1)
}

/// One page of citizens by surname, with the total.
pub fn citizens(conn: &mut DbConnection, offset: i64, limit: i64) -> Result<(Vec<CitizenRow>, i64), DbError> {
    let total = burgers::table.count().get_result(conn)?;
    let rows = burgers::table
        .order((burgers::achternaam.asc(), burgers::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(CitizenRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Stores an afspraak.
pub fn insert_agreement(conn: &mut DbConnection, a: &AgreementRow) -> Result<(), DbError> {
    diesel::insert_into(afspraken::table).values(a).execute(conn)?;
    Ok(())
}

/// An afspraak by id.
pub fn find_agreement(conn: &mut DbConnection, id: &str) -> Result<Option<AgreementRow>, DbError> {
    Ok(afspraken::table
        .find(id)
        .select(AgreementRow::as_select())
        .first(conn)
        .optional()?)
}

/// Replaces an afspraak's row (the caller keeps its id, citizen and creation time); whether
/// it exists.
pub fn update_agreement(conn: &mut DbConnection, a: &AgreementRow) -> Result<bool, DbError> {
    Ok(diesel::update(afspraken::table.find(&a.id)).set(a).execute(conn)? == 1)
}

/// Whether the books refer to an afspraak: bookings, exported payments or signals.
pub fn agreement_in_use(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    let booked: i64 = boekingen::table
        .filter(boekingen::afspraak_id.eq(id))
        .count()
        .get_result(conn)?;
    let exported: i64 = geexporteerde_betalingen::table
        .filter(geexporteerde_betalingen::afspraak_id.eq(id))
        .count()
        .get_result(conn)?;
    let signals: i64 = signaleringen::table
        .filter(signaleringen::afspraak_id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(booked + exported + signals > 0)
}

/// Removes an afspraak nothing refers to; whether it existed.
pub fn delete_agreement(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(afspraken::table.find(id)).execute(conn)? == 1)
}

/// The afspraken of a citizen.
pub fn agreements_of(conn: &mut DbConnection, burger_id: &str) -> Result<Vec<AgreementRow>, DbError> {
    Ok(afspraken::table
        .filter(afspraken::burger_id.eq(burger_id))
        .order((afspraken::geldig_van.asc(), afspraken::id.asc()))
        .select(AgreementRow::as_select())
        .load(conn)?)
}

/// The afspraken with one of these counter accounts.
pub fn agreements_with_accounts(conn: &mut DbConnection, accounts: &[String]) -> Result<Vec<AgreementRow>, DbError> {
    let mut out = Vec::new();
    // bounded IN lists (SQLite's parameter limit)
    for chunk in accounts.chunks(500) {
        out.extend(
            afspraken::table
                .filter(afspraken::tegenrekening.eq_any(chunk))
                .select(AgreementRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// The afspraken with one of these departments.
pub fn agreements_with_departments(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<AgreementRow>, DbError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            afspraken::table
                .filter(afspraken::afdeling_id.eq_any(chunk))
                .select(AgreementRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// Stores bookings.
pub fn insert_bookings(conn: &mut DbConnection, rows: &[BookingRow]) -> Result<(), DbError> {
    insert_all!(conn, boekingen::table, rows);
    Ok(())
}

/// A transaction with its booking, if any.
pub type BookedTransaction = (TransactionRow, Option<BookingRow>);

/// One page of transactions, newest first, optionally only the unbooked ones, with the total.
pub fn transactions(
    conn: &mut DbConnection,
    only_unbooked: bool,
    offset: i64,
    limit: i64,
) -> Result<(Vec<BookedTransaction>, i64), DbError> {
    let base = || transacties::table.left_join(boekingen::table).into_boxed();
    let filtered = || {
        let q = base();
        if only_unbooked {
            q.filter(boekingen::transactie_id.is_null())
        } else {
            q
        }
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((transacties::boekdatum.desc(), transacties::id.asc()))
        .offset(offset)
        .limit(limit)
        .select((TransactionRow::as_select(), Option::<BookingRow>::as_select()))
        .load(conn)?;
    Ok((rows, total))
}

/// A transaction by id with its booking.
pub fn find_transaction(conn: &mut DbConnection, id: &str) -> Result<Option<BookedTransaction>, DbError> {
    Ok(transacties::table
        .left_join(boekingen::table)
        .filter(transacties::id.eq(id))
        .select((TransactionRow::as_select(), Option::<BookingRow>::as_select()))
        .first(conn)
        .optional()?)
}

/// Every afspraak (for suggestions).
pub fn all_agreements(conn: &mut DbConnection) -> Result<Vec<AgreementRow>, DbError> {
    Ok(afspraken::table.select(AgreementRow::as_select()).load(conn)?)
}

/// The afspraken of these citizens.
pub fn agreements_of_citizens(conn: &mut DbConnection, citizens: &[String]) -> Result<Vec<AgreementRow>, DbError> {
    let mut rows = Vec::new();
    for chunk in citizens.chunks(CHUNK) {
        rows.extend(
            afspraken::table
                .filter(afspraken::burger_id.eq_any(chunk))
                .select(AgreementRow::as_select())
                .load(conn)?,
        );
    }
    Ok(rows)
}

/// The citizens whose afspraken a transaction of this import was booked to.
pub fn citizens_booked_in(conn: &mut DbConnection, import_id: &str) -> Result<Vec<String>, DbError> {
    Ok(boekingen::table
        .inner_join(transacties::table)
        .inner_join(afspraken::table)
        .filter(transacties::bankafschrift_id.eq(import_id))
        .select(afspraken::burger_id)
        .distinct()
        .load(conn)?)
}

/// Whether an afspraak exists.
pub fn agreement_exists(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    let n: i64 = afspraken::table.filter(afspraken::id.eq(id)).count().get_result(conn)?;
    Ok(n > 0)
}

/// Removes a transaction's booking; the booking removed, if there was one.
pub fn delete_booking(conn: &mut DbConnection, transactie_id: &str) -> Result<Option<BookingRow>, DbError> {
    let existing = boekingen::table
        .filter(boekingen::transactie_id.eq(transactie_id))
        .select(BookingRow::as_select())
        .first(conn)
        .optional()?;
    if existing.is_some() {
        diesel::delete(boekingen::table.filter(boekingen::transactie_id.eq(transactie_id))).execute(conn)?;
    }
    Ok(existing)
}

diesel::table! {
    /// Exported payment files.
    betaalbestanden (id) {
        id -> Text,
        versie -> Text,
        van -> Date,
        tot -> Date,
        sha256 -> Text,
        inhoud -> Text,
        aantal -> Integer,
        totaal -> BigInt,
        aangemaakt_op -> Timestamp,
        aangemaakt_door -> Text,
    }
}

diesel::table! {
    /// Which payment (afspraak, date) went into which file.
    geexporteerde_betalingen (afspraak_id, datum) {
        afspraak_id -> Text,
        datum -> Date,
        betaalbestand_id -> Text,
        end_to_end_id -> Nullable<Text>,
    }
}

/// An exported payment file.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = betaalbestanden)]
pub struct PaymentFileRow {
    /// Id (also the message id).
    pub id: String,
    /// `pain.001.001.03` or `pain.001.001.09`.
    pub versie: String,
    /// First date of the range.
    pub van: NaiveDate,
    /// Last date of the range.
    pub tot: NaiveDate,
    /// SHA-256 of the file.
    pub sha256: String,
    /// The XML.
    pub inhoud: String,
    /// Payments in it.
    pub aantal: i32,
    /// Their total in cents.
    pub totaal: i64,
    pub aangemaakt_op: NaiveDateTime,
    pub aangemaakt_door: String,
}

/// A payment in a file.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = geexporteerde_betalingen)]
#[diesel(treat_none_as_default_value = false)]
pub struct ExportedPaymentRow {
    /// The afspraak.
    pub afspraak_id: String,
    /// The date.
    pub datum: NaiveDate,
    /// The file.
    pub betaalbestand_id: String,
    /// The payment's end-to-end id in the file.
    pub end_to_end_id: Option<String>,
}

/// The expense afspraken that have a betaalinstructie.
pub fn scheduled_expenses(conn: &mut DbConnection) -> Result<Vec<AgreementRow>, DbError> {
    Ok(afspraken::table
        .filter(afspraken::richting.eq(Direction::Debit))
        .filter(afspraken::betaalinstructie.is_not_null())
        .select(AgreementRow::as_select())
        .load(conn)?)
}

/// The payments already exported with a date in `from..=to`.
pub fn exported_between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(String, NaiveDate)>, DbError> {
    Ok(geexporteerde_betalingen::table
        .filter(geexporteerde_betalingen::datum.ge(from))
        .filter(geexporteerde_betalingen::datum.le(to))
        .select((geexporteerde_betalingen::afspraak_id, geexporteerde_betalingen::datum))
        .load(conn)?)
}

/// Stores a payment file and the payments in it (the key refuses a payment exported before).
pub fn insert_payment_file(
    conn: &mut DbConnection,
    file: &PaymentFileRow,
    payments: &[ExportedPaymentRow],
) -> Result<(), DbError> {
    diesel::insert_into(betaalbestanden::table).values(file).execute(conn)?;
    insert_all!(conn, geexporteerde_betalingen::table, payments);
    Ok(())
}

/// A payment file by id.
pub fn find_payment_file(conn: &mut DbConnection, id: &str) -> Result<Option<PaymentFileRow>, DbError> {
    Ok(betaalbestanden::table
        .filter(betaalbestanden::id.eq(id))
        .select(PaymentFileRow::as_select())
        .first(conn)
        .optional()?)
}

diesel::table! {
    /// Signals raised for a citizen (one per finding).
    signaleringen (id) {
        id -> Text,
        soort -> Text,
        burger_id -> Text,
        afspraak_id -> Nullable<Text>,
        datum -> Date,
        sleutel -> Text,
        toelichting -> Text,
        status -> Text,
        aangemaakt_op -> Timestamp,
        gesloten_op -> Nullable<Timestamp>,
        gesloten_door -> Nullable<Text>,
        notitie -> Nullable<Text>,
    }
}

/// A signal.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = signaleringen)]
#[diesel(treat_none_as_default_value = false)]
pub struct SignalRow {
    pub id: String,
    pub soort: Kind,
    /// The citizen.
    pub burger_id: String,
    /// The afspraak, if it is about one.
    pub afspraak_id: Option<String>,
    /// The date it concerns.
    pub datum: NaiveDate,
    /// Identity: the same finding is one signal.
    pub sleutel: String,
    pub toelichting: String,
    pub status: OpenOrClosed,
    /// When found.
    pub aangemaakt_op: NaiveDateTime,
    /// When closed.
    pub gesloten_op: Option<NaiveDateTime>,
    /// By whom.
    pub gesloten_door: Option<String>,
    pub notitie: Option<String>,
}

/// The booked transactions of every afspraak: (afspraak, date, amount, direction).
pub fn booked_per_agreement(conn: &mut DbConnection) -> Result<Vec<(String, NaiveDate, Cents, Direction)>, DbError> {
    Ok(boekingen::table
        .inner_join(transacties::table)
        .select((
            boekingen::afspraak_id,
            transacties::boekdatum,
            transacties::bedrag,
            transacties::richting,
        ))
        .load(conn)?)
}

/// As [`booked_per_agreement`], for the afspraken of these citizens only.
pub fn booked_per_agreement_of(
    conn: &mut DbConnection,
    citizens: &[String],
) -> Result<Vec<(String, NaiveDate, Cents, Direction)>, DbError> {
    let mut rows = Vec::new();
    for chunk in citizens.chunks(CHUNK) {
        rows.extend(
            boekingen::table
                .inner_join(transacties::table)
                .inner_join(afspraken::table)
                .filter(afspraken::burger_id.eq_any(chunk))
                .select((
                    boekingen::afspraak_id,
                    transacties::boekdatum,
                    transacties::bedrag,
                    transacties::richting,
                ))
                .load::<(String, NaiveDate, Cents, Direction)>(conn)?,
        );
    }
    Ok(rows)
}

/// Stores the signals that are new (by key); returns how many were.
pub fn insert_new_signals(conn: &mut DbConnection, rows: &[SignalRow]) -> Result<usize, DbError> {
    Ok(insert_all!(conn, signaleringen::table, rows, on_conflict_do_nothing))
}

/// One page of signals, newest date first, optionally of one citizen and one status.
pub fn signals(
    conn: &mut DbConnection,
    burger_id: Option<&str>,
    status: Option<OpenOrClosed>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<SignalRow>, i64), DbError> {
    let filtered = || {
        let mut q = signaleringen::table.into_boxed();
        if let Some(b) = burger_id {
            q = q.filter(signaleringen::burger_id.eq(b.to_string()));
        }
        if let Some(s) = status {
            q = q.filter(signaleringen::status.eq(s));
        }
        q
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((signaleringen::datum.desc(), signaleringen::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(SignalRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Closes an open signal; the signal as it is now, `None` when there is none with this id.
pub fn close_signal(
    conn: &mut DbConnection,
    id: &str,
    at: NaiveDateTime,
    by: &str,
    note: &str,
) -> Result<Option<(SignalRow, bool)>, DbError> {
    let changed = diesel::update(
        signaleringen::table
            .filter(signaleringen::id.eq(id))
            .filter(signaleringen::status.eq(OpenOrClosed::Open)),
    )
    .set((
        signaleringen::status.eq(OpenOrClosed::Gesloten),
        signaleringen::gesloten_op.eq(at),
        signaleringen::gesloten_door.eq(by),
        signaleringen::notitie.eq(note),
    ))
    .execute(conn)?;
    let row = signaleringen::table
        .filter(signaleringen::id.eq(id))
        .select(SignalRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(|r| (r, changed == 1)))
}

/// The afspraken of exported payments by their end-to-end ids: (end-to-end id, afspraak).
pub fn exported_by_end_to_end(conn: &mut DbConnection, ids: &[String]) -> Result<Vec<(String, String)>, DbError> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            geexporteerde_betalingen::table
                .filter(geexporteerde_betalingen::end_to_end_id.eq_any(chunk))
                .select((
                    geexporteerde_betalingen::end_to_end_id.assume_not_null(),
                    geexporteerde_betalingen::afspraak_id,
                ))
                .load::<(String, String)>(conn)?,
        );
    }
    Ok(out)
}
