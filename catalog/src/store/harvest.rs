//! Storage of harvest sources and what their last harvest found in each repository.

use crate::domain::forge::Forge;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use platform::db::{DbConnection, DbError, Json};

diesel::table! {
    /// Where an organisation's repositories live.
    oogstbronnen (id) {
        id -> Text,
        organisatie -> Text,
        soort -> Text,
        api_url -> Text,
        groep -> Nullable<Text>,
        repositories -> Text,
        aangemaakt_door -> Text,
        aangemaakt_op -> Timestamp,
        geoogst_op -> Nullable<Timestamp>,
        melding -> Nullable<Text>,
    }
}

diesel::table! {
    /// What the last harvest found in each repository of a source.
    oogst_repositories (bron_id, repository) {
        bron_id -> Text,
        repository -> Text,
        web_url -> Text,
        status -> Text,
        melding -> Nullable<Text>,
        component_id -> Nullable<Text>,
        publiccode_pad -> Nullable<Text>,
        publiccode_etag -> Nullable<Text>,
        gecontroleerd_op -> Timestamp,
    }
}

diesel::joinable!(oogst_repositories -> oogstbronnen (bron_id));
diesel::allow_tables_to_appear_in_same_query!(oogstbronnen, oogst_repositories);

/// A harvest source.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = oogstbronnen)]
#[diesel(treat_none_as_default_value = false)]
pub struct SourceRow {
    pub id: String,
    /// The organisation that registered it: harvested components are its.
    pub organisatie: String,
    pub soort: Forge,
    /// The forge's REST API.
    pub api_url: String,
    /// The organisation (GitHub) or group (GitLab) whose repositories are harvested.
    pub groep: Option<String>,
    /// More repositories by name (a JSON array in the column).
    pub repositories: Json<Vec<String>>,
    /// The client that registered it.
    pub aangemaakt_door: String,
    pub aangemaakt_op: NaiveDateTime,
    /// When it was last harvested.
    pub geoogst_op: Option<NaiveDateTime>,
    /// Why the last harvest of the whole source failed (the listing), if it did.
    pub melding: Option<String>,
}

/// What a harvest found in a repository.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum RepositoryStatus {
    /// A publiccode.yml the catalogue accepted: the component is there.
    #[serde(rename = "gevonden")]
    Found,
    /// No publiccode.yml.
    #[serde(rename = "geenPubliccode")]
    NoPubliccode,
    /// A publiccode.yml (or the spec it points to) the catalogue refuses; an earlier version
    /// stays as it was.
    #[serde(rename = "ongeldig")]
    Invalid,
    /// The repository is gone from the forge; its component stays, said so.
    #[serde(rename = "verdwenen")]
    Gone,
    /// The forge did not answer for it this time; the last state stands.
    #[serde(rename = "onbereikbaar")]
    Unreachable,
}

platform::text_enum!(RepositoryStatus {
    Found => "gevonden",
    NoPubliccode => "geenPubliccode",
    Invalid => "ongeldig",
    Gone => "verdwenen",
    Unreachable => "onbereikbaar",
});

/// A repository of a source.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, PartialEq)]
#[diesel(table_name = oogst_repositories)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct RepositoryRow {
    pub bron_id: String,
    /// Its name on the forge.
    pub repository: String,
    pub web_url: String,
    pub status: RepositoryStatus,
    /// Why, for a status other than found.
    pub melding: Option<String>,
    /// The component its publiccode.yml describes, once found.
    pub component_id: Option<String>,
    /// The name its publiccode.yml goes by there (`publiccode.yml` or `publiccode.yaml`).
    pub publiccode_pad: Option<String>,
    /// The ETag of its publiccode.yml as last read (the next request is conditional).
    pub publiccode_etag: Option<String>,
    pub gecontroleerd_op: NaiveDateTime,
}

/// Stores a new source.
pub fn insert_source(conn: &mut DbConnection, s: &SourceRow) -> Result<(), DbError> {
    diesel::insert_into(oogstbronnen::table).values(s).execute(conn)?;
    Ok(())
}

/// A source by id.
pub fn source(conn: &mut DbConnection, id: &str) -> Result<Option<SourceRow>, DbError> {
    Ok(oogstbronnen::table
        .find(id)
        .select(SourceRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every source, oldest first.
pub fn sources(conn: &mut DbConnection) -> Result<Vec<SourceRow>, DbError> {
    Ok(oogstbronnen::table
        .order((oogstbronnen::aangemaakt_op.asc(), oogstbronnen::id.asc()))
        .select(SourceRow::as_select())
        .load(conn)?)
}

/// Removes a source and its repositories' states (their components stay); whether it was there.
pub fn delete_source(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    diesel::delete(oogst_repositories::table.filter(oogst_repositories::bron_id.eq(id))).execute(conn)?;
    Ok(diesel::delete(oogstbronnen::table.find(id)).execute(conn)? == 1)
}

/// Claims a source for a harvest when its last one began before `due` (or never was): one
/// replica of several harvests it. Whether this one did.
pub fn claim(conn: &mut DbConnection, id: &str, due: NaiveDateTime, now: NaiveDateTime) -> Result<bool, DbError> {
    let claimed = diesel::update(
        oogstbronnen::table
            .find(id)
            .filter(oogstbronnen::geoogst_op.is_null().or(oogstbronnen::geoogst_op.le(due))),
    )
    .set(oogstbronnen::geoogst_op.eq(now))
    .execute(conn)?;
    Ok(claimed == 1)
}

/// Records how the harvest of the whole source went.
pub fn set_source_message(conn: &mut DbConnection, id: &str, message: Option<&str>) -> Result<(), DbError> {
    diesel::update(oogstbronnen::table.find(id))
        .set(oogstbronnen::melding.eq(message))
        .execute(conn)?;
    Ok(())
}

/// The repositories of a source, by name.
pub fn repositories(conn: &mut DbConnection, bron_id: &str) -> Result<Vec<RepositoryRow>, DbError> {
    Ok(oogst_repositories::table
        .filter(oogst_repositories::bron_id.eq(bron_id))
        .order(oogst_repositories::repository.asc())
        .select(RepositoryRow::as_select())
        .load(conn)?)
}

/// Stores what a harvest found in a repository.
pub fn upsert_repository(conn: &mut DbConnection, r: &RepositoryRow) -> Result<(), DbError> {
    let updated = diesel::update(oogst_repositories::table.find((&r.bron_id, &r.repository)))
        .set(r)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(oogst_repositories::table).values(r).execute(conn)?;
    }
    Ok(())
}

/// Where a component was harvested from, if it was: its repository's latest state.
pub fn origin_of(conn: &mut DbConnection, component_id: &str) -> Result<Option<RepositoryRow>, DbError> {
    Ok(oogst_repositories::table
        .filter(oogst_repositories::component_id.eq(component_id))
        .order(oogst_repositories::gecontroleerd_op.desc())
        .select(RepositoryRow::as_select())
        .first(conn)
        .optional()?)
}
