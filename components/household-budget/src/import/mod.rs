//! Reading bank statement files into [`crate::domain::statement::Statement`]s: CAMT.053 (XML,
//! streamed) and MT940 (SWIFT text). Pure: bytes in, statements or a refusal out.

pub mod camt;
pub mod mt940;

use crate::domain::statement::Statement;

/// The file formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// ISO 20022 camt.053 (XML).
    Camt053,
    /// SWIFT MT940 (text).
    Mt940,
}

impl Format {
    /// As stored and reported.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Camt053 => "camt.053",
            Format::Mt940 => "mt940",
        }
    }
}

/// Reads every statement of a file.
pub fn read(format: Format, bytes: &[u8]) -> Result<Vec<Statement>, ImportError> {
    match format {
        Format::Camt053 => camt::parse(bytes),
        Format::Mt940 => mt940::parse(bytes),
    }
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
