//! Citizens (burgers) and their afspraken. Budget workers read (`lezen`) and change
//! (`beheren`); a citizen (`burger`, token with a `bsn` claim) reads only their own.

use super::{SCOPE_BEHEREN, SCOPE_BURGER, SCOPE_LEZEN, record};
use crate::AppState;
use crate::error::Error;
use crate::store::{self, AgreementRow, CitizenRow};
use platform::auth::Principal;

const NO_CITIZEN: &str = "Geen burger met dit id.";

/// Whether the caller may read this citizen's data: a budget worker, or the citizen.
fn may_read(caller: &Principal, c: &CitizenRow) -> bool {
    caller.has_scope(SCOPE_LEZEN) || (caller.has_scope(SCOPE_BURGER) && caller.bsn == Some(c.bsn))
}

fn require(caller: &Principal, scope: &'static str, why: &'static str) -> Result<(), Error> {
    if caller.has_scope(scope) {
        Ok(())
    } else {
        Err(Error::Forbidden(why))
    }
}

/// Adds a citizen; 409 when the BSN is known already.
pub async fn create(state: &AppState, caller: &Principal, row: CitizenRow) -> Result<CitizenRow, Error> {
    require(caller, SCOPE_BEHEREN, "Scope huishoudboekje.beheren is nodig.")?;
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| match store::insert_citizen(c, &stored) {
            Err(e) if e.is_unique_violation() => Err(Error::CitizenExists),
            other => other.map_err(Error::from),
        })
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.burger.aanmaken",
        "burger",
        &row.id,
        serde_json::json!({}),
    )
    .await?;
    Ok(row)
}

/// A citizen: a budget worker, or the citizen themselves (404 for anyone else, never saying
/// whether the id exists).
pub async fn get(state: &AppState, caller: &Principal, id: String) -> Result<CitizenRow, Error> {
    let key = id.clone();
    let found = state
        .db
        .run(move |c| store::find_citizen(c, &key))
        .await?
        .filter(|c| may_read(caller, c))
        .ok_or(Error::NotFound(NO_CITIZEN))?;
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
    require(caller, SCOPE_LEZEN, "Scope huishoudboekje.lezen is nodig.")?;
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

/// Adds an afspraak to a citizen.
pub async fn add_agreement(state: &AppState, caller: &Principal, row: AgreementRow) -> Result<AgreementRow, Error> {
    require(caller, SCOPE_BEHEREN, "Scope huishoudboekje.beheren is nodig.")?;
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| {
            if store::find_citizen(c, &stored.burger_id)?.is_none() {
                return Err(Error::NotFound(NO_CITIZEN));
            }
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

/// A citizen's afspraken: a budget worker, or the citizen themselves.
pub async fn agreements(state: &AppState, caller: &Principal, burger_id: String) -> Result<Vec<AgreementRow>, Error> {
    let citizen = get(state, caller, burger_id.clone()).await?;
    Ok(state.db.run(move |c| store::agreements_of(c, &citizen.id)).await?)
}

/// A citizen's overview of `from..=to`: a budget worker, or the citizen themselves.
pub async fn overview(
    state: &AppState,
    caller: &Principal,
    burger_id: String,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<crate::domain::report::Overview, Error> {
    use crate::domain::report::{self, Booking, Line};
    use crate::domain::statement::Direction;
    let citizen = get(state, caller, burger_id).await?;
    let id = citizen.id.clone();
    let (agreements, booked) = state
        .db
        .run(move |c| Ok::<_, Error>((store::agreements_of(c, &id)?, store::bookings_of_citizen(c, &id)?)))
        .await?;
    let direction = |r: &str| Direction::from_stored(r).unwrap_or(Direction::Debit);
    let lines: Vec<Line> = agreements
        .iter()
        .map(|a| Line {
            id: a.id.clone(),
            description: a.omschrijving.clone(),
            direction: direction(&a.richting),
            amount: crate::domain::money::Cents(a.bedrag),
            schedule: a.betaalinstructie.as_deref().and_then(|b| serde_json::from_str(b).ok()),
            valid_from: a.geldig_van,
            valid_through: a.geldig_tot,
        })
        .collect();
    let bookings: Vec<Booking> = booked
        .into_iter()
        .map(|(agreement, date, amount, dir)| Booking {
            agreement,
            date,
            amount: crate::domain::money::Cents(amount),
            direction: direction(&dir),
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
    Ok(report::overview(&lines, &bookings, from, to))
}
