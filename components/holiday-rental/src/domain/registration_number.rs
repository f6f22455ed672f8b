//! The registration number: four groups of four uppercase hex characters and the 4-digit
//! gemeentecode, as in the national register (`E7B8 B042 8A92 37E5 0363`).

use platform::Gemeentecode;
use std::fmt;

/// A well-formed registration number, kept without spaces (as in URLs and storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct RegistrationNumber {
    text: [u8; 20],
    code: Gemeentecode,
}

/// Why a text is not a registration number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Waarde is geen registratienummer (vier groepen van vier hexadecimale tekens en een gemeentecode).")]
pub struct NotANumber;

impl RegistrationNumber {
    /// Parses the form with or without spaces (hex in either case).
    pub fn parse(s: &str) -> Result<Self, NotANumber> {
        let compact: Vec<u8> = s
            .bytes()
            .filter(|b| *b != b' ')
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let text: [u8; 20] = compact.as_slice().try_into().map_err(|_| NotANumber)?;
        let (hex, code) = text.split_at(16);
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return Err(NotANumber);
        }
        let code = std::str::from_utf8(code)
            .ok()
            .and_then(|c| Gemeentecode::parse(c).ok())
            .ok_or(NotANumber)?;
        Ok(RegistrationNumber { text, code })
    }

    /// A new random number for a gemeente.
    pub fn generate(gemeente: Gemeentecode) -> Self {
        let mut text = [0u8; 20];
        for b in text.iter_mut().take(16) {
            *b = *b"0123456789ABCDEF".get(rand::random_range(0..16usize)).unwrap_or(&b'0');
        }
        for (b, c) in text.iter_mut().skip(16).zip(gemeente.as_str().bytes()) {
            *b = c;
        }
        RegistrationNumber { text, code: gemeente }
    }

    /// Without spaces, as in URLs and storage.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text).unwrap_or("")
    }

    /// Without spaces (the stored form).
    pub fn compact(&self) -> &str {
        self.as_str()
    }

    /// The gemeentecode at the end.
    pub fn gemeentecode(&self) -> Gemeentecode {
        self.code
    }

    /// The display form with spaces.
    pub fn display(&self) -> String {
        let s = self.as_str();
        (0..5)
            .filter_map(|i| s.get(i * 4..i * 4 + 4))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for RegistrationNumber {
    /// The compact form (URLs, storage); [`RegistrationNumber::display`] has the spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

platform::text_newtype!(RegistrationNumber, NotANumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let a = RegistrationNumber::parse("E7B8 B042 8A92 37E5 0363").unwrap();
        let b = RegistrationNumber::parse("e7b8b0428a9237e50363").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.display(), "E7B8 B042 8A92 37E5 0363");
        assert_eq!(a.compact(), "E7B8B0428A9237E50363");
        assert_eq!(a.gemeentecode().as_str(), "0363");
        assert!(RegistrationNumber::parse("E7B8 B042 8A92 37E5 036").is_err());
        assert!(RegistrationNumber::parse("G7B8 B042 8A92 37E5 0363").is_err());
        assert!(RegistrationNumber::parse("E7B8 B042 8A92 37E5 03A3").is_err());
        assert!(RegistrationNumber::parse("").is_err());
        let g = RegistrationNumber::generate(Gemeentecode::parse("0344").unwrap());
        assert_eq!(RegistrationNumber::parse(&g.display()), Ok(g));
        assert_eq!(g.gemeentecode().as_str(), "0344");
    }
}
