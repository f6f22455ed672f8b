//! Storage of components and their versions (diesel, SQLite and PostgreSQL).

pub mod harvest;

use crate::domain::diff::Change;
use crate::domain::kinds::{DevelopmentStatus, InstallationType, Layer, Omgeving, SoftwareType};
use crate::domain::lint::Finding;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use platform::db::{DbConnection, DbError, Json};

diesel::table! {
    /// Components, with the fields shown and filtered on from their latest publiccode.yml.
    componenten (id) {
        id -> Text,
        url -> Text,
        naam -> Text,
        laag -> Nullable<Text>,
        installatietype -> Nullable<Text>,
        status -> Text,
        software_type -> Text,
        licentie -> Text,
        organisatie -> Nullable<Text>,
        korte_beschrijving -> Text,
        beschrijving -> Text,
        laatste_versie -> Integer,
        aangemaakt_op -> Timestamp,
        gewijzigd_op -> Timestamp,
        afhankelijk_van -> Text,
        eigenaar -> Nullable<Text>,
        gevolgd_van -> Nullable<Text>,
    }
}

diesel::table! {
    /// Which organisation uses which component.
    gebruik (component_id, organisatie, omgeving) {
        component_id -> Text,
        organisatie -> Text,
        oin -> Nullable<Text>,
        gemeentecode -> Nullable<Text>,
        omgeving -> Text,
        versie -> Integer,
        sinds -> Date,
        geregistreerd_door -> Text,
        geregistreerd_op -> Timestamp,
    }
}

diesel::table! {
    /// Every version of a component's publiccode.yml and spec.
    versies (component_id, versie) {
        component_id -> Text,
        versie -> Integer,
        software_versie -> Nullable<Text>,
        publiccode -> Text,
        openapi -> Nullable<Text>,
        inhoud_sha256 -> Text,
        gepubliceerd_door -> Text,
        aangemaakt_op -> Timestamp,
        adr_bevindingen -> Nullable<Text>,
        adr_score -> Nullable<Integer>,
        wijzigingen -> Nullable<Text>,
        aantal_brekend -> Nullable<Integer>,
        vergeleken_met -> Nullable<Integer>,
        bron -> Nullable<Text>,
        vastgelegd_op -> Nullable<Timestamp>,
    }
}

diesel::joinable!(versies -> componenten (component_id));
diesel::joinable!(gebruik -> componenten (component_id));
diesel::allow_tables_to_appear_in_same_query!(componenten, versies, gebruik);

/// A component.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, PartialEq)]
#[diesel(table_name = componenten)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct ComponentRow {
    pub id: String,
    /// Repository URL (unique).
    pub url: String,
    pub naam: String,
    /// Common Ground layer.
    pub laag: Option<Layer>,
    /// Installation type.
    pub installatietype: Option<InstallationType>,
    pub status: DevelopmentStatus,
    pub software_type: SoftwareType,
    /// SPDX licence expression.
    pub licentie: String,
    /// Maintaining organisation.
    pub organisatie: Option<String>,
    /// Short description.
    pub korte_beschrijving: String,
    /// Long description.
    pub beschrijving: String,
    /// Number of its latest version.
    pub laatste_versie: i32,
    /// First published.
    pub aangemaakt_op: NaiveDateTime,
    /// Last changed.
    pub gewijzigd_op: NaiveDateTime,
    /// Names of the components it depends on (a JSON array in the column).
    pub afhankelijk_van: Json<Vec<String>>,
    /// The organisation it belongs to: the one that first published it (or that an
    /// administrator transferred it to); none for a component published before ownership.
    pub eigenaar: Option<String>,
    /// The catalogue it is followed from (its base URL): only that catalogue changes it. None
    /// for a component published, seeded or harvested here.
    pub gevolgd_van: Option<String>,
}

/// An organisation's use of a component.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, PartialEq)]
#[diesel(table_name = gebruik)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct UsageRow {
    /// The component.
    pub component_id: String,
    /// The organisation (its name from its client's settings).
    pub organisatie: String,
    /// Its OIN.
    pub oin: Option<String>,
    /// Its gemeentecode.
    pub gemeentecode: Option<String>,
    pub omgeving: Omgeving,
    /// The component version it runs.
    pub versie: i32,
    /// Since when.
    pub sinds: chrono::NaiveDate,
    /// The client that recorded it.
    pub geregistreerd_door: String,
    pub geregistreerd_op: NaiveDateTime,
}

/// Records an organisation's use (one per component, organisation and environment: a later
/// record replaces the earlier).
pub fn upsert_usage(conn: &mut DbConnection, u: &UsageRow) -> Result<(), DbError> {
    let updated = diesel::update(gebruik::table.find((&u.component_id, &u.organisatie, &u.omgeving)))
        .set(u)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(gebruik::table).values(u).execute(conn)?;
    }
    Ok(())
}

/// Ends an organisation's use in an environment; whether there was one.
pub fn delete_usage(conn: &mut DbConnection, id: &str, organisatie: &str, omgeving: Omgeving) -> Result<bool, DbError> {
    Ok(diesel::delete(gebruik::table.find((id, organisatie, omgeving))).execute(conn)? == 1)
}

/// Who uses a component, by organisation.
pub fn users_of(conn: &mut DbConnection, id: &str) -> Result<Vec<UsageRow>, DbError> {
    Ok(gebruik::table
        .filter(gebruik::component_id.eq(id))
        .order((gebruik::organisatie.asc(), gebruik::omgeving.asc()))
        .select(UsageRow::as_select())
        .load(conn)?)
}

/// The ids of components with one of these names (for dependsOn links).
pub fn ids_by_name(conn: &mut DbConnection, names: &[String]) -> Result<Vec<(String, String)>, DbError> {
    Ok(componenten::table
        .filter(componenten::naam.eq_any(names))
        .select((componenten::naam, componenten::id))
        .load(conn)?)
}

/// A version.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, PartialEq)]
#[diesel(table_name = versies)]
#[diesel(treat_none_as_default_value = false)]
pub struct VersionRow {
    /// The component.
    pub component_id: String,
    /// 1, 2, …
    pub versie: i32,
    /// softwareVersion of its publiccode.yml.
    pub software_versie: Option<String>,
    /// The publiccode.yml as published.
    pub publiccode: String,
    /// The OpenAPI spec as published (JSON), if one came with it.
    pub openapi: Option<String>,
    /// SHA-256 of both.
    pub inhoud_sha256: String,
    /// Who published it.
    pub gepubliceerd_door: String,
    pub aangemaakt_op: NaiveDateTime,
    /// The ADR lint findings of its spec (JSON in the column).
    pub adr_bevindingen: Option<Json<Vec<Finding>>>,
    /// The ADR score of its spec, 0–100.
    pub adr_score: Option<i32>,
    /// The changes of its spec against [`VersionRow::vergeleken_met`] (JSON in the column).
    pub wijzigingen: Option<Json<Vec<Change>>>,
    /// How many of them break a client.
    pub aantal_brekend: Option<i32>,
    /// The earlier version its spec was compared with.
    pub vergeleken_met: Option<i32>,
    /// Where it came from when it was not published here (a URL).
    pub bron: Option<String>,
    /// When it was stored here (the order of the feed followers read); none only for versions
    /// stored before the feed existed and not carried over.
    pub vastgelegd_op: Option<NaiveDateTime>,
}

/// A version without its files, for lists.
#[derive(Debug, Clone, Queryable, PartialEq)]
pub struct VersionSummary {
    /// 1, 2, …
    pub versie: i32,
    /// softwareVersion of its publiccode.yml.
    pub software_versie: Option<String>,
    /// Who published it.
    pub gepubliceerd_door: String,
    /// When.
    pub aangemaakt_op: NaiveDateTime,
    /// Whether a spec came with it.
    pub has_spec: bool,
    /// Its spec's ADR score.
    pub adr_score: Option<i32>,
    /// How many changes against the previous spec break a client.
    pub aantal_brekend: Option<i32>,
    /// Where it came from when it was not published here.
    pub bron: Option<String>,
}

/// A component by its repository URL.
pub fn find_by_url(conn: &mut DbConnection, url: &str) -> Result<Option<ComponentRow>, DbError> {
    Ok(componenten::table
        .filter(componenten::url.eq(url))
        .select(ComponentRow::as_select())
        .first(conn)
        .optional()?)
}

/// A component by id.
pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<ComponentRow>, DbError> {
    Ok(componenten::table
        .find(id)
        .select(ComponentRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores a new component.
pub fn insert_component(conn: &mut DbConnection, c: &ComponentRow) -> Result<(), DbError> {
    diesel::insert_into(componenten::table).values(c).execute(conn)?;
    Ok(())
}

/// Replaces a component's row.
pub fn update_component(conn: &mut DbConnection, c: &ComponentRow) -> Result<(), DbError> {
    diesel::update(componenten::table.find(&c.id)).set(c).execute(conn)?;
    Ok(())
}

/// Gives a component to another organisation.
pub fn set_owner(conn: &mut DbConnection, id: &str, owner: &str, at: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(componenten::table.find(id))
        .set((componenten::eigenaar.eq(owner), componenten::gewijzigd_op.eq(at)))
        .execute(conn)?;
    Ok(())
}

/// Stores a version.
pub fn insert_version(conn: &mut DbConnection, v: &VersionRow) -> Result<(), DbError> {
    diesel::insert_into(versies::table).values(v).execute(conn)?;
    Ok(())
}

/// One version of a component.
pub fn version(conn: &mut DbConnection, id: &str, versie: i32) -> Result<Option<VersionRow>, DbError> {
    Ok(versies::table
        .find((id, versie))
        .select(VersionRow::as_select())
        .first(conn)
        .optional()?)
}

/// The publiccode.yml of one version, without the rest of its row (its spec may be megabytes).
pub fn publiccode_of(conn: &mut DbConnection, id: &str, versie: i32) -> Result<Option<String>, DbError> {
    Ok(versies::table
        .find((id, versie))
        .select(versies::publiccode)
        .first(conn)
        .optional()?)
}

/// Whether a component has a version that came from `bron` (a followed catalogue's version).
pub fn has_version_from(conn: &mut DbConnection, id: &str, bron: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        versies::table
            .filter(versies::component_id.eq(id))
            .filter(versies::bron.eq(bron)),
    ))
    .get_result(conn)?)
}

/// The latest version of a component that has a spec: (number, spec).
pub fn latest_spec(conn: &mut DbConnection, id: &str) -> Result<Option<(i32, String)>, DbError> {
    Ok(versies::table
        .filter(versies::component_id.eq(id))
        .filter(versies::openapi.is_not_null())
        .order(versies::versie.desc())
        .select((versies::versie, versies::openapi.assume_not_null()))
        .first(conn)
        .optional()?)
}

/// A component's versions, newest first: (number, softwareVersion, publisher, when, has a spec).
pub fn versions_of(conn: &mut DbConnection, id: &str) -> Result<Vec<VersionSummary>, DbError> {
    Ok(versies::table
        .filter(versies::component_id.eq(id))
        .order(versies::versie.desc())
        .select((
            versies::versie,
            versies::software_versie,
            versies::gepubliceerd_door,
            versies::aangemaakt_op,
            versies::openapi.is_not_null(),
            versies::adr_score,
            versies::aantal_brekend,
            versies::bron,
        ))
        .load(conn)?)
}

/// What a list of components is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Common Ground layer.
    pub laag: Option<String>,
    pub status: Option<String>,
    /// Licence expression, exactly.
    pub licentie: Option<String>,
    pub software_type: Option<String>,
    /// Organisation, exactly: the one that maintains it or one that uses it.
    pub organisatie: Option<String>,
    /// Words that must all match (as a word or its start) in name, descriptions or
    /// organisation, by the database's full-text index (see [`search_words`]).
    pub words: Vec<String>,
    /// Most recently changed first instead of by name.
    pub recent_first: bool,
}

/// The fields a list is faceted on: layer, status, licence, softwareType, organisation.
type FacetFields = (Option<String>, String, String, String, Option<String>);

/// How many components of a filtered list have each value of a field: (field, value, count).
pub type Facets = Vec<(&'static str, String, i64)>;

/// The landscape of one layer (`None`: components without one): how many components, how many
/// of them have an API (a spec in their latest version), and the ADR scores of those.
#[derive(Debug, Clone, PartialEq, diesel::QueryableByName)]
pub struct LayerSummary {
    /// The layer, as stored.
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    pub laag: Option<String>,
    /// Components in it.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub componenten: i64,
    /// Of those, the ones whose latest version has a spec.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub apis: i64,
    /// The sum of their ADR scores, and how many were scored (for the average).
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub score_som: i64,
    /// See `score_som`.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub gescoord: i64,
}

impl LayerSummary {
    /// The average ADR score of its APIs, rounded; `None` without one.
    pub fn average_score(&self) -> Option<i64> {
        (self.gescoord > 0).then(|| (self.score_som + self.gescoord / 2) / self.gescoord)
    }
}

/// The landscape per layer, counted in the database from every component's latest version.
pub fn layer_summaries(conn: &mut DbConnection) -> Result<Vec<LayerSummary>, DbError> {
    // one statement that reads the same on both backends (COUNT and the cast sum are BIGINT)
    Ok(diesel::sql_query(
        "SELECT c.laag AS laag, COUNT(*) AS componenten, COUNT(v.openapi) AS apis, \
         CAST(COALESCE(SUM(v.adr_score), 0) AS BIGINT) AS score_som, COUNT(v.adr_score) AS gescoord \
         FROM componenten c LEFT JOIN versies v ON v.component_id = c.id AND v.versie = c.laatste_versie \
         GROUP BY c.laag",
    )
    .load(conn)?)
}

/// The words of a search: letters and digits only (nothing of the index's own query language
/// gets through), lower case, at most 16.
pub fn search_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(str::to_lowercase)
        .collect()
}

/// One page of components (by name, or most recent first), with the total and the facet counts
/// of the whole filtered list.
pub fn components(
    conn: &mut DbConnection,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ComponentRow>, i64, Facets), DbError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let pg = matches!(conn, DbConnection::Pg(_));
    // the full-text match stays in the database: a sub-select on the FTS5 table, or the
    // tsvector column
    let text_match = (!filter.words.is_empty()).then(|| {
        if pg {
            let q = filter
                .words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & ");
            sql::<Bool>("componenten.zoektekst @@ to_tsquery('dutch', ")
                .bind::<Text, _>(q)
                .sql(")")
        } else {
            let q = filter
                .words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" ");
            sql::<Bool>("componenten.rowid IN (SELECT rowid FROM componenten_zoek WHERE componenten_zoek MATCH ")
                .bind::<Text, _>(q)
                .sql(")")
        }
    });
    let filtered = || {
        let mut q = componenten::table.into_boxed();
        if let Some(v) = &filter.laag {
            q = q.filter(componenten::laag.eq(v.clone()));
        }
        if let Some(v) = &filter.status {
            q = q.filter(componenten::status.eq(v.clone()));
        }
        if let Some(v) = &filter.licentie {
            q = q.filter(componenten::licentie.eq(v.clone()));
        }
        if let Some(v) = &filter.software_type {
            q = q.filter(componenten::software_type.eq(v.clone()));
        }
        if let Some(v) = &filter.organisatie {
            // maintained by, or used by
            let users = gebruik::table
                .filter(gebruik::organisatie.eq(v.clone()))
                .select(gebruik::component_id);
            q = q.filter(componenten::organisatie.eq(v.clone()).or(componenten::id.eq_any(users)));
        }
        if let Some(m) = &text_match {
            q = q.filter(m.clone());
        }
        q
    };
    // one pass over the whole filtered list gives the total, the facets and the order; then
    // only the page's rows are read whole
    let listed: Vec<(String, String, NaiveDateTime, FacetFields)> = filtered()
        .select((
            componenten::id,
            componenten::naam,
            componenten::gewijzigd_op,
            (
                componenten::laag,
                componenten::status,
                componenten::licentie,
                componenten::software_type,
                componenten::organisatie,
            ),
        ))
        .load(conn)?;
    let total = i64::try_from(listed.len()).unwrap_or(i64::MAX);
    let mut counts: std::collections::BTreeMap<(&'static str, String), i64> = Default::default();
    let mut order: Vec<(String, String, NaiveDateTime)> = Vec::with_capacity(listed.len());
    for (id, naam, changed, (laag, status, licentie, software_type, organisatie)) in listed {
        for (field, value) in [
            ("laag", laag),
            ("status", Some(status)),
            ("licentie", Some(licentie)),
            ("softwareType", Some(software_type)),
            ("organisatie", organisatie),
        ] {
            if let Some(v) = value {
                *counts.entry((field, v)).or_default() += 1;
            }
        }
        order.push((id, naam, changed));
    }
    let facets = counts.into_iter().map(|((f, v), n)| (f, v, n)).collect();
    if filter.recent_first {
        order.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    } else if filter.words.is_empty() {
        order.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    } else {
        // who searches "open zaak" looks for Open Zaak before the components that mention a
        // zaak in their description: those whose name has more of the words come first
        let in_name = |naam: &str| {
            let naam = naam.to_lowercase();
            let words: Vec<&str> = naam.split(|c: char| !c.is_alphanumeric()).collect();
            filter
                .words
                .iter()
                .filter(|w| words.iter().any(|n| n.starts_with(w.as_str())))
                .count()
        };
        order.sort_by_cached_key(|(id, naam, _)| (std::cmp::Reverse(in_name(naam)), naam.clone(), id.clone()));
    }
    let page: Vec<String> = order
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(0))
        .take(usize::try_from(limit).unwrap_or(0))
        .map(|(id, _, _)| id)
        .collect();
    let mut rows: Vec<ComponentRow> = componenten::table
        .filter(componenten::id.eq_any(&page))
        .select(ComponentRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|r| page.iter().position(|id| *id == r.id));
    Ok((rows, total, facets))
}

/// A version as the feed of changes gives it to a follower.
#[derive(Debug, Clone, Queryable)]
pub struct FeedRow {
    pub component_id: String,
    pub url: String,
    pub naam: String,
    pub laag: Option<Layer>,
    pub eigenaar: Option<String>,
    pub versie: i32,
    pub software_versie: Option<String>,
    pub publiccode: String,
    pub has_spec: bool,
    pub aangemaakt_op: NaiveDateTime,
    pub vastgelegd_op: Option<NaiveDateTime>,
}

/// The versions stored here since `since` (inclusive) of the components that are this
/// catalogue's own (published, seeded or harvested here; not followed from another catalogue),
/// in the order they were stored; one page, and the total.
pub fn feed(
    conn: &mut DbConnection,
    since: NaiveDateTime,
    offset: i64,
    limit: i64,
) -> Result<(Vec<FeedRow>, i64), DbError> {
    let filtered = || {
        versies::table
            .inner_join(componenten::table)
            .filter(componenten::gevolgd_van.is_null())
            .filter(versies::vastgelegd_op.ge(since))
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((
            versies::vastgelegd_op.asc(),
            versies::component_id.asc(),
            versies::versie.asc(),
        ))
        .offset(offset)
        .limit(limit)
        .select((
            componenten::id,
            componenten::url,
            componenten::naam,
            componenten::laag,
            componenten::eigenaar,
            versies::versie,
            versies::software_versie,
            versies::publiccode,
            versies::openapi.is_not_null(),
            versies::aangemaakt_op,
            versies::vastgelegd_op,
        ))
        .load(conn)?;
    Ok((rows, total))
}

diesel::table! {
    /// The catalogues this one follows, and how far their feed has been read.
    gevolgde_catalogi (url) {
        url -> Text,
        sinds -> Nullable<Timestamp>,
        gevolgd_op -> Nullable<Timestamp>,
        melding -> Nullable<Text>,
        overgenomen -> Integer,
        overgeslagen -> Integer,
    }
}

/// A followed catalogue.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, PartialEq)]
#[diesel(table_name = gevolgde_catalogi)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct FollowedRow {
    /// Its base URL.
    pub url: String,
    /// The moment its feed is read from next.
    pub sinds: Option<NaiveDateTime>,
    /// When it was last read.
    pub gevolgd_op: Option<NaiveDateTime>,
    /// Why the last read failed, if it did.
    pub melding: Option<String>,
    /// Versions taken over from it in all.
    pub overgenomen: i32,
    /// Versions of components another source (or this catalogue) already has, left out.
    pub overgeslagen: i32,
}

/// A followed catalogue's state, if it was ever read or claimed.
fn find_followed(conn: &mut DbConnection, url: &str) -> Result<Option<FollowedRow>, DbError> {
    Ok(gevolgde_catalogi::table
        .find(url)
        .select(FollowedRow::as_select())
        .first(conn)
        .optional()?)
}

impl FollowedRow {
    /// The state of a catalogue never read.
    fn never_read(url: &str) -> Self {
        FollowedRow {
            url: url.to_string(),
            sinds: None,
            gevolgd_op: None,
            melding: None,
            overgenomen: 0,
            overgeslagen: 0,
        }
    }
}

/// A followed catalogue's state (a new one when it was never read).
pub fn followed(conn: &mut DbConnection, url: &str) -> Result<FollowedRow, DbError> {
    Ok(find_followed(conn, url)?.unwrap_or_else(|| FollowedRow::never_read(url)))
}

/// Stores a followed catalogue's state.
pub fn save_followed(conn: &mut DbConnection, f: &FollowedRow) -> Result<(), DbError> {
    let updated = diesel::update(gevolgde_catalogi::table.find(&f.url))
        .set(f)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(gevolgde_catalogi::table).values(f).execute(conn)?;
    }
    Ok(())
}

/// Checks SQLite's full-text index against the components and rebuilds it when they no longer
/// match: the index is keyed by the components' rowids, which a VACUUM may renumber. Whether it
/// was rebuilt. PostgreSQL searches a generated column of the components: nothing to check.
pub fn check_search_index(conn: &mut DbConnection) -> Result<bool, DbError> {
    use diesel::connection::SimpleConnection;
    use diesel::sql_types::BigInt;
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let DbConnection::Sqlite(c) = conn else {
        return Ok(false);
    };
    let off: Count = diesel::sql_query(
        "SELECT (SELECT count(*) FROM componenten c WHERE NOT EXISTS \
            (SELECT 1 FROM componenten_zoek z WHERE z.rowid = c.rowid AND z.naam = c.naam)) \
          + abs((SELECT count(*) FROM componenten_zoek) - (SELECT count(*) FROM componenten)) AS n",
    )
    .get_result(c)?;
    if off.n == 0 {
        return Ok(false);
    }
    c.immediate_transaction(|c| {
        c.batch_execute(
            "DELETE FROM componenten_zoek; \
             INSERT INTO componenten_zoek (rowid, naam, korte_beschrijving, beschrijving, organisatie) \
                 SELECT rowid, naam, korte_beschrijving, beschrijving, coalesce(organisatie, '') FROM componenten;",
        )
    })?;
    Ok(true)
}

/// Claims a followed catalogue for a read when its last read began before `due` (or never was):
/// of several replicas one reads it. Whether this one did.
pub fn claim_followed(
    conn: &mut DbConnection,
    url: &str,
    due: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    if find_followed(conn, url)?.is_none() {
        // a replica that inserts it at the same moment fails on the key: its round reads
        // nothing and says so once
        let row = FollowedRow {
            gevolgd_op: Some(now),
            ..FollowedRow::never_read(url)
        };
        diesel::insert_into(gevolgde_catalogi::table)
            .values(&row)
            .execute(conn)?;
        return Ok(true);
    }
    let claimed = diesel::update(
        gevolgde_catalogi::table.find(url).filter(
            gevolgde_catalogi::gevolgd_op
                .is_null()
                .or(gevolgde_catalogi::gevolgd_op.le(due)),
        ),
    )
    .set(gevolgde_catalogi::gevolgd_op.eq(now))
    .execute(conn)?;
    Ok(claimed == 1)
}
