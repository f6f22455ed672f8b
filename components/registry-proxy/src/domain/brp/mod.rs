//! BRP Personen: the query rules, the `fields` rules, and the derived rules they share.

#[rustfmt::skip]
pub mod field_catalog;
pub mod fields;
pub mod query;
