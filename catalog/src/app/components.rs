//! Publishing components (their publiccode.yml with an OpenAPI spec) and reading them back.
//! Publishing what is already the latest version adds nothing; anything else adds a version,
//! never overwriting one.

use super::SCOPE_BEHEREN;
use crate::AppState;
use crate::domain::{diff, lint, openapi, publiccode};
use crate::error::Error;
use crate::store::{self, ComponentRow, Filter, VersionRow, VersionSummary};
use platform::audit::AuditEntry;
use platform::auth::Principal;
use platform::db::Json;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Who publishes the catalogue's own entries at start-up.
pub const LOADER: &str = "catalogus";

/// Scope of the administrator who gives a component to another organisation.
pub const SCOPE_OVERDRAGEN: &str = "catalogus.overdragen";

/// Who publishes: recorded with the version, and the organisation whose components it may
/// publish.
#[derive(Debug, Clone)]
pub struct Publisher {
    /// The client (or the user behind it), as recorded with the version.
    pub by: String,
    /// The organisation it publishes for.
    pub organisation: String,
    /// The catalogue's own loader claims its entries when they have no owner yet (they were
    /// published before ownership); nobody else claims an unowned component.
    pub claims_unowned: bool,
}

/// What publishing did.
#[derive(Debug, Clone)]
pub struct Published {
    /// The component as it is now.
    pub component: ComponentRow,
    /// Whether this added a version (false: it was the latest already).
    pub new_version: bool,
}

/// A publication checked, linted and fingerprinted, ready to store.
struct Prepared {
    entry: publiccode::Entry,
    publiccode_text: String,
    spec: Option<Value>,
    spec_text: Option<String>,
    findings: Option<Json<Vec<lint::Finding>>>,
    score: Option<i32>,
    sha: String,
}

/// Checks the publiccode.yml and spec, lints the spec against the API Design Rules (every
/// version's spec is linted when it is published) and fingerprints the content. CPU work on
/// whole documents, so [`publish`] runs it on the blocking pool.
fn prepare(publiccode_text: String, spec: Option<Value>) -> Result<Prepared, Error> {
    let entry = publiccode::parse(&publiccode_text).map_err(|r| match r {
        publiccode::Refusal::Unreadable(why) => Error::Unreadable(why),
        publiccode::Refusal::Invalid(problems) => Error::Invalid(problems),
    })?;
    let spec_text = match &spec {
        Some(tree) => {
            openapi::check(tree).map_err(Error::NotOpenApi)?;
            Some(tree.to_string())
        }
        None => None,
    };
    let (findings, score) = match &spec {
        Some(tree) => {
            let found = lint::lint(tree);
            let score = i32::from(lint::score(&found));
            (Some(Json::new(found)?), Some(score))
        }
        None => (None, None),
    };
    let mut hasher = Sha256::new();
    hasher.update(publiccode_text.as_bytes());
    hasher.update([0]);
    hasher.update(spec_text.as_deref().unwrap_or("").as_bytes());
    let sha = hex::encode(hasher.finalize());
    Ok(Prepared {
        entry,
        publiccode_text,
        spec,
        spec_text,
        findings,
        score,
        sha,
    })
}

/// What is published: a publiccode.yml, maybe a spec, and where it came from when it was not
/// published here.
#[derive(Debug, Clone, Default)]
pub struct Publication {
    /// The publiccode.yml.
    pub publiccode: String,
    /// The spec, when one comes with it.
    pub spec: Option<Value>,
    /// Where it came from (stored with the version); none when published here.
    pub source: Option<String>,
    /// When it was published at its source; none: now.
    pub at: Option<chrono::NaiveDateTime>,
    /// The layer the catalogue gives the component when its publiccode.yml names none.
    pub layer: Option<crate::domain::kinds::Layer>,
    /// The catalogue it is followed from (its base URL): a new component is marked as that
    /// catalogue's, and only publications from it change the component.
    pub followed_from: Option<String>,
}

impl Publication {
    /// A publiccode.yml and spec published here, now.
    pub fn here(publiccode: String, spec: Option<Value>) -> Self {
        Publication {
            publiccode,
            spec,
            ..Publication::default()
        }
    }
}

/// Publishes a checked publiccode.yml and optional spec as `publisher`: a new component
/// becomes the publisher's organisation's; an existing one is updated only by the organisation
/// it belongs to. A layer once known stays when a later publiccode.yml names none.
pub async fn publish(state: &AppState, publisher: Publisher, publication: Publication) -> Result<Published, Error> {
    let Publication {
        publiccode,
        spec,
        source,
        at,
        layer,
        followed_from,
    } = publication;
    let new = actix_web::web::block(move || prepare(publiccode, spec)).await??;
    let stored_at = state.now();
    let at = at.unwrap_or(stored_at);
    state
        .db
        .write_transaction(move |c| {
            let mut existing = store::find_by_url(c, &new.entry.url)?;
            if let Some(current) = existing.as_mut() {
                // a followed component changes only from its catalogue, which decides who owns it
                match (&current.gevolgd_van, &followed_from) {
                    (Some(from), Some(by)) if from == by => {}
                    (Some(from), _) => return Err(Error::Followed(from.clone())),
                    (None, Some(_)) => return Err(Error::AlreadyHere),
                    (None, None) => {}
                }
            }
            if let Some(current) = existing.as_mut().filter(|c| c.gevolgd_van.is_none()) {
                match &current.eigenaar {
                    Some(owner) if *owner != publisher.organisation => return Err(Error::NotOwner(owner.clone())),
                    Some(_) => {}
                    None if publisher.claims_unowned => {
                        store::set_owner(c, &current.id, &publisher.organisation, current.gewijzigd_op)?;
                        current.eigenaar = Some(publisher.organisation.clone());
                    }
                    None => return Err(Error::Unowned),
                }
            }
            if let Some(current) = existing.as_ref() {
                let latest = store::version(c, &current.id, current.laatste_versie)?;
                if latest.is_some_and(|v| v.inhoud_sha256 == new.sha) {
                    return Ok(Published {
                        component: current.clone(),
                        new_version: false,
                    });
                }
            }
            let component = ComponentRow {
                id: existing
                    .as_ref()
                    .map_or_else(|| uuid::Uuid::new_v4().to_string(), |e| e.id.clone()),
                url: new.entry.url.clone(),
                naam: new.entry.name.clone(),
                laag: new.entry.layer.or(layer).or(existing.as_ref().and_then(|e| e.laag)),
                installatietype: new.entry.installation_type,
                status: new.entry.development_status,
                software_type: new.entry.software_type,
                licentie: new.entry.license.clone(),
                organisatie: new.entry.organisation.clone(),
                korte_beschrijving: new.entry.short_description.clone(),
                beschrijving: new.entry.long_description.clone(),
                laatste_versie: existing.as_ref().map_or(1, |e| e.laatste_versie + 1),
                aangemaakt_op: existing.as_ref().map_or(at, |e| e.aangemaakt_op),
                gewijzigd_op: at,
                afhankelijk_van: Json::new(new.entry.depends_on.clone())?,
                // a followed component's owner is the one its catalogue says
                eigenaar: Some(if followed_from.is_some() {
                    publisher.organisation.clone()
                } else {
                    existing
                        .as_ref()
                        .and_then(|e| e.eigenaar.clone())
                        .unwrap_or_else(|| publisher.organisation.clone())
                }),
                gevolgd_van: followed_from.clone(),
            };
            // what changed against the previous version with a spec
            let previous = match (&existing, &new.spec) {
                (Some(e), Some(spec)) => match store::latest_spec(c, &e.id)? {
                    Some((n, text)) => {
                        // stored by us as JSON: one that does not read is a fault, not "no diff"
                        let old: Value = serde_json::from_str(&text).map_err(|e| {
                            tracing::error!(error = %e, "stored spec does not read");
                            Error::Problem(platform::Problem::internal())
                        })?;
                        Some((n, diff::diff(&old, spec)))
                    }
                    None => None,
                },
                _ => None,
            };
            match existing {
                Some(_) => store::update_component(c, &component)?,
                None => store::insert_component(c, &component)?,
            }
            store::insert_version(
                c,
                &VersionRow {
                    component_id: component.id.clone(),
                    versie: component.laatste_versie,
                    software_versie: new.entry.software_version.clone(),
                    publiccode: new.publiccode_text,
                    openapi: new.spec_text,
                    inhoud_sha256: new.sha,
                    gepubliceerd_door: publisher.by,
                    aangemaakt_op: at,
                    adr_bevindingen: new.findings,
                    adr_score: new.score,
                    aantal_brekend: previous
                        .as_ref()
                        .map(|(_, ch)| i32::try_from(ch.iter().filter(|x| x.breaking).count()).unwrap_or(i32::MAX)),
                    wijzigingen: previous.as_ref().map(|(_, ch)| Json::new(ch.clone())).transpose()?,
                    vergeleken_met: previous.as_ref().map(|(n, _)| *n),
                    bron: source,
                    vastgelegd_op: Some(stored_at),
                },
            )?;
            Ok::<_, Error>(Published {
                component,
                new_version: true,
            })
        })
        .await
}

/// Where the spec of a publication comes from.
#[derive(Debug, Clone)]
pub enum SpecSource {
    /// No spec: the publiccode.yml alone.
    None,
    /// Given in the request.
    Given(Value),
    /// To fetch from a URL.
    Url(String),
}

/// A supplier or VNG registers or updates a component (scope `catalogus.beheren`, for the
/// organisation of the client's settings); a spec by URL is fetched safely first.
pub async fn register(
    state: &AppState,
    caller: &Principal,
    publiccode_text: String,
    source: SpecSource,
) -> Result<Published, Error> {
    caller.require_scope(SCOPE_BEHEREN)?;
    let organisation = state.clients.of(&caller.client_id).organisatie.ok_or(Error::forbidden(
        "Voor deze client is geen organisatie ingesteld: een component wordt gepubliceerd namens de organisatie waarvan het is.",
    ))?;
    let spec = match source {
        SpecSource::None => None,
        SpecSource::Given(v) => Some(v),
        SpecSource::Url(url) => {
            let text = state
                .fetcher
                .fetch(&url)
                .await
                .map_err(|e| Error::NotFetched(format!("{url}: {e}")))?;
            Some(openapi::parse(&text).map_err(Error::NotOpenApi)?)
        }
    };
    let publisher = Publisher {
        by: caller.user_id.clone().unwrap_or_else(|| caller.client_id.clone()),
        organisation,
        claims_unowned: false,
    };
    let published = publish(state, publisher, Publication::here(publiccode_text, spec)).await?;
    let c = &published.component;
    let details = serde_json::json!({ "versie": c.laatste_versie, "nieuweVersie": published.new_version });
    state
        .audit
        .record(vec![audit_entry(caller, "publiceren", &c.id, details, "gepubliceerd")])
        .await?;
    Ok(published)
}

/// Loads the catalogue's own entries: the built-in ones (unless switched off), then every
/// `<name>.publiccode.yml` in the entry folders with `<name>.json` from the spec folder when
/// there is one. A broken entry stops the start. How many new versions were stored.
pub async fn load_entries(state: &AppState) -> Result<usize, String> {
    let mut found: Vec<(String, String, Option<String>)> = Vec::new();
    if state.builtin_entries {
        for e in crate::entries::BUILT_IN {
            let label = format!("built-in {}.publiccode.yml", e.name);
            found.push((label, e.publiccode.to_string(), Some(e.spec.to_string())));
        }
    }
    for dir in &state.entries {
        found.extend(read_entry_folder(dir, state.specs.as_deref().unwrap_or(dir))?);
    }
    let mut loaded = 0;
    for (label, text, spec) in found {
        let spec = spec
            .map(|s| openapi::parse(&s).map_err(|e| format!("{label}: spec: {e}")))
            .transpose()?;
        let loader = Publisher {
            by: LOADER.into(),
            organisation: state.organisation.clone(),
            claims_unowned: true,
        };
        let published = publish(state, loader, Publication::here(text, spec))
            .await
            .map_err(|e| format!("{label}: {}", describe(e)))?;
        if published.new_version {
            loaded += 1;
        }
    }
    Ok(loaded)
}

/// The entries of a folder, sorted by name: (the file's path, its publiccode.yml, the spec
/// `<name>.json` in `specs` when there is one).
fn read_entry_folder(
    dir: &std::path::Path,
    specs: &std::path::Path,
) -> Result<Vec<(String, String, Option<String>)>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| format!("CATALOG_ENTRIES {}: {e}", dir.display()))?;
    let mut files: Vec<std::path::PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".publiccode.yml"))
        .collect();
    files.sort();
    let mut found = Vec::with_capacity(files.len());
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".publiccode.yml").to_string())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let spec_path = specs.join(format!("{name}.json"));
        let spec = match std::fs::read_to_string(&spec_path) {
            Ok(s) => Some(s),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("{}: {e}", spec_path.display())),
        };
        found.push((path.display().to_string(), text, spec));
    }
    Ok(found)
}

pub(crate) fn describe(e: Error) -> String {
    let p = platform::Problem::from(e);
    p.detail.unwrap_or(p.title)
}

/// An administrator (scope `catalogus.overdragen`) gives a component to another organisation,
/// which from then on is the one that publishes it; audited with both organisations.
pub async fn transfer(state: &AppState, caller: &Principal, id: String, organisation: String) -> Result<(), Error> {
    caller.require_scope(SCOPE_OVERDRAGEN)?;
    let (at, to) = (state.now(), organisation.clone());
    let from = state
        .db
        .write_transaction(move |c| {
            let Some(component) = store::find(c, &id)? else {
                return Err(Error::not_found("Geen component met dit id."));
            };
            store::set_owner(c, &component.id, &to, at)?;
            Ok((component.id, component.eigenaar))
        })
        .await?;
    let (id, from) = from;
    let details = serde_json::json!({ "van": from, "naar": organisation });
    state
        .audit
        .record(vec![audit_entry(caller, "overdragen", &id, details, "overgedragen")])
        .await?;
    Ok(())
}

/// The audit record of what `caller` did to a component (`catalogus.component.<what>`): no
/// personal data, so no purpose.
fn audit_entry(caller: &Principal, what: &str, id: &str, details: Value, outcome: &str) -> AuditEntry {
    AuditEntry {
        client_id: caller.client_id.clone(),
        user_id: caller.user_id.clone(),
        purpose: None,
        action: format!("catalogus.component.{what}"),
        object_type: "component".into(),
        object_id: Some(id.to_string()),
        details,
        outcome: outcome.into(),
        processing: Some(platform::ldv::Processing::of(
            &caller.trace,
            &crate::register::CATALOGUSBEHEER.reference(),
            None,
            platform::ldv::StatusCode::Ok,
        )),
    }
}

/// One page of components, with the facet counts of the whole list; the filter's words
/// search names, descriptions and organisations in the database's full-text index.
pub async fn list(
    state: &AppState,
    filter: Filter,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ComponentRow>, i64, store::Facets), Error> {
    Ok(state
        .db
        .run(move |c| store::components(c, &filter, offset, limit))
        .await?)
}

/// A component with what the catalogue knows of it.
#[derive(Debug, Clone)]
pub struct Detail {
    /// The component.
    pub component: ComponentRow,
    /// Its versions, newest first.
    pub versions: Vec<VersionSummary>,
    /// Who uses it.
    pub users: Vec<store::UsageRow>,
    /// What it depends on: (name, the component's id when it is in the catalogue).
    pub depends_on: Vec<(String, Option<String>)>,
    /// What the latest version's publiccode.yml uses that the standard deprecates (see
    /// [`publiccode::stored_warnings`]).
    pub warnings: Vec<publiccode::Problem>,
    /// The repository it is harvested from, with what the last harvest found there.
    pub harvested_from: Option<store::harvest::RepositoryRow>,
}

/// The landscape per layer (see [`store::layer_summaries`]).
pub async fn landscape(state: &AppState) -> Result<Vec<store::LayerSummary>, Error> {
    Ok(state.db.run(store::layer_summaries).await?)
}

/// A component with its versions, users and dependencies.
pub async fn get(state: &AppState, id: String) -> Result<Detail, Error> {
    state
        .db
        .run(move |c| {
            let Some(component) = store::find(c, &id)? else {
                return Err(Error::not_found("Geen component met dit id."));
            };
            let names = component.afhankelijk_van.get().clone();
            let known = store::ids_by_name(c, &names)?;
            let depends_on = names
                .into_iter()
                .map(|n| {
                    let id = known.iter().find(|(k, _)| *k == n).map(|(_, id)| id.clone());
                    (n, id)
                })
                .collect();
            let warnings = store::publiccode_of(c, &id, component.laatste_versie)?
                .map(|latest| publiccode::stored_warnings(&latest))
                .unwrap_or_default();
            Ok(Detail {
                warnings,
                harvested_from: store::harvest::origin_of(c, &id)?,
                versions: store::versions_of(c, &id)?,
                users: store::users_of(c, &id)?,
                component,
                depends_on,
            })
        })
        .await
}

/// One version of a component.
pub async fn version(state: &AppState, id: String, versie: i32) -> Result<VersionRow, Error> {
    state
        .db
        .run(move |c| store::version(c, &id, versie))
        .await?
        .ok_or(Error::not_found("Geen versie met dit nummer."))
}
