//! A bank statement as imported, whatever the file format: its account, balances and
//! transactions. CAMT.053 and MT940 both read into these types.

use super::iban::Iban;
use super::money::Cents;
use chrono::NaiveDate;
use diesel::{AsExpression, FromSqlRow};
use serde::Serialize;

/// Money in or out of the account; stored as `credit` / `debit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Direction {
    /// Money in (`CRDT`, MT940 `C`).
    Credit,
    /// Money out (`DBIT`, MT940 `D`).
    Debit,
}

impl Direction {
    /// The amount with its sign: positive in, negative out.
    pub fn signed(self, amount: Cents) -> Cents {
        match self {
            Direction::Credit => amount,
            Direction::Debit => Cents(-amount.0),
        }
    }
}

platform::text_enum!(Direction { Credit => "credit", Debit => "debit" });

/// A balance of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Balance {
    /// `OPBD` (opening booked), `PRCD` (previous closing), `CLBD` (closing booked), `CLAV`
    /// (closing available), or what else the bank wrote.
    pub code: String,
    /// Signed amount.
    pub amount: Cents,
    /// The balance's date.
    pub date: Option<NaiveDate>,
}

/// One transaction: a booked entry, or one transaction of a batch-booked entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transaction {
    /// Amount, positive; [`Transaction::direction`] says which way.
    pub amount: Cents,
    /// In or out (the effect on the account, also for a reversal).
    pub direction: Direction,
    /// Booking date.
    pub booking_date: NaiveDate,
    /// Value date.
    pub value_date: Option<NaiveDate>,
    /// The bank's reference (`AcctSvcrRef`, MT940 `:61:` bank reference), when it has one.
    pub bank_reference: Option<String>,
    /// End-to-end id of the payment (`NOTPROVIDED` is none).
    pub end_to_end_id: Option<String>,
    /// The other party's IBAN (debtor for money in, creditor for money out), as written.
    pub counterparty_iban: Option<String>,
    /// The other party's name.
    pub counterparty_name: Option<String>,
    /// The other party's bank.
    pub counterparty_bic: Option<String>,
    /// The description: unstructured remittance, else the structured reference, else the
    /// bank's additional information.
    pub description: String,
    /// Structured creditor reference (betalingskenmerk), when given.
    pub structured_reference: Option<String>,
    /// The entry reverses an earlier one (`RvslInd`).
    pub reversal: bool,
    /// A returned payment's reason code (`RtrInf/Rsn/Cd`, e.g. `AC04`).
    pub return_reason: Option<String>,
}

/// One statement: one account over one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// The bank's statement id.
    pub id: Option<String>,
    /// The account.
    pub account: Iban,
    /// Balances as given.
    pub balances: Vec<Balance>,
    /// Transactions in file order.
    pub transactions: Vec<Transaction>,
    /// Sum of the booked entries as signed amounts (for the arithmetic check; a batch entry
    /// counts once, with its total).
    pub entries_total: Cents,
    /// Entries skipped because they are not booked (pending, information only).
    pub not_booked: usize,
}

/// Whether opening + entries = closing, when the statement gives both balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Arithmetic {
    /// Opening balance (`OPBD`, else `PRCD`).
    pub beginsaldo: Cents,
    /// Opening plus the entries.
    pub verwacht_eindsaldo: Cents,
    /// Closing balance as given (`CLBD`).
    pub eindsaldo: Cents,
    /// Whether they agree.
    pub klopt: bool,
}

impl Statement {
    /// Opening + entries against the closing balance; `None` when either balance is missing.
    pub fn arithmetic(&self) -> Option<Arithmetic> {
        let find = |codes: &[&str]| {
            codes
                .iter()
                .find_map(|c| self.balances.iter().find(|b| b.code == *c))
                .map(|b| b.amount)
        };
        let opening = find(&["OPBD", "PRCD"])?;
        let closing = find(&["CLBD"])?;
        let expected = opening.checked_add(self.entries_total)?;
        Some(Arithmetic {
            beginsaldo: opening,
            verwacht_eindsaldo: expected,
            eindsaldo: closing,
            klopt: expected == closing,
        })
    }
}
