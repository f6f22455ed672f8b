//! When two imported transactions are the same one. Statements overlap (a bank sends the same
//! day in two files) and real ids are not always unique (the Huishoudboekje sample gives all nine
//! entries one `AcctSvcrRef`), so a transaction's identity per account is:
//! - the bank's reference, when it occurs once in its statement;
//! - otherwise its content (date, amount, direction, counterparty, description), numbered when
//!   the same content occurs several times in one statement (two equal payments on one day stay
//!   two).

use super::statement::{Statement, Transaction};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The identity of each transaction of `statement`, in order.
pub fn keys(statement: &Statement) -> Vec<String> {
    let mut reference_count: HashMap<&str, usize> = HashMap::new();
    for t in &statement.transactions {
        if let Some(r) = t.bank_reference.as_deref() {
            *reference_count.entry(r).or_default() += 1;
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    statement
        .transactions
        .iter()
        .map(|t| match t.bank_reference.as_deref() {
            Some(r) if reference_count.get(r) == Some(&1) => format!("ref:{r}"),
            _ => {
                let base = content_key(t);
                let n = seen.entry(base.clone()).or_default();
                *n += 1;
                format!("{base}#{n}")
            }
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
    ] {
        // length-prefixed, so no two different contents give the same bytes
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    format!("inhoud:{}", hex::encode(h.finalize()))
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
    fn references_only_when_unique_and_equal_content_numbered() {
        let s = Statement {
            id: None,
            account: Iban::parse("NL36ABNA5632579034").unwrap(),
            balances: vec![],
            transactions: vec![
                tx(Some("A"), 100, "x"),
                tx(Some("SAME"), 100, "y"),
                tx(Some("SAME"), 200, "z"),
                tx(None, 500, "koffie"),
                tx(None, 500, "koffie"),
            ],
            entries_total: Cents::ZERO,
            not_booked: 0,
        };
        let k = keys(&s);
        assert_eq!(k[0], "ref:A");
        assert!(k[1].starts_with("inhoud:") && k[2].starts_with("inhoud:") && k[1] != k[2]);
        // two equal payments stay two
        assert_ne!(k[3], k[4]);
        assert_eq!(k[3].trim_end_matches("#1"), k[4].trim_end_matches("#2"));
    }
}
