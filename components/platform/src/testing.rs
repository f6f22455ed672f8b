//! Test helpers: a fresh database per test, on SQLite always and on PostgreSQL when
//! `TEST_DATABASE_URL` is set (each test gets its own schema, so tests run in parallel).

use diesel::Connection;
use diesel::RunQueryDsl;

/// Database URLs to run a test against: a new SQLite file, and a new PostgreSQL schema when
/// `TEST_DATABASE_URL` is set.
pub fn database_urls() -> Vec<(&'static str, String)> {
    let mut urls = vec![("sqlite", sqlite_url())];
    if let Some(pg) = crate::config::env_opt("TEST_DATABASE_URL") {
        urls.push(("postgres", postgres_schema_url(&pg)));
    }
    urls
}

/// A new SQLite database file under the system temp dir.
pub fn sqlite_url() -> String {
    let dir = std::env::temp_dir().join("grondwerk-tests");
    let _ = std::fs::create_dir_all(&dir);
    dir.join(format!("{}.db", uuid::Uuid::new_v4().simple()))
        .to_string_lossy()
        .into_owned()
}

/// Creates a fresh schema and returns a URL whose `search_path` points at it.
pub fn postgres_schema_url(base: &str) -> String {
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut conn =
        diesel::PgConnection::establish(base).unwrap_or_else(|e| panic!("TEST_DATABASE_URL: cannot connect: {e}"));
    diesel::sql_query(format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .expect("create test schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-csearch_path%3D{schema}")
}
