//! Payment export: the planned outgoing payments of a date range (from the betaalinstructies of
//! expense afspraken, within their validity) as one pain.001 file, stored with its SHA-256. A
//! payment (afspraak, date) is never exported twice: already exported ones are left out, and the
//! database key refuses a second export racing this one.

use super::{SCOPE_BEHEREN, SCOPE_LEZEN, record};
use crate::AppState;
use crate::domain::money::Cents;
use crate::error::Error;
use crate::export::pain001::{self, Debtor, Transfer, Version};
use crate::store::{self, ExportedPaymentRow, PaymentFileRow};
use chrono::NaiveDate;
use platform::auth::Principal;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Exports the payments due in `from..=to` that were not exported before.
pub async fn export(
    state: &AppState,
    caller: &Principal,
    from: NaiveDate,
    to: NaiveDate,
    version: Version,
) -> Result<PaymentFileRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let debtor = Debtor {
        name: state.account_name.clone(),
        account: state.accounts.first().cloned().ok_or(Error::NothingToExport)?,
    };
    let (at, by) = (
        state.now(),
        caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
    );
    let file = state
        .db
        .write_transaction(move |c| {
            let done: HashSet<(String, NaiveDate)> = store::exported_between(c, from, to)?.into_iter().collect();
            let mut transfers = Vec::new();
            let mut payments = Vec::new();
            for a in store::scheduled_expenses(c)? {
                let Some(instruction) = a.betaalinstructie.as_ref().map(|b| b.get()) else {
                    continue;
                };
                // within the afspraak's validity too
                let (start, end) = (from.max(a.geldig_van), a.geldig_tot.map_or(to, |t| t.min(to)));
                for date in instruction.dates(start, end) {
                    if done.contains(&(a.id.clone(), date)) {
                        continue;
                    }
                    let id = uuid::Uuid::new_v4().simple().to_string();
                    transfers.push(Transfer {
                        end_to_end_id: id.clone(),
                        date,
                        amount: a.bedrag,
                        creditor_name: a.omschrijving.clone(),
                        creditor_account: a.tegenrekening.clone(),
                        remittance: format!("{} {date}", a.omschrijving),
                    });
                    payments.push(ExportedPaymentRow {
                        afspraak_id: a.id.clone(),
                        datum: date,
                        betaalbestand_id: String::new(),
                        end_to_end_id: Some(id),
                    });
                }
            }
            if transfers.is_empty() {
                return Err(Error::NothingToExport);
            }
            let id = uuid::Uuid::new_v4().simple().to_string();
            let xml = pain001::write(version, &id, at, &debtor, &transfers);
            let total = Cents::checked_sum(transfers.iter().map(|t| t.amount))
                .ok_or(Error::AmountOverflow("het totaal van het betaalbestand"))?
                .0;
            let file = PaymentFileRow {
                id: id.clone(),
                versie: version.as_str().into(),
                van: from,
                tot: to,
                sha256: hex::encode(Sha256::digest(xml.as_bytes())),
                inhoud: xml,
                aantal: i32::try_from(transfers.len()).unwrap_or(i32::MAX),
                totaal: total,
                aangemaakt_op: at,
                aangemaakt_door: by,
            };
            for p in &mut payments {
                p.betaalbestand_id = id.clone();
            }
            match store::insert_payment_file(c, &file, &payments) {
                // another export took some of these payments meanwhile
                Err(e) if e.is_unique_violation() => Err(Error::NothingToExport),
                other => other.map_err(Error::from),
            }?;
            Ok(file)
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.betaalbestand.aanmaken",
        "betaalbestand",
        &file.id,
        serde_json::json!({ "van": from, "tot": to, "aantal": file.aantal, "totaal": file.totaal, "sha256": file.sha256 }),
    )
    .await?;
    Ok(file)
}

/// A payment file, to download again.
pub async fn get(state: &AppState, caller: &Principal, id: String) -> Result<PaymentFileRow, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    let key = id.clone();
    let file = state
        .db
        .run(move |c| store::find_payment_file(c, &key))
        .await?
        .ok_or(Error::not_found("Geen betaalbestand met dit id."))?;
    record(
        state,
        caller,
        "huishoudboekje.betaalbestand.ophalen",
        "betaalbestand",
        &id,
        serde_json::json!({}),
    )
    .await?;
    Ok(file)
}
