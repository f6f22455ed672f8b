//! `POST /personen`: validate by the official rules, authorise fields and search criteria per
//! client, ask the source, and record every delivery (and every search without one) before
//! answering.

use super::protocollering::Bevraging;
use crate::AppState;
use crate::domain::brp::{fields, query};
use crate::error::Error;
use crate::register::BRP_BEVRAGEN;
use platform::audit::AuditEntry;
use platform::auth::Principal;
use platform::ldv::{DataSubject, Processing, SUBJECT_TYPE_BSN, StatusCode};
use platform::{InvalidParam, Problem};
use serde_json::Value;

/// Scope needed to query persons.
pub const SCOPE: &str = "brp.personen.lezen";

/// The answer: the query type and the persons, filtered to the asked fields.
#[derive(Debug)]
pub struct Answer {
    /// The query type, echoed as the contract says.
    pub type_: String,
    /// The persons.
    pub personen: Vec<Value>,
}

/// Runs a BRP request body for a caller with a stated purpose.
pub async fn bevragen(
    state: &AppState,
    caller: &Principal,
    purpose: Option<String>,
    body: &Value,
) -> Result<Answer, Error> {
    caller.require_scope(SCOPE)?;
    let q = query::parse(body)?;
    let client = state.clients.of(&caller.client_id);
    let denied = fields::unauthorized(&q.fields, &client.fields);
    if !denied.is_empty() {
        return Err(Error::UnauthorizedField(
            denied.into_iter().map(str::to_string).collect(),
        ));
    }
    let used = body
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect::<Vec<_>>())
        .unwrap_or_default();
    let denied = fields::unauthorized_parameters(used.iter().copied(), &client.fields);
    if !denied.is_empty() {
        return Err(Error::UnauthorizedParameter(
            denied.into_iter().map(str::to_string).collect(),
        ));
    }
    if purpose.is_none() && client.doelbinding_verplicht {
        return Err(Error::Problem(Problem::params_validation(vec![InvalidParam::new(
            "X-Doelbinding",
            "required",
            "Parameter is verplicht.",
        )])));
    }
    let found = state.backend.personen(&q).await?;
    // every search is recorded with its criteria, also one that found nobody: the criteria are
    // themselves personal data that this client put to the register (security review, finding 4)
    let details = Bevraging::of(&q, body).to_json();
    // one record per person (the Logboek's rule), each about that person, keyed: the BSN is
    // never stored in clear
    let entry = |bsn: Option<&str>, outcome: &str| AuditEntry {
        client_id: caller.client_id.clone(),
        user_id: caller.user_id.clone(),
        purpose: purpose.clone(),
        action: "brp.personen.bevragen".into(),
        object_type: "persoon".into(),
        object_id: None,
        details: details.clone(),
        outcome: outcome.into(),
        processing: Some(Processing::of(
            &caller.trace,
            &BRP_BEVRAGEN.reference(),
            bsn.map(|b| DataSubject::of(SUBJECT_TYPE_BSN, b)),
            StatusCode::Ok,
        )),
    };
    let mut entries: Vec<AuditEntry> = found.iter().map(|(bsn, _)| entry(Some(bsn), "geleverd")).collect();
    if let query::Criteria::Bsn(asked) = &q.criteria {
        // a BSN asked but not delivered is still a lookup of that person
        for bsn in asked.iter().filter(|b| !found.iter().any(|(f, _)| f == *b)) {
            entries.push(entry(Some(bsn), "nietGevonden"));
        }
    } else if found.is_empty() {
        entries.push(entry(None, "geenResultaat"));
    }
    state.audit.record(entries).await?;
    Ok(Answer {
        type_: q.type_,
        personen: found.into_iter().map(|(_, p)| p).collect(),
    })
}
