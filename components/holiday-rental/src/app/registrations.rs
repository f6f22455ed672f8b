//! Registrations: apply (checked at the source), read, withdraw, and the platforms' check.

use super::{Caller, SCOPE_AANVRAGEN, SCOPE_HANDHAVEN, audit_entry, is_inspector, may_access, record};
use crate::domain::eligibility::check_eligibility;
use crate::domain::registration_number::RegistrationNumber;
use crate::domain::status::RegistrationStatus;
use crate::error::Error;
use crate::register::REGISTRATIE;
use crate::store::{self, Registration};
use crate::{AppState, registry};
use platform::NummeraanduidingId;
use serde_json::json;

const NO_REGISTRATION: &str = "Geen registratie gevonden met dit nummer.";

/// A citizen applies for a number for the address they live at. The registers are asked first
/// (BAG, then the BRP only when the address qualifies), so only a resident learns whether the
/// address is registered already; nothing is stored when a register cannot answer.
pub async fn apply(state: &AppState, caller: &Caller, address: NummeraanduidingId) -> Result<Registration, Error> {
    caller.principal.require_scope(SCOPE_AANVRAGEN)?;
    let bsn = caller
        .principal
        .bsn
        .ok_or(Error::forbidden("Het token bevat geen bsn van de aanvrager."))?;
    let bag = registry::bag_address(&state.registry, &caller.principal.trace, &address).await?;
    let residential = bag
        .as_ref()
        .is_some_and(|a| a.gebruiksdoelen.iter().any(|g| g == "woonfunctie"));
    // the BRP is asked only when the address could qualify (data minimisation)
    let resident = if residential {
        registry::resident(&state.registry, &caller.principal.trace, &bsn).await?
    } else {
        None
    };
    let checked = check_eligibility(address, bag, resident).map_err(Error::Ineligible)?;
    let lookup = address;
    if let Some(existing) = state.db.run(move |c| store::active_at(c, &lookup)).await? {
        let own = (existing.bsn == bsn).then_some(existing.registratienummer);
        return Err(Error::AlreadyRegistered { own });
    }
    let rules = state.rules.get(checked.gemeente).ok_or(Error::NoRules)?;
    if !rules.registratie_verplicht {
        return Err(Error::NotRequired {
            naam: rules.naam.clone(),
        });
    }
    let reg = Registration {
        id: uuid::Uuid::new_v4().to_string(),
        registratienummer: RegistrationNumber::generate(checked.gemeente),
        nummeraanduiding_id: address,
        adresseerbaar_object_id: checked.adresseerbaar_object_id,
        adres: checked.adres,
        gemeentecode: checked.gemeente,
        bsn,
        status: RegistrationStatus::Actief,
        reden_intrekking: None,
        aangemaakt_op: state.now(),
        ingetrokken_op: None,
        verblijven_versie: 0,
    };
    let row = reg.clone();
    let details = json!({ "nummeraanduidingIdentificatie": reg.nummeraanduiding_id });
    let entry = audit_entry(
        caller,
        &REGISTRATIE,
        "vakantieverhuur.registratie.aanvragen",
        &reg.registratienummer,
        Some(&reg.bsn),
        details,
    );
    let audit = state.audit.clone();
    // the partial unique index refuses a second active registration that raced past the check;
    // the registration and its audit record are stored together or not at all
    state
        .db
        .write_transaction(move |c| {
            match store::insert_registration(c, &row) {
                Err(e) if platform::db::is_unique_violation(&e) => return Err(Error::AlreadyRegistered { own: None }),
                other => other?,
            };
            Ok(audit.append_in(c, &[entry])?)
        })
        .await?;
    state.audit.flush_after_change().await;
    Ok(reg)
}

/// A registration the caller may see (its holder or its municipality's inspector); anyone
/// else gets 404, never its data.
pub async fn load(state: &AppState, caller: &Caller, number: RegistrationNumber) -> Result<Registration, Error> {
    if !caller.principal.has_scope(SCOPE_AANVRAGEN) && !caller.principal.has_scope(SCOPE_HANDHAVEN) {
        return Err(Error::forbidden(
            "Scope vakantieverhuur.aanvragen of vakantieverhuur.handhaven is nodig.",
        ));
    }
    state
        .db
        .run(move |c| store::find_registration(c, &number))
        .await?
        .filter(|r| may_access(caller, r))
        .ok_or(Error::not_found(NO_REGISTRATION))
}

/// Reads a registration (audited).
pub async fn read(state: &AppState, caller: &Caller, number: RegistrationNumber) -> Result<Registration, Error> {
    let reg = load(state, caller, number).await?;
    record(
        state,
        caller,
        &REGISTRATIE,
        "vakantieverhuur.registratie.raadplegen",
        &reg.registratienummer,
        &reg.bsn,
        json!({}),
    )
    .await?;
    Ok(reg)
}

/// The municipality withdraws an active registration, with a reason; a second withdrawal is
/// refused (409) without the registration's data.
pub async fn withdraw(
    state: &AppState,
    caller: &Caller,
    number: RegistrationNumber,
    reden: String,
) -> Result<Registration, Error> {
    caller.principal.require_scope(SCOPE_HANDHAVEN)?;
    let mut reg = load(state, caller, number).await?;
    if !is_inspector(caller, &reg) {
        return Err(Error::not_found(NO_REGISTRATION));
    }
    let (id, r, at) = (reg.id.clone(), reden.clone(), state.now());
    let entry = audit_entry(
        caller,
        &REGISTRATIE,
        "vakantieverhuur.registratie.intrekken",
        &reg.registratienummer,
        Some(&reg.bsn),
        json!({ "reden": reden }),
    );
    let audit = state.audit.clone();
    state
        .db
        .write_transaction(move |c| {
            if !store::withdraw(c, &id, &r, at)? {
                return Err(Error::AlreadyWithdrawn);
            }
            Ok(audit.append_in(c, &[entry])?)
        })
        .await?;
    state.audit.flush_after_change().await;
    reg.status = RegistrationStatus::Ingetrokken;
    reg.reden_intrekking = Some(reden);
    reg.ingetrokken_op = Some(at);
    Ok(reg)
}

/// What a platform learns from a number: whether it is valid, and its municipality. No personal
/// data, so no audit record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// Issued and not withdrawn.
    pub valid: bool,
    /// The municipality in the number.
    pub gemeente: platform::Gemeentecode,
}

/// The platforms' check (EU Regulation 2024/1028), rate-limited per client.
pub async fn check(state: &AppState, number: RegistrationNumber) -> Result<Check, Error> {
    let found = state.db.run(move |c| store::find_registration(c, &number)).await?;
    Ok(Check {
        valid: found.is_some_and(|r| r.status == RegistrationStatus::Actief),
        gemeente: number.gemeentecode(),
    })
}
