//! The rules of household budgeting, pure: money, IBANs, statements, booking, signals,
//! reports and a citizen's name and address.

pub mod booking;
pub mod iban;
pub mod identity;
pub mod money;
pub mod person;
pub mod report;
pub mod schedule;
pub mod signals;
pub mod statement;
