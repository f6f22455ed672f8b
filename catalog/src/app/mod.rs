//! Use cases: one function per operation. Each checks the caller, owns its transaction and
//! applies the pure rules of `domain`; handlers only extract, call one of these and answer.

pub mod components;
pub mod follow;
pub mod harvest;
pub mod usage;

/// Scope of those who register and update components (VNG, suppliers).
pub const SCOPE_BEHEREN: &str = "catalogus.beheren";

/// The moment before which a periodic task's last run makes it due again: `interval` seconds
/// before `now` (harvest sources, followed catalogues).
pub(crate) fn due_before(now: chrono::NaiveDateTime, interval: u64) -> chrono::NaiveDateTime {
    now - chrono::Duration::seconds(i64::try_from(interval).unwrap_or(i64::MAX / 1000))
}
