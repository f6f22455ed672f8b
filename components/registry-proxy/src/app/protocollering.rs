//! Protocollering: what each BRP delivery records (a typed [`Bevraging`]) and the citizen's
//! question "who looked me up?" (AVG art. 15) answered from the audit log.

use crate::AppState;
use crate::domain::brp::query::PersonenQuery;
use crate::error::Error;
use crate::register::INZAGE;
use platform::Bsn;
use platform::audit::{self, AuditEntry, AuditRecord};
use platform::auth::Principal;
use platform::ldv::{DataSubject, Processing, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Scope needed to read the protocollering.
pub const SCOPE: &str = "brp.protocollering.lezen";

/// The details of a BRP audit record: the query type, the fields asked and the criteria used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bevraging {
    /// The BRP query type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoek_type: Option<String>,
    /// The fields as asked.
    #[serde(default)]
    pub fields: Vec<String>,
    /// The search criteria as sent (everything but `type` and `fields`).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub zoekcriteria: Map<String, Value>,
}

impl Bevraging {
    /// The details of a validated query and its body.
    pub fn of(q: &PersonenQuery, body: &Value) -> Self {
        Bevraging {
            zoek_type: Some(q.type_.clone()),
            fields: q.fields_asked.clone(),
            zoekcriteria: body
                .as_object()
                .map(|o| {
                    o.iter()
                        // the BSNs asked are the records' subjects, keyed; never stored in clear
                        .filter(|(k, _)| !matches!(k.as_str(), "type" | "fields" | "burgerservicenummer"))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// As stored.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// From a stored record (records without details read as empty).
    pub fn from_record(r: &AuditRecord) -> Self {
        serde_json::from_str(&r.details).unwrap_or_default()
    }
}

/// Who looked this person up, newest first, one page; reading it is itself recorded, since it
/// is an access to that person's data.
pub async fn van_persoon(
    state: &AppState,
    caller: &Principal,
    purpose: Option<String>,
    bsn: Bsn,
    offset: i64,
    limit: i64,
) -> Result<(Vec<AuditRecord>, i64), Error> {
    caller.require_scope(SCOPE)?;
    let subject = DataSubject::bsn(&bsn);
    let keyed = state.audit.subject_ids(&subject);
    // records from before the Logboek named the person by BSN (object_id)
    let legacy = bsn.to_string();
    let found = state
        .db
        .run(move |c| audit::find_by_subject(c, &keyed, Some(("persoon", &legacy)), offset, limit))
        .await?;
    state
        .audit
        .record(vec![AuditEntry {
            client_id: caller.client_id.clone(),
            user_id: caller.user_id.clone(),
            purpose,
            action: "protocollering.raadplegen".into(),
            object_type: "protocollering".into(),
            object_id: None,
            details: serde_json::json!({}),
            outcome: "geleverd".into(),
            processing: Some(Processing::of(
                &caller.trace,
                &INZAGE.reference(),
                Some(subject),
                StatusCode::Ok,
            )),
        }])
        .await?;
    Ok(found)
}
