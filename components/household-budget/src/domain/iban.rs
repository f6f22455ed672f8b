//! IBANs, validated by the maintained `iban_validate` crate (checksum and each country's format).

use iban::IbanLike;
use std::fmt;

/// A valid IBAN in its electronic form (no spaces, upper case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Iban(String);

/// Why a text is not an IBAN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("geen geldig IBAN: {0}")]
pub struct IbanError(pub String);

impl Iban {
    /// Parses an IBAN in electronic or print form (`NL91 ABNA 0417 1643 00`).
    pub fn parse(s: &str) -> Result<Iban, IbanError> {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let parsed: iban::Iban = compact
            .parse()
            .map_err(|e: iban::ParseIbanError| IbanError(e.to_string()))?;
        Ok(Iban(parsed.electronic_str().to_string()))
    }

    /// The electronic form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

platform::text_newtype!(Iban, IbanError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn checksum_and_country_format() {
        assert_eq!(
            Iban::parse("nl91 abna 0417 1643 00").unwrap().as_str(),
            "NL91ABNA0417164300"
        );
        assert!(Iban::parse("NL36ABNA5632579034").is_ok());
        // checksum off by one digit
        assert!(Iban::parse("NL92ABNA0417164300").is_err());
        // Dutch IBANs have 18 characters
        assert!(Iban::parse("NL91ABNA04171643001").is_err());
        assert!(Iban::parse("").is_err());
    }
}
