//! Money as whole cents: never a float.

use diesel::{AsExpression, FromSqlRow};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in euro cents; negative for money out. Arithmetic is checked (an overflow is an
/// error, never a wrapped amount).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize, AsExpression, FromSqlRow,
)]
#[serde(transparent)]
#[diesel(sql_type = diesel::sql_types::BigInt)]
pub struct Cents(pub i64);

// stored as a BIGINT of cents on both backends
impl<DB> diesel::serialize::ToSql<diesel::sql_types::BigInt, DB> for Cents
where
    DB: diesel::backend::Backend,
    i64: diesel::serialize::ToSql<diesel::sql_types::BigInt, DB>,
{
    fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, DB>) -> diesel::serialize::Result {
        self.0.to_sql(out)
    }
}

impl<DB> diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB> for Cents
where
    DB: diesel::backend::Backend,
    i64: diesel::deserialize::FromSql<diesel::sql_types::BigInt, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
        i64::from_sql(bytes).map(Cents)
    }
}

/// Why a decimal text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is geen bedrag met hoogstens twee decimalen")]
pub struct AmountError(pub String);

impl Cents {
    /// No money: the start of every sum.
    pub const ZERO: Cents = Cents(0);

    /// The largest amount of one transaction read from a statement: € 10,000,000.00. Nothing a
    /// household's account sees comes near it, and with it no sum of a realistic number of
    /// transactions comes near the range of an `i64`.
    pub const MAX_TRANSACTION: Cents = Cents(1_000_000_000);

    /// The sum of `amounts`, `None` on overflow.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Cents>) -> Option<Cents> {
        amounts.into_iter().try_fold(Cents::ZERO, Cents::checked_add)
    }

    /// Parses a decimal amount as banks write it (`147.84`, `12`, `0.5`, `-3.10`; a comma is
    /// accepted as the decimal mark). More than two decimals are refused unless they are zeros.
    pub fn parse_decimal(s: &str) -> Result<Cents, AmountError> {
        let err = || AmountError(s.chars().take(40).collect());
        let t = s.trim();
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (whole, frac) = match digits.split_once(['.', ',']) {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return Err(err());
        }
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let (kept, rest) = frac.split_at(frac.len().min(2));
        if rest.bytes().any(|b| b != b'0') {
            return Err(err());
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| err())?
        };
        let mut cents: i64 = kept.parse::<i64>().unwrap_or(0);
        if kept.len() == 1 {
            cents *= 10;
        }
        let total = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(cents))
            .ok_or_else(err)?;
        Ok(Cents(if negative { -total } else { total }))
    }

    /// Sum, `None` on overflow.
    pub fn checked_add(self, other: Cents) -> Option<Cents> {
        self.0.checked_add(other.0).map(Cents)
    }

    /// Difference, `None` on overflow.
    pub fn checked_sub(self, other: Cents) -> Option<Cents> {
        self.0.checked_sub(other.0).map(Cents)
    }

    /// The amount without sign.
    pub fn abs(self) -> Cents {
        Cents(self.0.saturating_abs())
    }
}

impl fmt::Display for Cents {
    /// `147.84`, `-3.10`: the decimal form of pain.001 and reports.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn decimals_as_banks_write_them() {
        for (text, cents) in [
            ("147.84", 14784),
            ("12", 1200),
            ("0.5", 50),
            ("-3.10", -310),
            ("1,05", 105),
            ("2.500", 250),
            (".75", 75),
        ] {
            assert_eq!(Cents::parse_decimal(text), Ok(Cents(cents)), "{text}");
        }
        for bad in ["", "-", "1.005", "1e3", "12a", "1.2.3", "99999999999999999999"] {
            assert!(Cents::parse_decimal(bad).is_err(), "{bad}");
        }
        assert_eq!(Cents(-310).to_string(), "-3.10");
        assert_eq!(Cents(5).to_string(), "0.05");
        assert_eq!(Cents(i64::MAX).checked_add(Cents(1)), None);
    }
}
