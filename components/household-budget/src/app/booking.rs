//! Booking transactions to afspraken: automatically after an import when exactly one afspraak
//! fits on every count, and the ranked suggestions for the rest.

use super::{SCOPE_LEZEN, record};
use crate::AppState;
use crate::domain::booking::{self, Agreement, Decision, Fit, Payment};
use crate::domain::iban::Iban;
use crate::domain::money::Cents;
use crate::domain::statement::Direction;
use crate::error::Error;
use crate::store::{self, AgreementRow, BookingRow, TransactionRow};
use chrono::NaiveDateTime;
use platform::auth::Principal;
use platform::db::{DbConnection, DbError};
use std::collections::HashMap;

/// Who the rules book as.
pub const AUTOMATIC: &str = "automatisch";

/// The accounts of each department's organisation, by department id.
pub type OrganisationAccounts = HashMap<String, Vec<Iban>>;

/// An afspraak row as the booking rules see it: its counter accounts are its own and, when it
/// is with a department, every account of that department's organisation.
pub fn agreement(row: &AgreementRow, organisations: &OrganisationAccounts) -> Agreement {
    let mut counter_accounts = vec![row.tegenrekening.clone()];
    if let Some(more) = row.afdeling_id.as_ref().and_then(|d| organisations.get(d)) {
        counter_accounts.extend(more.iter().filter(|i| **i != row.tegenrekening).cloned());
    }
    Agreement {
        id: row.id.clone(),
        direction: row.richting,
        amount: row.bedrag,
        counter_accounts,
        valid_from: row.geldig_van,
        valid_through: row.geldig_tot,
        search_terms: row.zoektermen.get().clone(),
    }
}

/// The rows as the booking rules see them, with their organisations' accounts.
fn agreements(c: &mut DbConnection, rows: &[AgreementRow]) -> Result<Vec<Agreement>, DbError> {
    let mut departments: Vec<String> = rows.iter().filter_map(|r| r.afdeling_id.clone()).collect();
    departments.sort();
    departments.dedup();
    let organisations = store::organisation_accounts(c, &departments)?;
    Ok(rows.iter().map(|r| agreement(r, &organisations)).collect())
}

fn payment(t: &TransactionRow) -> Payment<'_> {
    Payment {
        amount: t.bedrag,
        direction: t.richting,
        date: t.boekdatum,
        counter_account: t.tegenrekening.as_deref(),
        description: &t.omschrijving,
    }
}

/// The afspraken that could fit these transactions, by account: those with one of the
/// counterparties' accounts as their own or as one of their organisation's (the account weighs
/// most; without it an afspraak is never booked automatically).
fn candidates(c: &mut DbConnection, txs: &[&TransactionRow]) -> Result<HashMap<Iban, Vec<Agreement>>, DbError> {
    let mut accounts: Vec<String> = txs
        .iter()
        .filter_map(|t| t.tegenrekening.as_deref())
        .filter_map(|i| Iban::parse(i).ok())
        .map(|i| i.to_string())
        .collect();
    accounts.sort();
    accounts.dedup();
    let mut rows = store::agreements_with_accounts(c, &accounts)?;
    let departments = store::departments_of_account_holders(c, &accounts)?;
    rows.extend(store::agreements_with_departments(c, &departments)?);
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows.dedup_by(|a, b| a.id == b.id);
    let wanted: std::collections::HashSet<&str> = accounts.iter().map(String::as_str).collect();
    let mut by_account: HashMap<Iban, Vec<Agreement>> = HashMap::new();
    for a in agreements(c, &rows)? {
        for iban in a.counter_accounts.iter().filter(|i| wanted.contains(i.as_str())) {
            by_account.entry(iban.clone()).or_default().push(a.clone());
        }
    }
    Ok(by_account)
}

/// Books those of an import's new transactions that fit exactly one afspraak; returns how
/// many. Runs inside the import's transaction.
pub fn book_new(
    c: &mut DbConnection,
    txs: &[&TransactionRow],
    tolerance: Cents,
    at: NaiveDateTime,
) -> Result<usize, DbError> {
    if txs.is_empty() {
        return Ok(0);
    }
    let by_account = candidates(c, txs)?;
    // a debit carrying the end-to-end id of a payment we exported is that payment
    let e2e: Vec<String> = txs
        .iter()
        .filter(|t| t.richting == Direction::Debit)
        .filter_map(|t| t.end_to_end_id.clone())
        .collect();
    let exported: HashMap<String, String> = store::exported_by_end_to_end(c, &e2e)?.into_iter().collect();
    let none = Vec::new();
    let bookings: Vec<BookingRow> = txs
        .iter()
        .filter_map(|t| {
            let of_export = t
                .end_to_end_id
                .as_ref()
                .filter(|_| t.richting == Direction::Debit)
                .and_then(|id| exported.get(id))
                .cloned();
            let afspraak_id = of_export.or_else(|| {
                let options = t
                    .tegenrekening
                    .as_deref()
                    .and_then(|i| Iban::parse(i).ok())
                    .and_then(|i| by_account.get(&i))
                    .unwrap_or(&none);
                match booking::decide(&payment(t), options, tolerance) {
                    Decision::Book(id) => Some(id),
                    Decision::Suggest(_) => None,
                }
            })?;
            Some(BookingRow {
                transactie_id: t.id.clone(),
                afspraak_id,
                automatisch: true,
                geboekt_door: AUTOMATIC.into(),
                geboekt_op: at,
            })
        })
        .collect();
    store::insert_bookings(c, &bookings)?;
    Ok(bookings.len())
}

/// The afspraken that fit an unbooked transaction at least partly, best first, each with what
/// fits and what does not. All afspraken are considered, not only those of its account.
pub async fn suggestions(state: &AppState, caller: &Principal, transaction_id: String) -> Result<Vec<Fit>, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    let tolerance = state.booking_tolerance;
    let id = transaction_id.clone();
    let fits = state
        .db
        .run(move |c| {
            let Some((t, _)) = store::find_transaction(c, &id)? else {
                return Err(Error::not_found("Geen transactie met dit id."));
            };
            let rows = store::all_agreements(c)?;
            let all = agreements(c, &rows)?;
            Ok(match booking::decide(&payment(&t), &all, tolerance) {
                Decision::Book(id) => all
                    .iter()
                    .filter(|a| a.id == id)
                    .map(|a| booking::fit(&payment(&t), a, tolerance))
                    .collect(),
                Decision::Suggest(fits) => fits,
            })
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.transactie.suggesties",
        "transactie",
        &transaction_id,
        serde_json::json!({ "aantal": fits.len() }),
    )
    .await?;
    Ok(fits)
}

/// A person books a transaction to an afspraak (409 when it is booked already: unbook first).
pub async fn book(
    state: &AppState,
    caller: &Principal,
    transaction_id: String,
    afspraak_id: String,
) -> Result<BookingRow, Error> {
    caller.require_scope(super::SCOPE_BEHEREN)?;
    let row = BookingRow {
        transactie_id: transaction_id.clone(),
        afspraak_id: afspraak_id.clone(),
        automatisch: false,
        geboekt_door: caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
        geboekt_op: state.now(),
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            let Some((_, existing)) = store::find_transaction(c, &stored.transactie_id)? else {
                return Err(Error::not_found("Geen transactie met dit id."));
            };
            if existing.is_some() {
                return Err(Error::AlreadyBooked);
            }
            if !store::agreement_exists(c, &stored.afspraak_id)? {
                return Err(Error::not_found("Geen afspraak met dit id."));
            }
            store::insert_bookings(c, std::slice::from_ref(&stored))?;
            Ok(())
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.transactie.boeken",
        "transactie",
        &transaction_id,
        serde_json::json!({ "afspraak": afspraak_id }),
    )
    .await?;
    Ok(row)
}

/// A person removes a transaction's booking (automatic or not); 404 when it has none.
pub async fn unbook(state: &AppState, caller: &Principal, transaction_id: String) -> Result<(), Error> {
    caller.require_scope(super::SCOPE_BEHEREN)?;
    let id = transaction_id.clone();
    let removed = state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::delete_booking(c, &id)?))
        .await?;
    let Some(removed) = removed else {
        return Err(Error::not_found("Deze transactie is niet geboekt."));
    };
    record(
        state,
        caller,
        "huishoudboekje.transactie.ontboeken",
        "transactie",
        &transaction_id,
        serde_json::json!({ "afspraak": removed.afspraak_id, "wasAutomatisch": removed.automatisch }),
    )
    .await
}
