//! The rules of holiday rental, free of HTTP and storage.

pub mod registration_number;
pub mod rules;
pub mod stays;
