//! Use cases: one function per operation. Each owns its transaction, applies the pure rules of
//! `domain` and stores through `store`; handlers only extract, call one of these and answer.

pub mod stays;

use crate::store::Registration;
use platform::auth::Principal;

/// Scope of citizens (through a portal, with a `bsn` claim).
pub const SCOPE_AANVRAGEN: &str = "vakantieverhuur.aanvragen";
/// Scope of platforms that verify numbers.
pub const SCOPE_CONTROLEREN: &str = "vakantieverhuur.controleren";
/// Scope of the municipality's inspectors.
pub const SCOPE_HANDHAVEN: &str = "vakantieverhuur.handhaven";

/// Whether the caller is the registration's holder (a citizen through the portal).
pub fn is_holder(p: &Principal, r: &Registration) -> bool {
    p.has_scope(SCOPE_AANVRAGEN) && p.bsn.as_deref() == Some(r.bsn.as_str())
}

/// Whether the caller is an inspector of the registration's municipality.
pub fn is_inspector(p: &Principal, r: &Registration) -> bool {
    p.has_scope(SCOPE_HANDHAVEN) && p.client.gemeentecode.as_deref() == Some(r.gemeentecode.as_str())
}

/// Whether the caller may see a registration: its holder, or its municipality's inspector.
pub fn may_access(p: &Principal, r: &Registration) -> bool {
    is_holder(p, r) || is_inspector(p, r)
}
