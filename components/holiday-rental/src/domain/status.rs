//! The status of a registration.

use std::fmt;

/// `actief` until the municipality withdraws it, then `ingetrokken` for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow, utoipa::ToSchema)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum RegistrationStatus {
    /// The number is valid.
    Actief,
    /// Withdrawn by the municipality.
    Ingetrokken,
}

/// Not a status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("status is actief of ingetrokken")]
pub struct UnknownStatus;

impl RegistrationStatus {
    /// `actief` or `ingetrokken`.
    pub fn parse(s: &str) -> Result<Self, UnknownStatus> {
        match s {
            "actief" => Ok(RegistrationStatus::Actief),
            "ingetrokken" => Ok(RegistrationStatus::Ingetrokken),
            _ => Err(UnknownStatus),
        }
    }

    /// The stored and published word.
    pub fn as_str(&self) -> &'static str {
        match self {
            RegistrationStatus::Actief => "actief",
            RegistrationStatus::Ingetrokken => "ingetrokken",
        }
    }
}

impl fmt::Display for RegistrationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

platform::text_newtype!(RegistrationStatus, UnknownStatus);
