//! Use cases: one function per operation. Each checks the caller, owns its transaction, applies
//! the pure rules of `domain` and writes the audit record of what it read or changed; handlers
//! only extract, call one of these and answer.

pub mod booking;
pub mod citizens;
pub mod import;
pub mod master_data;
pub mod payments;
pub mod signals;
pub mod transactions;

use crate::AppState;
use crate::error::Error;
use platform::audit::AuditEntry;
use platform::auth::Principal;

/// Scope of budget workers who read.
pub const SCOPE_LEZEN: &str = "huishoudboekje.lezen";
/// Scope of budget workers who change (import, book, master data).
pub const SCOPE_BEHEREN: &str = "huishoudboekje.beheren";
/// Scope of a citizen through a portal (token with a `bsn` claim): their own data, read-only.
pub const SCOPE_BURGER: &str = "huishoudboekje.burger";

/// The purpose (doelbinding) this component states to the registry proxy.
pub const PURPOSE: &str = "schuldhulpverlening en budgetbeheer";

/// An audit entry for one action of the caller on one object; a citizen acting is named too.
pub fn entry(
    caller: &Principal,
    action: &str,
    object_type: &str,
    object_id: &str,
    details: serde_json::Value,
) -> AuditEntry {
    AuditEntry::performed(
        caller,
        &crate::register::BUDGETBEHEER,
        action,
        object_type,
        object_id,
        details,
    )
}

/// Records one action in the audit log, before the answer leaves.
pub async fn record(
    state: &AppState,
    caller: &Principal,
    action: &str,
    object_type: &str,
    object_id: &str,
    details: serde_json::Value,
) -> Result<(), Error> {
    record_all(state, vec![entry(caller, action, object_type, object_id, details)]).await
}

/// Records several entries at once (one wait for the audit writer).
pub async fn record_all(state: &AppState, entries: Vec<AuditEntry>) -> Result<(), Error> {
    Ok(state.audit.record(entries).await?)
}
