//! The registration number: four groups of four uppercase hex characters and the 4-digit
//! gemeentecode, as in the national register (`E7B8 B042 8A92 37E5 0363`).

use std::fmt;

/// A well-formed registration number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RegistrationNumber(String);

impl RegistrationNumber {
    /// Parses the form with or without spaces (hex in either case).
    pub fn parse(s: &str) -> Option<Self> {
        let compact: String = s.chars().filter(|c| *c != ' ').collect::<String>().to_ascii_uppercase();
        let (hex, code) = compact.split_at_checked(16)?;
        (hex.chars().all(|c| c.is_ascii_hexdigit()) && code.len() == 4 && code.chars().all(|c| c.is_ascii_digit()))
            .then_some(RegistrationNumber(compact))
    }

    /// A new random number for a gemeente.
    pub fn generate(gemeentecode: &str) -> Self {
        let hex: String = (0..16)
            .map(|_| char::from(b"0123456789ABCDEF"[rand::random_range(0..16)]))
            .collect();
        RegistrationNumber(format!("{hex}{gemeentecode}"))
    }

    /// Without spaces, as in URLs and storage.
    pub fn compact(&self) -> &str {
        &self.0
    }

    /// The gemeentecode at the end.
    pub fn gemeentecode(&self) -> &str {
        &self.0[16..]
    }
}

impl fmt::Display for RegistrationNumber {
    /// The display form with spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<&str> = (0..5).map(|i| &self.0[i * 4..i * 4 + 4]).collect();
        f.write_str(&groups.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let a = RegistrationNumber::parse("E7B8 B042 8A92 37E5 0363").unwrap();
        let b = RegistrationNumber::parse("e7b8b0428a9237e50363").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "E7B8 B042 8A92 37E5 0363");
        assert_eq!(a.compact(), "E7B8B0428A9237E50363");
        assert_eq!(a.gemeentecode(), "0363");
        assert!(RegistrationNumber::parse("E7B8 B042 8A92 37E5 036").is_none());
        assert!(RegistrationNumber::parse("G7B8 B042 8A92 37E5 0363").is_none());
        assert!(RegistrationNumber::parse("E7B8 B042 8A92 37E5 03A3").is_none());
        assert!(RegistrationNumber::parse("").is_none());
        let g = RegistrationNumber::generate("0344");
        assert_eq!(RegistrationNumber::parse(&g.to_string()), Some(g.clone()));
        assert_eq!(g.gemeentecode(), "0344");
    }
}
