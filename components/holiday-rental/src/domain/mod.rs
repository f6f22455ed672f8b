//! The rules of holiday rental, free of HTTP and storage.

pub mod area;
pub mod eligibility;
pub mod platform_data;
pub mod registration_number;
pub mod rules;
pub mod status;
pub mod stays;
