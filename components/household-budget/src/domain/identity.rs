//! When two imported transactions are the same one. Statements overlap (a bank sends the same
//! day in a day file and again in a month file), and a bank's reference is not always unique (the
//! Huishoudboekje sample gives all nine entries one `AcctSvcrRef`; a batch shares one). So a
//! transaction's identity per account is its own content: the bank's reference with the date,
//! amount, direction, counterparty, end-to-end id and description, numbered when the very same
//! content occurs several times in one statement (two equal payments on one day stay two).
//!
//! Nothing of a transaction's neighbours goes into it: the same transaction has the same
//! identity in every file it appears in. (It once used the reference alone when that occurred
//! once in its statement; a month file holding one entry of a day file's batch then imported
//! that entry again.)

use super::statement::{Statement, Transaction};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The identity of each transaction of `statement`, in order.
pub fn keys(statement: &Statement) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    statement
        .transactions
        .iter()
        .map(|t| {
            let base = content_key(t);
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            format!("{base}#{n}")
        })
        .collect()
}

fn content_key(t: &Transaction) -> String {
    let mut h = Sha256::new();
    for part in [
        t.booking_date.to_string().as_str(),
        &t.amount.0.to_string(),
        t.direction.as_str(),
        t.counterparty_iban.as_deref().unwrap_or(""),
        &t.description,
        t.bank_reference.as_deref().unwrap_or(""),
        t.end_to_end_id.as_deref().unwrap_or(""),
    ] {
        // length-prefixed, so no two different contents give the same bytes
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    format!("v2:{}", hex::encode(h.finalize()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::domain::iban::Iban;
    use crate::domain::money::Cents;
    use crate::domain::statement::Direction;

    fn tx(reference: Option<&str>, cents: i64, description: &str) -> Transaction {
        Transaction {
            amount: Cents(cents),
            direction: Direction::Debit,
            booking_date: "2026-03-01".parse().unwrap(),
            value_date: None,
            bank_reference: reference.map(str::to_string),
            end_to_end_id: None,
            counterparty_iban: Some("NL20INGB0001234567".into()),
            counterparty_name: None,
            counterparty_bic: None,
            description: description.into(),
            structured_reference: None,
            reversal: false,
            return_reason: None,
        }
    }

    #[test]
    fn the_same_transaction_has_the_same_identity_whatever_its_neighbours() {
        let statement = |transactions: Vec<Transaction>| Statement {
            id: None,
            account: Iban::parse("NL36ABNA5632579034").unwrap(),
            balances: vec![],
            transactions,
            entries_total: Cents::ZERO,
            not_booked: 0,
        };
        // a day file: two entries of one batch; a month file: the first of them alone
        let day = keys(&statement(vec![
            tx(Some("BATCH77"), 50000, "huur"),
            tx(Some("BATCH77"), 3000, "water"),
        ]));
        let month = keys(&statement(vec![tx(Some("BATCH77"), 50000, "huur")]));
        assert_ne!(day[0], day[1]);
        assert_eq!(month[0], day[0]);
        // a unique reference alone does not make another transaction the same one
        let a = keys(&statement(vec![tx(Some("A"), 100, "x")]));
        let b = keys(&statement(vec![tx(Some("A"), 200, "y")]));
        assert_ne!(a[0], b[0]);
        // two equal payments stay two, in any file
        let two = keys(&statement(vec![tx(None, 500, "koffie"), tx(None, 500, "koffie")]));
        assert_ne!(two[0], two[1]);
        assert_eq!(two[0].trim_end_matches("#1"), two[1].trim_end_matches("#2"));
    }
}
