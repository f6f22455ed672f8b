//! The master data around the citizens: huishoudens, organisaties with afdelingen, rekeningen
//! of citizens and departments, and rubrieken on the chart of accounts. Budget workers read
//! (`lezen`) and change (`beheren`); a citizen reads their own accounts. Every change is
//! recorded; reads that show citizens' data are too.

use super::{SCOPE_BEHEREN, SCOPE_LEZEN, record};
use crate::AppState;
use crate::domain::iban::Iban;
use crate::error::Error;
use crate::store::{
    self, AccountRow, DepartmentRow, Holder, HouseholdRow, LedgerAccountRow, OrganisationRow, Page, RubriekRow,
};
use platform::KvkNummer;
use platform::auth::Principal;
use platform::db::{DbConnection, DbError};

const NO_HOUSEHOLD: &str = "Geen huishouden met dit id.";
const NO_ORGANISATION: &str = "Geen organisatie met dit id.";
const NO_DEPARTMENT: &str = "Geen afdeling met dit id.";
const NO_ACCOUNT: &str = "Geen rekening met dit IBAN.";
const NO_RUBRIEK: &str = "Geen rubriek met dit id.";

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

// --- households ---

/// Adds a household.
pub async fn create_household(state: &AppState, caller: &Principal, naam: String) -> Result<HouseholdRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let row = HouseholdRow {
        id: new_id(),
        naam,
        aangemaakt_op: state.now(),
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| store::insert_household(c, &stored))
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.huishouden.aanmaken",
        "huishouden",
        &row.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(row)
}

/// One page of households.
pub async fn households(
    state: &AppState,
    caller: &Principal,
    offset: i64,
    limit: i64,
) -> Result<Page<HouseholdRow>, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    Ok(state.db.run(move |c| store::households(c, offset, limit)).await?)
}

/// A household with the ids of its citizens (recorded: it says who lives together).
pub async fn household(state: &AppState, caller: &Principal, id: String) -> Result<(HouseholdRow, Vec<String>), Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    let key = id.clone();
    let found = state
        .db
        .run(move |c| {
            let Some(h) = store::find_household(c, &key)? else {
                return Ok(None);
            };
            Ok::<_, Error>(Some((h, store::members_of(c, &key)?)))
        })
        .await?
        .ok_or(Error::not_found(NO_HOUSEHOLD))?;
    record(
        state,
        caller,
        "huishoudboekje.huishouden.raadplegen",
        "huishouden",
        &id,
        serde_json::json!({ "burgers": found.1 }),
    )
    .await?;
    Ok(found)
}

/// Renames a household.
pub async fn rename_household(state: &AppState, caller: &Principal, id: String, naam: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let key = id.clone();
    let found = state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::rename_household(c, &key, &naam)?))
        .await?;
    if !found {
        return Err(Error::not_found(NO_HOUSEHOLD));
    }
    record(
        state,
        caller,
        "huishoudboekje.huishouden.wijzigen",
        "huishouden",
        &id,
        serde_json::json!({}),
    )
    .await
}

/// How one kind of master data is removed when nothing refers to it: found, not in use,
/// deleted, with its audit record, in one transaction.
struct Removal {
    /// The audit log's object type, which also names the action (`huishoudboekje.<kind>.verwijderen`).
    kind: &'static str,
    /// The 404's detail.
    missing: &'static str,
    /// Whether it exists.
    exists: fn(&mut DbConnection, &str) -> Result<bool, DbError>,
    /// Why it may not go yet, when something refers to it.
    in_use: fn(&mut DbConnection, &str) -> Result<Option<&'static str>, DbError>,
    /// Removes it.
    delete: fn(&mut DbConnection, &str) -> Result<bool, DbError>,
}

/// Removes one object of a kind (`id` its id or IBAN), 404 when unknown, 409 `inGebruik` when
/// something still refers to it.
async fn remove_unused(state: &AppState, caller: &Principal, kind: &'static Removal, id: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let action = format!("huishoudboekje.{}.verwijderen", kind.kind);
    let recorded = super::entry(caller, &action, kind.kind, &id, serde_json::json!({}));
    let audit = state.audit.clone();
    state
        .db
        .write_transaction(move |c| {
            if !(kind.exists)(c, &id)? {
                return Err(Error::not_found(kind.missing));
            }
            if let Some(why) = (kind.in_use)(c, &id)? {
                return Err(Error::InUse(why));
            }
            (kind.delete)(c, &id)?;
            Ok(audit.append_in(c, &[recorded])?)
        })
        .await?;
    state.audit.flush_after_change().await;
    Ok(())
}

/// Removes a household without citizens.
pub async fn delete_household(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    static HOUSEHOLD: Removal = Removal {
        kind: "huishouden",
        missing: NO_HOUSEHOLD,
        exists: |c, id| Ok(store::find_household(c, id)?.is_some()),
        in_use: |c, id| Ok((!store::members_of(c, id)?.is_empty()).then_some("Het huishouden heeft nog burgers.")),
        delete: store::delete_household,
    };
    remove_unused(state, caller, &HOUSEHOLD, id).await
}

// --- organisations and departments ---

/// A department with its accounts.
pub type DepartmentWithAccounts = (DepartmentRow, Vec<AccountRow>);

const KVK_EXISTS: Error = Error::Duplicate("organisatieBestaat", "Er is al een organisatie met dit KvK-nummer.");

/// Adds an organisation; 409 when its KvK number is known.
pub async fn create_organisation(
    state: &AppState,
    caller: &Principal,
    kvk_nummer: KvkNummer,
    naam: String,
) -> Result<OrganisationRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let row = OrganisationRow {
        id: new_id(),
        kvk_nummer,
        naam,
        aangemaakt_op: state.now(),
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| match store::insert_organisation(c, &stored) {
            Err(e) if e.is_unique_violation() => Err(KVK_EXISTS),
            other => other.map_err(Error::from),
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.organisatie.aanmaken",
        "organisatie",
        &row.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(row)
}

/// One page of organisations.
pub async fn organisations(
    state: &AppState,
    caller: &Principal,
    offset: i64,
    limit: i64,
) -> Result<Page<OrganisationRow>, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    Ok(state.db.run(move |c| store::organisations(c, offset, limit)).await?)
}

/// An organisation with its departments and their accounts.
pub async fn organisation(
    state: &AppState,
    caller: &Principal,
    id: String,
) -> Result<(OrganisationRow, Vec<DepartmentWithAccounts>), Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    state
        .db
        .run(move |c| {
            let Some(o) = store::find_organisation(c, &id)? else {
                return Err(Error::not_found(NO_ORGANISATION));
            };
            let mut departments = Vec::new();
            for d in store::departments_of(c, &id)? {
                let accounts = store::accounts_of(c, Holder::Department(&d.id))?;
                departments.push((d, accounts));
            }
            Ok((o, departments))
        })
        .await
}

/// Changes an organisation's KvK number and name; 409 when the number is another's.
pub async fn update_organisation(
    state: &AppState,
    caller: &Principal,
    id: String,
    kvk_nummer: KvkNummer,
    naam: String,
) -> Result<OrganisationRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let saved = state
        .db
        .write_transaction(move |c| {
            let Some(existing) = store::find_organisation(c, &id)? else {
                return Err(Error::not_found(NO_ORGANISATION));
            };
            let saved = OrganisationRow {
                kvk_nummer,
                naam,
                ..existing
            };
            match store::update_organisation(c, &saved) {
                Err(e) if e.is_unique_violation() => Err(KVK_EXISTS),
                other => other.map(|_| saved).map_err(Error::from),
            }
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.organisatie.wijzigen",
        "organisatie",
        &saved.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(saved)
}

/// Removes an organisation without departments.
pub async fn delete_organisation(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    static ORGANISATION: Removal = Removal {
        kind: "organisatie",
        missing: NO_ORGANISATION,
        exists: |c, id| Ok(store::find_organisation(c, id)?.is_some()),
        in_use: |c, id| {
            Ok((!store::departments_of(c, id)?.is_empty()).then_some("De organisatie heeft nog afdelingen."))
        },
        delete: store::delete_organisation,
    };
    remove_unused(state, caller, &ORGANISATION, id).await
}

/// Adds a department to an organisation.
pub async fn create_department(
    state: &AppState,
    caller: &Principal,
    organisatie_id: String,
    naam: String,
) -> Result<DepartmentRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let row = DepartmentRow {
        id: new_id(),
        organisatie_id,
        naam,
        aangemaakt_op: state.now(),
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            if store::find_organisation(c, &stored.organisatie_id)?.is_none() {
                return Err(Error::not_found(NO_ORGANISATION));
            }
            Ok(store::insert_department(c, &stored)?)
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.afdeling.aanmaken",
        "afdeling",
        &row.id,
        serde_json::json!({ "organisatie": row.organisatie_id }),
    )
    .await?;
    Ok(row)
}

/// A department with its accounts.
pub async fn department(state: &AppState, caller: &Principal, id: String) -> Result<DepartmentWithAccounts, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    state
        .db
        .run(move |c| {
            let Some(d) = store::find_department(c, &id)? else {
                return Err(Error::not_found(NO_DEPARTMENT));
            };
            let accounts = store::accounts_of(c, Holder::Department(&id))?;
            Ok((d, accounts))
        })
        .await
}

/// Renames a department.
pub async fn rename_department(state: &AppState, caller: &Principal, id: String, naam: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let key = id.clone();
    let found = state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::rename_department(c, &key, &naam)?))
        .await?;
    if !found {
        return Err(Error::not_found(NO_DEPARTMENT));
    }
    record(
        state,
        caller,
        "huishoudboekje.afdeling.wijzigen",
        "afdeling",
        &id,
        serde_json::json!({}),
    )
    .await
}

/// Removes a department no afspraak names (its account links go with it).
pub async fn delete_department(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    static DEPARTMENT: Removal = Removal {
        kind: "afdeling",
        missing: NO_DEPARTMENT,
        exists: |c, id| Ok(store::find_department(c, id)?.is_some()),
        in_use: |c, id| {
            Ok((store::agreements_with_department(c, id)? > 0).then_some("Er zijn afspraken met deze afdeling."))
        },
        delete: store::delete_department,
    };
    remove_unused(state, caller, &DEPARTMENT, id).await
}

// --- accounts ---

/// Whose accounts, by id: a citizen's or a department's.
#[derive(Debug, Clone)]
pub enum HolderId {
    /// A citizen.
    Citizen(String),
    /// A department.
    Department(String),
}

impl HolderId {
    fn holder(&self) -> Holder<'_> {
        match self {
            HolderId::Citizen(id) => Holder::Citizen(id),
            HolderId::Department(id) => Holder::Department(id),
        }
    }

    fn object(&self) -> (&'static str, &str) {
        match self {
            HolderId::Citizen(id) => ("burger", id),
            HolderId::Department(id) => ("afdeling", id),
        }
    }

    /// 404 unless the holder exists.
    fn check(&self, c: &mut platform::db::DbConnection) -> Result<(), Error> {
        let exists = match self {
            HolderId::Citizen(id) => store::find_citizen(c, id)?.is_some(),
            HolderId::Department(id) => store::find_department(c, id)?.is_some(),
        };
        match (exists, self) {
            (true, _) => Ok(()),
            (false, HolderId::Citizen(_)) => Err(Error::not_found("Geen burger met dit id.")),
            (false, HolderId::Department(_)) => Err(Error::not_found(NO_DEPARTMENT)),
        }
    }
}

/// Links an account (added, or its holder's name updated, when the IBAN is new or known) to a
/// citizen or department.
pub async fn link_account(
    state: &AppState,
    caller: &Principal,
    holder: HolderId,
    iban: Iban,
    rekeninghouder: String,
) -> Result<AccountRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let row = AccountRow {
        iban,
        rekeninghouder,
        aangemaakt_op: state.now(),
    };
    let (stored, h) = (row.clone(), holder.clone());
    state
        .db
        .write_transaction(move |c| {
            h.check(c)?;
            store::upsert_account(c, &stored)?;
            store::link_account(c, h.holder(), &stored.iban)?;
            Ok::<_, Error>(())
        })
        .await?;
    let (kind, id) = holder.object();
    record(
        state,
        caller,
        "huishoudboekje.rekening.koppelen",
        kind,
        id,
        serde_json::json!({ "iban": row.iban }),
    )
    .await?;
    Ok(row)
}

/// Unlinks an account from a citizen or department (the account stays known).
pub async fn unlink_account(state: &AppState, caller: &Principal, holder: HolderId, iban: Iban) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let (h, key) = (holder.clone(), iban.clone());
    let was_linked = state
        .db
        .write_transaction(move |c| {
            h.check(c)?;
            Ok::<_, Error>(store::unlink_account(c, h.holder(), &key)?)
        })
        .await?;
    if !was_linked {
        return Err(Error::not_found("Deze rekening hoort hier niet bij."));
    }
    let (kind, id) = holder.object();
    record(
        state,
        caller,
        "huishoudboekje.rekening.ontkoppelen",
        kind,
        id,
        serde_json::json!({ "iban": iban }),
    )
    .await
}

/// A citizen's accounts: a budget worker, or the citizen themselves (recorded).
pub async fn accounts_of_citizen(
    state: &AppState,
    caller: &Principal,
    burger_id: String,
) -> Result<Vec<AccountRow>, Error> {
    let citizen = super::citizens::get(state, caller, burger_id).await?;
    let id = citizen.id.clone();
    let rows = state
        .db
        .run(move |c| store::accounts_of(c, Holder::Citizen(&id)))
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.rekeningen.raadplegen",
        "burger",
        &citizen.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(rows)
}

/// One page of accounts.
pub async fn accounts(
    state: &AppState,
    caller: &Principal,
    offset: i64,
    limit: i64,
) -> Result<Page<AccountRow>, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    Ok(state.db.run(move |c| store::accounts(c, offset, limit)).await?)
}

/// An account with who holds it (recorded: it names citizens).
pub async fn account(
    state: &AppState,
    caller: &Principal,
    iban: Iban,
) -> Result<(AccountRow, Vec<String>, Vec<String>), Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    let key = iban.clone();
    let found = state
        .db
        .run(move |c| {
            let Some(a) = store::find_account(c, &key)? else {
                return Err(Error::not_found(NO_ACCOUNT));
            };
            let (citizens, departments) = store::holders_of(c, &key)?;
            Ok((a, citizens, departments))
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.rekening.raadplegen",
        "rekening",
        iban.as_str(),
        serde_json::json!({ "burgers": found.1 }),
    )
    .await?;
    Ok(found)
}

/// Changes an account's holder name.
pub async fn rename_account(
    state: &AppState,
    caller: &Principal,
    iban: Iban,
    rekeninghouder: String,
) -> Result<AccountRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let key = iban.clone();
    let saved = state
        .db
        .write_transaction(move |c| {
            let Some(existing) = store::find_account(c, &key)? else {
                return Err(Error::not_found(NO_ACCOUNT));
            };
            let saved = AccountRow {
                rekeninghouder,
                ..existing
            };
            store::upsert_account(c, &saved)?;
            Ok(saved)
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.rekening.wijzigen",
        "rekening",
        iban.as_str(),
        serde_json::json!({}),
    )
    .await?;
    Ok(saved)
}

/// Removes an account nobody holds.
pub async fn delete_account(state: &AppState, caller: &Principal, iban: Iban) -> Result<(), Error> {
    // the key is the IBAN as stored; a text that is not one cannot name an account
    fn parsed(id: &str) -> Option<Iban> {
        Iban::parse(id).ok()
    }
    static ACCOUNT: Removal = Removal {
        kind: "rekening",
        missing: NO_ACCOUNT,
        exists: |c, id| {
            Ok(match parsed(id) {
                Some(i) => store::find_account(c, &i)?.is_some(),
                None => false,
            })
        },
        in_use: |c, id| {
            let Some(i) = parsed(id) else { return Ok(None) };
            let (citizens, departments) = store::holders_of(c, &i)?;
            Ok((!citizens.is_empty() || !departments.is_empty())
                .then_some("De rekening hoort nog bij een burger of afdeling."))
        },
        delete: |c, id| match parsed(id) {
            Some(i) => store::delete_account(c, &i),
            None => Ok(false),
        },
    };
    remove_unused(state, caller, &ACCOUNT, iban.as_str().to_string()).await
}

// --- chart of accounts and rubrieken ---

/// The chart of accounts.
pub async fn ledger(state: &AppState, caller: &Principal) -> Result<Vec<LedgerAccountRow>, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    Ok(state.db.run(store::ledger_accounts).await?)
}

const RUBRIEK_EXISTS: Error = Error::Duplicate("rubriekBestaat", "Er is al een rubriek met deze naam.");

fn check_ledger_account(c: &mut platform::db::DbConnection, code: &str) -> Result<(), Error> {
    if store::find_ledger_account(c, code)?.is_none() {
        return Err(Error::UnknownReference(
            "grootboekrekening",
            "Er is geen grootboekrekening met deze code.",
        ));
    }
    Ok(())
}

/// Adds a rubriek on a grootboekrekening; 409 when the name is taken.
pub async fn create_rubriek(
    state: &AppState,
    caller: &Principal,
    naam: String,
    grootboekrekening: String,
) -> Result<RubriekRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let row = RubriekRow {
        id: new_id(),
        naam,
        grootboekrekening,
        aangemaakt_op: state.now(),
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            check_ledger_account(c, &stored.grootboekrekening)?;
            match store::insert_rubriek(c, &stored) {
                Err(e) if e.is_unique_violation() => Err(RUBRIEK_EXISTS),
                other => other.map_err(Error::from),
            }
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.rubriek.aanmaken",
        "rubriek",
        &row.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(row)
}

/// One page of rubrieken.
pub async fn rubrieken(
    state: &AppState,
    caller: &Principal,
    offset: i64,
    limit: i64,
) -> Result<Page<RubriekRow>, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    Ok(state.db.run(move |c| store::rubrieken(c, offset, limit)).await?)
}

/// A rubriek.
pub async fn rubriek(state: &AppState, caller: &Principal, id: String) -> Result<RubriekRow, Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    state
        .db
        .run(move |c| store::find_rubriek(c, &id))
        .await?
        .ok_or(Error::not_found(NO_RUBRIEK))
}

/// Changes a rubriek's name and grootboekrekening.
pub async fn update_rubriek(
    state: &AppState,
    caller: &Principal,
    id: String,
    naam: String,
    grootboekrekening: String,
) -> Result<RubriekRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let saved = state
        .db
        .write_transaction(move |c| {
            let Some(existing) = store::find_rubriek(c, &id)? else {
                return Err(Error::not_found(NO_RUBRIEK));
            };
            check_ledger_account(c, &grootboekrekening)?;
            let saved = RubriekRow {
                naam,
                grootboekrekening,
                ..existing
            };
            match store::update_rubriek(c, &saved) {
                Err(e) if e.is_unique_violation() => Err(RUBRIEK_EXISTS),
                other => other.map(|_| saved).map_err(Error::from),
            }
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.rubriek.wijzigen",
        "rubriek",
        &saved.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(saved)
}

/// Removes a rubriek no afspraak is in.
pub async fn delete_rubriek(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    static RUBRIEK: Removal = Removal {
        kind: "rubriek",
        missing: NO_RUBRIEK,
        exists: |c, id| Ok(store::find_rubriek(c, id)?.is_some()),
        in_use: |c, id| Ok((store::agreements_in_rubriek(c, id)? > 0).then_some("Er zijn afspraken in deze rubriek.")),
        delete: store::delete_rubriek,
    };
    remove_unused(state, caller, &RUBRIEK, id).await
}
