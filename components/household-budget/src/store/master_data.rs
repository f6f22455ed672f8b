//! Storage of the master data around the citizens: households, organisations and their
//! departments, bank accounts (of citizens and departments), the chart of accounts and rubrieken.

use super::{afspraken, burgers};
use crate::domain::iban::Iban;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use platform::KvkNummer;
use platform::db::{DbConnection, DbError};
use std::collections::HashMap;

diesel::table! {
    /// Households: citizens who share their books.
    huishoudens (id) {
        id -> Text,
        naam -> Text,
        aangemaakt_op -> Timestamp,
    }
}

diesel::table! {
    /// Organisations (creditors, employers, benefit agencies), by KvK number.
    organisaties (id) {
        id -> Text,
        kvk_nummer -> Text,
        naam -> Text,
        aangemaakt_op -> Timestamp,
    }
}

diesel::table! {
    /// Departments of an organisation.
    afdelingen (id) {
        id -> Text,
        organisatie_id -> Text,
        naam -> Text,
        aangemaakt_op -> Timestamp,
    }
}

diesel::table! {
    /// Bank accounts of citizens and departments, once per IBAN.
    rekeningen (iban) {
        iban -> Text,
        rekeninghouder -> Text,
        aangemaakt_op -> Timestamp,
    }
}

diesel::table! {
    /// Which citizen holds which account.
    burger_rekeningen (burger_id, iban) {
        burger_id -> Text,
        iban -> Text,
    }
}

diesel::table! {
    /// Which department holds which account.
    afdeling_rekeningen (afdeling_id, iban) {
        afdeling_id -> Text,
        iban -> Text,
    }
}

diesel::table! {
    /// The chart of accounts (seeded by the migration).
    grootboekrekeningen (code) {
        code -> Text,
        naam -> Text,
        soort -> Text,
    }
}

diesel::table! {
    /// Rubrieken: what afspraken are grouped by in reports, each on a grootboekrekening.
    rubrieken (id) {
        id -> Text,
        naam -> Text,
        grootboekrekening -> Text,
        aangemaakt_op -> Timestamp,
    }
}

diesel::joinable!(afdelingen -> organisaties (organisatie_id));
diesel::joinable!(afdeling_rekeningen -> afdelingen (afdeling_id));
diesel::joinable!(afdeling_rekeningen -> rekeningen (iban));
diesel::joinable!(burger_rekeningen -> rekeningen (iban));
diesel::joinable!(burger_rekeningen -> burgers (burger_id));
diesel::joinable!(rubrieken -> grootboekrekeningen (grootboekrekening));
// every pair once: the master-data tables with each other and with burgers, then each with
// afspraken (burgers and afspraken are paired in the parent module)
diesel::allow_tables_to_appear_in_same_query!(
    huishoudens,
    organisaties,
    afdelingen,
    rekeningen,
    burger_rekeningen,
    afdeling_rekeningen,
    grootboekrekeningen,
    rubrieken,
    burgers,
);
diesel::allow_tables_to_appear_in_same_query!(afspraken, huishoudens);
diesel::allow_tables_to_appear_in_same_query!(afspraken, organisaties);
diesel::allow_tables_to_appear_in_same_query!(afspraken, afdelingen);
diesel::allow_tables_to_appear_in_same_query!(afspraken, rekeningen);
diesel::allow_tables_to_appear_in_same_query!(afspraken, burger_rekeningen);
diesel::allow_tables_to_appear_in_same_query!(afspraken, afdeling_rekeningen);
diesel::allow_tables_to_appear_in_same_query!(afspraken, grootboekrekeningen);
diesel::allow_tables_to_appear_in_same_query!(afspraken, rubrieken);

/// A household.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = huishoudens)]
pub struct HouseholdRow {
    pub id: String,
    /// Name (e.g. the family name).
    pub naam: String,
    /// When added.
    pub aangemaakt_op: NaiveDateTime,
}

/// An organisation.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = organisaties)]
pub struct OrganisationRow {
    pub id: String,
    /// KvK number (unique).
    pub kvk_nummer: KvkNummer,
    pub naam: String,
    /// When added.
    pub aangemaakt_op: NaiveDateTime,
}

/// A department.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = afdelingen)]
pub struct DepartmentRow {
    pub id: String,
    /// Its organisation.
    pub organisatie_id: String,
    pub naam: String,
    /// When added.
    pub aangemaakt_op: NaiveDateTime,
}

/// A bank account.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = rekeningen)]
pub struct AccountRow {
    pub iban: Iban,
    /// Holder's name.
    pub rekeninghouder: String,
    /// When first added.
    pub aangemaakt_op: NaiveDateTime,
}

/// A grootboekrekening.
#[derive(Debug, Clone, Queryable, Selectable, PartialEq)]
#[diesel(table_name = grootboekrekeningen)]
pub struct LedgerAccountRow {
    pub code: String,
    pub naam: String,
    /// Credit (income) or debit (expense).
    pub soort: crate::domain::statement::Direction,
}

/// A rubriek.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = rubrieken)]
pub struct RubriekRow {
    pub id: String,
    /// Name (unique).
    pub naam: String,
    /// Code of its grootboekrekening.
    pub grootboekrekening: String,
    /// When added.
    pub aangemaakt_op: NaiveDateTime,
}

/// One page of a table, with the total.
pub type Page<T> = (Vec<T>, i64);

// --- households ---

/// Stores a household.
pub fn insert_household(conn: &mut DbConnection, h: &HouseholdRow) -> Result<(), DbError> {
    diesel::insert_into(huishoudens::table).values(h).execute(conn)?;
    Ok(())
}

/// A household by id.
pub fn find_household(conn: &mut DbConnection, id: &str) -> Result<Option<HouseholdRow>, DbError> {
    Ok(huishoudens::table
        .find(id)
        .select(HouseholdRow::as_select())
        .first(conn)
        .optional()?)
}

/// One page of households by name.
pub fn households(conn: &mut DbConnection, offset: i64, limit: i64) -> Result<Page<HouseholdRow>, DbError> {
    let total = huishoudens::table.count().get_result(conn)?;
    let rows = huishoudens::table
        .order((huishoudens::naam.asc(), huishoudens::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(HouseholdRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Renames a household; whether it exists.
pub fn rename_household(conn: &mut DbConnection, id: &str, naam: &str) -> Result<bool, DbError> {
    let n = diesel::update(huishoudens::table.find(id))
        .set(huishoudens::naam.eq(naam))
        .execute(conn)?;
    Ok(n == 1)
}

/// The ids of a household's members.
pub fn members_of(conn: &mut DbConnection, huishouden_id: &str) -> Result<Vec<String>, DbError> {
    Ok(burgers::table
        .filter(burgers::huishouden_id.eq(huishouden_id))
        .order(burgers::id.asc())
        .select(burgers::id)
        .load(conn)?)
}

/// Removes a household (it must have no members); whether it existed.
pub fn delete_household(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(huishoudens::table.find(id)).execute(conn)? == 1)
}

// --- organisations and departments ---

/// Stores an organisation.
pub fn insert_organisation(conn: &mut DbConnection, o: &OrganisationRow) -> Result<(), DbError> {
    diesel::insert_into(organisaties::table).values(o).execute(conn)?;
    Ok(())
}

/// An organisation by id.
pub fn find_organisation(conn: &mut DbConnection, id: &str) -> Result<Option<OrganisationRow>, DbError> {
    Ok(organisaties::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

/// One page of organisations by name.
pub fn organisations(conn: &mut DbConnection, offset: i64, limit: i64) -> Result<Page<OrganisationRow>, DbError> {
    let total = organisaties::table.count().get_result(conn)?;
    let rows = organisaties::table
        .order((organisaties::naam.asc(), organisaties::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(OrganisationRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Changes an organisation's KvK number and name; whether it exists.
pub fn update_organisation(conn: &mut DbConnection, o: &OrganisationRow) -> Result<bool, DbError> {
    let n = diesel::update(organisaties::table.find(&o.id))
        .set((
            organisaties::kvk_nummer.eq(o.kvk_nummer),
            organisaties::naam.eq(&o.naam),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Removes an organisation (it must have no departments); whether it existed.
pub fn delete_organisation(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(organisaties::table.find(id)).execute(conn)? == 1)
}

/// Stores a department.
pub fn insert_department(conn: &mut DbConnection, d: &DepartmentRow) -> Result<(), DbError> {
    diesel::insert_into(afdelingen::table).values(d).execute(conn)?;
    Ok(())
}

/// A department by id.
pub fn find_department(conn: &mut DbConnection, id: &str) -> Result<Option<DepartmentRow>, DbError> {
    Ok(afdelingen::table
        .find(id)
        .select(DepartmentRow::as_select())
        .first(conn)
        .optional()?)
}

/// An organisation's departments by name.
pub fn departments_of(conn: &mut DbConnection, organisatie_id: &str) -> Result<Vec<DepartmentRow>, DbError> {
    Ok(afdelingen::table
        .filter(afdelingen::organisatie_id.eq(organisatie_id))
        .order((afdelingen::naam.asc(), afdelingen::id.asc()))
        .select(DepartmentRow::as_select())
        .load(conn)?)
}

/// Renames a department; whether it exists.
pub fn rename_department(conn: &mut DbConnection, id: &str, naam: &str) -> Result<bool, DbError> {
    let n = diesel::update(afdelingen::table.find(id))
        .set(afdelingen::naam.eq(naam))
        .execute(conn)?;
    Ok(n == 1)
}

/// Removes a department and its account links (no afspraak may name it); whether it existed.
pub fn delete_department(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    diesel::delete(afdeling_rekeningen::table.filter(afdeling_rekeningen::afdeling_id.eq(id))).execute(conn)?;
    Ok(diesel::delete(afdelingen::table.find(id)).execute(conn)? == 1)
}

/// How many afspraken name this department.
pub fn agreements_with_department(conn: &mut DbConnection, afdeling_id: &str) -> Result<i64, DbError> {
    Ok(afspraken::table
        .filter(afspraken::afdeling_id.eq(afdeling_id))
        .count()
        .get_result(conn)?)
}

// --- accounts ---

/// Stores an account, or renames its holder when the IBAN is known.
pub fn upsert_account(conn: &mut DbConnection, a: &AccountRow) -> Result<(), DbError> {
    let updated = diesel::update(rekeningen::table.find(&a.iban))
        .set(rekeningen::rekeninghouder.eq(&a.rekeninghouder))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(rekeningen::table).values(a).execute(conn)?;
    }
    Ok(())
}

/// An account by IBAN.
pub fn find_account(conn: &mut DbConnection, iban: &Iban) -> Result<Option<AccountRow>, DbError> {
    Ok(rekeningen::table
        .find(iban)
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

/// One page of accounts by IBAN.
pub fn accounts(conn: &mut DbConnection, offset: i64, limit: i64) -> Result<Page<AccountRow>, DbError> {
    let total = rekeningen::table.count().get_result(conn)?;
    let rows = rekeningen::table
        .order(rekeningen::iban.asc())
        .offset(offset)
        .limit(limit)
        .select(AccountRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Who holds an account: (citizen ids, department ids).
pub fn holders_of(conn: &mut DbConnection, iban: &Iban) -> Result<(Vec<String>, Vec<String>), DbError> {
    let citizens = burger_rekeningen::table
        .filter(burger_rekeningen::iban.eq(iban))
        .order(burger_rekeningen::burger_id.asc())
        .select(burger_rekeningen::burger_id)
        .load(conn)?;
    let departments = afdeling_rekeningen::table
        .filter(afdeling_rekeningen::iban.eq(iban))
        .order(afdeling_rekeningen::afdeling_id.asc())
        .select(afdeling_rekeningen::afdeling_id)
        .load(conn)?;
    Ok((citizens, departments))
}

/// Removes an account nobody holds; whether it existed.
pub fn delete_account(conn: &mut DbConnection, iban: &Iban) -> Result<bool, DbError> {
    Ok(diesel::delete(rekeningen::table.find(iban)).execute(conn)? == 1)
}

/// Whose account: a citizen's or a department's.
#[derive(Debug, Clone, Copy)]
pub enum Holder<'a> {
    /// A citizen, by id.
    Citizen(&'a str),
    /// A department, by id.
    Department(&'a str),
}

/// Links an account to its holder (linking twice is one link).
pub fn link_account(conn: &mut DbConnection, holder: Holder<'_>, iban: &Iban) -> Result<(), DbError> {
    match holder {
        Holder::Citizen(id) => {
            let row = (burger_rekeningen::burger_id.eq(id), burger_rekeningen::iban.eq(iban));
            match conn {
                DbConnection::Pg(c) => diesel::insert_into(burger_rekeningen::table)
                    .values(row)
                    .on_conflict_do_nothing()
                    .execute(c)?,
                DbConnection::Sqlite(c) => diesel::insert_into(burger_rekeningen::table)
                    .values(row)
                    .on_conflict_do_nothing()
                    .execute(c)?,
            }
        }
        Holder::Department(id) => {
            let row = (
                afdeling_rekeningen::afdeling_id.eq(id),
                afdeling_rekeningen::iban.eq(iban),
            );
            match conn {
                DbConnection::Pg(c) => diesel::insert_into(afdeling_rekeningen::table)
                    .values(row)
                    .on_conflict_do_nothing()
                    .execute(c)?,
                DbConnection::Sqlite(c) => diesel::insert_into(afdeling_rekeningen::table)
                    .values(row)
                    .on_conflict_do_nothing()
                    .execute(c)?,
            }
        }
    };
    Ok(())
}

/// Unlinks an account from its holder; whether it was linked.
pub fn unlink_account(conn: &mut DbConnection, holder: Holder<'_>, iban: &Iban) -> Result<bool, DbError> {
    let n = match holder {
        Holder::Citizen(id) => diesel::delete(
            burger_rekeningen::table
                .filter(burger_rekeningen::burger_id.eq(id))
                .filter(burger_rekeningen::iban.eq(iban)),
        )
        .execute(conn)?,
        Holder::Department(id) => diesel::delete(
            afdeling_rekeningen::table
                .filter(afdeling_rekeningen::afdeling_id.eq(id))
                .filter(afdeling_rekeningen::iban.eq(iban)),
        )
        .execute(conn)?,
    };
    Ok(n == 1)
}

/// The accounts a holder holds, by IBAN.
pub fn accounts_of(conn: &mut DbConnection, holder: Holder<'_>) -> Result<Vec<AccountRow>, DbError> {
    Ok(match holder {
        Holder::Citizen(id) => burger_rekeningen::table
            .inner_join(rekeningen::table)
            .filter(burger_rekeningen::burger_id.eq(id))
            .order(rekeningen::iban.asc())
            .select(AccountRow::as_select())
            .load(conn)?,
        Holder::Department(id) => afdeling_rekeningen::table
            .inner_join(rekeningen::table)
            .filter(afdeling_rekeningen::afdeling_id.eq(id))
            .order(rekeningen::iban.asc())
            .select(AccountRow::as_select())
            .load(conn)?,
    })
}

/// Removes every account link of a citizen (when the citizen is removed).
pub fn unlink_citizen_accounts(conn: &mut DbConnection, burger_id: &str) -> Result<(), DbError> {
    diesel::delete(burger_rekeningen::table.filter(burger_rekeningen::burger_id.eq(burger_id))).execute(conn)?;
    Ok(())
}

/// For each of these departments, every account of its organisation (of all its departments):
/// a creditor pays and is paid from any of its accounts.
pub fn organisation_accounts(
    conn: &mut DbConnection,
    afdeling_ids: &[String],
) -> Result<HashMap<String, Vec<Iban>>, DbError> {
    let mut out: HashMap<String, Vec<Iban>> = HashMap::new();
    for chunk in afdeling_ids.chunks(500) {
        let org_of: Vec<(String, String)> = afdelingen::table
            .filter(afdelingen::id.eq_any(chunk))
            .select((afdelingen::id, afdelingen::organisatie_id))
            .load(conn)?;
        let orgs: Vec<&String> = org_of.iter().map(|(_, o)| o).collect();
        let accounts: Vec<(String, Iban)> = afdeling_rekeningen::table
            .inner_join(afdelingen::table)
            .filter(afdelingen::organisatie_id.eq_any(orgs))
            .select((afdelingen::organisatie_id, afdeling_rekeningen::iban))
            .load(conn)?;
        for (afdeling, org) in &org_of {
            let mut ibans: Vec<Iban> = accounts
                .iter()
                .filter(|(o, _)| o == org)
                .map(|(_, i)| i.clone())
                .collect();
            ibans.sort();
            ibans.dedup();
            out.insert(afdeling.clone(), ibans);
        }
    }
    Ok(out)
}

/// The departments of every organisation that holds one of these accounts.
pub fn departments_of_account_holders(conn: &mut DbConnection, ibans: &[String]) -> Result<Vec<String>, DbError> {
    let mut out = Vec::new();
    for chunk in ibans.chunks(500) {
        let orgs: Vec<String> = afdeling_rekeningen::table
            .inner_join(afdelingen::table)
            .filter(afdeling_rekeningen::iban.eq_any(chunk))
            .select(afdelingen::organisatie_id)
            .distinct()
            .load(conn)?;
        out.extend(
            afdelingen::table
                .filter(afdelingen::organisatie_id.eq_any(orgs))
                .select(afdelingen::id)
                .load::<String>(conn)?,
        );
    }
    out.sort();
    out.dedup();
    Ok(out)
}

// --- chart of accounts and rubrieken ---

/// The chart of accounts by code.
pub fn ledger_accounts(conn: &mut DbConnection) -> Result<Vec<LedgerAccountRow>, DbError> {
    Ok(grootboekrekeningen::table
        .order(grootboekrekeningen::code.asc())
        .select(LedgerAccountRow::as_select())
        .load(conn)?)
}

/// A grootboekrekening by code.
pub fn find_ledger_account(conn: &mut DbConnection, code: &str) -> Result<Option<LedgerAccountRow>, DbError> {
    Ok(grootboekrekeningen::table
        .find(code)
        .select(LedgerAccountRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores a rubriek.
pub fn insert_rubriek(conn: &mut DbConnection, r: &RubriekRow) -> Result<(), DbError> {
    diesel::insert_into(rubrieken::table).values(r).execute(conn)?;
    Ok(())
}

/// A rubriek by id.
pub fn find_rubriek(conn: &mut DbConnection, id: &str) -> Result<Option<RubriekRow>, DbError> {
    Ok(rubrieken::table
        .find(id)
        .select(RubriekRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every rubriek, by name (for reports: a municipality has tens, not thousands).
pub fn all_rubrieken(conn: &mut DbConnection) -> Result<Vec<RubriekRow>, DbError> {
    Ok(rubrieken::table
        .order((rubrieken::naam.asc(), rubrieken::id.asc()))
        .select(RubriekRow::as_select())
        .load(conn)?)
}

/// One page of rubrieken by name.
pub fn rubrieken(conn: &mut DbConnection, offset: i64, limit: i64) -> Result<Page<RubriekRow>, DbError> {
    let total = rubrieken::table.count().get_result(conn)?;
    let rows = rubrieken::table
        .order((rubrieken::naam.asc(), rubrieken::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(RubriekRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Changes a rubriek's name and grootboekrekening; whether it exists.
pub fn update_rubriek(conn: &mut DbConnection, r: &RubriekRow) -> Result<bool, DbError> {
    let n = diesel::update(rubrieken::table.find(&r.id))
        .set((
            rubrieken::naam.eq(&r.naam),
            rubrieken::grootboekrekening.eq(&r.grootboekrekening),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// How many afspraken are in this rubriek.
pub fn agreements_in_rubriek(conn: &mut DbConnection, rubriek_id: &str) -> Result<i64, DbError> {
    Ok(afspraken::table
        .filter(afspraken::rubriek_id.eq(rubriek_id))
        .count()
        .get_result(conn)?)
}

/// Removes a rubriek no afspraak is in; whether it existed.
pub fn delete_rubriek(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(rubrieken::table.find(id)).execute(conn)? == 1)
}
