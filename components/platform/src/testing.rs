//! Test helpers: a fresh database per test, on SQLite always and on PostgreSQL when
//! `TEST_DATABASE_URL` is set (each test gets its own schema, so tests run in parallel).

// test support: a setup that cannot be made fails the test loudly
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use diesel::Connection;
use diesel::RunQueryDsl;

/// Database URLs to run a test against: a new SQLite file, and a new PostgreSQL schema when
/// `TEST_DATABASE_URL` is set. Each is removed again when the returned value is dropped.
pub fn database_urls() -> Vec<(&'static str, TestUrl)> {
    let mut urls = vec![("sqlite", sqlite_database())];
    if let Some(pg) = std::env::var("TEST_DATABASE_URL").ok().filter(|v| !v.trim().is_empty()) {
        urls.push(("postgres", postgres_schema(&pg)));
    }
    urls
}

/// A new SQLite file (removed on drop).
pub fn sqlite_database() -> TestUrl {
    TestUrl::sqlite(sqlite_url())
}

/// The PostgreSQL server of tests that need one whatever the run (a database outage cannot be
/// made on an embedded SQLite file): `TEST_DATABASE_URL`, else the machine's
/// `postgres://postgres@127.0.0.1:5432/test`.
pub fn postgres_base_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A new schema on `base` (removed on drop); fails with a clear message when PostgreSQL is not
/// running.
pub fn postgres_schema(base: &str) -> TestUrl {
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    TestUrl {
        url: postgres_url_for(base, &schema),
        cleanup: Cleanup::Schema {
            base: base.to_string(),
            schema,
        },
    }
}

enum Cleanup {
    File(std::path::PathBuf),
    Schema { base: String, schema: String },
}

/// A test database's URL; the database (SQLite file or PostgreSQL schema) is removed on drop,
/// so test runs leave nothing behind.
pub struct TestUrl {
    url: String,
    cleanup: Cleanup,
}

impl TestUrl {
    fn sqlite(url: String) -> Self {
        TestUrl {
            cleanup: Cleanup::File(std::path::PathBuf::from(&url)),
            url,
        }
    }
}

impl std::ops::Deref for TestUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.url
    }
}

impl std::fmt::Display for TestUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

impl Drop for TestUrl {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            Cleanup::Schema { base, schema } => {
                crate::db::init_openssl();
                if let Ok(mut conn) = diesel::PgConnection::establish(base) {
                    use diesel::connection::SimpleConnection;
                    let _ = conn.batch_execute(&format!(
                        "SET client_min_messages = warning; DROP SCHEMA IF EXISTS {schema} CASCADE"
                    ));
                }
            }
        }
    }
}

/// A free local address `127.0.0.1:PORT` to bind a test server on.
pub fn free_address() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"));
    format!("127.0.0.1:{port}")
}

/// A component's platform parts for a test: database `url` migrated with `migrations`, an
/// audit log with the test keys, a token checker for `clients` (60 s leeway, no OIDC) and the
/// system clock.
pub fn platform(
    url: &str,
    pool_size: u32,
    migrations: &[&crate::db::Migrations],
    clients: Vec<crate::auth::ClientConfig>,
) -> crate::component::Platform {
    let db = crate::db::Database::connect(url, pool_size, migrations).unwrap();
    let audit = crate::audit::AuditLog::start(db.clone(), Some(audit_keys()));
    let auth = crate::auth::Authenticator::new(clients, 60, None);
    crate::component::Platform::new(db, audit, std::sync::Arc::new(auth))
}

/// The command line of a component a test starts in-process: `name` listening on `bind` over
/// `database`, without a metrics listener, with the clients file `clients` and the test audit
/// keys ([`audit_keys_spec`]).
pub fn component_args(name: &str, bind: &str, database: &str, clients: &std::path::Path) -> Vec<String> {
    let clients = clients.to_string_lossy();
    [
        name,
        "--bind-address",
        bind,
        "--database-url",
        database,
        "--metrics-bind-address",
        "off",
        "--clients",
        &clients,
        "--audit-keys",
        audit_keys_spec(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// Sends a request and reads its answer as text (a test's failure when it cannot).
pub async fn text(request: reqwest::RequestBuilder) -> String {
    request.send().await.unwrap().text().await.unwrap()
}

/// Keys of the audit chain for tests: one random key per test process (no key in the
/// repository is ever accepted).
pub fn audit_keys() -> std::sync::Arc<crate::audit::AuditKeys> {
    std::sync::Arc::new(crate::audit::AuditKeys::parse(audit_keys_spec()).unwrap_or_else(|e| panic!("{e}")))
}

/// The HS256 secret of the test clients: new for every test process (no secret in the
/// repository is ever accepted from a clients file).
pub fn client_secret() -> &'static str {
    static SECRET: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SECRET.get_or_init(crate::auth::generate_secret)
}

/// [`audit_keys`] as `GRONDWERK_AUDIT_KEYS` says them, for a process a test starts.
pub fn audit_keys_spec() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| format!("test-1={}", crate::auth::generate_secret()))
}

/// A new SQLite database file under the system temp dir.
pub fn sqlite_url() -> String {
    let dir = std::env::temp_dir().join("grondwerk-tests");
    let _ = std::fs::create_dir_all(&dir);
    dir.join(format!("{}.db", uuid::Uuid::new_v4().simple()))
        .to_string_lossy()
        .into_owned()
}

/// Creates a fresh schema and returns a URL whose `search_path` points at it (notices off).
pub fn postgres_schema_url(base: &str) -> String {
    postgres_url_for(base, &format!("t_{}", uuid::Uuid::new_v4().simple()))
}

fn postgres_url_for(base: &str, schema: &str) -> String {
    crate::db::init_openssl();
    let mut conn = diesel::PgConnection::establish(base).unwrap_or_else(|e| {
        panic!(
            "this test needs PostgreSQL at {base} (set TEST_DATABASE_URL, or start it: \
             pg_ctlcluster --skip-systemctl-redirect 15 main start): {e}"
        )
    });
    diesel::sql_query(format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .expect("create test schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-csearch_path%3D{schema}%20-cclient_min_messages%3Dwarning")
}

/// A component's app exactly as its server builds it, as an in-process test service.
pub async fn component_app<C: crate::component::Component>(
    state: C::State,
) -> impl actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse, Error = actix_web::Error>
{
    init_app(crate::component::configure::<C>(
        state,
        crate::component::Settings::of::<C>(1024 * 1024),
    ))
    .await
}

/// An app from a configure function, with the platform's middleware, as a test service.
pub async fn init_app<C>(
    configure: C,
) -> impl actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse, Error = actix_web::Error>
where
    C: FnOnce(&mut actix_web::web::ServiceConfig),
{
    actix_web::test::init_service(
        actix_web::App::new()
            .wrap(actix_web::middleware::from_fn(crate::http::standard))
            .configure(configure)
            .default_service(actix_web::web::to(crate::http::fallback)),
    )
    .await
}

/// Tables and columns of the database (for checking that both backends' migrations describe
/// the same schema).
pub fn schema_columns(conn: &mut crate::db::DbConnection) -> std::collections::BTreeSet<(String, String)> {
    #[derive(diesel::QueryableByName)]
    struct Column {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
    }
    let rows: Vec<Column> = match conn {
        crate::db::DbConnection::Pg(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_\\_%'",
        )
        .load(c),
        crate::db::DbConnection::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE '\\_\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%'",
        )
        .load(c),
    }
    .expect("schema query");
    rows.into_iter().map(|r| (r.table_name, r.column_name)).collect()
}

/// Sends a request to a test app; the status and the JSON body (null when there is none or it
/// is not JSON).
pub async fn send<S>(app: &S, req: actix_http::Request) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, body) = send_bytes(app, req).await;
    (status, serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null))
}

/// Sends a request to a test app; the status and the body as text (pages, YAML, CSV).
pub async fn send_text<S>(app: &S, req: actix_http::Request) -> (u16, String)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, body) = send_bytes(app, req).await;
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn send_bytes<S>(app: &S, req: actix_http::Request) -> (u16, actix_web::web::Bytes)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let res = actix_web::test::call_service(app, req).await;
    let status = res.status().as_u16();
    (status, actix_web::test::read_body(res).await)
}

/// The audit log's records, oldest first, and the text of everything it stores (records and
/// pending entries): what a test searches for data that must never be stored in clear.
#[allow(clippy::expect_used)]
pub async fn audit_stored(db: &crate::db::Database) -> (Vec<crate::audit::AuditRecord>, String) {
    use crate::audit::{AuditRecord, audit_log, audit_pending};
    use diesel::prelude::*;
    db.run(|c| {
        let rows = audit_log::table
            .order(audit_log::seq)
            .select(AuditRecord::as_select())
            .load(c)?;
        let pending: Vec<String> = audit_pending::table
            .select(audit_pending::entry)
            .load::<crate::db::Json<serde_json::Value>>(c)?
            .into_iter()
            .map(|j| j.get().to_string())
            .collect();
        let text = format!("{rows:?} {pending:?}");
        Ok::<_, crate::db::DbError>((rows, text))
    })
    .await
    .expect("the audit log reads")
}
