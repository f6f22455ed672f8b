//! One diesel codebase over SQLite (the default, bundled) and PostgreSQL, picked by
//! `DATABASE_URL`. Diesel is blocking, so every call goes through [`Database::run`], which
//! moves it to actix's blocking thread pool.

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness};
use std::sync::Arc;
use std::time::Duration;

/// A connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// PostgreSQL, for production.
    Pg(PgConnection),
    /// Embedded SQLite, the default.
    Sqlite(SqliteConnection),
}

/// A value stored as JSON in a `Text` column: written from its serde form, read back through it,
/// so a stored text that is not a `T` fails its row (a 500, logged once) instead of becoming a
/// default. Holds the JSON text beside the value, so both backends bind it as text.
#[derive(Debug, Clone, PartialEq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Json<T> {
    value: T,
    text: String,
}

impl<T: serde::Serialize> Json<T> {
    /// Wraps a value (its JSON text made now). Plain data always serialises; were a value ever
    /// not to, the error is logged and the caller answers 500 with nothing stored.
    pub fn new(value: T) -> Result<Self, crate::Problem> {
        let text = serde_json::to_string(&value).map_err(|e| {
            tracing::error!(error = %e, type_ = std::any::type_name::<T>(), "value not serialisable as JSON");
            crate::Problem::internal()
        })?;
        Ok(Json { value, text })
    }
}

impl<T> Json<T> {
    /// The value.
    pub fn get(&self) -> &T {
        &self.value
    }

    /// The value, unwrapped.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The JSON text as stored.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl<T, DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for Json<T>
where
    T: std::fmt::Debug,
    DB: diesel::backend::Backend,
    str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
{
    fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, DB>) -> diesel::serialize::Result {
        diesel::serialize::ToSql::<diesel::sql_types::Text, DB>::to_sql(self.text.as_str(), out)
    }
}

impl<T, DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for Json<T>
where
    T: serde::de::DeserializeOwned,
    DB: diesel::backend::Backend,
    String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
        let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, DB>>::from_sql(bytes)?;
        let value = serde_json::from_str(&text)
            .map_err(|e| format!("stored JSON is not a {}: {e}", std::any::type_name::<T>()))?;
        Ok(Json { value, text })
    }
}

/// Which backend a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL: production, several replicas.
    Postgres,
    /// SQLite: embedded, one process (the suite, tests).
    Sqlite,
}

/// Errors from the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The pool could not hand out a connection in time, or the server is down.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A query failed.
    #[error("query failed: {0}")]
    Query(#[from] diesel::result::Error),
    /// Migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
}

impl DbError {
    /// Whether a unique key refused the write (a second of something that may exist once).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, DbError::Query(e) if is_unique_violation(e))
    }
}

/// Whether diesel's error is a unique violation.
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Migrations of one service, one set per backend (the two must describe the same schema).
pub struct Migrations {
    /// Migrations for PostgreSQL (`|| embed_migrations!("migrations/postgres")`).
    pub postgres: fn() -> EmbeddedMigrations,
    /// Migrations for SQLite.
    pub sqlite: fn() -> EmbeddedMigrations,
}

/// Declares `pub const MIGRATIONS`: the audit log's migrations and the invoking crate's own,
/// embedded from its `migrations/postgres` and `migrations/sqlite` folders (the crate depends on
/// `diesel_migrations`). Versions must be unique across both sets: they share one table.
#[macro_export]
macro_rules! component_migrations {
    () => {
        const PG_MIGRATIONS: diesel_migrations::EmbeddedMigrations =
            diesel_migrations::embed_migrations!("migrations/postgres");
        const SQLITE_MIGRATIONS: diesel_migrations::EmbeddedMigrations =
            diesel_migrations::embed_migrations!("migrations/sqlite");
        const OWN_MIGRATIONS: $crate::db::Migrations = $crate::db::Migrations {
            postgres: || PG_MIGRATIONS,
            sqlite: || SQLITE_MIGRATIONS,
        };
        /// The audit log's migrations and this component's.
        pub const MIGRATIONS: &[&$crate::db::Migrations] = &[&$crate::audit::MIGRATIONS, &OWN_MIGRATIONS];
    };
}

/// Pooled database handle, cheap to clone.
#[derive(Clone)]
pub struct Database {
    pool: Pool<ConnectionManager<DbConnection>>,
    backend: Backend,
    /// SQLite allows one writer; serialising writers in-process avoids its busy-wait sleeps.
    write_lock: Arc<std::sync::Mutex<()>>,
    /// SQLite: the background checkpointer runs while a clone of this handle lives.
    _checkpointer: Option<Arc<std::sync::mpsc::SyncSender<()>>>,
    /// Set while the server cannot be reached (see [`Outage`]).
    outage: Arc<Outage>,
}

/// Whether the database server was found unreachable and has not answered since. While it is
/// down a request waits [`OUTAGE_WAIT`] for a connection instead of the pool's full timeout, so
/// that callers get a quick 503 (and readiness fails quickly) rather than hanging on the pool;
/// the first connection made again ends the outage, without a restart.
#[derive(Debug, Default)]
struct Outage {
    down: std::sync::atomic::AtomicBool,
    /// Until when (ms since the epoch) connections are tested before use: after an outage the
    /// pool may still hold connections to the server that went away.
    check_until_ms: std::sync::atomic::AtomicI64,
}

impl Outage {
    fn note_down(&self) {
        use std::sync::atomic::Ordering;
        self.down.store(true, Ordering::Relaxed);
        self.check_until_ms.store(i64::MAX, Ordering::Relaxed);
    }

    fn checking(&self) -> bool {
        use std::sync::atomic::Ordering;
        self.down.load(Ordering::Relaxed) || now_ms() < self.check_until_ms.load(Ordering::Relaxed)
    }

    fn note_up(&self) {
        use std::sync::atomic::Ordering;
        if self.down.swap(false, Ordering::Relaxed) {
            tracing::info!("database reachable again");
            self.check_until_ms
                .store(now_ms() + CHECK_AFTER_OUTAGE.as_millis() as i64, Ordering::Relaxed);
        }
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// How long after an outage connections are tested before use.
const CHECK_AFTER_OUTAGE: Duration = Duration::from_secs(60);

/// How long a request waits for a connection while the database is down.
const OUTAGE_WAIT: Duration = Duration::from_millis(250);

/// How long a request waits for a pooled connection normally (all of them busy under load).
const POOL_WAIT: Duration = Duration::from_secs(5);

/// The pool's error handler: a connection that could not be made notes the outage (r2d2 takes
/// the handler boxed, so it shares the [`Outage`] with the database handle).
#[derive(Debug)]
struct OutageHandler(Arc<Outage>);

impl diesel::r2d2::HandleError<diesel::r2d2::Error> for OutageHandler {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        if !self.0.down.load(std::sync::atomic::Ordering::Relaxed) {
            tracing::error!(error = %error, "database unreachable");
        }
        self.0.note_down();
    }
}

/// Whether a query failed because the connection to the server is gone (the server stopped or
/// the network broke): the database is unavailable, not the request wrong.
pub fn is_connection_lost(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    matches!(
        e,
        Error::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _
        )
    ) || matches!(e, Error::DatabaseError(_, info) if is_shutdown_message(info.message()))
}

/// PostgreSQL's words when it ends a session itself (shutdown, termination) or loses it.
fn is_shutdown_message(message: &str) -> bool {
    [
        "terminating connection",
        "server closed the connection",
        "connection to server",
        "no connection to the server",
        "the database system is shutting down",
        "SSL SYSCALL error",
    ]
    .iter()
    .any(|m| message.contains(m))
}

/// How often the SQLite checkpointer copies the write-ahead log into the database file.
const CHECKPOINT_INTERVAL: Duration = Duration::from_millis(100);
/// Copies what it can of the write-ahead log into the database file without waiting for
/// writers or readers (`PASSIVE`); returns the frames in the log and how many are now copied.
pub fn sqlite_checkpoint(conn: &mut SqliteConnection) -> Result<(i64, i64), DbError> {
    #[derive(diesel::QueryableByName)]
    struct Outcome {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        log: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        checkpointed: i64,
    }
    use diesel::RunQueryDsl;
    let o: Outcome = diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").get_result(conn)?;
    Ok((o.log, o.checkpointed))
}

/// SQLite: copies the write-ahead log into the database file on a thread of its own, without
/// blocking writers or readers (`PASSIVE`), so that when a commit crosses SQLite's threshold of
/// 1,000 log pages and runs the checkpoint itself (which keeps the log from growing), little is
/// left to copy while the other writers wait. Ends when the last handle of the database is
/// dropped. Measured on the audit log under load: 11.0k instead of 9.5k records/s, p99 22
/// instead of 26 ms. (Leaving all checkpoints to this thread lets the log grow without bound
/// under continuous writes; forcing a restart from here stalls writers longer than SQLite does.)
fn start_checkpointer(path: &str) -> Result<Arc<std::sync::mpsc::SyncSender<()>>, DbError> {
    let mut conn =
        <SqliteConnection as diesel::Connection>::establish(path).map_err(|e| DbError::Unavailable(e.to_string()))?;
    conn.batch_execute("PRAGMA busy_timeout = 5000;")
        .map_err(DbError::Query)?;
    let (stop, stopped) = std::sync::mpsc::sync_channel::<()>(0);
    std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            // every sender gone (the database dropped) ends the loop; nothing is ever sent
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(CHECKPOINT_INTERVAL) {
                let outcome = sqlite_checkpoint(&mut conn);
                if let Err(e) = outcome {
                    tracing::warn!(error = %e, "sqlite checkpoint failed");
                }
            }
        })
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
    Ok(Arc::new(stop))
}

#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        if let DbConnection::Sqlite(c) = conn {
            // a 16 MB page cache per connection (SQLite's default is 2 MB): the catalogue's search
            // over 11,000 components read its pages from the OS again for every query, a quarter
            // of its time; the cache grows only as far as pages are used
            c.batch_execute(
                "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;",
            )
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Which backend a database URL selects.
pub fn backend_of(url: &str) -> Backend {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Backend::Postgres
    } else {
        Backend::Sqlite
    }
}

/// Initialises OpenSSL, which libpq speaks TLS with, before libpq does, without the handler
/// that would free OpenSSL's state at process exit. With it, a thread that still ended a TLS
/// connection (or merely exited, freeing its per-thread OpenSSL state) while the main thread
/// ran that handler freed memory twice: the `double free or corruption` a benchmark run saw
/// once, and AddressSanitizer caught again (tools/asan.sh stop). The state lives until the
/// process is gone, which is what the operating system cleans up anyway.
pub fn init_openssl() {
    openssl_sys::init();
}

fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}

/// Puts a SQLite file in WAL mode. The switch needs the file to itself, and SQLite answers
/// "database is locked" at once, without waiting through its busy timeout, while another
/// connection holds it: a replica starting at the same moment (seen in about one of four runs
/// of `replicas_starting_at_once_migrate_one_at_a_time`). So it tries again for as long as the
/// busy timeout would have waited.
fn set_wal(conn: &mut SqliteConnection) -> Result<(), DbError> {
    conn.batch_execute("PRAGMA busy_timeout = 5000;")
        .map_err(DbError::Query)?;
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        match conn.batch_execute("PRAGMA journal_mode = WAL;") {
            Ok(()) => return Ok(()),
            Err(diesel::result::Error::DatabaseError(_, info))
                if info.message().contains("database is locked") && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(DbError::Query(e)),
        }
    }
}

impl Database {
    /// Opens a pool and runs the pending migrations (the audit log's and the service's) of the
    /// backend the URL selects.
    pub fn connect(url: &str, pool_size: u32, migrations: &[&Migrations]) -> Result<Self, DbError> {
        let backend = backend_of(url);
        let mut checkpointer = None;
        let conn_url = match backend {
            Backend::Postgres => {
                init_openssl();
                url.to_string()
            }
            Backend::Sqlite => {
                let path = sqlite_path(url);
                // personal data: readable by the service's own user only
                if path != ":memory:" {
                    crate::files::private_sqlite_file(std::path::Path::new(path))
                        .map_err(|e| DbError::Unavailable(format!("{path}: {e}")))?;
                }
                // WAL mode is a property of the file: set it once, before the pool opens its
                // connections in parallel (they would contend for the lock it needs)
                let mut first = <SqliteConnection as diesel::Connection>::establish(path)
                    .map_err(|e| DbError::Unavailable(e.to_string()))?;
                set_wal(&mut first)?;
                checkpointer = Some(start_checkpointer(path)?);
                path.to_string()
            }
        };
        let manager = ConnectionManager::<DbConnection>::new(conn_url);
        let outage = Arc::new(Outage::default());
        let pool = Pool::builder()
            .max_size(pool_size.max(1))
            .connection_timeout(POOL_WAIT)
            .error_handler(Box::new(OutageHandler(outage.clone())))
            // no extra round trip per checkout; diesel notices a broken connection and r2d2 drops it
            .test_on_check_out(false)
            .connection_customizer(Box::new(SqlitePragmas))
            .build(manager)
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        let db = Database {
            pool,
            backend,
            write_lock: Arc::new(std::sync::Mutex::new(())),
            _checkpointer: checkpointer,
            outage,
        };
        for m in migrations {
            db.migrate(m)?;
        }
        Ok(db)
    }

    /// Runs the pending migrations. Replicas that start at once would run the same migration
    /// twice (the second fails on what the first created), so on PostgreSQL they take turns
    /// under a session advisory lock per database and schema, and on SQLite inside one
    /// `IMMEDIATE` transaction (the file's write lock), so the second finds nothing pending.
    fn migrate(&self, migrations: &Migrations) -> Result<(), DbError> {
        const LOCK_KEY: &str = "hashtext('grondwerk-migrations:' || current_database() || '.' || current_schema())";
        let mut conn = self.conn()?;
        match &mut *conn {
            DbConnection::Pg(c) => {
                c.batch_execute(&format!("SELECT pg_advisory_lock({LOCK_KEY})"))
                    .map_err(DbError::Query)?;
                let ran = c.run_pending_migrations((migrations.postgres)()).map(|_| ());
                // unlocked also after a failed migration: the connection goes back to the pool
                let unlocked = c.batch_execute(&format!("SELECT pg_advisory_unlock({LOCK_KEY})"));
                ran.map_err(|e| DbError::Migration(e.to_string()))
                    .and(unlocked.map_err(DbError::Query))
            }
            DbConnection::Sqlite(c) => c
                .immediate_transaction(|c| c.run_pending_migrations((migrations.sqlite)()).map(|_| ()))
                .map_err(|e| DbError::Migration(e.to_string())),
        }
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A pooled connection (blocking; call from [`Database::run`]).
    ///
    /// During and shortly after an outage a connection is tested before use, and one to the
    /// server that went away is dropped (r2d2 discards it) for the next, for at most
    /// [`OUTAGE_WAIT`]; otherwise the pool hands out what it has (waiting [`POOL_WAIT`] when
    /// every connection is busy).
    pub fn conn(&self) -> Result<PooledConnection<ConnectionManager<DbConnection>>, DbError> {
        use diesel::r2d2::R2D2Connection;
        let unavailable = |e: diesel::r2d2::PoolError| DbError::Unavailable(e.to_string());
        if !self.outage.checking() {
            return self.pool.get_timeout(POOL_WAIT).map_err(unavailable);
        }
        let started = std::time::Instant::now();
        loop {
            let mut conn = self.pool.get_timeout(OUTAGE_WAIT).map_err(unavailable)?;
            if conn.ping().is_ok() {
                self.outage.note_up();
                return Ok(conn);
            }
            // broken now, so the pool discards it when it comes back
            drop(conn);
            self.outage.note_down();
            if started.elapsed() > OUTAGE_WAIT {
                return Err(DbError::Unavailable("no connection answers".into()));
            }
        }
    }

    /// Notes an outage when work left its connection broken (the server went away under it).
    fn after_use(&self, conn: &mut DbConnection) {
        if diesel::r2d2::R2D2Connection::is_broken(conn) {
            if !self.outage.checking() {
                tracing::error!("database connection lost");
            }
            self.outage.note_down();
        }
    }

    /// Runs blocking database work on the blocking thread pool.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<actix_web::error::BlockingError> + Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || {
            let mut conn = db.conn()?;
            let result = f(&mut conn);
            if result.is_err() {
                db.after_use(&mut conn);
            }
            result
        })
        .await?
    }

    /// Runs blocking work in one transaction; on SQLite the writers are serialised in-process
    /// and the transaction starts as `IMMEDIATE` so it holds the write lock from the start.
    pub async fn write_transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + From<actix_web::error::BlockingError> + Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || {
            let mut conn = db.conn()?;
            let result = db.write_transaction_on(&mut conn, f);
            if result.is_err() {
                db.after_use(&mut conn);
            }
            result
        })
        .await?
    }

    /// [`Database::write_transaction`] on a connection the caller holds (blocking).
    pub fn write_transaction_on<T, E, F>(&self, conn: &mut DbConnection, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        match conn {
            DbConnection::Sqlite(_) => {
                let _guard = self.write_lock.lock().unwrap_or_else(|p| p.into_inner());
                transaction_immediate(conn, f)
            }
            DbConnection::Pg(_) => diesel::Connection::transaction(conn, f),
        }
    }

    /// Checks that the database answers (for `/health/ready`).
    pub async fn ping(&self) -> Result<(), DbError> {
        self.run(|c| c.batch_execute("SELECT 1").map_err(DbError::from)).await
    }
}

fn transaction_immediate<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    // Started through diesel's transaction manager, so nested diesel transactions (batch
    // inserts) become savepoints instead of a second BEGIN.
    if let DbConnection::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let result = f(conn);
    if let DbConnection::Sqlite(c) = conn {
        match &result {
            Ok(_) => {
                if let Err(e) = AnsiTransactionManager::commit_transaction(c) {
                    let _ = AnsiTransactionManager::rollback_transaction(c);
                    return Err(e.into());
                }
            }
            Err(_) => {
                let _ = AnsiTransactionManager::rollback_transaction(c);
            }
        }
    }
    result
}

impl From<actix_web::error::BlockingError> for DbError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        DbError::Unavailable(e.to_string())
    }
}

/// Default SQLite location of a component: `./data/<component>.db`.
pub fn default_url(component: &str) -> String {
    format!("./data/{component}.db")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// Replicas that start at once migrate one at a time: four pools opening the same fresh
    /// database in parallel all come up, and the migrations ran once.
    #[test]
    fn replicas_starting_at_once_migrate_one_at_a_time() {
        for (backend, url) in crate::testing::database_urls() {
            for _ in 0..5 {
                let url = url.to_string();
                let started: Vec<Result<Database, DbError>> = std::thread::scope(|s| {
                    let handles: Vec<_> = (0..4)
                        .map(|_| s.spawn(|| Database::connect(&url, 1, &[&crate::audit::MIGRATIONS])))
                        .collect();
                    handles.into_iter().map(|h| h.join().unwrap()).collect()
                });
                for r in &started {
                    assert!(r.is_ok(), "{backend}: {:?}", r.as_ref().err());
                }
                let db = started.into_iter().next().unwrap().unwrap();
                let mut conn = db.conn().unwrap();
                assert_eq!(crate::audit::count(&mut conn).unwrap(), 0, "{backend}");
            }
        }
    }

    /// The checkpointer copies the log into the database file while the writers' own threshold
    /// (1,000 pages) is far away.
    #[test]
    fn sqlite_logs_are_copied_in_the_background() {
        let path = crate::testing::sqlite_url();
        let db = Database::connect(&path, 2, &[]).unwrap();
        let mut conn = db.conn().unwrap();
        conn.batch_execute("CREATE TABLE t (x TEXT)").unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        // about 100 pages in 4 commits
        for _ in 0..4 {
            conn.batch_execute(
                "INSERT INTO t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) \
                 SELECT hex(randomblob(1000)) FROM n",
            )
            .unwrap();
        }
        let copied = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(50));
            std::fs::metadata(&path).unwrap().len() > before + 200 * 1024
        });
        assert!(copied, "the database file did not grow: the log was not copied");
        drop(conn);
        drop(db);
        let _ = std::fs::remove_file(&path);
    }
}
