//! Who uses what: an organisation (scope `catalogus.gebruik`; who it is comes from its client's
//! settings, never from the request) records that it runs a component version, in which
//! environment and since when.

use crate::AppState;
use crate::domain::kinds::Omgeving;
use crate::error::Error;
use crate::store::{self, UsageRow};
use platform::auth::Principal;

/// Scope of an organisation that records what it uses.
pub const SCOPE_GEBRUIK: &str = "catalogus.gebruik";

/// The environments a component runs in.
pub const ENVIRONMENTS: [&str; 3] = ["productie", "acceptatie", "test"];

/// The catalogue's own keys of a client in the clients file: the organisation it speaks for.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CatalogClient {
    /// The organisation's name.
    #[serde(default)]
    pub organisatie: Option<String>,
    /// Its OIN (Organisatie-identificatienummer).
    #[serde(default)]
    pub oin: Option<String>,
    /// Its gemeentecode, for a municipality.
    #[serde(default)]
    pub gemeentecode: Option<platform::Gemeentecode>,
}

/// Records (or updates) the caller's organisation's use of a component version.
pub async fn record(
    state: &AppState,
    caller: &Principal,
    component_id: String,
    versie: i32,
    sinds: chrono::NaiveDate,
    omgeving: Omgeving,
) -> Result<UsageRow, Error> {
    caller.require_scope(SCOPE_GEBRUIK)?;
    let me = state.clients.of(&caller.client_id);
    let organisatie = me
        .organisatie
        .ok_or(Error::forbidden("Voor deze client is geen organisatie ingesteld."))?;
    let row = UsageRow {
        component_id,
        organisatie,
        oin: me.oin,
        gemeentecode: me.gemeentecode.map(|g| g.to_string()),
        omgeving,
        versie,
        sinds,
        geregistreerd_door: caller.client_id.clone(),
        geregistreerd_op: state.now(),
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            if store::version(c, &stored.component_id, stored.versie)?.is_none() {
                return Err(Error::not_found("Geen component met deze versie."));
            }
            store::upsert_usage(c, &stored)?;
            Ok(())
        })
        .await?;
    Ok(row)
}

/// Ends the caller's organisation's use of a component in an environment.
pub async fn end(state: &AppState, caller: &Principal, component_id: String, omgeving: Omgeving) -> Result<(), Error> {
    caller.require_scope(SCOPE_GEBRUIK)?;
    let organisatie = state
        .clients
        .of(&caller.client_id)
        .organisatie
        .ok_or(Error::forbidden("Voor deze client is geen organisatie ingesteld."))?;
    let found = state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::delete_usage(c, &component_id, &organisatie, omgeving)?))
        .await?;
    if found {
        Ok(())
    } else {
        Err(Error::not_found(
            "Uw organisatie gebruikt dit component niet in deze omgeving.",
        ))
    }
}
