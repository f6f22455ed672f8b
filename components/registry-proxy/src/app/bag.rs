//! BAG lookups: an address search, an address by its nummeraanduiding, an addressable object
//! (with its gebruiksdoelen) by its id. No personal data, so no audit record.

use crate::AppState;
use crate::domain::bag::AdresSearch;
use crate::error::Error;
use platform::auth::Principal;
use platform::{AdresseerbaarObjectId, NummeraanduidingId};
use serde_json::Value;

/// Scope needed for BAG lookups.
pub const SCOPE: &str = "bag.lezen";

/// The addresses matching a search, as an `AdresIOHalCollection` linking to `self_href`.
pub async fn adressen(
    state: &AppState,
    caller: &Principal,
    search: &AdresSearch,
    self_href: &str,
) -> Result<Value, Error> {
    caller.require_scope(SCOPE)?;
    state.backend.adressen(search, self_href).await
}

/// One address.
pub async fn adres(state: &AppState, caller: &Principal, id: &NummeraanduidingId) -> Result<Value, Error> {
    caller.require_scope(SCOPE)?;
    state.backend.adres(id).await?.ok_or(Error::NotFound(
        "Geen adres gevonden met deze nummeraanduidingIdentificatie.",
    ))
}

/// One addressable object.
pub async fn adresseerbaar_object(
    state: &AppState,
    caller: &Principal,
    id: &AdresseerbaarObjectId,
) -> Result<Value, Error> {
    caller.require_scope(SCOPE)?;
    state.backend.adresseerbaar_object(id).await?.ok_or(Error::NotFound(
        "Geen adresseerbaar object gevonden met deze identificatie.",
    ))
}
