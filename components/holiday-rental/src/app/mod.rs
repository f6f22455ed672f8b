//! Use cases: one function per operation. Each owns its transaction, applies the pure rules of
//! `domain`, stores through `store` and writes the audit record of what it delivered; handlers
//! only extract, call one of these and answer.

pub mod enforcement;
pub mod platform_data;
pub mod registrations;
pub mod stays;

use crate::domain::registration_number::RegistrationNumber;
use crate::store::Registration;
use platform::audit::AuditEntry;
use platform::auth::Principal;
use platform::ldv::DataSubject;
use platform::register::Activity;
use platform::{Bsn, Gemeentecode};

/// Scope of citizens (through a portal, with a `bsn` claim).
pub const SCOPE_AANVRAGEN: &str = "vakantieverhuur.aanvragen";
/// Scope of platforms that verify numbers.
pub const SCOPE_CONTROLEREN: &str = "vakantieverhuur.controleren";
/// Scope of the municipality's inspectors.
pub const SCOPE_HANDHAVEN: &str = "vakantieverhuur.handhaven";
/// Scope of the Single Digital Entry Point, which forwards every removal order to the platforms.
pub const SCOPE_SDEP: &str = "vakantieverhuur.sdep";

/// The caller as this component sees it: the authenticated principal and the municipality its
/// client acts for (from this component's client settings).
#[derive(Debug, Clone)]
pub struct Caller {
    /// Who called.
    pub principal: Principal,
    /// The municipality the client acts for, if any.
    pub gemeente: Option<Gemeentecode>,
    /// The platform a platform's client speaks for, as the SDEP names it (`metadata.platform`).
    pub platform: Option<String>,
}

/// Whether the caller is the registration's holder (a citizen through the portal).
pub fn is_holder(c: &Caller, r: &Registration) -> bool {
    c.principal.has_scope(SCOPE_AANVRAGEN) && c.principal.bsn == Some(r.bsn)
}

/// Whether the caller is an inspector of the registration's municipality.
pub fn is_inspector(c: &Caller, r: &Registration) -> bool {
    c.principal.has_scope(SCOPE_HANDHAVEN) && c.gemeente == Some(r.gemeentecode)
}

/// Whether the caller may see a registration: its holder, or its municipality's inspector.
pub fn may_access(c: &Caller, r: &Registration) -> bool {
    is_holder(c, r) || is_inspector(c, r)
}

/// Records one action on a registration in the audit log, before the answer leaves.
pub async fn record(
    state: &crate::AppState,
    caller: &Caller,
    activity: &Activity,
    action: &str,
    number: &RegistrationNumber,
    holder: &Bsn,
    details: serde_json::Value,
) -> Result<(), crate::error::Error> {
    Ok(state
        .audit
        .record(vec![audit_entry(
            caller,
            activity,
            action,
            number,
            Some(holder),
            details,
        )])
        .await?)
}

/// An audit entry for an action in `activity` on a registration, about its `holder` (when
/// known; else the citizen acting, the token's `bsn`).
pub fn audit_entry(
    c: &Caller,
    activity: &Activity,
    action: &str,
    number: &RegistrationNumber,
    holder: Option<&Bsn>,
    details: serde_json::Value,
) -> AuditEntry {
    let entry = AuditEntry::performed(
        &c.principal,
        activity,
        action,
        "registratie",
        &number.to_string(),
        details,
    );
    match holder {
        Some(bsn) => entry.about(Some(DataSubject::bsn(bsn))),
        None => entry,
    }
}
