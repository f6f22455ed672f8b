//! The audit log (protocollering): who saw or changed which personal data, when and why.
//!
//! Records are append-only (database triggers refuse UPDATE and DELETE) and hash-chained: each
//! record's hash covers its content and the previous record's hash, and the chain head (last
//! sequence number and hash) lives in its own row, moved in the same transaction. [`verify`]
//! recomputes the chain and finds a changed, removed or truncated record.
//!
//! Writes go through a group-commit writer: concurrent requests hand their records to one task
//! that appends them in one transaction per batch and answers each request once its records are
//! durable, so a response never leaves before its audit record is stored.

use crate::db::{Database, DbConnection, DbError};
use chrono::{NaiveDateTime, Timelike, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
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
        hash -> Text,
    }
}

diesel::table! {
    /// The chain head (one row, id 1).
    audit_head (id) {
        id -> Integer,
        seq -> BigInt,
        hash -> Text,
    }
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const MAX_BATCH: usize = 512;

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
}

/// A stored audit record.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, PartialEq)]
#[diesel(table_name = audit_log)]
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
    /// SHA-256 over this record's content and `prev_hash`.
    pub hash: String,
}

impl AuditRecord {
    /// The hash this record should have.
    pub fn compute_hash(&self) -> String {
        let mut h = Sha256::new();
        let parts: [&str; 11] = [
            &self.seq.to_string(),
            &self.recorded_at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string(),
            &self.client_id,
            self.user_id.as_deref().unwrap_or("\u{0}"),
            self.purpose.as_deref().unwrap_or("\u{0}"),
            &self.action,
            &self.object_type,
            self.object_id.as_deref().unwrap_or("\u{0}"),
            &self.details,
            &self.outcome,
            &self.prev_hash,
        ];
        for p in parts {
            h.update(p.as_bytes());
            h.update([0x1f]);
        }
        hex::encode(h.finalize())
    }
}

/// Current time in UTC, cut to microseconds (what PostgreSQL stores), so hashes survive a round trip.
fn now_micros() -> NaiveDateTime {
    let now = Utc::now().naive_utc();
    now.with_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now)
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

/// PostgreSQL: one statement (so one round trip, atomic without a transaction) that moves the
/// head with a compare-and-swap and inserts the batch from arrays only when the head moved. A
/// query type of its own, so diesel prepares it once per connection and reuses it.
struct PgAppend {
    new_seq: i64,
    new_hash: String,
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
    hash: Vec<String>,
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
        use diesel::sql_types::{Array, BigInt, Nullable, Text, Timestamp};
        out.push_sql("WITH moved AS (UPDATE audit_head SET seq = ");
        out.push_bind_param::<BigInt, _>(&self.new_seq)?;
        out.push_sql(", hash = ");
        out.push_bind_param::<Text, _>(&self.new_hash)?;
        out.push_sql(" WHERE id = 1 AND seq = ");
        out.push_bind_param::<BigInt, _>(&self.old_seq)?;
        out.push_sql(" AND hash = ");
        out.push_bind_param::<Text, _>(&self.old_hash)?;
        out.push_sql(
            " RETURNING id) INSERT INTO audit_log (seq, recorded_at, client_id, user_id, purpose, action, \
             object_type, object_id, details, outcome, prev_hash, hash) SELECT * FROM unnest(",
        );
        out.push_bind_param::<Array<BigInt>, _>(&self.seq)?;
        out.push_sql("::bigint[], ");
        out.push_bind_param::<Array<Timestamp>, _>(&self.recorded_at)?;
        out.push_sql("::timestamp[]");
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(&self.client_id)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.user_id)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.purpose)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.action)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.object_type)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.object_id)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.details)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.outcome)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.prev_hash)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Text>, _>(&self.hash)?;
        out.push_sql("::text[]) WHERE EXISTS (SELECT 1 FROM moved)");
        Ok(())
    }
}

impl diesel::RunQueryDsl<diesel::PgConnection> for PgAppend {}

fn append_pg(c: &mut diesel::PgConnection, head: &Head, records: &[AuditRecord]) -> Result<bool, DbError> {
    let Some(last) = records.last() else { return Ok(true) };
    let col = |f: fn(&AuditRecord) -> String| records.iter().map(f).collect::<Vec<String>>();
    let opt = |f: fn(&AuditRecord) -> Option<String>| records.iter().map(f).collect::<Vec<Option<String>>>();
    let query = PgAppend {
        new_seq: last.seq,
        new_hash: last.hash.clone(),
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
        hash: col(|r| r.hash.clone()),
    };
    let inserted = query.execute(c)?;
    Ok(inserted == records.len())
}

/// Appends entries after `head` (on SQLite inside a write transaction): chains them, moves the head with a
/// compare-and-swap, and inserts. `Ok(None)` when the head moved meanwhile (another writer
/// process): nothing was written and the caller rereads the head and tries again.
pub fn append_after(
    conn: &mut DbConnection,
    head: &Head,
    entries: &[AuditEntry],
) -> Result<Option<Vec<AuditRecord>>, DbError> {
    let (mut seq, mut prev) = head.clone();
    let at = now_micros();
    let mut records = Vec::with_capacity(entries.len());
    for e in entries {
        seq += 1;
        let mut r = AuditRecord {
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
            hash: String::new(),
        };
        r.hash = r.compute_hash();
        prev = r.hash.clone();
        records.push(r);
    }
    let moved = match conn {
        DbConnection::Pg(c) => append_pg(c, head, &records)?,
        DbConnection::Sqlite(c) => {
            // the head row moves first; on SQLite the caller's IMMEDIATE transaction orders writers
            let moved = diesel::update(
                audit_head::table
                    .filter(audit_head::id.eq(1))
                    .filter(audit_head::seq.eq(head.0))
                    .filter(audit_head::hash.eq(&head.1)),
            )
            .set((audit_head::seq.eq(seq), audit_head::hash.eq(&prev)))
            .execute(c)?;
            if moved == 1 {
                // 12 columns × 512 rows stays under SQLite's limit on bound variables
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

type Job = (Vec<AuditEntry>, oneshot::Sender<Result<(), String>>);

/// Handle to the group-commit writer; cheap to clone. When disabled (benchmarks only), records
/// are dropped and [`AuditLog::record`] returns at once.
#[derive(Clone)]
pub struct AuditLog {
    tx: Option<mpsc::Sender<Job>>,
    db: Database,
}

impl AuditLog {
    /// Starts the writer on a thread of its own with a dedicated connection.
    pub fn start(db: Database, enabled: bool) -> Self {
        if !enabled {
            return AuditLog { tx: None, db };
        }
        let (tx, rx) = mpsc::channel::<Job>(4096);
        let writer_db = db.clone();
        if let Err(e) = std::thread::Builder::new()
            .name("audit-writer".into())
            .spawn(move || run_writer(writer_db, rx))
        {
            // without a writer every record() fails with 503, which is the safe side
            tracing::error!(error = %e, "audit writer could not start");
        }
        AuditLog { tx: Some(tx), db }
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

    /// The database the log writes to.
    pub fn database(&self) -> &Database {
        &self.db
    }
}

type Pooled = diesel::r2d2::PooledConnection<diesel::r2d2::ConnectionManager<DbConnection>>;

/// The group-commit loop: takes what is queued (up to a batch), appends it in one transaction
/// after the cached head, and answers every waiting request. On any error the connection and
/// the cached head are dropped, so the next batch starts from the database's state.
fn run_writer(db: Database, mut rx: mpsc::Receiver<Job>) {
    let mut conn: Option<Pooled> = None;
    let mut head: Option<Head> = None;
    while let Some(first) = rx.blocking_recv() {
        let mut jobs = vec![first];
        let mut count = jobs[0].0.len();
        while count < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => {
                    count += job.0.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        let entries: Vec<AuditEntry> = jobs.iter().flat_map(|j| j.0.iter().cloned()).collect();
        let outcome = write_batch(&db, &mut conn, &mut head, &entries);
        if outcome.is_err() {
            conn = None;
            head = None;
        }
        let outcome = outcome.map_err(|e| e.to_string());
        for (_, done) in jobs {
            let _ = done.send(outcome.clone());
        }
    }
}

/// Appends one batch on the writer's connection, retrying after a head moved by another process.
fn write_batch(
    db: &Database,
    conn: &mut Option<Pooled>,
    head: &mut Option<Head>,
    entries: &[AuditEntry],
) -> Result<(), DbError> {
    let c: &mut DbConnection = match conn {
        Some(c) => c,
        None => conn.insert(db.conn()?),
    };
    loop {
        let current = match head.take() {
            Some(h) => h,
            None => read_head(c)?,
        };
        let written = match c {
            // one atomic statement: no transaction round trips needed
            DbConnection::Pg(_) => append_after(c, &current, entries)?,
            DbConnection::Sqlite(_) => db.write_transaction_on(c, |c| append_after(c, &current, entries))?,
        };
        if let Some(records) = written {
            *head = records.last().map(|r| (r.seq, r.hash.clone()));
            return Ok(());
        }
    }
}

/// Result of checking the chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChainReport {
    /// True when every record and the head are intact.
    pub geldig: bool,
    /// Number of records checked.
    pub aantal_records: i64,
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
    /// What is wrong: `gewijzigd`, `ontbreekt`, `afgekapt`.
    pub soort: String,
}

/// Recomputes the whole chain in pages.
pub fn verify(conn: &mut DbConnection) -> Result<ChainReport, DbError> {
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_string();
    let fault = |seq: i64, soort: &str, n: i64| ChainReport {
        geldig: false,
        aantal_records: n,
        fout: Some(ChainFault {
            volgnummer: seq,
            soort: soort.to_string(),
        }),
    };
    loop {
        let page: Vec<AuditRecord> = audit_log::table
            .filter(audit_log::seq.ge(expected_seq))
            .order(audit_log::seq.asc())
            .limit(1000)
            .select(AuditRecord::as_select())
            .load(conn)?;
        if page.is_empty() {
            break;
        }
        for r in page {
            if r.seq != expected_seq {
                return Ok(fault(expected_seq, "ontbreekt", expected_seq - 1));
            }
            if r.prev_hash != prev || r.compute_hash() != r.hash {
                return Ok(fault(r.seq, "gewijzigd", expected_seq - 1));
            }
            prev = r.hash;
            expected_seq += 1;
        }
    }
    let last = expected_seq - 1;
    let (head_seq, head_hash): (i64, String) = audit_head::table
        .filter(audit_head::id.eq(1))
        .select((audit_head::seq, audit_head::hash))
        .first(conn)?;
    if head_seq != last || head_hash != prev {
        let soort = if head_seq > last { "afgekapt" } else { "gewijzigd" };
        return Ok(fault(last + 1, soort, last));
    }
    Ok(ChainReport {
        geldig: true,
        aantal_records: last,
        fout: None,
    })
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

/// Number of records in the log.
pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(audit_log::table.count().get_result(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;

    fn entry(bsn: &str) -> AuditEntry {
        AuditEntry {
            client_id: "demo".into(),
            user_id: Some("u1".into()),
            purpose: Some("test".into()),
            action: "brp.personen.raadplegen".into(),
            object_type: "persoon".into(),
            object_id: Some(bsn.into()),
            details: serde_json::json!({ "fields": ["naam"] }),
            outcome: "geleverd".into(),
        }
    }

    #[actix_web::test]
    async fn group_commit_chain_verifies_and_detects_tampering() {
        for (backend, url) in crate::testing::database_urls() {
            let db = Database::connect(&url, 4, &[&MIGRATIONS]).unwrap();
            // two writers on one database, as two processes would be: each caches the head,
            // so they keep running into each other's appends
            let logs = [AuditLog::start(db.clone(), true), AuditLog::start(db.clone(), true)];
            let mut tasks = Vec::new();
            for i in 0..50 {
                let log = logs[i % 2].clone();
                tasks.push(actix_web::rt::spawn(async move {
                    log.record(vec![entry(&format!("99999{i:04}"))]).await
                }));
            }
            for t in tasks {
                t.await.unwrap().unwrap();
            }
            let report = db.run(|c| verify(c)).await.unwrap();
            assert!(report.geldig, "{backend}: {report:?}");
            assert_eq!(report.aantal_records, 50, "{backend}");

            // Append-only: the database itself refuses changes.
            let refused = db
                .run(|c| {
                    c.batch_execute("UPDATE audit_log SET outcome = 'x' WHERE seq = 3")
                        .map_err(DbError::from)
                })
                .await;
            assert!(refused.is_err(), "{backend}: update must be refused");

            // Someone with admin rights drops the guard and edits a record: verify finds it.
            let drop = match db.backend() {
                crate::db::Backend::Sqlite => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
                crate::db::Backend::Postgres => "DROP TRIGGER audit_log_no_change ON audit_log;",
            };
            db.run(move |c| c.batch_execute(drop).map_err(DbError::from))
                .await
                .unwrap();
            db.run(|c| {
                c.batch_execute("UPDATE audit_log SET purpose = 'anders' WHERE seq = 7")
                    .map_err(DbError::from)
            })
            .await
            .unwrap();
            let report = db.run(|c| verify(c)).await.unwrap();
            assert_eq!(
                report.fout.as_ref().map(|f| (f.volgnummer, f.soort.as_str())),
                Some((7, "gewijzigd")),
                "{backend}"
            );

            // A removed record in the middle, and records cut off the end.
            let db2 = Database::connect(&url.replace("t_", "t_").to_string(), 2, &[&MIGRATIONS]).unwrap();
            drop_and_check(&db2, backend).await;
        }
    }

    async fn drop_and_check(db: &Database, backend: &str) {
        db.run(|c| {
            c.batch_execute("UPDATE audit_log SET purpose = 'test' WHERE seq = 7")
                .map_err(DbError::from)
        })
        .await
        .unwrap();
        assert!(db.run(|c| verify(c)).await.unwrap().geldig, "{backend}: restored");
        db.run(|c| {
            c.batch_execute("DELETE FROM audit_log WHERE seq = 20")
                .map_err(DbError::from)
        })
        .await
        .unwrap();
        let r = db.run(|c| verify(c)).await.unwrap();
        assert_eq!(
            r.fout.map(|f| (f.volgnummer, f.soort)),
            Some((20, "ontbreekt".to_string())),
            "{backend}"
        );
        db.run(|c| {
            c.batch_execute("DELETE FROM audit_log WHERE seq >= 20")
                .map_err(DbError::from)
        })
        .await
        .unwrap();
        let r = db.run(|c| verify(c)).await.unwrap();
        assert_eq!(
            r.fout.map(|f| (f.volgnummer, f.soort)),
            Some((20, "afgekapt".to_string())),
            "{backend}"
        );
    }
}
