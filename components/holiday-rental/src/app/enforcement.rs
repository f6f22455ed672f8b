//! Enforcement: the addresses of the inspector's municipality over or near the cap in a year,
//! aggregated and paged in SQL.

use super::{Caller, SCOPE_HANDHAVEN, audit_entry};
use crate::AppState;
use crate::error::Error;
use crate::register::PLATFORMGEGEVENS;
use crate::store::{self, AddressNights};
use serde_json::json;

/// A page of the enforcement list.
#[derive(Debug, Clone, PartialEq)]
pub struct EnforcementPage {
    /// Addresses, most nights first.
    pub addresses: Vec<AddressNights>,
    /// Addresses on the list in all.
    pub total: i64,
    /// The municipality's cap.
    pub max: i64,
}

/// The list for the caller's municipality: addresses within the municipality's threshold of the
/// cap (or over it) in `year`. Each listed address is an access to its holder's data: audited.
pub async fn addresses(
    state: &AppState,
    caller: &Caller,
    year: i32,
    offset: i64,
    limit: i64,
) -> Result<EnforcementPage, Error> {
    caller.principal.require_scope(SCOPE_HANDHAVEN)?;
    let gemeente = caller
        .gemeente
        .ok_or(Error::forbidden("Deze client heeft geen gemeentecode."))?;
    let rules = state
        .rules
        .get(gemeente)
        .ok_or(Error::forbidden("Voor deze gemeente zijn geen regels ingesteld."))?;
    let (max, at_least) = (rules.max_nachten, rules.max_nachten - rules.drempel_nachten);
    let addresses = state
        .db
        .run(move |c| store::addresses_by_nights(c, gemeente, year, at_least, offset, limit))
        .await?;
    let total = addresses.first().map(|a| a.totaal).unwrap_or(0);
    let entries = addresses
        .iter()
        .map(|a| {
            audit_entry(
                caller,
                &PLATFORMGEGEVENS,
                "vakantieverhuur.handhaving.raadplegen",
                &a.registratienummer,
                None,
                json!({ "jaar": year, "nummeraanduidingIdentificatie": a.nummeraanduiding_id }),
            )
        })
        .collect();
    state.audit.record(entries).await?;
    Ok(EnforcementPage { addresses, total, max })
}
