//! Use cases: one function per operation. Each checks the caller, owns its transaction and
//! applies the pure rules of `domain`; handlers only extract, call one of these and answer.

pub mod components;
pub mod follow;
pub mod harvest;
pub mod usage;

/// Scope of those who register and update components (VNG, suppliers).
pub const SCOPE_BEHEREN: &str = "catalogus.beheren";
