//! BRP Personen: the query rules, the `fields` rules, and rendering of persons.

#[rustfmt::skip]
pub mod field_catalog;
pub mod fields;
pub mod query;
pub mod render;
