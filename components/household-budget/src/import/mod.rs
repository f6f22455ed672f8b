//! Reading bank statement files into [`crate::domain::statement::Statement`]s: CAMT.053 (XML,
//! streamed) and MT940 (SWIFT text). Pure: bytes in, statements or a refusal out.

use diesel::{AsExpression, FromSqlRow};
pub mod camt;
pub mod mt940;

use crate::domain::money::Cents;
use crate::domain::statement::Statement;

/// The file formats read; stored and reported as `camt.053` / `mt940`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression, FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Format {
    /// ISO 20022 camt.053 (XML).
    Camt053,
    /// SWIFT MT940 (text).
    Mt940,
}

platform::text_enum!(Format { Camt053 => "camt.053", Mt940 => "mt940" });

/// Reads every statement of a file; its text comes out as plain text (see [`plain_text`]).
pub fn read(format: Format, bytes: &[u8]) -> Result<Vec<Statement>, ImportError> {
    let mut statements = match format {
        Format::Camt053 => camt::parse(bytes)?,
        Format::Mt940 => mt940::parse(bytes)?,
    };
    for s in &mut statements {
        clean(s);
        if let Some(t) = s.transactions.iter().find(|t| t.amount > Cents::MAX_TRANSACTION) {
            return Err(ImportError::Invalid(format!(
                "bedrag {} boven het maximum van {} per transactie",
                t.amount,
                Cents::MAX_TRANSACTION
            )));
        }
    }
    Ok(statements)
}

/// Every text of a statement as plain text: what a bank wrote is shown on pages, put in CSV
/// and payment files, and searched, so control and bidi characters have no place in it.
fn clean(s: &mut Statement) {
    let fix = |v: &mut String| {
        if v.chars().any(platform::audit::is_unsafe_char) {
            *v = plain_text(v);
        }
    };
    let fix_opt = |v: &mut Option<String>| {
        if let Some(text) = v.as_mut() {
            fix(text);
            if text.is_empty() {
                *v = None;
            }
        }
    };
    fix_opt(&mut s.id);
    for b in &mut s.balances {
        fix(&mut b.code);
    }
    for t in &mut s.transactions {
        fix(&mut t.description);
        for v in [
            &mut t.bank_reference,
            &mut t.end_to_end_id,
            &mut t.counterparty_iban,
            &mut t.counterparty_name,
            &mut t.counterparty_bic,
            &mut t.structured_reference,
            &mut t.return_reason,
        ] {
            fix_opt(v);
        }
    }
}

/// `text` with every control and bidi character replaced by a space, runs of white space made
/// one space, and trimmed: a line break in a bank's description becomes a space.
pub fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if platform::audit::is_unsafe_char(c) { ' ' } else { c };
        if c.is_whitespace() && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
    out.truncate(out.trim_end().len());
    out
}

/// Deepest element nesting accepted (CAMT.053 itself needs about 15).
pub const MAX_DEPTH: usize = 64;
/// Longest text of one element accepted.
pub const MAX_TEXT: usize = 64 * 1024;

/// Why a file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file has a DOCTYPE: entities and external references are never read.
    #[error("Het bestand bevat een DOCTYPE; entiteiten en externe verwijzingen worden niet gelezen.")]
    DocType,
    /// The file is not a bank statement of the format it was sent as.
    #[error("Dit is geen {expected}-bankafschrift maar {found}.")]
    NotAStatement {
        /// The format it was sent as.
        expected: &'static str,
        /// What it is.
        found: String,
    },
    /// The file is not well-formed.
    #[error("Het bestand is geen geldig bestand: {0}.")]
    Malformed(String),
    /// A value in it cannot be read.
    #[error("Ongeldige waarde in het afschrift: {0}.")]
    Invalid(String),
}
