//! Harvesting: an organisation registers where its repositories live, and the catalogue fetches
//! each repository's publiccode.yml (and the spec it points to) and adds a version when
//! something changed, as the developers.italia.it crawler does for publiccode.yml.
//!
//! - Every request goes through the [`crate::fetch::Fetcher`]: https, public addresses, size
//!   and time limits, as a spec by URL.
//! - A publiccode.yml is asked for with the ETag of its last answer: an unchanged repository
//!   costs one request that answers 304. A new release changes the file (`softwareVersion`,
//!   `releaseDate`), which is when the spec it points to is fetched again.
//! - Harvested components belong to the organisation that registered the source.
//! - A repository that is gone, or whose file turns invalid, keeps its component and is shown as
//!   such; nothing is dropped silently.

use super::SCOPE_BEHEREN;
use super::components::{Publication, Publisher, describe, publish};
use crate::AppState;
use crate::domain::forge::{self, Forge, PER_PAGE, PUBLICCODE_FILES, Repository};
use crate::domain::{openapi, publiccode};
use crate::error::Error;
use crate::fetch::{Answer, FetchError};
use crate::store::harvest::{self as store, RepositoryRow, RepositoryStatus, SourceRow};
use platform::InvalidParam;
use platform::auth::Principal;
use platform::db::Json;
use std::collections::BTreeMap;

/// At most this many pages of a group's listing are read (10,000 repositories).
const MAX_PAGES: usize = 100;
/// At most this many repositories are named in one source.
pub const MAX_REPOSITORIES: usize = 1000;

/// A source as an organisation registers it.
#[derive(Debug, Clone)]
pub struct NewSource {
    /// The kind of forge.
    pub forge: Forge,
    /// Its REST API.
    pub api_url: String,
    /// The organisation (GitHub) or group (GitLab) whose repositories are harvested.
    pub group: Option<String>,
    /// More repositories by name.
    pub repositories: Vec<String>,
}

/// What a harvest of a source did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Harvested {
    /// Repositories looked at.
    pub repositories: usize,
    /// Versions added.
    pub new_versions: usize,
    /// Repositories whose publiccode.yml had not changed.
    pub unchanged: usize,
    /// Repositories without a publiccode.yml.
    pub without_publiccode: usize,
    /// Repositories whose file the catalogue refused.
    pub invalid: usize,
    /// Repositories that are gone.
    pub gone: usize,
    /// Repositories the forge did not answer for.
    pub unreachable: usize,
    /// Requests made to the forge and for specs.
    pub requests: usize,
}

/// An organisation registers a source (scope `catalogus.beheren`, for the organisation of the
/// client's settings). It is harvested at the next round of the harvester, or at once through
/// [`harvest_now`].
pub async fn register(state: &AppState, caller: &Principal, new: NewSource) -> Result<SourceRow, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let organisation = state.clients.of(&caller.client_id).organisatie.ok_or(Error::forbidden(
        "Voor deze client is geen organisatie ingesteld: een oogstbron is van de organisatie waarvan de componenten zijn.",
    ))?;
    check(state, &new)?;
    let row = SourceRow {
        id: uuid::Uuid::new_v4().to_string(),
        organisatie: organisation,
        soort: new.forge,
        api_url: new.api_url.trim_end_matches('/').to_string(),
        groep: new.group,
        repositories: Json::new(new.repositories)?,
        aangemaakt_door: caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
        aangemaakt_op: state.now(),
        geoogst_op: None,
        melding: None,
    };
    let stored = row.clone();
    state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::insert_source(c, &stored)?))
        .await?;
    Ok(row)
}

/// The request's faults, each with its field.
fn check(state: &AppState, new: &NewSource) -> Result<(), Error> {
    let mut faults = Vec::new();
    match url::Url::parse(&new.api_url) {
        Ok(u) if u.scheme() == "https" || (u.scheme() == "http" && state.fetcher.allow_http) => {}
        Ok(_) => faults.push(InvalidParam::new(
            "apiUrl",
            "https",
            "Het adres van de API begint met https://.",
        )),
        Err(_) => faults.push(InvalidParam::new("apiUrl", "url", "Geen URL.")),
    }
    if new.group.is_none() && new.repositories.is_empty() {
        faults.push(InvalidParam::new(
            "groep",
            "required",
            "Geef een groep (organisatie) of repositories, of beide.",
        ));
    }
    if let Some(g) = &new.group {
        if !forge::is_group_name(new.forge, g) {
            faults.push(InvalidParam::new(
                "groep",
                "pattern",
                "Geen naam van een organisatie of groep.",
            ));
        }
    }
    if new.repositories.len() > MAX_REPOSITORIES {
        faults.push(InvalidParam::new(
            "repositories",
            "maxItems",
            format!("Hoogstens {MAX_REPOSITORIES} repositories per bron."),
        ));
    }
    for (i, r) in new.repositories.iter().enumerate() {
        if !forge::is_repository_name(new.forge, r) {
            faults.push(InvalidParam::new(
                format!("repositories[{i}]"),
                "pattern",
                match new.forge {
                    Forge::Github => "Een repository heet eigenaar/naam.",
                    Forge::Gitlab => "Een project heet groep/naam (met subgroepen groep/sub/naam).",
                },
            ));
        }
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(Error::Problem(platform::Problem::params_validation(faults)))
    }
}

/// A source with what its last harvest found in each repository.
pub async fn get(state: &AppState, id: String) -> Result<(SourceRow, Vec<RepositoryRow>), Error> {
    state
        .db
        .run(move |c| {
            let source = store::source(c, &id)?.ok_or(Error::not_found("Deze oogstbron bestaat niet."))?;
            let repositories = store::repositories(c, &id)?;
            Ok((source, repositories))
        })
        .await
}

/// Every source.
pub async fn list(state: &AppState) -> Result<Vec<SourceRow>, Error> {
    state.db.run(|c| Ok::<_, Error>(store::sources(c)?)).await
}

/// The organisation that registered a source ends it (its components stay, as they are).
pub async fn remove(state: &AppState, caller: &Principal, id: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let organisation = state.clients.of(&caller.client_id).organisatie;
    state
        .db
        .write_transaction(move |c| {
            let source = store::source(c, &id)?.ok_or(Error::not_found("Deze oogstbron bestaat niet."))?;
            if organisation.as_deref() != Some(source.organisatie.as_str()) {
                return Err(Error::NotOwner(source.organisatie));
            }
            store::delete_source(c, &id)?;
            Ok(())
        })
        .await
}

/// The organisation that registered a source harvests it now.
pub async fn harvest_now(state: &AppState, caller: &Principal, id: String) -> Result<Harvested, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let organisation = state.clients.of(&caller.client_id).organisatie;
    let (source, _) = get(state, id).await?;
    if organisation.as_deref() != Some(source.organisatie.as_str()) {
        return Err(Error::NotOwner(source.organisatie));
    }
    let now = state.now();
    let claim_id = source.id.clone();
    state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::claim(c, &claim_id, now, now)?))
        .await?;
    harvest(state, &source).await
}

/// Harvests every source whose last harvest began `interval` seconds ago or longer (or that
/// never was), each claimed first so that of several replicas one harvests it.
pub async fn harvest_due(state: &AppState, interval: u64) -> Result<Vec<(String, Harvested)>, Error> {
    let now = state.now();
    let due = super::due_before(now, interval);
    let mut done = Vec::new();
    for source in list(state).await? {
        let id = source.id.clone();
        let claimed = state
            .db
            .write_transaction(move |c| Ok::<_, Error>(store::claim(c, &id, due, now)?))
            .await?;
        if claimed {
            let harvested = harvest(state, &source).await?;
            done.push((source.id.clone(), harvested));
        }
    }
    Ok(done)
}

/// Harvests the due sources every minute (a new source waits at most that long), each source
/// every `interval` seconds.
pub async fn harvest_forever(state: AppState, interval: u64) {
    let tick = std::time::Duration::from_secs(interval.clamp(1, 60));
    loop {
        actix_web::rt::time::sleep(tick).await;
        match harvest_due(&state, interval).await {
            Ok(done) => {
                for (id, h) in done {
                    tracing::info!(
                        source = %id,
                        repositories = h.repositories,
                        new_versions = h.new_versions,
                        unchanged = h.unchanged,
                        invalid = h.invalid,
                        gone = h.gone,
                        requests = h.requests,
                        "source harvested"
                    );
                }
            }
            Err(e) => tracing::warn!(error = %describe(e), "harvest failed"),
        }
    }
}

/// One harvest of a source: list its repositories, read each one's publiccode.yml, publish
/// what changed, and record what was found.
pub async fn harvest(state: &AppState, source: &SourceRow) -> Result<Harvested, Error> {
    let mut h = Harvested::default();
    let forge = source.soort;
    let known: BTreeMap<String, RepositoryRow> = {
        let id = source.id.clone();
        state
            .db
            .run(move |c| Ok::<_, Error>(store::repositories(c, &id)?))
            .await?
            .into_iter()
            .map(|r| (r.repository.clone(), r))
            .collect()
    };
    // the repositories as the forge lists them now; a listing that fails changes nothing
    let mut current: Vec<Repository> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    let mut listing_fault: Option<String> = None;
    if let Some(group) = &source.groep {
        match list_group(state, forge, &source.api_url, group, &mut h).await {
            Ok(found) => {
                let names: std::collections::BTreeSet<&str> = found.iter().map(|r| r.name.as_str()).collect();
                gone.extend(
                    known
                        .keys()
                        .filter(|k| !names.contains(k.as_str()) && !source.repositories.get().contains(k))
                        .cloned(),
                );
                current.extend(found);
            }
            Err(why) => listing_fault = Some(why),
        }
    }
    for name in source.repositories.get() {
        if current.iter().any(|r| &r.name == name) {
            continue;
        }
        h.requests += 1;
        let url = forge.repository_url(&source.api_url, name);
        match state.fetcher.get(&url, "application/json", None).await {
            Ok(Answer::Body { text, .. }) => {
                match serde_json::from_str(&text).ok().and_then(|v| forge.repository(&v)) {
                    Some(r) => current.push(r),
                    None => {
                        record_unreachable(
                            state,
                            source,
                            name,
                            &known,
                            "het antwoord van de forge is geen repository",
                            &mut h,
                        )
                        .await?
                    }
                }
            }
            Ok(Answer::NotFound) => gone.push(name.clone()),
            Ok(Answer::NotModified) => {}
            Err(e) => record_unreachable(state, source, name, &known, &e.to_string(), &mut h).await?,
        }
    }
    for repo in &current {
        harvest_repository(state, source, repo, known.get(&repo.name), &mut h).await?;
    }
    for name in gone {
        h.repositories += 1;
        h.gone += 1;
        let melding = if known.contains_key(&name) {
            "De repository staat niet meer op de forge; het component blijft, met wat het laatst gevonden is."
        } else {
            // named, never seen, not there: said so all the same
            "De repository bestaat niet (meer) op de forge."
        };
        let row = RepositoryRow {
            status: RepositoryStatus::Gone,
            melding: Some(melding.into()),
            publiccode_etag: None,
            gecontroleerd_op: state.now(),
            ..last_state(source, &name, &known)
        };
        record(state, row).await?;
    }
    let id = source.id.clone();
    state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::set_source_message(c, &id, listing_fault.as_deref())?))
        .await?;
    Ok(h)
}

/// Every repository of a group, page by page (a page shorter than asked for is the last).
async fn list_group(
    state: &AppState,
    forge: Forge,
    api: &str,
    group: &str,
    h: &mut Harvested,
) -> Result<Vec<Repository>, String> {
    let mut found = Vec::new();
    for page in 1..=MAX_PAGES {
        h.requests += 1;
        let url = forge.listing_url(api, group, page);
        let answer = state
            .fetcher
            .get(&url, "application/json", None)
            .await
            .map_err(|e| e.to_string())?;
        let text = match answer {
            Answer::Body { text, .. } => text,
            Answer::NotFound => return Err(format!("de groep {group} bestaat niet op de forge")),
            Answer::NotModified => return Err("de forge antwoordde 304 zonder voorwaarde".into()),
        };
        let repositories = forge.page(&text)?;
        let last = repositories.len() < PER_PAGE;
        found.extend(repositories);
        if last {
            break;
        }
    }
    Ok(found)
}

/// Reads one repository's publiccode.yml (conditionally) and publishes what changed.
async fn harvest_repository(
    state: &AppState,
    source: &SourceRow,
    repo: &Repository,
    before: Option<&RepositoryRow>,
    h: &mut Harvested,
) -> Result<(), Error> {
    h.repositories += 1;
    let row = |status: RepositoryStatus, melding: Option<String>| RepositoryRow {
        bron_id: source.id.clone(),
        repository: repo.name.clone(),
        web_url: repo.web_url.clone(),
        status,
        melding,
        component_id: before.and_then(|b| b.component_id.clone()),
        publiccode_pad: before.and_then(|b| b.publiccode_pad.clone()),
        publiccode_etag: before.and_then(|b| b.publiccode_etag.clone()),
        gecontroleerd_op: state.now(),
    };
    // the name that worked last time first, with its ETag
    let mut names: Vec<&str> = PUBLICCODE_FILES.to_vec();
    if let Some(pad) = before.and_then(|b| b.publiccode_pad.as_deref()) {
        names.sort_by_key(|n| *n != pad);
    }
    let mut file = None;
    for name in names {
        let etag = before
            .filter(|b| b.publiccode_pad.as_deref() == Some(name))
            .and_then(|b| b.publiccode_etag.as_deref());
        h.requests += 1;
        match state
            .fetcher
            .get(
                &source.soort.file_url(&source.api_url, repo, name),
                source.soort.file_accept(),
                etag,
            )
            .await
        {
            // only a found or refused file keeps its ETag: its state stands
            Ok(Answer::NotModified) => {
                h.unchanged += 1;
                let status = before.map_or(RepositoryStatus::Found, |b| b.status);
                let melding = before.and_then(|b| b.melding.clone());
                return record(state, row(status, melding)).await;
            }
            Ok(Answer::Body { text, etag }) => {
                file = Some((name, text, etag));
                break;
            }
            Ok(Answer::NotFound) => continue,
            // its state is unknown now: read whole at the next harvest (no ETag kept)
            Err(e) => {
                h.unreachable += 1;
                let unreachable = RepositoryRow {
                    publiccode_etag: None,
                    ..row(RepositoryStatus::Unreachable, Some(e.to_string()))
                };
                return record(state, unreachable).await;
            }
        }
    }
    let Some((name, text, etag)) = file else {
        h.without_publiccode += 1;
        let melding = before
            .and_then(|b| b.component_id.as_ref())
            .map(|_| "De publiccode.yml is uit de repository verdwenen; het component blijft, met wat het laatst gevonden is.".to_string());
        return record(
            state,
            RepositoryRow {
                publiccode_pad: None,
                publiccode_etag: None,
                ..row(RepositoryStatus::NoPubliccode, melding)
            },
        )
        .await;
    };
    let settled = |status, melding: String| RepositoryRow {
        publiccode_pad: Some(name.to_string()),
        publiccode_etag: etag.clone(),
        ..row(status, Some(melding))
    };
    // the file must be the standard's before anything else is fetched
    let entry = match publiccode::parse(&text) {
        Ok(e) => e,
        Err(refusal) => {
            h.invalid += 1;
            let why = match refusal {
                publiccode::Refusal::Unreadable(why) => format!("publiccode.yml is niet te lezen: {why}"),
                publiccode::Refusal::Invalid(problems) => format!(
                    "publiccode.yml voldoet niet aan de standaard: {}",
                    problems
                        .iter()
                        .map(|p| format!("{}: {}", p.pad, p.melding))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            };
            return record(state, settled(RepositoryStatus::Invalid, why)).await;
        }
    };
    let spec = match &entry.openapi_url {
        None => None,
        Some(url) => {
            h.requests += 1;
            match state.fetcher.fetch(url).await {
                Ok(text) => match openapi::parse(&text) {
                    Ok(tree) => Some(tree),
                    Err(why) => {
                        h.invalid += 1;
                        return record(
                            state,
                            settled(RepositoryStatus::Invalid, format!("de spec ({url}): {why}")),
                        )
                        .await;
                    }
                },
                // refused (a private address, not https): settled until the file changes
                Err(FetchError::Refused(why)) => {
                    h.invalid += 1;
                    return record(
                        state,
                        settled(
                            RepositoryStatus::Invalid,
                            format!("de spec ({url}) wordt niet opgehaald: {why}"),
                        ),
                    )
                    .await;
                }
                // failed: tried again at the next harvest (no ETag kept)
                Err(e @ FetchError::Failed(_)) => {
                    h.unreachable += 1;
                    return record(
                        state,
                        RepositoryRow {
                            publiccode_etag: None,
                            ..settled(RepositoryStatus::Unreachable, format!("de spec ({url}): {e}"))
                        },
                    )
                    .await;
                }
            }
        }
    };
    let publisher = Publisher {
        by: format!("oogst {}", source.id),
        organisation: source.organisatie.clone(),
        claims_unowned: false,
    };
    let publication = Publication {
        publiccode: text,
        spec,
        source: Some(source.soort.file_web_url(repo, name)),
        at: None,
        layer: None,
        followed_from: None,
    };
    match publish(state, publisher, publication).await {
        Ok(published) => {
            if published.new_version {
                h.new_versions += 1;
            } else {
                h.unchanged += 1;
            }
            let melding = repo.archived.then(|| "De repository is gearchiveerd.".to_string());
            record(
                state,
                RepositoryRow {
                    component_id: Some(published.component.id),
                    melding,
                    ..settled(RepositoryStatus::Found, String::new())
                },
            )
            .await
        }
        Err(
            e @ (Error::NotOwner(_)
            | Error::Unowned
            | Error::Unreadable(_)
            | Error::Invalid(_)
            | Error::NotOpenApi(_)
            | Error::Followed(_)
            | Error::AlreadyHere),
        ) => {
            h.invalid += 1;
            record(state, settled(RepositoryStatus::Invalid, describe(e))).await
        }
        Err(e) => Err(e),
    }
}

/// A repository the forge did not answer for: its last state stands, said so.
async fn record_unreachable(
    state: &AppState,
    source: &SourceRow,
    name: &str,
    known: &BTreeMap<String, RepositoryRow>,
    why: &str,
    h: &mut Harvested,
) -> Result<(), Error> {
    h.repositories += 1;
    h.unreachable += 1;
    let row = RepositoryRow {
        status: RepositoryStatus::Unreachable,
        melding: Some(why.to_string()),
        publiccode_etag: None,
        gecontroleerd_op: state.now(),
        ..last_state(source, name, known)
    };
    record(state, row).await
}

/// What the last harvest found in a repository of `source`, or a first state for a name never
/// seen (no page, no component yet).
fn last_state(source: &SourceRow, name: &str, known: &BTreeMap<String, RepositoryRow>) -> RepositoryRow {
    known.get(name).cloned().unwrap_or_else(|| RepositoryRow {
        bron_id: source.id.clone(),
        repository: name.to_string(),
        web_url: String::new(),
        status: RepositoryStatus::Unreachable,
        melding: None,
        component_id: None,
        publiccode_pad: None,
        publiccode_etag: None,
        gecontroleerd_op: chrono::NaiveDateTime::default(),
    })
}

async fn record(state: &AppState, row: RepositoryRow) -> Result<(), Error> {
    state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::upsert_repository(c, &row)?))
        .await
}
