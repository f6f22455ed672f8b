//! Citizens (burgers) and their afspraken. Budget workers read (`lezen`) and change
//! (`beheren`); a citizen (`burger`, token with a `bsn` claim) reads only their own.

use super::{SCOPE_BEHEREN, SCOPE_BURGER, SCOPE_LEZEN, record};
use crate::AppState;
use crate::domain::person::{self, NameAndAddress};
use crate::error::Error;
use crate::store::{self, AgreementRow, CitizenRow};
use platform::auth::Principal;

const NO_CITIZEN: &str = "Geen burger met dit id.";

/// Whether the caller may read this citizen's data: a budget worker, or the citizen.
pub(crate) fn may_read(caller: &Principal, c: &CitizenRow) -> bool {
    caller.has_scope(SCOPE_LEZEN) || (caller.has_scope(SCOPE_BURGER) && caller.bsn == Some(c.bsn))
}

/// 403 for a caller who may read no citizen at all (neither a budget worker nor a citizen);
/// who may read some gets 404 for the others, never learning whether an id exists.
pub(crate) fn require_reader(caller: &Principal) -> Result<(), Error> {
    if caller.has_scope(SCOPE_LEZEN) || caller.has_scope(SCOPE_BURGER) {
        Ok(())
    } else {
        Err(Error::forbidden(
            "Scope huishoudboekje.lezen of huishoudboekje.burger is nodig.",
        ))
    }
}

/// A citizen's data as a budget worker gives it.
#[derive(Debug, Clone)]
pub struct CitizenInput {
    pub bsn: platform::Bsn,
    /// Name and address as given.
    pub given: NameAndAddress,
    /// E-mail.
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub huishouden_id: Option<String>,
    /// Fill what was left out from the BRP.
    pub from_brp: bool,
}

/// The row to store for `input`: names and address completed from the BRP when asked.
async fn citizen_row(
    state: &AppState,
    caller: &Principal,
    id: String,
    input: CitizenInput,
    at: chrono::NaiveDateTime,
) -> Result<CitizenRow, Error> {
    let brp = if input.from_brp {
        let registry = state.registry.as_ref().ok_or(Error::BrpNotConfigured)?;
        Some(
            crate::registry::person(registry, &caller.trace, &input.bsn)
                .await?
                .ok_or(Error::UnknownInBrp)?,
        )
    } else {
        None
    };
    let filled = person::complete(input.given, brp.as_ref()).map_err(Error::Incomplete)?;
    let (straat, huisnummer, postcode, plaats) = match filled.adres {
        Some(a) => (Some(a.straat), Some(a.huisnummer), Some(a.postcode), Some(a.plaats)),
        None => (None, None, None, None),
    };
    Ok(CitizenRow {
        id,
        bsn: input.bsn,
        voornamen: filled.voornamen.unwrap_or_default(),
        achternaam: filled.achternaam.unwrap_or_default(),
        straat,
        huisnummer,
        postcode,
        plaats,
        email: input.email,
        telefoon: input.telefoon,
        aangemaakt_op: at,
        huishouden_id: input.huishouden_id,
    })
}

fn check_household(c: &mut platform::db::DbConnection, row: &CitizenRow) -> Result<(), Error> {
    if let Some(h) = &row.huishouden_id {
        if store::find_household(c, h)?.is_none() {
            return Err(Error::UnknownReference(
                "huishoudenId",
                "Er is geen huishouden met dit id.",
            ));
        }
    }
    Ok(())
}

/// Adds a citizen; 409 when the BSN is known already.
pub async fn create(state: &AppState, caller: &Principal, input: CitizenInput) -> Result<CitizenRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let from_brp = input.from_brp;
    let row = citizen_row(state, caller, uuid::Uuid::new_v4().to_string(), input, state.now()).await?;
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            check_household(c, &stored)?;
            match store::insert_citizen(c, &stored) {
                Err(e) if e.is_unique_violation() => Err(Error::CitizenExists),
                other => other.map_err(Error::from),
            }
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.burger.aanmaken",
        "burger",
        &row.id,
        serde_json::json!({ "aangevuldUitBrp": from_brp }),
    )
    .await?;
    Ok(row)
}

/// Replaces a citizen's data; 409 when the new BSN is another citizen's.
pub async fn update(
    state: &AppState,
    caller: &Principal,
    id: String,
    input: CitizenInput,
) -> Result<CitizenRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let key = id.clone();
    let existing = state
        .db
        .run(move |c| store::find_citizen(c, &key))
        .await?
        .ok_or(Error::not_found(NO_CITIZEN))?;
    let from_brp = input.from_brp;
    let row = citizen_row(state, caller, id, input, existing.aangemaakt_op).await?;
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            check_household(c, &stored)?;
            match store::update_citizen(c, &stored) {
                Err(e) if e.is_unique_violation() => Err(Error::CitizenExists),
                Ok(false) => Err(Error::not_found(NO_CITIZEN)),
                other => other.map(|_| ()).map_err(Error::from),
            }
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.burger.wijzigen",
        "burger",
        &row.id,
        serde_json::json!({ "aangevuldUitBrp": from_brp }),
    )
    .await?;
    Ok(row)
}

/// Removes a citizen of whom the books hold nothing (409 while afspraken or signals refer to
/// them: the books are kept, not silently emptied).
pub async fn delete(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let key = id.clone();
    state
        .db
        .write_transaction(move |c| {
            if store::find_citizen(c, &key)?.is_none() {
                return Err(Error::not_found(NO_CITIZEN));
            }
            if store::citizen_in_use(c, &key)? {
                return Err(Error::InUse(
                    "De burger heeft afspraken of signaleringen; die blijven bewaard, dus de burger ook.",
                ));
            }
            store::delete_citizen(c, &key)?;
            Ok(())
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.burger.verwijderen",
        "burger",
        &id,
        serde_json::json!({}),
    )
    .await
}

/// A citizen: a budget worker, or the citizen themselves (404 for anyone else, never saying
/// whether the id exists).
pub async fn get(state: &AppState, caller: &Principal, id: String) -> Result<CitizenRow, Error> {
    require_reader(caller)?;
    let key = id.clone();
    let found = state
        .db
        .run(move |c| store::find_citizen(c, &key))
        .await?
        .filter(|c| may_read(caller, c))
        .ok_or(Error::not_found(NO_CITIZEN))?;
    record(
        state,
        caller,
        "huishoudboekje.burger.raadplegen",
        "burger",
        &id,
        serde_json::json!({}),
    )
    .await?;
    Ok(found)
}

/// One page of citizens (budget workers only).
pub async fn list(
    state: &AppState,
    caller: &Principal,
    offset: i64,
    limit: i64,
) -> Result<(Vec<CitizenRow>, i64), Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    let (rows, total) = state.db.run(move |c| store::citizens(c, offset, limit)).await?;
    // every citizen on the page was seen: one record each
    let entries = rows
        .iter()
        .map(|r| {
            super::entry(
                caller,
                "huishoudboekje.burgers.raadplegen",
                "burger",
                &r.id,
                serde_json::json!({}),
            )
        })
        .collect();
    super::record_all(state, entries).await?;
    Ok((rows, total))
}

const NO_AGREEMENT: &str = "Geen afspraak met dit id.";

/// The rubriek and department an afspraak names must exist.
fn check_references(c: &mut platform::db::DbConnection, a: &AgreementRow) -> Result<(), Error> {
    if let Some(r) = &a.rubriek_id {
        if store::find_rubriek(c, r)?.is_none() {
            return Err(Error::UnknownReference("rubriekId", "Er is geen rubriek met dit id."));
        }
    }
    if let Some(d) = &a.afdeling_id {
        if store::find_department(c, d)?.is_none() {
            return Err(Error::UnknownReference("afdelingId", "Er is geen afdeling met dit id."));
        }
    }
    Ok(())
}

/// Adds an afspraak to a citizen.
pub async fn add_agreement(state: &AppState, caller: &Principal, row: AgreementRow) -> Result<AgreementRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            if store::find_citizen(c, &stored.burger_id)?.is_none() {
                return Err(Error::not_found(NO_CITIZEN));
            }
            check_references(c, &stored)?;
            store::insert_agreement(c, &stored)?;
            Ok(())
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.afspraak.aanmaken",
        "burger",
        &row.burger_id,
        serde_json::json!({ "afspraak": row.id }),
    )
    .await?;
    Ok(row)
}

/// An afspraak: a budget worker, or the citizen whose it is (404 for anyone else).
pub async fn agreement(state: &AppState, caller: &Principal, id: String) -> Result<AgreementRow, Error> {
    require_reader(caller)?;
    let key = id.clone();
    let found = state
        .db
        .run(move |c| {
            let Some(a) = store::find_agreement(c, &key)? else {
                return Ok(None);
            };
            Ok::<_, Error>(store::find_citizen(c, &a.burger_id)?.map(|citizen| (a, citizen)))
        })
        .await?
        .filter(|(_, citizen)| may_read(caller, citizen))
        .map(|(a, _)| a)
        .ok_or(Error::not_found(NO_AGREEMENT))?;
    record(
        state,
        caller,
        "huishoudboekje.afspraak.raadplegen",
        "burger",
        &found.burger_id,
        serde_json::json!({ "afspraak": id }),
    )
    .await?;
    Ok(found)
}

/// Replaces an afspraak's terms (the bookings made under the old terms stay).
pub async fn update_agreement(state: &AppState, caller: &Principal, row: AgreementRow) -> Result<AgreementRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let saved = state
        .db
        .write_transaction(move |c| {
            let Some(existing) = store::find_agreement(c, &row.id)? else {
                return Err(Error::not_found(NO_AGREEMENT));
            };
            check_references(c, &row)?;
            let saved = AgreementRow {
                burger_id: existing.burger_id,
                aangemaakt_op: existing.aangemaakt_op,
                ..row
            };
            store::update_agreement(c, &saved)?;
            Ok(saved)
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.afspraak.wijzigen",
        "burger",
        &saved.burger_id,
        serde_json::json!({ "afspraak": saved.id }),
    )
    .await?;
    Ok(saved)
}

/// Removes an afspraak nothing was booked, exported or signalled on (409 otherwise: end it
/// with `geldigTot` instead).
pub async fn delete_agreement(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let key = id.clone();
    let burger_id = state
        .db
        .write_transaction(move |c| {
            let Some(existing) = store::find_agreement(c, &key)? else {
                return Err(Error::not_found(NO_AGREEMENT));
            };
            if store::agreement_in_use(c, &key)? {
                return Err(Error::InUse(
                    "Op deze afspraak is geboekt, betaald of gesignaleerd; beëindig haar met geldigTot.",
                ));
            }
            store::delete_agreement(c, &key)?;
            Ok(existing.burger_id)
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.afspraak.verwijderen",
        "burger",
        &burger_id,
        serde_json::json!({ "afspraak": id }),
    )
    .await
}

/// A citizen's afspraken: a budget worker, or the citizen themselves.
pub async fn agreements(state: &AppState, caller: &Principal, burger_id: String) -> Result<Vec<AgreementRow>, Error> {
    let citizen = get(state, caller, burger_id.clone()).await?;
    Ok(state.db.run(move |c| store::agreements_of(c, &citizen.id)).await?)
}

/// A citizen's overview of `from..=to` (with the rubrieken it names): a budget worker, or the
/// citizen themselves.
pub async fn overview(
    state: &AppState,
    caller: &Principal,
    burger_id: String,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<(crate::domain::report::Overview, Vec<store::RubriekRow>), Error> {
    use crate::domain::report::{self, Booking, Line};
    let citizen = get(state, caller, burger_id).await?;
    let id = citizen.id.clone();
    let (agreements, booked, rubrieken) = state
        .db
        .run(move |c| {
            Ok::<_, Error>((
                store::agreements_of(c, &id)?,
                store::booked_per_agreement_of(c, std::slice::from_ref(&id))?,
                store::all_rubrieken(c)?,
            ))
        })
        .await?;
    let lines: Vec<Line> = agreements
        .iter()
        .map(|a| Line {
            id: a.id.clone(),
            description: a.omschrijving.clone(),
            direction: a.richting,
            amount: a.bedrag,
            schedule: a.betaalinstructie.as_ref().map(|b| b.get().clone()),
            valid_from: a.geldig_van,
            valid_through: a.geldig_tot,
            rubriek: a.rubriek_id.clone(),
        })
        .collect();
    let bookings: Vec<Booking> = booked
        .into_iter()
        .map(|(agreement, date, amount, dir)| Booking {
            agreement,
            date,
            amount,
            direction: dir,
        })
        .collect();
    record(
        state,
        caller,
        "huishoudboekje.overzicht.raadplegen",
        "burger",
        &citizen.id,
        serde_json::json!({ "van": from, "tot": to }),
    )
    .await?;
    Ok((report::overview(&lines, &bookings, from, to), rubrieken))
}
