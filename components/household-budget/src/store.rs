//! Storage of imported statements and their transactions (diesel, SQLite and PostgreSQL).

use crate::domain::iban::Iban;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use platform::db::{DbConnection, DbError};

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
diesel::allow_tables_to_appear_in_same_query!(bankafschriften, transacties);

/// An imported file.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = bankafschriften)]
pub struct ImportRow {
    /// Id.
    pub id: String,
    /// `camt.053` or `mt940`.
    pub formaat: String,
    /// SHA-256 of the file as received.
    pub bestand_sha256: String,
    /// When.
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
    /// Id.
    pub id: String,
    /// The file it came from (the first that brought it).
    pub bankafschrift_id: String,
    /// The municipality's account.
    pub rekening: Iban,
    /// Identity per account (see `app::import::keys`).
    pub sleutel: String,
    /// Cents, positive.
    pub bedrag: i64,
    /// `credit` or `debit`.
    pub richting: String,
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
    /// Description.
    pub omschrijving: String,
    /// Structured reference.
    pub betalingskenmerk: Option<String>,
    /// A reversal.
    pub storno: bool,
    /// Return reason code.
    pub retourreden: Option<String>,
}

/// Rows per insert statement: 17 columns each stays under SQLite's 32,766 bound parameters.
const CHUNK: usize = 1_000;

/// Stores an import and those of its transactions that are new for their account (the others
/// are skipped by the unique key); returns how many were new. Run inside a transaction.
pub fn insert_import(conn: &mut DbConnection, import: &ImportRow, rows: &[TransactionRow]) -> Result<usize, DbError> {
    diesel::insert_into(bankafschriften::table)
        .values(import)
        .execute(conn)?;
    let mut new = 0;
    for chunk in rows.chunks(CHUNK) {
        // the same statement on both backends; batch inserts are typed per backend in diesel
        macro_rules! insert_new {
            ($c:expr) => {
                diesel::insert_into(transacties::table)
                    .values(chunk)
                    .on_conflict_do_nothing()
                    .execute($c)?
            };
        }
        new += match conn {
            DbConnection::Pg(c) => insert_new!(c),
            DbConnection::Sqlite(c) => insert_new!(c),
        };
    }
    Ok(new)
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

/// The transactions an import brought, in file order of their keys.
pub fn transactions_of_import(conn: &mut DbConnection, id: &str) -> Result<Vec<TransactionRow>, DbError> {
    Ok(transacties::table
        .filter(transacties::bankafschrift_id.eq(id))
        .order((transacties::boekdatum.asc(), transacties::sleutel.asc()))
        .select(TransactionRow::as_select())
        .load(conn)?)
}

/// Number of stored transactions.
pub fn count_transactions(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(transacties::table.count().get_result(conn)?)
}
