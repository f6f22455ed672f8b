//! Use cases of the registry proxy: one function per operation, with the audit record inside.

pub mod bag;
pub mod personen;
pub mod protocollering;
