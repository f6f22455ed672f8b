//! The audit log (protocollering): who saw or changed which personal data, when and why.
//!
//! Records are append-only (database triggers refuse UPDATE and DELETE) and form a keyed chain:
//! each record's hash is an HMAC-SHA256, under a key from configuration that is not in the
//! database, over an unambiguous (length-prefixed) encoding of its content and the previous
//! record's hash. Someone with write access to the database can drop the triggers, but cannot
//! recompute the chain without the key. The chain head (last sequence number and hash) is signed
//! and moved with every append, so records cut off the end are detected; signed checkpoints let
//! routine verification start near the end ([`verify_from_checkpoint`]) while [`verify`] checks
//! everything (the `audit verify` command).
//!
//! Keys rotate: every record names its key (`key_id`); new records use the current key, and
//! verification knows the older ones.
//!
//! Writes go through a group-commit writer: concurrent requests hand their records to one task
//! that appends them in one transaction per batch and answers each request once its records are
//! durable, so a response never leaves before its audit record is stored.

use crate::db::{Database, DbConnection, DbError, Json};
use crate::ldv::{DataSubject, KeyedSubject, Processing, Subject};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Embedded migrations of the audit tables (run by every service before its own).
pub const MIGRATIONS: crate::db::Migrations = crate::db::Migrations {
    postgres: || PG_MIGRATIONS,
    sqlite: || SQLITE_MIGRATIONS,
};
const PG_MIGRATIONS: diesel_migrations::EmbeddedMigrations =
    diesel_migrations::embed_migrations!("migrations/postgres");
const SQLITE_MIGRATIONS: diesel_migrations::EmbeddedMigrations =
    diesel_migrations::embed_migrations!("migrations/sqlite");

diesel::table! {
    /// Append-only audit records.
    audit_log (seq) {
        seq -> BigInt,
        recorded_at -> Timestamp,
        client_id -> Text,
        user_id -> Nullable<Text>,
        purpose -> Nullable<Text>,
        action -> Text,
        object_type -> Text,
        object_id -> Nullable<Text>,
        details -> Text,
        outcome -> Text,
        prev_hash -> Text,
        key_id -> Text,
        hash -> Text,
        trace_id -> Nullable<Text>,
        span_id -> Nullable<Text>,
        parent_span_id -> Nullable<Text>,
        foreign_operation -> Nullable<Text>,
        status_code -> Nullable<Integer>,
        started_at -> Nullable<Timestamp>,
        ended_at -> Nullable<Timestamp>,
        processing_activity_id -> Nullable<Text>,
        data_subject_id -> Nullable<Text>,
        data_subject_id_type -> Nullable<Text>,
    }
}

diesel::table! {
    /// The signed chain head (one row, id 1).
    audit_head (id) {
        id -> Integer,
        seq -> BigInt,
        hash -> Text,
        key_id -> Nullable<Text>,
        mac -> Nullable<Text>,
    }
}

diesel::table! {
    /// Signed checkpoints: where verification may start.
    audit_checkpoint (seq) {
        seq -> BigInt,
        hash -> Text,
        key_id -> Text,
        mac -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    /// Entries written in a use case's transaction, waiting for the writer to chain them: each
    /// the JSON of its [`AuditEntry`].
    audit_pending (id) {
        id -> BigInt,
        recorded_at -> Timestamp,
        entry -> Text,
    }
}

/// A pending entry as stored.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_pending)]
struct NewPending {
    recorded_at: NaiveDateTime,
    entry: Json<AuditEntry>,
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const MAX_BATCH: usize = 512;
/// Records between two checkpoints (so the endpoint's verification reads at most this many).
pub const CHECKPOINT_EVERY: i64 = 10_000;
/// Longest purpose or user id stored (longer is refused with 400).
pub const MAX_TEXT_CHARS: usize = 200;

/// The keys of the chain: the current one signs, all of them verify.
#[derive(Clone)]
pub struct AuditKeys {
    current: String,
    keys: HashMap<String, Vec<u8>>,
}

impl std::fmt::Debug for AuditKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // never print the secrets
        f.debug_struct("AuditKeys")
            .field("current", &self.current)
            .field("ids", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl AuditKeys {
    /// Parses `id=secret[,id=secret…]` (`GRONDWERK_AUDIT_KEYS`); the first key signs new records,
    /// the others only verify (rotation). Secrets have at least 32 characters.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut current = None;
        let mut keys = HashMap::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (id, secret) = part
                .split_once('=')
                .ok_or("GRONDWERK_AUDIT_KEYS: expected id=secret[,id=secret…]")?;
            let (id, secret) = (id.trim(), secret.trim());
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
                return Err(format!(
                    "GRONDWERK_AUDIT_KEYS: key id '{id}' must be letters, digits, - _ ."
                ));
            }
            if secret.chars().count() < 32 {
                return Err(format!(
                    "GRONDWERK_AUDIT_KEYS: the secret of key '{id}' is shorter than 32 characters"
                ));
            }
            if crate::auth::is_published_secret(secret) {
                return Err(format!(
                    "GRONDWERK_AUDIT_KEYS: the secret of key '{id}' is published in the Grondwerk repository and is never accepted; make your own, e.g. `openssl rand -hex 32`"
                ));
            }
            if keys.insert(id.to_string(), secret.as_bytes().to_vec()).is_some() {
                return Err(format!("GRONDWERK_AUDIT_KEYS: key id '{id}' appears twice"));
            }
            current.get_or_insert_with(|| id.to_string());
        }
        let current = current.ok_or("GRONDWERK_AUDIT_KEYS: no key given")?;
        Ok(AuditKeys { current, keys })
    }

    /// The id of the key that signs new records.
    pub fn current_id(&self) -> &str {
        &self.current
    }

    /// HMAC-SHA256 under key `key_id` over length-prefixed parts (`None` and `Some("")` differ,
    /// and no separator can be forged from inside a field); `None` for an unknown key.
    fn mac(&self, key_id: &str, parts: &[Option<&[u8]>]) -> Option<String> {
        let key = self.keys.get(key_id)?;
        let mut m = Hmac::<Sha256>::new_from_slice(key).ok()?;
        m.update(b"grondwerk-audit-v2");
        for p in parts {
            match p {
                None => m.update(&[0]),
                Some(bytes) => {
                    m.update(&[1]);
                    m.update(&(bytes.len() as u64).to_be_bytes());
                    m.update(bytes);
                }
            }
        }
        Some(hex::encode(m.finalize().into_bytes()))
    }

    /// The stored `data_subject_id` of a subject under key `key_id`: an HMAC of its type and id,
    /// so equal subjects match and nobody without the key learns who they are.
    fn subject_id(&self, key_id: &str, subject: &DataSubject) -> Option<String> {
        self.mac(
            key_id,
            &[
                Some(b"ldv-subject"),
                Some(subject.id_type().as_bytes()),
                Some(subject.clear_id().as_bytes()),
            ],
        )
    }

    /// The subject keyed under every known key: what a record about them holds, whichever key
    /// was current when it was written.
    pub fn subject_ids(&self, subject: &DataSubject) -> Vec<String> {
        let mut ids: Vec<String> = self.keys.keys().filter_map(|k| self.subject_id(k, subject)).collect();
        ids.sort();
        ids
    }

    /// The subject keyed under the current key, as stored.
    pub fn key_subject(&self, subject: &DataSubject) -> Option<KeyedSubject> {
        Some(KeyedSubject {
            id_type: subject.id_type().to_string(),
            id: self.subject_id(&self.current, subject)?,
        })
    }

    fn head_mac(&self, key_id: &str, seq: i64, hash: &str) -> Option<String> {
        self.mac(
            key_id,
            &[Some(b"head"), Some(seq.to_string().as_bytes()), Some(hash.as_bytes())],
        )
    }

    fn checkpoint_mac(&self, key_id: &str, seq: i64, hash: &str) -> Option<String> {
        self.mac(
            key_id,
            &[
                Some(b"checkpoint"),
                Some(seq.to_string().as_bytes()),
                Some(hash.as_bytes()),
            ],
        )
    }
}

/// Checks a text that goes into an audit record (purpose, user id): at most
/// [`MAX_TEXT_CHARS`] characters, no control or bidirectional-override characters, which could
/// forge lines or hide text when the log is read.
pub fn check_text(name: &str, value: &str) -> Result<(), crate::InvalidParam> {
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(crate::InvalidParam::new(
            name,
            "maxLength",
            format!("Waarde is langer dan maximum {MAX_TEXT_CHARS} tekens."),
        ));
    }
    if value.chars().any(is_unsafe_char) {
        return Err(crate::InvalidParam::new(
            name,
            "pattern",
            "Waarde bevat stuur- of richtingstekens.",
        ));
    }
    Ok(())
}

/// A control character or a bidirectional override/isolate: either can forge lines or hide text
/// when a record is read.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What a caller records: one action on one object.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AuditEntry {
    /// The client (application) that asked.
    pub client_id: String,
    /// The user behind the client, from the token.
    pub user_id: Option<String>,
    /// The purpose (doelbinding).
    pub purpose: Option<String>,
    /// What was done, e.g. `brp.personen.raadplegen`.
    pub action: String,
    /// Kind of object, e.g. `persoon`.
    pub object_type: String,
    /// The object's id, e.g. a BSN.
    pub object_id: Option<String>,
    /// Further facts as JSON (query type, requested fields, …).
    pub details: serde_json::Value,
    /// The outcome, e.g. `geleverd`.
    pub outcome: String,
    /// The Logboek Dataverwerkingen facts: trace, action, activity and data subject (absent only
    /// in entries written before the log followed the standard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing: Option<Processing>,
}

impl AuditEntry {
    /// One action a principal performed on one object in `activity` (outcome `uitgevoerd`,
    /// status OK), in the principal's trace. When a citizen acts (the token's `bsn`), they are
    /// its data subject unless [`AuditEntry::about`] names another.
    pub fn performed(
        principal: &crate::auth::Principal,
        activity: &crate::register::Activity,
        action: &str,
        object_type: &str,
        object_id: &str,
        details: serde_json::Value,
    ) -> Self {
        AuditEntry {
            client_id: principal.client_id.clone(),
            user_id: principal.user_id.clone(),
            purpose: Some(activity.purpose.into()),
            action: action.into(),
            object_type: object_type.into(),
            object_id: Some(object_id.into()),
            details,
            outcome: "uitgevoerd".into(),
            processing: Some(Processing::of(
                &principal.trace,
                &activity.reference(),
                principal.bsn.as_ref().map(DataSubject::bsn),
                crate::ldv::StatusCode::Ok,
            )),
        }
    }

    /// The same entry about `subject` (a citizen the action concerns).
    pub fn about(mut self, subject: Option<DataSubject>) -> Self {
        if let Some(p) = &mut self.processing {
            p.subject = subject.map(Subject::Clear);
        }
        self
    }

    /// The entry's data subject as stored: keyed under the current key when the caller gave
    /// it in clear. `Err` when the key is missing.
    fn keyed_subject(&self, keys: &AuditKeys) -> Result<Option<KeyedSubject>, ()> {
        match self.processing.as_ref().and_then(|p| p.subject.as_ref()) {
            None => Ok(None),
            Some(Subject::Keyed(k)) => Ok(Some(k.clone())),
            Some(Subject::Clear(clear)) => keys.key_subject(clear).map(Some).ok_or(()),
        }
    }

    /// The entry with its data subject keyed: what may be stored. `None` when the key is
    /// missing.
    fn keyed(&self, keys: &AuditKeys) -> Option<AuditEntry> {
        let subject = self.keyed_subject(keys).ok()?;
        let mut e = self.clone();
        if let Some(p) = &mut e.processing {
            p.subject = subject.map(Subject::Keyed);
        }
        Some(e)
    }
}

/// A stored audit record.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, PartialEq)]
#[diesel(table_name = audit_log)]
// None is bound as NULL (not written as DEFAULT), so the insert's SQL is always the same and
// its prepared statement is cached instead of parsed per row
#[diesel(treat_none_as_default_value = false)]
pub struct AuditRecord {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When it was recorded (UTC, microseconds).
    pub recorded_at: NaiveDateTime,
    /// See [`AuditEntry`].
    pub client_id: String,
    /// See [`AuditEntry`].
    pub user_id: Option<String>,
    /// See [`AuditEntry`].
    pub purpose: Option<String>,
    /// See [`AuditEntry`].
    pub action: String,
    /// See [`AuditEntry`].
    pub object_type: String,
    /// See [`AuditEntry`].
    pub object_id: Option<String>,
    /// JSON text.
    pub details: String,
    /// See [`AuditEntry`].
    pub outcome: String,
    /// Hash of the previous record (zeros for the first).
    pub prev_hash: String,
    /// The key the hash was made with.
    pub key_id: String,
    /// HMAC-SHA256 over this record's content and `prev_hash`.
    pub hash: String,
    /// Logboek Dataverwerkingen: the trace (32 hex digits).
    pub trace_id: Option<String>,
    /// The action (16 hex digits).
    pub span_id: Option<String>,
    /// The calling action within our organisation.
    pub parent_span_id: Option<String>,
    /// The calling action at another organisation (JSON: trace_id, span_id, entity).
    pub foreign_operation: Option<String>,
    /// 0 unset, 1 ok, 2 error.
    pub status_code: Option<i32>,
    /// When the action started.
    pub started_at: Option<NaiveDateTime>,
    /// When it ended.
    pub ended_at: Option<NaiveDateTime>,
    /// The activity's version, relative to the register's base URL.
    pub processing_activity_id: Option<String>,
    /// The keyed data subject id.
    pub data_subject_id: Option<String>,
    /// Its type, e.g. `BSN`.
    pub data_subject_id_type: Option<String>,
}

impl AuditRecord {
    /// The hash this record should have; `None` when its key is unknown.
    pub fn compute_hash(&self, keys: &AuditKeys) -> Option<String> {
        // times as microseconds, the precision both databases keep
        let stamp = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string();
        let seq = self.seq.to_string();
        let at = stamp(self.recorded_at);
        let b = |s: &str| Some(s.as_bytes().to_vec());
        let parts: [Option<Vec<u8>>; 12] = [
            b(&seq),
            b(&at),
            b(&self.client_id),
            self.user_id.as_deref().and_then(b),
            self.purpose.as_deref().and_then(b),
            b(&self.action),
            b(&self.object_type),
            self.object_id.as_deref().and_then(b),
            b(&self.details),
            b(&self.outcome),
            b(&self.prev_hash),
            b(&self.key_id),
        ];
        let mut refs: Vec<Option<&[u8]>> = parts.iter().map(|p| p.as_deref()).collect();
        // a Logboek record covers its LDV facts too; a record from before has none and keeps
        // the encoding it was signed with
        let status = self.status_code.map(|c| c.to_string());
        let started = self.started_at.map(stamp);
        let ended = self.ended_at.map(stamp);
        if self.trace_id.is_some() {
            refs.extend([
                Some(b"ldv".as_slice()),
                self.trace_id.as_deref().map(str::as_bytes),
                self.span_id.as_deref().map(str::as_bytes),
                self.parent_span_id.as_deref().map(str::as_bytes),
                self.foreign_operation.as_deref().map(str::as_bytes),
                status.as_deref().map(str::as_bytes),
                started.as_deref().map(str::as_bytes),
                ended.as_deref().map(str::as_bytes),
                self.processing_activity_id.as_deref().map(str::as_bytes),
                self.data_subject_id.as_deref().map(str::as_bytes),
                self.data_subject_id_type.as_deref().map(str::as_bytes),
            ]);
        }
        keys.mac(&self.key_id, &refs)
    }
}

/// Current time in UTC, cut to microseconds (what PostgreSQL stores), so hashes survive a round trip.
fn now_micros() -> NaiveDateTime {
    crate::ldv::micros(Utc::now().naive_utc())
}

/// The chain head: last sequence number and its hash.
pub type Head = (i64, String);

/// Reads the chain head.
pub fn read_head(conn: &mut DbConnection) -> Result<Head, DbError> {
    Ok(audit_head::table
        .filter(audit_head::id.eq(1))
        .select((audit_head::seq, audit_head::hash))
        .first(conn)?)
}

/// Reads the chain head to append after it inside a write transaction: on PostgreSQL locked
/// (`FOR UPDATE`) until the transaction ends, so the compare-and-swap that follows cannot lose;
/// SQLite's write transaction already excludes every other writer.
fn read_head_for_update(conn: &mut DbConnection) -> Result<Head, DbError> {
    match conn {
        DbConnection::Pg(c) => Ok(audit_head::table
            .filter(audit_head::id.eq(1))
            .select((audit_head::seq, audit_head::hash))
            .for_update()
            .first(c)?),
        DbConnection::Sqlite(_) => read_head(conn),
    }
}

/// PostgreSQL: one statement (so one round trip, atomic without a transaction) that moves the
/// signed head with a compare-and-swap and inserts the batch from arrays only when the head
/// moved. A query type of its own, so diesel prepares it once per connection and reuses it.
struct PgAppend {
    new_seq: i64,
    new_hash: String,
    key_id: String,
    new_mac: String,
    old_seq: i64,
    old_hash: String,
    seq: Vec<i64>,
    recorded_at: Vec<NaiveDateTime>,
    client_id: Vec<String>,
    user_id: Vec<Option<String>>,
    purpose: Vec<Option<String>>,
    action: Vec<String>,
    object_type: Vec<String>,
    object_id: Vec<Option<String>>,
    details: Vec<String>,
    outcome: Vec<String>,
    prev_hash: Vec<String>,
    key_ids: Vec<String>,
    hash: Vec<String>,
    trace_id: Vec<Option<String>>,
    span_id: Vec<Option<String>>,
    parent_span_id: Vec<Option<String>>,
    foreign_operation: Vec<Option<String>>,
    status_code: Vec<Option<i32>>,
    started_at: Vec<Option<NaiveDateTime>>,
    ended_at: Vec<Option<NaiveDateTime>>,
    processing_activity_id: Vec<Option<String>>,
    data_subject_id: Vec<Option<String>>,
    data_subject_id_type: Vec<Option<String>>,
}

impl diesel::query_builder::QueryId for PgAppend {
    type QueryId = PgAppend;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for PgAppend {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> diesel::QueryResult<()> {
        use diesel::sql_types::{Array, BigInt, Integer, Nullable, Text, Timestamp};
        out.push_sql("WITH moved AS (UPDATE audit_head SET seq = ");
        out.push_bind_param::<BigInt, _>(&self.new_seq)?;
        out.push_sql(", hash = ");
        out.push_bind_param::<Text, _>(&self.new_hash)?;
        out.push_sql(", key_id = ");
        out.push_bind_param::<Text, _>(&self.key_id)?;
        out.push_sql(", mac = ");
        out.push_bind_param::<Text, _>(&self.new_mac)?;
        out.push_sql(" WHERE id = 1 AND seq = ");
        out.push_bind_param::<BigInt, _>(&self.old_seq)?;
        out.push_sql(" AND hash = ");
        out.push_bind_param::<Text, _>(&self.old_hash)?;
        out.push_sql(
            " RETURNING id) INSERT INTO audit_log (seq, recorded_at, client_id, user_id, purpose, action, \
             object_type, object_id, details, outcome, prev_hash, key_id, hash, trace_id, span_id, \
             parent_span_id, foreign_operation, status_code, started_at, ended_at, processing_activity_id, \
             data_subject_id, data_subject_id_type) SELECT * FROM unnest(",
        );
        out.push_bind_param::<Array<BigInt>, _>(&self.seq)?;
        out.push_sql("::bigint[], ");
        out.push_bind_param::<Array<Timestamp>, _>(&self.recorded_at)?;
        out.push_sql("::timestamp[]");
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(&self.client_id)?;
        out.push_sql("::text[]");
        for col in [&self.user_id, &self.purpose] {
            out.push_sql(", ");
            out.push_bind_param::<Array<Nullable<Text>>, _>(col)?;
            out.push_sql("::text[]");
        }
        for col in [&self.action, &self.object_type] {
            out.push_sql(", ");
            out.push_bind_param::<Array<Text>, _>(col)?;
            out.push_sql("::text[]");
        }
        out.push_sql(", ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.object_id)?;
        out.push_sql("::text[]");
        for col in [&self.details, &self.outcome, &self.prev_hash, &self.key_ids, &self.hash] {
            out.push_sql(", ");
            out.push_bind_param::<Array<Text>, _>(col)?;
            out.push_sql("::text[]");
        }
        for col in [
            &self.trace_id,
            &self.span_id,
            &self.parent_span_id,
            &self.foreign_operation,
        ] {
            out.push_sql(", ");
            out.push_bind_param::<Array<Nullable<Text>>, _>(col)?;
            out.push_sql("::text[]");
        }
        out.push_sql(", ");
        out.push_bind_param::<Array<Nullable<Integer>>, _>(&self.status_code)?;
        out.push_sql("::integer[]");
        for col in [&self.started_at, &self.ended_at] {
            out.push_sql(", ");
            out.push_bind_param::<Array<Nullable<Timestamp>>, _>(col)?;
            out.push_sql("::timestamp[]");
        }
        for col in [
            &self.processing_activity_id,
            &self.data_subject_id,
            &self.data_subject_id_type,
        ] {
            out.push_sql(", ");
            out.push_bind_param::<Array<Nullable<Text>>, _>(col)?;
            out.push_sql("::text[]");
        }
        out.push_sql(") WHERE EXISTS (SELECT 1 FROM moved)");
        Ok(())
    }
}

impl diesel::RunQueryDsl<diesel::PgConnection> for PgAppend {}

fn append_pg(
    c: &mut diesel::PgConnection,
    head: &Head,
    new_mac: &str,
    records: &[AuditRecord],
) -> Result<bool, DbError> {
    let Some(last) = records.last() else { return Ok(true) };
    let col = |f: fn(&AuditRecord) -> String| records.iter().map(f).collect::<Vec<String>>();
    let opt = |f: fn(&AuditRecord) -> Option<String>| records.iter().map(f).collect::<Vec<Option<String>>>();
    let query = PgAppend {
        new_seq: last.seq,
        new_hash: last.hash.clone(),
        key_id: last.key_id.clone(),
        new_mac: new_mac.to_string(),
        old_seq: head.0,
        old_hash: head.1.clone(),
        seq: records.iter().map(|r| r.seq).collect(),
        recorded_at: records.iter().map(|r| r.recorded_at).collect(),
        client_id: col(|r| r.client_id.clone()),
        user_id: opt(|r| r.user_id.clone()),
        purpose: opt(|r| r.purpose.clone()),
        action: col(|r| r.action.clone()),
        object_type: col(|r| r.object_type.clone()),
        object_id: opt(|r| r.object_id.clone()),
        details: col(|r| r.details.clone()),
        outcome: col(|r| r.outcome.clone()),
        prev_hash: col(|r| r.prev_hash.clone()),
        key_ids: col(|r| r.key_id.clone()),
        hash: col(|r| r.hash.clone()),
        trace_id: opt(|r| r.trace_id.clone()),
        span_id: opt(|r| r.span_id.clone()),
        parent_span_id: opt(|r| r.parent_span_id.clone()),
        foreign_operation: opt(|r| r.foreign_operation.clone()),
        status_code: records.iter().map(|r| r.status_code).collect(),
        started_at: records.iter().map(|r| r.started_at).collect(),
        ended_at: records.iter().map(|r| r.ended_at).collect(),
        processing_activity_id: opt(|r| r.processing_activity_id.clone()),
        data_subject_id: opt(|r| r.data_subject_id.clone()),
        data_subject_id_type: opt(|r| r.data_subject_id_type.clone()),
    };
    let inserted = query.execute(c)?;
    Ok(inserted == records.len())
}

/// Appends entries after `head` (on SQLite inside a write transaction): chains and signs them,
/// moves the signed head with a compare-and-swap, and inserts. `Ok(None)` when the head moved
/// meanwhile (another writer process): nothing was written and the caller rereads the head and
/// tries again.
pub fn append_after(
    conn: &mut DbConnection,
    keys: &AuditKeys,
    head: &Head,
    entries: &[AuditEntry],
) -> Result<Option<Vec<AuditRecord>>, DbError> {
    let (mut seq, mut prev) = head.clone();
    let at = now_micros();
    let key_id = keys.current_id().to_string();
    let unsignable = || DbError::Unavailable("audit key missing".into());
    let mut records = Vec::with_capacity(entries.len());
    for e in entries {
        seq += 1;
        let subject = e.keyed_subject(keys).map_err(|_| unsignable())?;
        let p = e.processing.as_ref();
        let foreign = match p.and_then(|p| p.foreign_operation.as_ref()) {
            Some(f) => Some(serde_json::to_string(f).map_err(|e| DbError::Unavailable(e.to_string()))?),
            None => None,
        };
        let mut r = AuditRecord {
            trace_id: p.map(|p| p.trace_id.to_string()),
            span_id: p.map(|p| p.span_id.to_string()),
            parent_span_id: p.and_then(|p| p.parent_span_id).map(|s| s.to_string()),
            foreign_operation: foreign,
            status_code: p.map(|p| p.status.number()),
            started_at: p.map(|p| p.started_at),
            ended_at: p.map(|p| p.ended_at),
            processing_activity_id: p.map(|p| p.activity.clone()),
            data_subject_id_type: subject.as_ref().map(|k| k.id_type.clone()),
            data_subject_id: subject.map(|k| k.id),
            seq,
            recorded_at: at,
            client_id: e.client_id.clone(),
            user_id: e.user_id.clone(),
            purpose: e.purpose.clone(),
            action: e.action.clone(),
            object_type: e.object_type.clone(),
            object_id: e.object_id.clone(),
            details: e.details.to_string(),
            outcome: e.outcome.clone(),
            prev_hash: prev,
            key_id: key_id.clone(),
            hash: String::new(),
        };
        r.hash = r.compute_hash(keys).ok_or_else(unsignable)?;
        prev = r.hash.clone();
        records.push(r);
    }
    let mac = keys.head_mac(&key_id, seq, &prev).ok_or_else(unsignable)?;
    let moved = match conn {
        DbConnection::Pg(c) => append_pg(c, head, &mac, &records)?,
        DbConnection::Sqlite(c) => {
            // the head row moves first; on SQLite the caller's IMMEDIATE transaction orders writers
            let moved = diesel::update(
                audit_head::table
                    .filter(audit_head::id.eq(1))
                    .filter(audit_head::seq.eq(head.0))
                    .filter(audit_head::hash.eq(&head.1)),
            )
            .set((
                audit_head::seq.eq(seq),
                audit_head::hash.eq(&prev),
                audit_head::key_id.eq(&key_id),
                audit_head::mac.eq(&mac),
            ))
            .execute(c)?;
            if moved == 1 {
                // 23 columns × 512 rows stays under SQLite's limit on bound variables (32,766)
                for chunk in records.chunks(MAX_BATCH) {
                    diesel::insert_into(audit_log::table).values(chunk).execute(c)?;
                }
            }
            moved == 1
        }
    };
    if !moved {
        return Ok(None);
    }
    Ok(Some(records))
}

/// A stored checkpoint: a record's sequence number and hash, signed.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_checkpoint)]
struct Checkpoint {
    seq: i64,
    hash: String,
    key_id: String,
    mac: String,
}

impl Checkpoint {
    /// Whether its signature holds under the keys.
    fn signed(&self, keys: &AuditKeys) -> bool {
        keys.checkpoint_mac(&self.key_id, self.seq, &self.hash).as_deref() == Some(self.mac.as_str())
    }
}

/// Stores a signed checkpoint at a record (idempotent).
pub fn write_checkpoint(conn: &mut DbConnection, keys: &AuditKeys, seq: i64, hash: &str) -> Result<(), DbError> {
    let key_id = keys.current_id();
    let mac = keys
        .checkpoint_mac(key_id, seq, hash)
        .ok_or_else(|| DbError::Unavailable("audit key missing".into()))?;
    let exists: i64 = audit_checkpoint::table
        .filter(audit_checkpoint::seq.eq(seq))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(audit_checkpoint::table)
            .values((
                audit_checkpoint::seq.eq(seq),
                audit_checkpoint::hash.eq(hash),
                audit_checkpoint::key_id.eq(key_id),
                audit_checkpoint::mac.eq(mac),
                audit_checkpoint::recorded_at.eq(now_micros()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

type Job = (Vec<AuditEntry>, oneshot::Sender<Result<(), String>>);

/// Handle to the group-commit writer; cheap to clone. When disabled (benchmarks only), records
/// are dropped and [`AuditLog::record`] returns at once.
#[derive(Clone)]
pub struct AuditLog {
    tx: Option<mpsc::Sender<Job>>,
    db: Database,
    keys: Option<Arc<AuditKeys>>,
}

impl AuditLog {
    /// Starts the writer on a thread of its own with a dedicated connection; `None` keys turn the
    /// log off (benchmarks only).
    pub fn start(db: Database, keys: Option<Arc<AuditKeys>>) -> Self {
        Self::start_with_checkpoints(db, keys, CHECKPOINT_EVERY)
    }

    /// As [`AuditLog::start`], with a checkpoint every `every` records.
    pub fn start_with_checkpoints(db: Database, keys: Option<Arc<AuditKeys>>, every: i64) -> Self {
        let every = every.max(1);
        let Some(k) = keys.clone() else {
            return AuditLog { tx: None, db, keys };
        };
        let (tx, rx) = mpsc::channel::<Job>(4096);
        let writer_db = db.clone();
        if let Err(e) = std::thread::Builder::new()
            .name("audit-writer".into())
            .spawn(move || run_writer(writer_db, k, every, rx))
        {
            // without a writer every record() fails with 503, which is the safe side
            tracing::error!(error = %e, "audit writer could not start");
        }
        AuditLog { tx: Some(tx), db, keys }
    }

    /// The keyed ids a record about `subject` may hold (one per known key); empty when the
    /// log is off.
    pub fn subject_ids(&self, subject: &DataSubject) -> Vec<String> {
        self.keys.as_ref().map(|k| k.subject_ids(subject)).unwrap_or_default()
    }

    /// Whether records are written.
    pub fn enabled(&self) -> bool {
        self.tx.is_some()
    }

    /// Records entries and waits until they are durable.
    pub async fn record(&self, entries: Vec<AuditEntry>) -> Result<(), crate::Problem> {
        let Some(tx) = &self.tx else { return Ok(()) };
        if entries.is_empty() {
            return Ok(());
        }
        let (done_tx, done_rx) = oneshot::channel();
        if tx.send((entries, done_tx)).await.is_err() {
            tracing::error!("audit writer stopped");
            return Err(crate::Problem::service_unavailable("protocollering"));
        }
        match done_rx.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "audit write failed");
                Err(crate::Problem::service_unavailable("protocollering"))
            }
            Err(_) => Err(crate::Problem::service_unavailable("protocollering")),
        }
    }

    /// Writes entries inside the caller's write transaction, so the action and its record are
    /// stored together or not at all (the use case's change rolls back when the record cannot
    /// be written). They wait in `audit_pending`, without taking the chain head's lock, until
    /// [`AuditLog::flush`] (after the commit, before the answer) has the writer chain them with
    /// everything else in its next batch. Nothing is written when the log is off (benchmarks
    /// only).
    pub fn append_in(&self, conn: &mut DbConnection, entries: &[AuditEntry]) -> Result<(), DbError> {
        if self.tx.is_none() || entries.is_empty() {
            return Ok(());
        }
        let Some(keys) = &self.keys else { return Ok(()) };
        let at = now_micros();
        let rows = entries
            .iter()
            .map(|e| {
                // the subject is keyed before the entry is stored, even for a moment
                let keyed = e
                    .keyed(keys)
                    .ok_or_else(|| DbError::Unavailable("audit key missing".into()))?;
                let entry = Json::new(keyed)
                    .map_err(|_| diesel::result::Error::SerializationError("audit entry not serialisable".into()))?;
                Ok(NewPending { recorded_at: at, entry })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        for chunk in rows.chunks(MAX_BATCH) {
            // a multi-row insert is written per backend (the multi-connection has none)
            match conn {
                DbConnection::Pg(c) => diesel::insert_into(audit_pending::table).values(chunk).execute(c)?,
                DbConnection::Sqlite(c) => diesel::insert_into(audit_pending::table).values(chunk).execute(c)?,
            };
        }
        Ok(())
    }

    /// Has the writer chain the pending entries (of every use case that wrote some) and waits
    /// until they are: what [`AuditLog::append_in`] wrote is in the chain when this returns. A
    /// failure leaves them pending (stored, chained by the next flush or the next start).
    pub async fn flush(&self) -> Result<(), crate::Problem> {
        let Some(tx) = &self.tx else { return Ok(()) };
        let (done_tx, done_rx) = oneshot::channel();
        if tx.send((Vec::new(), done_tx)).await.is_err() {
            return Err(crate::Problem::service_unavailable("protocollering"));
        }
        match done_rx.await {
            Ok(Ok(())) => Ok(()),
            _ => Err(crate::Problem::service_unavailable("protocollering")),
        }
    }

    /// [`AuditLog::flush`] after a change that wrote its entries with [`AuditLog::append_in`]:
    /// a failure leaves them pending, stored beside the change and chained by the next flush or
    /// start, so it is logged and the change's answer stands.
    pub async fn flush_after_change(&self) {
        if let Err(p) = self.flush().await {
            tracing::warn!(problem = %p.title, "audit entries left pending");
        }
    }

    /// Verifies from the last checkpoint (what the verification endpoint answers).
    pub async fn verify_recent(&self) -> Result<ChainReport, crate::Problem> {
        let keys = self
            .keys
            .clone()
            .ok_or_else(|| crate::Problem::service_unavailable("protocollering"))?;
        Ok(self.db.run(move |c| verify_from_checkpoint(c, &keys)).await?)
    }

    /// The database the log writes to.
    pub fn database(&self) -> &Database {
        &self.db
    }
}

/// Chains the pending entries, oldest first and up to a batch at a time, together with
/// `entries`, in one transaction a batch: the head locked, the entries appended, the pending
/// rows deleted. On PostgreSQL rows another replica's writer is chaining are skipped (it owns
/// them). Leaves a checkpoint where a batch crosses a multiple of `every`.
fn drain_pending(
    db: &Database,
    c: &mut DbConnection,
    keys: &AuditKeys,
    every: i64,
    entries: &[AuditEntry],
) -> Result<(), DbError> {
    let mut first = Some(entries);
    loop {
        let own = first.take().unwrap_or(&[]);
        let room = i64::try_from(MAX_BATCH.saturating_sub(own.len()).max(1)).unwrap_or(1);
        let (taken, chained) = db.write_transaction_on(c, |c| {
            let query = audit_pending::table
                .order(audit_pending::id.asc())
                .limit(room)
                .select((audit_pending::id, audit_pending::entry));
            let rows: Vec<(i64, Json<AuditEntry>)> = match c {
                DbConnection::Pg(pg) => query.for_update().skip_locked().load(pg)?,
                DbConnection::Sqlite(_) => query.load(c)?,
            };
            let (ids, mut batch): (Vec<i64>, Vec<AuditEntry>) =
                rows.into_iter().map(|(id, e)| (id, e.into_inner())).unzip();
            let taken = ids.len();
            batch.extend_from_slice(own);
            if batch.is_empty() {
                return Ok::<_, DbError>((0, None));
            }
            let base = read_head_for_update(c)?;
            let records = append_after(c, keys, &base, &batch)?
                .ok_or_else(|| DbError::Unavailable("audit head moved while locked".into()))?;
            for chunk in ids.chunks(MAX_BATCH) {
                diesel::delete(audit_pending::table.filter(audit_pending::id.eq_any(chunk))).execute(c)?;
            }
            Ok((taken, records.last().map(|last| (base.0, last.seq, last.hash.clone()))))
        })?;
        if let Some((from, seq, hash)) = chained {
            if seq / every > from / every {
                // a missing checkpoint only makes verification start further back
                if let Err(e) = write_checkpoint(c, keys, seq, &hash) {
                    tracing::warn!(error = %e, "audit checkpoint not written");
                }
            }
        }
        if i64::try_from(taken).unwrap_or(i64::MAX) < room {
            return Ok(());
        }
    }
}

type Pooled = diesel::r2d2::PooledConnection<diesel::r2d2::ConnectionManager<DbConnection>>;

/// The group-commit loop: takes what is queued (up to a batch), appends it in one transaction
/// after the cached head, and answers every waiting request. On any error the connection and
/// the cached head are dropped, so the next batch starts from the database's state.
fn run_writer(db: Database, keys: Arc<AuditKeys>, every: i64, mut rx: mpsc::Receiver<Job>) {
    let mut conn: Option<Pooled> = None;
    let mut head: Option<Head> = None;
    // what an earlier run left pending (a stop between a use case's commit and its flush)
    if let Err(e) = write_batch(&db, &keys, every, &mut conn, &mut head, &[], true) {
        tracing::warn!(error = %e, "pending audit entries not chained at start");
        (conn, head) = (None, None);
    }
    while let Some(first) = rx.blocking_recv() {
        let mut count = first.0.len();
        let mut jobs = vec![first];
        while count < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => {
                    count += job.0.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        crate::metrics::observe_audit_batch(count, rx.len());
        // an empty job is a flush: chain the pending entries with this batch
        let drain = jobs.iter().any(|job| job.0.is_empty());
        // the entries move into the batch; each job keeps only its answer channel
        let mut entries = Vec::with_capacity(count);
        for job in &mut jobs {
            entries.append(&mut job.0);
        }
        let mut outcome = write_batch(&db, &keys, every, &mut conn, &mut head, &entries, drain);
        if matches!(&outcome, Err(DbError::Query(e)) if crate::db::is_connection_lost(e)) {
            // the kept connection went away with the server (restarted, or back after an
            // outage): once more on a fresh one, which reads the head again
            (conn, head) = (None, None);
            outcome = write_batch(&db, &keys, every, &mut conn, &mut head, &entries, drain);
        }
        if outcome.is_err() {
            (conn, head) = (None, None);
        }
        let outcome = outcome.map_err(|e| e.to_string());
        for (_, done) in jobs {
            let _ = done.send(outcome.clone());
        }
    }
}

/// Appends one batch on the writer's connection, retrying after a head moved by another
/// process, and leaves a checkpoint when the batch crosses a multiple of `every`. With `drain`,
/// the pending entries are chained with it (see [`drain_pending`]).
fn write_batch(
    db: &Database,
    keys: &AuditKeys,
    every: i64,
    conn: &mut Option<Pooled>,
    head: &mut Option<Head>,
    entries: &[AuditEntry],
    drain: bool,
) -> Result<(), DbError> {
    let c: &mut DbConnection = match conn {
        Some(c) => c,
        None => conn.insert(db.conn()?),
    };
    if drain {
        *head = None;
        return drain_pending(db, c, keys, every, entries);
    }
    if entries.is_empty() {
        return Ok(());
    }
    let mut lost = false;
    loop {
        let current = match head.take() {
            Some(h) => h,
            None => read_head(c)?,
        };
        // the records written, with the head they were appended after
        let written: Option<(Head, Vec<AuditRecord>)> = match c {
            // one atomic statement: no transaction round trips needed
            DbConnection::Pg(_) if !lost => append_after(c, keys, &current, entries)?.map(|r| (current, r)),
            // the head moved under us (a use case appending in its own transaction, another
            // replica): take the head's lock and wait our turn instead of racing again, which
            // under steady appends could lose for long
            DbConnection::Pg(_) => db.write_transaction_on(c, |c| {
                let locked = read_head_for_update(c)?;
                Ok::<_, DbError>(append_after(c, keys, &locked, entries)?.map(|r| (locked, r)))
            })?,
            DbConnection::Sqlite(_) => db
                .write_transaction_on(c, |c| append_after(c, keys, &current, entries))?
                .map(|r| (current, r)),
        };
        lost = written.is_none();
        if let Some((base, records)) = written {
            if let Some(last) = records.last() {
                if last.seq / every > base.0 / every {
                    // a missing checkpoint only makes verification start further back
                    if let Err(e) = write_checkpoint(c, keys, last.seq, &last.hash) {
                        tracing::warn!(error = %e, "audit checkpoint not written");
                    }
                }
                *head = Some((last.seq, last.hash.clone()));
            }
            return Ok(());
        }
    }
}

/// Result of checking the chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChainReport {
    /// True when every record checked and the head are intact.
    pub geldig: bool,
    /// Number of records checked.
    pub aantal_records: i64,
    /// The first sequence number checked (1 for a full check; after a checkpoint otherwise).
    pub vanaf_volgnummer: i64,
    /// The first fault found, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fout: Option<ChainFault>,
}

/// Where and how the chain is broken.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChainFault {
    /// Sequence number where the fault shows.
    pub volgnummer: i64,
    /// What is wrong: `gewijzigd`, `ontbreekt`, `afgekapt`, `onbekendeSleutel`.
    pub soort: String,
}

/// Recomputes the whole chain, from the first record, and checks every checkpoint on the way.
pub fn verify(conn: &mut DbConnection, keys: &AuditKeys) -> Result<ChainReport, DbError> {
    let checkpoints: Vec<Checkpoint> = audit_checkpoint::table
        .order(audit_checkpoint::seq.asc())
        .select(Checkpoint::as_select())
        .load(conn)?;
    if let Some(forged) = checkpoints.iter().find(|c| !c.signed(keys)) {
        return Ok(fault(forged.seq, "gewijzigd", 0, 1));
    }
    let marks: HashMap<i64, String> = checkpoints.into_iter().map(|c| (c.seq, c.hash)).collect();
    verify_range(conn, keys, 1, GENESIS.to_string(), &marks)
}

/// Verifies from the newest checkpoint whose signature holds (or from the start when there is
/// none): what the verification endpoint answers, reading at most [`CHECKPOINT_EVERY`] records.
/// A change before that checkpoint is found by the full [`verify`].
pub fn verify_from_checkpoint(conn: &mut DbConnection, keys: &AuditKeys) -> Result<ChainReport, DbError> {
    let newest: Option<Checkpoint> = audit_checkpoint::table
        .order(audit_checkpoint::seq.desc())
        .select(Checkpoint::as_select())
        .first(conn)
        .optional()?;
    let Some(checkpoint) = newest else {
        return verify_range(conn, keys, 1, GENESIS.to_string(), &HashMap::new());
    };
    let (seq, hash) = (checkpoint.seq, checkpoint.hash.clone());
    if !checkpoint.signed(keys) {
        return Ok(fault(seq, "gewijzigd", 0, seq));
    }
    // the checkpointed record itself must still be the one signed
    let record: Option<AuditRecord> = audit_log::table
        .filter(audit_log::seq.eq(seq))
        .select(AuditRecord::as_select())
        .first(conn)
        .optional()?;
    match record {
        None => Ok(fault(seq, "ontbreekt", 0, seq)),
        Some(r) if r.hash != hash || r.compute_hash(keys).as_deref() != Some(r.hash.as_str()) => {
            Ok(fault(seq, "gewijzigd", 0, seq))
        }
        Some(r) => verify_range(conn, keys, seq + 1, r.hash, &HashMap::new()),
    }
}

fn fault(seq: i64, soort: &str, checked: i64, from: i64) -> ChainReport {
    ChainReport {
        geldig: false,
        aantal_records: checked,
        vanaf_volgnummer: from,
        fout: Some(ChainFault {
            volgnummer: seq,
            soort: soort.to_string(),
        }),
    }
}

/// Checks records from `from` on (with `prev` the hash before it), the checkpoints in `marks`,
/// and finally the signed head.
fn verify_range(
    conn: &mut DbConnection,
    keys: &AuditKeys,
    from: i64,
    mut prev: String,
    marks: &HashMap<i64, String>,
) -> Result<ChainReport, DbError> {
    let mut expected_seq = from;
    loop {
        let page: Vec<AuditRecord> = audit_log::table
            .filter(audit_log::seq.ge(expected_seq))
            .order(audit_log::seq.asc())
            .limit(2000)
            .select(AuditRecord::as_select())
            .load(conn)?;
        if page.is_empty() {
            break;
        }
        for r in page {
            let checked = expected_seq - from;
            if r.seq != expected_seq {
                return Ok(fault(expected_seq, "ontbreekt", checked, from));
            }
            let Some(hash) = r.compute_hash(keys) else {
                return Ok(fault(r.seq, "onbekendeSleutel", checked, from));
            };
            if r.prev_hash != prev || hash != r.hash {
                return Ok(fault(r.seq, "gewijzigd", checked, from));
            }
            if marks.get(&r.seq).is_some_and(|h| *h != r.hash) {
                return Ok(fault(r.seq, "gewijzigd", checked, from));
            }
            prev = r.hash;
            expected_seq += 1;
        }
    }
    let last = expected_seq - 1;
    let checked = expected_seq - from;
    if marks.keys().any(|s| *s > last) {
        return Ok(fault(last + 1, "afgekapt", checked, from));
    }
    let (head_seq, head_hash, head_key, head_mac): (i64, String, Option<String>, Option<String>) = audit_head::table
        .filter(audit_head::id.eq(1))
        .select((audit_head::seq, audit_head::hash, audit_head::key_id, audit_head::mac))
        .first(conn)?;
    let signed = match (head_key, head_mac) {
        (Some(k), Some(m)) => keys.head_mac(&k, head_seq, &head_hash).as_deref() == Some(m.as_str()),
        // only the empty chain has an unsigned head
        _ => head_seq == 0 && head_hash == GENESIS,
    };
    if head_seq > last {
        return Ok(fault(last + 1, "afgekapt", checked, from));
    }
    if !signed || head_seq != last || head_hash != prev {
        return Ok(fault(last + 1, "gewijzigd", checked, from));
    }
    Ok(ChainReport {
        geldig: true,
        aantal_records: checked,
        vanaf_volgnummer: from,
        fout: None,
    })
}

/// `<component> audit verify`: the full verification of the component's database with the
/// configured keys.
pub fn verify_command(common: &crate::config::CommonConfig) -> Result<ChainReport, String> {
    let keys = common
        .audit_keys()?
        .ok_or("GRONDWERK_AUDIT is off: nothing to verify")?;
    let db = Database::connect(&common.database_url, 1, &[&MIGRATIONS]).map_err(|e| e.to_string())?;
    let mut conn = db.conn().map_err(|e| e.to_string())?;
    verify(&mut conn, &keys).map_err(|e| e.to_string())
}

/// Records about one object, newest first, with the total count.
pub fn find_by_object(
    conn: &mut DbConnection,
    object_type: &str,
    object_id: &str,
    offset: i64,
    limit: i64,
) -> Result<(Vec<AuditRecord>, i64), DbError> {
    let total: i64 = audit_log::table
        .filter(audit_log::object_type.eq(object_type))
        .filter(audit_log::object_id.eq(object_id))
        .count()
        .get_result(conn)?;
    let rows = audit_log::table
        .filter(audit_log::object_type.eq(object_type))
        .filter(audit_log::object_id.eq(object_id))
        .order(audit_log::seq.desc())
        .offset(offset)
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Records about one data subject, newest first, with the total count: those whose keyed
/// `data_subject_id` is one of `keyed` (the subject under every key, see
/// [`AuditKeys::subject_ids`]), and, for records from before the Logboek, those naming them as
/// `legacy` object (type, id).
pub fn find_by_subject(
    conn: &mut DbConnection,
    keyed: &[String],
    legacy: Option<(&str, &str)>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<AuditRecord>, i64), DbError> {
    let matching = || {
        let mut q = audit_log::table
            .filter(audit_log::data_subject_id.eq_any(keyed.to_vec()))
            .into_boxed();
        if let Some((object_type, object_id)) = legacy {
            q = q.or_filter(
                audit_log::trace_id
                    .is_null()
                    .and(audit_log::object_type.eq(object_type.to_string()))
                    .and(audit_log::object_id.eq(object_id.to_string())),
            );
        }
        q
    };
    let total: i64 = matching().count().get_result(conn)?;
    let rows = matching()
        .order(audit_log::seq.desc())
        .offset(offset)
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Number of records in the log.
pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(audit_log::table.count().get_result(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;
    use sha2::Digest;

    fn entry(bsn: &str) -> AuditEntry {
        AuditEntry {
            client_id: "demo".into(),
            user_id: Some("u1".into()),
            purpose: Some("test".into()),
            action: "brp.personen.raadplegen".into(),
            object_type: "persoon".into(),
            object_id: None,
            details: serde_json::json!({ "fields": ["naam"] }),
            outcome: "geleverd".into(),
            processing: Some(Processing::of(
                &crate::ldv::Trace::start(),
                "processing_activities/89608644-c4e5-4eb2-b41b-f007e6d61147/versions/1",
                Some(DataSubject::of(crate::ldv::SUBJECT_TYPE_BSN, bsn)),
                crate::ldv::StatusCode::Ok,
            )),
        }
    }

    #[actix_web::test]
    async fn logboek_records_hold_no_bsn_and_are_found_by_their_subject() {
        for (backend, url) in crate::testing::database_urls() {
            let db = Database::connect(&url, 4, &[&MIGRATIONS]).unwrap();
            let log = AuditLog::start(db.clone(), Some(crate::testing::audit_keys()));
            let trace = crate::ldv::Trace::of_request(
                crate::ldv::Traceparent::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                None,
                Utc::now(),
            );
            let about = |bsn: &str| {
                let mut e = entry(bsn);
                e.processing = Some(Processing::of(
                    &trace,
                    "processing_activities/x/versions/1",
                    Some(DataSubject::of(crate::ldv::SUBJECT_TYPE_BSN, bsn)),
                    crate::ldv::StatusCode::Ok,
                ));
                e
            };
            log.record(vec![about("999993653"), about("999990019")])
                .await
                .expect("record");
            // one through the pending path (a use case's transaction)
            let pending = about("999993653");
            let writer = log.clone();
            db.write_transaction(move |c| writer.append_in(c, &[pending]))
                .await
                .expect("pending");
            let (_, text) = crate::testing::audit_stored(&db).await;
            assert!(
                !text.contains("999993653") && !text.contains("999990019"),
                "a BSN in clear: {text}"
            );
            log.flush().await.expect("flush");

            let subject = DataSubject::of(crate::ldv::SUBJECT_TYPE_BSN, "999993653");
            let ids = log.subject_ids(&subject);
            let (rows, total) = db
                .run(move |c| find_by_subject(c, &ids, None, 0, 10))
                .await
                .expect("find");
            assert_eq!(total, 2, "{backend}");
            for r in &rows {
                assert_eq!(r.trace_id.as_deref(), Some("4bf92f3577b34da6a3ce929d0e0e4736"));
                assert_eq!(r.parent_span_id.as_deref(), Some("00f067aa0ba902b7"));
                assert_eq!(r.span_id, Some(trace.span_id.to_string()));
                assert_eq!(r.data_subject_id_type.as_deref(), Some("BSN"));
                assert_eq!(r.status_code, Some(1));
            }
            assert!(!crate::testing::audit_stored(&db).await.1.contains("999993653"));
            // the LDV facts are covered by the chain: changing one breaks it
            assert!(full(&db).await.geldig, "{backend}");
            exec(
                &db,
                format!(
                    "{} UPDATE audit_log SET span_id = '0000000000000001' WHERE seq = 1",
                    drop_guards(&db)
                ),
            )
            .await;
            let broken = full(&db).await;
            assert!(!broken.geldig, "{backend}: {broken:?}");
            assert_eq!(where_(&broken).map(|w| w.0), Some(1), "{backend}");
        }
    }

    fn drop_guards(db: &Database) -> &'static str {
        match db.backend() {
            crate::db::Backend::Sqlite => {
                "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; \
                 DROP TRIGGER audit_checkpoint_no_update; DROP TRIGGER audit_checkpoint_no_delete;"
            }
            crate::db::Backend::Postgres => {
                "DROP TRIGGER audit_log_no_change ON audit_log; DROP TRIGGER audit_checkpoint_no_change ON audit_checkpoint;"
            }
        }
    }

    async fn exec(db: &Database, sql: String) {
        db.run(move |c| c.batch_execute(&sql).map_err(DbError::from))
            .await
            .unwrap();
    }

    async fn full(db: &Database) -> ChainReport {
        let keys = crate::testing::audit_keys();
        db.run(move |c| verify(c, &keys)).await.unwrap()
    }

    async fn recent(db: &Database) -> ChainReport {
        let keys = crate::testing::audit_keys();
        db.run(move |c| verify_from_checkpoint(c, &keys)).await.unwrap()
    }

    fn where_(r: &ChainReport) -> Option<(i64, &str)> {
        r.fout.as_ref().map(|f| (f.volgnummer, f.soort.as_str()))
    }

    async fn filled(url: &str, n: usize, every: i64) -> Database {
        let db = Database::connect(url, 4, &[&MIGRATIONS]).unwrap();
        // two writers on one database, as two processes would be: each caches the head,
        // so they keep running into each other's appends
        let keys = Some(crate::testing::audit_keys());
        let logs = [
            AuditLog::start_with_checkpoints(db.clone(), keys.clone(), every),
            AuditLog::start_with_checkpoints(db.clone(), keys, every),
        ];
        let mut tasks = Vec::new();
        for i in 0..n {
            let log = logs[i % 2].clone();
            tasks.push(actix_web::rt::spawn(async move {
                log.record(vec![entry(&format!("99999{i:04}"))]).await
            }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        db
    }

    #[actix_web::test]
    async fn group_commit_chain_verifies_and_the_database_refuses_changes() {
        for (backend, url) in crate::testing::database_urls() {
            let db = filled(&url, 50, 10).await;
            let report = full(&db).await;
            assert!(report.geldig, "{backend}: {report:?}");
            assert_eq!(report.aantal_records, 50, "{backend}");
            let r = recent(&db).await;
            assert!(r.geldig, "{backend}: {r:?}");
            assert!(r.vanaf_volgnummer > 1, "{backend}: starts after a checkpoint: {r:?}");
            assert!(r.aantal_records < 50, "{backend}: {r:?}");

            // Append-only: the database itself refuses changes.
            let refused = db
                .run(|c| {
                    c.batch_execute("UPDATE audit_log SET outcome = 'x' WHERE seq = 3")
                        .map_err(DbError::from)
                })
                .await;
            assert!(refused.is_err(), "{backend}: update must be refused");
        }
    }

    /// Entries written in a use case's transaction wait in `audit_pending` and are chained with
    /// the writer's next batch on a flush, mixed with the group-commit records of two writers;
    /// what a stopped process left pending is chained when the next one starts.
    #[actix_web::test]
    async fn pending_entries_are_chained_on_flush_and_at_start() {
        for (backend, url) in crate::testing::database_urls() {
            let db = filled(&url, 20, 10).await;
            let keys = Some(crate::testing::audit_keys());
            let log = AuditLog::start_with_checkpoints(db.clone(), keys.clone(), 10);
            // its writer's start-up chaining is done before the entries below are written
            log.flush().await.unwrap();
            let count = |table: &'static str| {
                let db = db.clone();
                async move {
                    db.run(move |c| {
                        #[derive(QueryableByName)]
                        struct N {
                            #[diesel(sql_type = diesel::sql_types::BigInt)]
                            n: i64,
                        }
                        let q = format!("SELECT count(*) AS n FROM {table}");
                        Ok::<_, DbError>(diesel::sql_query(q).get_result::<N>(c)?.n)
                    })
                    .await
                    .unwrap()
                }
            };
            let (l, d) = (log.clone(), db.clone());
            d.write_transaction(move |c| l.append_in(c, &[entry("999990019"), entry("999990032")]))
                .await
                .unwrap();
            assert_eq!(
                (count("audit_pending").await, count("audit_log").await),
                (2, 20),
                "{backend}"
            );
            let mut tasks = Vec::new();
            for i in 0..10 {
                let log = log.clone();
                tasks.push(actix_web::rt::spawn(async move {
                    log.record(vec![entry(&format!("99998{i:04}"))]).await
                }));
            }
            log.flush().await.unwrap();
            for t in tasks {
                t.await.unwrap().unwrap();
            }
            assert_eq!(
                (count("audit_pending").await, count("audit_log").await),
                (0, 32),
                "{backend}"
            );

            // pending at a stop: the next writer chains it when it starts
            let (l, d) = (log.clone(), db.clone());
            d.write_transaction(move |c| l.append_in(c, &[entry("999990044")]))
                .await
                .unwrap();
            drop(log);
            let next = AuditLog::start_with_checkpoints(db.clone(), keys, 10);
            next.flush().await.unwrap();
            assert_eq!(
                (count("audit_pending").await, count("audit_log").await),
                (0, 33),
                "{backend}"
            );
            let report = full(&db).await;
            assert!(report.geldig, "{backend}: {report:?}");
        }
    }

    /// An entry pending in the earlier shape of `audit_pending` (its columns) when a new version
    /// starts is converted by the migration and chained as it was written; the migration's
    /// down step gives the columns back.
    #[actix_web::test]
    async fn an_entry_pending_across_the_upgrade_is_chained_unchanged() {
        use diesel_migrations::MigrationHarness;
        for (backend, url) in crate::testing::database_urls() {
            let db = Database::connect(&url, 2, &[&MIGRATIONS]).unwrap();
            db.run(|c| {
                // back to the columns (before the Logboek's columns and the entry's JSON), and an
                // entry written by the earlier version
                for _ in 0..2 {
                    match c {
                        DbConnection::Pg(pg) => pg.revert_last_migration(PG_MIGRATIONS).map(|_| ()),
                        DbConnection::Sqlite(sq) => sq.revert_last_migration(SQLITE_MIGRATIONS).map(|_| ()),
                    }
                    .map_err(|e| DbError::Migration(e.to_string()))?;
                }
                diesel::sql_query(
                    "INSERT INTO audit_pending (recorded_at, client_id, user_id, purpose, action, object_type, \
                     object_id, details, outcome) VALUES ('2026-12-07 12:00:00', 'demo', NULL, 'test', \
                     'brp.personen.raadplegen', 'persoon', '999990019', '{\"fields\":[\"naam\"]}', 'geleverd')",
                )
                .execute(c)?;
                match c {
                    DbConnection::Pg(pg) => pg.run_pending_migrations(PG_MIGRATIONS).map(|_| ()),
                    DbConnection::Sqlite(sq) => sq.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
                }
                .map_err(|e| DbError::Migration(e.to_string()))
            })
            .await
            .unwrap();
            let log = AuditLog::start(db.clone(), Some(crate::testing::audit_keys()));
            log.flush().await.unwrap();
            let (rows, total) = db
                .run(|c| find_by_object(c, "persoon", "999990019", 0, 10))
                .await
                .unwrap();
            assert_eq!(total, 1, "{backend}");
            let r = &rows[0];
            assert_eq!(
                (
                    r.client_id.as_str(),
                    r.user_id.as_deref(),
                    r.purpose.as_deref(),
                    r.outcome.as_str()
                ),
                ("demo", None, Some("test"), "geleverd"),
                "{backend}"
            );
            assert_eq!(r.details, r#"{"fields":["naam"]}"#, "{backend}");
            assert!(full(&db).await.geldig, "{backend}");
        }
    }

    /// Finding 3 of the security review: someone with database rights drops the triggers,
    /// changes a record and recomputes a plain SHA-256 chain and head. Verification names the
    /// record, because the chain is keyed with a key that is not in the database.
    #[actix_web::test]
    async fn a_recomputed_chain_is_detected() {
        for (backend, url) in crate::testing::database_urls() {
            let db = filled(&url, 30, 1000).await;
            exec(&db, drop_guards(&db).to_string()).await;
            let records: Vec<AuditRecord> = db
                .run(|c| {
                    Ok::<_, DbError>(
                        audit_log::table
                            .order(audit_log::seq.asc())
                            .select(AuditRecord::as_select())
                            .load(c)?,
                    )
                })
                .await
                .unwrap();
            let mut prev = records[5].hash.clone();
            let mut sql = String::new();
            for r in records.iter().skip(6) {
                let purpose = if r.seq == 7 {
                    "anders"
                } else {
                    r.purpose.as_deref().unwrap_or("")
                };
                let mut h = sha2::Sha256::new();
                for part in [r.seq.to_string().as_str(), &r.client_id, purpose, &r.details, &prev] {
                    h.update((part.len() as u64).to_be_bytes());
                    h.update(part.as_bytes());
                }
                let hash = hex::encode(h.finalize());
                sql.push_str(&format!(
                    "UPDATE audit_log SET purpose = '{purpose}', prev_hash = '{prev}', hash = '{hash}' WHERE seq = {};",
                    r.seq
                ));
                prev = hash;
            }
            sql.push_str(&format!("UPDATE audit_head SET hash = '{prev}' WHERE id = 1;"));
            exec(&db, sql).await;
            let report = full(&db).await;
            assert_eq!(where_(&report), Some((7, "gewijzigd")), "{backend}: {report:?}");
            assert!(!recent(&db).await.geldig, "{backend}: the endpoint sees it too");
        }
    }

    #[actix_web::test]
    async fn removed_truncated_and_checkpoint_faults() {
        for (backend, url) in crate::testing::database_urls() {
            let db = filled(&url, 45, 10).await;
            exec(&db, drop_guards(&db).to_string()).await;
            // a record removed in the middle
            exec(&db, "DELETE FROM audit_log WHERE seq = 20".into()).await;
            assert_eq!(where_(&full(&db).await), Some((20, "ontbreekt")), "{backend}");
            // records cut off the end: the signed head (and the checkpoints) still say more
            exec(&db, "DELETE FROM audit_log WHERE seq >= 20".into()).await;
            assert_eq!(where_(&full(&db).await), Some((20, "afgekapt")), "{backend}");
            // a head moved back to match cannot be signed without the key
            exec(&db, "DELETE FROM audit_checkpoint WHERE seq >= 20".into()).await;
            exec(
                &db,
                "UPDATE audit_head SET seq = 19, hash = (SELECT hash FROM audit_log WHERE seq = 19) WHERE id = 1"
                    .into(),
            )
            .await;
            assert_eq!(where_(&full(&db).await), Some((20, "gewijzigd")), "{backend}");
            // a forged checkpoint is refused
            exec(
                &db,
                "UPDATE audit_checkpoint SET hash = 'ab' WHERE seq = (SELECT MIN(seq) FROM audit_checkpoint)".into(),
            )
            .await;
            assert_eq!(
                full(&db).await.fout.map(|f| f.soort),
                Some("gewijzigd".into()),
                "{backend}"
            );
        }
    }

    #[actix_web::test]
    async fn keys_rotate() {
        let url = crate::testing::sqlite_url();
        let db = Database::connect(&url, 2, &[&MIGRATIONS]).unwrap();
        let old = Arc::new(AuditKeys::parse("k1=first-key-of-at-least-32-characters!!").unwrap());
        AuditLog::start(db.clone(), Some(old))
            .record(vec![entry("999990019")])
            .await
            .unwrap();
        let both = Arc::new(
            AuditKeys::parse("k2=second-key-of-at-least-32-characters!,k1=first-key-of-at-least-32-characters!!")
                .unwrap(),
        );
        AuditLog::start(db.clone(), Some(both.clone()))
            .record(vec![entry("999990032")])
            .await
            .unwrap();
        let k = both.clone();
        assert!(db.run(move |c| verify(c, &k)).await.unwrap().geldig);
        // without the old key the first record cannot be checked
        let only_new = Arc::new(AuditKeys::parse("k2=second-key-of-at-least-32-characters!").unwrap());
        let r = db.run(move |c| verify(c, &only_new)).await.unwrap();
        assert_eq!(
            r.fout.map(|f| (f.volgnummer, f.soort)),
            Some((1, "onbekendeSleutel".into()))
        );
    }

    #[test]
    fn encoding_is_unambiguous_and_texts_are_bounded() {
        let keys = crate::testing::audit_keys();
        let id = keys.current_id().to_string();
        // None and "\0" differ; moving a separator between fields changes the hash
        assert_ne!(keys.mac(&id, &[None]), keys.mac(&id, &[Some(b"\0")]));
        assert_ne!(
            keys.mac(&id, &[Some(b"a\x1fb"), Some(b"c")]),
            keys.mac(&id, &[Some(b"a"), Some(b"b\x1fc")])
        );
        assert!(AuditKeys::parse("k=short").is_err());
        assert!(check_text("X-Doelbinding", "bijstand").is_ok());
        assert!(check_text("X-Doelbinding", &"x".repeat(201)).is_err());
        for bad in ["a\nb", "a\0b", "a\u{202E}b", "a\u{2066}b", "a\u{7f}b"] {
            assert!(check_text("user_id", bad).is_err(), "{bad:?}");
        }
    }
}
