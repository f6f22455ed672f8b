//! The burgerservicenummer: nine digits that pass the eleven test.

use std::fmt;

/// A validated burgerservicenummer (BSN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Bsn([u8; 9]);

crate::text_newtype!(Bsn, BsnError);

/// Why a string is not a BSN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BsnError {
    /// Not exactly nine digits.
    // "Waarde …": the wording a body field's fault is shown with (platform::extract), the same
    // as the registry proxy's for a query parameter
    #[error("Waarde is geen geldig burgerservicenummer (9 cijfers).")]
    Format,
    /// Nine digits that fail the eleven test.
    #[error("Waarde is geen geldig burgerservicenummer (de elfproef klopt niet).")]
    ElevenTest,
}

impl Bsn {
    /// Parses nine digits and checks the eleven test
    /// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11, and not 0).
    pub fn parse(s: &str) -> Result<Self, BsnError> {
        let bytes = s.as_bytes();
        if bytes.len() != 9 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(BsnError::Format);
        }
        let mut ascii = [0u8; 9];
        ascii.copy_from_slice(bytes);
        if !passes_eleven_test(&ascii) {
            return Err(BsnError::ElevenTest);
        }
        Ok(Bsn(ascii))
    }

    /// Builds a valid BSN from the first eight digits by choosing the check digit;
    /// `None` when no check digit makes it valid.
    pub fn from_prefix(prefix: u32) -> Option<Self> {
        if prefix >= 100_000_000 {
            return None;
        }
        let s = format!("{prefix:08}");
        (0..=9).find_map(|c| Bsn::parse(&format!("{s}{c}")).ok())
    }

    /// The nine digits as text.
    pub fn as_string(&self) -> String {
        self.as_str().to_string()
    }

    /// The nine digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("000000000")
    }
}

/// The eleven test over nine ASCII digits.
fn passes_eleven_test(ascii: &[u8; 9]) -> bool {
    let mut sum: i32 = 0;
    for (i, digit) in ascii.iter().enumerate() {
        let weight = if i == 8 { -1 } else { 9 - i as i32 };
        sum += weight * i32::from(digit - b'0');
    }
    sum != 0 && sum % 11 == 0
}

impl fmt::Display for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_numbers_pass() {
        for s in ["999990019", "999990032", "999990044", "999990056", "999990068"] {
            assert_eq!(Bsn::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(Bsn::parse("99999001"), Err(BsnError::Format));
        assert_eq!(Bsn::parse("99999001a"), Err(BsnError::Format));
        assert_eq!(Bsn::parse("999990018"), Err(BsnError::ElevenTest));
        assert_eq!(Bsn::parse("000000000"), Err(BsnError::ElevenTest));
    }

    #[test]
    fn from_prefix_makes_valid_numbers() {
        let b = Bsn::from_prefix(99999001).unwrap();
        assert_eq!(b.to_string(), "999990019");
    }
}
