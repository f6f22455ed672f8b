//! Importing a bank statement file: read it (off the async threads), check that every statement
//! is of one of the municipality's accounts, and store what is new in one transaction, so a file
//! is either imported whole or not at all.

use super::signals::Citizens;
use super::{SCOPE_BEHEREN, record};
use crate::AppState;
use crate::domain::iban::Iban;
use crate::domain::identity;
use crate::domain::statement::{Arithmetic, Transaction};
use crate::error::Error;
use crate::import::{self, Format};
use crate::store::{self, ImportRow, TransactionRow};
use platform::auth::Principal;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One statement of an import, as reported back.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatementSummary {
    /// The bank's statement id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The account.
    #[schema(value_type = String, example = "NL36ABNA5632579034")]
    pub rekening: String,
    /// Booked transactions in it.
    pub aantal_transacties: usize,
    /// Entries not booked yet (pending), not imported.
    pub aantal_niet_geboekt: usize,
    /// Opening + entries against the closing balance, when the statement gives both; a
    /// mismatch is reported, not refused, since real files are not always consistent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub saldocontrole: Option<Arithmetic>,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    /// Id of the import.
    pub id: String,
    /// `camt.053` or `mt940`.
    pub formaat: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Transactions in the file.
    pub aantal_transacties: usize,
    /// Of which new (stored).
    pub aantal_nieuw: usize,
    /// Of which imported before (skipped).
    pub aantal_dubbel: usize,
    /// Of the new ones, booked to an afspraak by the rules.
    pub aantal_automatisch_geboekt: usize,
    /// Per statement.
    pub afschriften: Vec<StatementSummary>,
}

/// Imports a statement file of `format`.
pub async fn import_file(
    state: &AppState,
    caller: &Principal,
    format: Format,
    body: actix_web::web::Bytes,
) -> Result<ImportOutcome, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    // hashing and reading a file of many megabytes is blocking work: off the async threads
    let (sha256, statements) = actix_web::web::block(move || {
        import::read(format, &body).map(|statements| (hex::encode(Sha256::digest(&body)), statements))
    })
    .await??;
    if let Some(foreign) = statements
        .iter()
        .find(|s| !state.accounts.contains(&s.account))
        .map(|s| s.account.clone())
    {
        return Err(Error::ForeignAccount(foreign));
    }
    let id = uuid::Uuid::new_v4().to_string();
    // the summaries first; then the statements move into the rows
    let summaries: Vec<StatementSummary> = statements
        .iter()
        .map(|s| StatementSummary {
            id: s.id.clone(),
            rekening: s.account.to_string(),
            aantal_transacties: s.transactions.len(),
            aantal_niet_geboekt: s.not_booked,
            saldocontrole: s.arithmetic(),
        })
        .collect();
    let total: usize = statements.iter().map(|s| s.transactions.len()).sum();
    let import = ImportRow {
        id: id.clone(),
        formaat: format,
        bestand_sha256: sha256.clone(),
        ingelezen_op: state.now(),
        ingelezen_door: caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
        aantal_transacties: i32::try_from(total).unwrap_or(i32::MAX),
        aantal_nieuw: 0,
        aantal_dubbel: 0,
    };
    let (tolerance, at, margin) = (state.booking_tolerance, state.now(), state.signal_margin_days);
    let (new, booked) = state
        .db
        .write_transaction(move |c| {
            store::insert_import(c, &import)?;
            let (mut new, mut booked) = (0, 0);
            // a chunk of rows at a time: stored, then booked; the transactions move out of the
            // parsed statements as they go, so the file's rows are never all in memory twice
            for s in statements {
                let keys = identity::keys(&s);
                let account = s.account;
                let mut pairs = keys.into_iter().zip(s.transactions);
                loop {
                    let rows: Vec<TransactionRow> = pairs
                        .by_ref()
                        .take(store::CHUNK)
                        .map(|(key, t)| transaction_row(&import.id, &account, key, t))
                        .collect();
                    if rows.is_empty() {
                        break;
                    }
                    let stored = store::insert_transactions(c, &rows)?;
                    new += stored;
                    let fresh: Vec<&TransactionRow> = if stored == rows.len() {
                        rows.iter().collect()
                    } else {
                        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
                        let kept: std::collections::HashSet<String> =
                            store::existing_transaction_ids(c, &ids)?.into_iter().collect();
                        rows.iter().filter(|r| kept.contains(&r.id)).collect()
                    };
                    booked += super::booking::book_new(c, &fresh, tolerance, at)?;
                }
            }
            if new == 0 {
                // rolls the import row back too: nothing of this file is stored
                return Err(Error::NothingNew { transactions: total });
            }
            store::set_counts(c, &import.id, new, total - new)?;
            // what the new bookings show (or still miss) is signalled with the import, for the
            // citizens it booked to; the others' signals do not change by it
            let touched = store::citizens_booked_in(c, &import.id)?;
            super::signals::refresh(c, Citizens::Only(&touched), at.date(), margin, tolerance, at)?;
            Ok((new, booked))
        })
        .await?;
    let outcome = ImportOutcome {
        id,
        formaat: format.to_string(),
        sha256,
        aantal_transacties: total,
        aantal_nieuw: new,
        aantal_dubbel: total - new,
        aantal_automatisch_geboekt: booked,
        afschriften: summaries,
    };
    record(
        state,
        caller,
        "huishoudboekje.bankafschrift.inlezen",
        "bankafschrift",
        &outcome.id,
        serde_json::json!({
            "formaat": outcome.formaat,
            "sha256": outcome.sha256,
            "transacties": total,
            "nieuw": new,
            "automatischGeboekt": booked,
            "rekeningen": outcome.afschriften.iter().map(|a| a.rekening.clone()).collect::<Vec<_>>(),
        }),
    )
    .await?;
    Ok(outcome)
}

/// The row to store for a transaction of `account`, with its identity `key`.
fn transaction_row(import_id: &str, account: &Iban, key: String, t: Transaction) -> TransactionRow {
    TransactionRow {
        id: uuid::Uuid::new_v4().to_string(),
        bankafschrift_id: import_id.to_string(),
        rekening: account.clone(),
        sleutel: key,
        bedrag: t.amount,
        richting: t.direction,
        boekdatum: t.booking_date,
        valutadatum: t.value_date,
        bankreferentie: t.bank_reference,
        end_to_end_id: t.end_to_end_id,
        tegenrekening: t.counterparty_iban,
        tegenpartij_naam: t.counterparty_name,
        tegenpartij_bic: t.counterparty_bic,
        omschrijving: t.description,
        betalingskenmerk: t.structured_reference,
        storno: t.reversal,
        retourreden: t.return_reason,
    }
}
