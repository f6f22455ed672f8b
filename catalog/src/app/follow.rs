//! Following other catalogues, as OpenCatalogi federates: every municipality runs its own
//! catalogue and sees the others'. A catalogue offers the versions stored in it since a moment
//! ([`feed`], `GET /api/v1/versies?sinds=`), paginated; a follower reads that feed of each
//! catalogue it follows and takes their components over with their versions.
//!
//! - A followed component says where it came from (`gevolgdVan`, and each version's `bron`),
//!   and only that catalogue changes it: publishing it here is refused.
//! - A component is known by its `url`: one this catalogue already has (its own, or followed
//!   from another catalogue first) is not taken over again, never duplicated.
//! - The feed gives only a catalogue's own components, not those it follows itself: two
//!   catalogues that follow each other do not send each other's components back and forth.
//! - The feed is read from the last version seen minus a margin (a transaction that began
//!   earlier may be stored later); versions seen twice change nothing (publishing the latest
//!   version again adds none).

use super::components::{Publication, Publisher, describe, publish};
use crate::AppState;
use crate::domain::{kinds::Layer, openapi};
use crate::error::Error;
use crate::fetch::Answer;
use crate::store::{self, FeedRow, FollowedRow};
use chrono::NaiveDateTime;
use serde::Deserialize;

/// How far back a follower reads from the last version it saw.
const MARGIN_SECONDS: i64 = 300;
/// The page size a follower asks for (the API's maximum).
const PAGE_SIZE: usize = 100;
/// At most this many pages are read in one round (100,000 versions).
const MAX_PAGES: usize = 1000;

/// One page of the feed: the versions stored since `since`, oldest first, and the total.
pub async fn feed(
    state: &AppState,
    since: NaiveDateTime,
    offset: i64,
    limit: i64,
) -> Result<(Vec<FeedRow>, i64), Error> {
    Ok(state.db.run(move |c| store::feed(c, since, offset, limit)).await?)
}

/// The catalogues followed, with how far each was read.
pub async fn followed(state: &AppState) -> Result<Vec<FollowedRow>, Error> {
    let urls = state.follows.clone();
    state
        .db
        .run(move |c| {
            urls.iter()
                .map(|u| Ok::<_, Error>(store::followed(c, u)?))
                .collect::<Result<Vec<_>, _>>()
        })
        .await
}

/// A version as a feed gives it (the fields a follower uses).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FeedItem {
    url: String,
    versie: i32,
    #[serde(default)]
    laag: Option<Layer>,
    #[serde(default)]
    eigenaar: Option<String>,
    gepubliceerd_op: String,
    vastgelegd_op: String,
    publiccode: String,
    #[serde(default)]
    openapi: Option<String>,
    #[serde(default)]
    component_id: String,
}

#[derive(Debug, Deserialize)]
struct FeedPage {
    versies: Vec<FeedItem>,
}

/// What one round of following a catalogue did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Followed {
    /// Versions taken over.
    pub taken: usize,
    /// Versions of components this catalogue already has from elsewhere, left out.
    pub skipped: usize,
    /// Requests made.
    pub requests: usize,
}

fn time(s: &str) -> Option<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(s).ok().map(|t| t.naive_utc())
}

/// Reads a followed catalogue's feed from where the last round ended and takes its new
/// versions over. A catalogue that does not answer is said in its state; the round ends there
/// and the next one starts from the same moment.
pub async fn follow(state: &AppState, base: &str) -> Result<Followed, Error> {
    let base = base.trim_end_matches('/').to_string();
    let key = base.clone();
    let mut row = state.db.run(move |c| Ok::<_, Error>(store::followed(c, &key)?)).await?;
    let since = row.sinds.unwrap_or_default();
    let mut done = Followed::default();
    let mut last_seen: Option<NaiveDateTime> = None;
    let mut fault: Option<String> = None;
    'pages: for page in 1..=MAX_PAGES {
        let url = format!(
            "{base}/api/v1/versies?sinds={}&page={page}&pageSize={PAGE_SIZE}",
            url::form_urlencoded::byte_serialize(crate::api::dto::rfc3339(since).as_bytes()).collect::<String>()
        );
        done.requests += 1;
        let page_items = match state.fetcher.get(&url, "application/json", None).await {
            Ok(Answer::Body { text, .. }) => match serde_json::from_str::<FeedPage>(&text) {
                Ok(p) => p.versies,
                Err(e) => {
                    fault = Some(format!("de feed is niet te lezen: {e}"));
                    break;
                }
            },
            Ok(other) => {
                fault = Some(format!("de feed antwoordde {other:?}"));
                break;
            }
            Err(e) => {
                fault = Some(e.to_string());
                break;
            }
        };
        let count = page_items.len();
        for item in page_items {
            // the catalogue stopped answering halfway: this item is read again next round
            if let Err(why) = take_over(state, &base, &item, &mut done).await {
                fault = Some(why);
                break 'pages;
            }
            if let Some(t) = time(&item.vastgelegd_op) {
                last_seen = Some(last_seen.map_or(t, |l| l.max(t)));
            }
        }
        if count < PAGE_SIZE {
            break;
        }
    }
    row.gevolgd_op = Some(state.now());
    row.melding = fault;
    row.overgenomen += i32::try_from(done.taken).unwrap_or(i32::MAX);
    row.overgeslagen += i32::try_from(done.skipped).unwrap_or(i32::MAX);
    if row.melding.is_none() {
        if let Some(t) = last_seen {
            row.sinds = Some(t - chrono::Duration::seconds(MARGIN_SECONDS));
        }
    }
    let saved = row.clone();
    state
        .db
        .write_transaction(move |c| Ok::<_, Error>(store::save_followed(c, &saved)?))
        .await?;
    Ok(done)
}

/// Takes one version over, unless this catalogue has the component from elsewhere or has the
/// version already (read again within the margin): its spec is then neither fetched nor linted
/// again. `Err`: why the round ends here.
async fn take_over(state: &AppState, base: &str, item: &FeedItem, done: &mut Followed) -> Result<(), String> {
    let source = format!("{base}/componenten/{}#versie-{}", item.component_id, item.versie);
    let (url, from) = (item.url.clone(), source.clone());
    let followed_from = Some(base.to_string());
    let known = state
        .db
        .run(move |c| {
            let Some(k) = store::find_by_url(c, &url)? else {
                return Ok::<_, Error>(None);
            };
            let taken = k.gevolgd_van == followed_from && store::has_version_from(c, &k.id, &from)?;
            Ok(Some((k.gevolgd_van, taken)))
        })
        .await
        .map_err(describe)?;
    match known {
        Some((from, _)) if from.as_deref() != Some(base) => {
            done.skipped += 1;
            return Ok(());
        }
        Some((_, true)) => return Ok(()),
        _ => {}
    }
    let spec = match &item.openapi {
        None => None,
        Some(link) => {
            let at = if link.starts_with('/') {
                format!("{base}{link}")
            } else {
                link.clone()
            };
            done.requests += 1;
            let text = state.fetcher.fetch(&at).await.map_err(|e| format!("{at}: {e}"))?;
            match openapi::parse(&text) {
                Ok(tree) => Some(tree),
                Err(why) => {
                    tracing::warn!(catalogue = base, url = item.url, %why, "a followed spec is refused");
                    done.skipped += 1;
                    return Ok(());
                }
            }
        }
    };
    let publisher = Publisher {
        by: format!("volgen {base}"),
        organisation: item.eigenaar.clone().unwrap_or_else(|| base.to_string()),
        claims_unowned: false,
    };
    let publication = Publication {
        publiccode: item.publiccode.clone(),
        spec,
        source: Some(source),
        at: time(&item.gepubliceerd_op),
        layer: item.laag,
        followed_from: Some(base.to_string()),
    };
    match publish(state, publisher, publication).await {
        Ok(p) if p.new_version => done.taken += 1,
        Ok(_) => {}
        Err(e @ (Error::AlreadyHere | Error::Followed(_))) => {
            tracing::debug!(catalogue = base, url = item.url, why = %describe(e), "left out");
            done.skipped += 1;
        }
        // a file this catalogue refuses (another version of the rules): left out, said in the log
        Err(
            e @ (Error::Unreadable(_) | Error::Invalid(_) | Error::NotOpenApi(_) | Error::NotOwner(_) | Error::Unowned),
        ) => {
            tracing::warn!(catalogue = base, url = item.url, why = %describe(e), "a followed version is refused");
            done.skipped += 1;
        }
        Err(e) => return Err(describe(e)),
    }
    Ok(())
}

/// Reads every catalogue of the settings whose last read began `interval` seconds ago or longer
/// (or that was never read), each claimed first so that of several replicas one reads it.
pub async fn follow_due(state: &AppState, interval: u64) -> Vec<(String, Result<Followed, String>)> {
    let now = state.now();
    let due = super::due_before(now, interval);
    let mut out = Vec::new();
    for base in state.follows.clone() {
        let key = base.clone();
        let claimed = state
            .db
            .write_transaction(move |c| Ok::<_, Error>(store::claim_followed(c, &key, due, now)?))
            .await;
        match claimed {
            Ok(true) => {
                let r = follow(state, &base).await.map_err(describe);
                out.push((base, r));
            }
            Ok(false) => {}
            Err(e) => out.push((base, Err(describe(e)))),
        }
    }
    out
}

/// Reads the catalogues of the settings as they are due: every minute it looks, and each one is
/// read every `interval` seconds.
pub async fn follow_forever(state: AppState, interval: u64) {
    let tick = std::time::Duration::from_secs(interval.clamp(1, 60));
    loop {
        for (base, r) in follow_due(&state, interval).await {
            match r {
                Ok(f) => {
                    tracing::info!(catalogue = %base, taken = f.taken, skipped = f.skipped, requests = f.requests, "catalogue followed")
                }
                Err(why) => tracing::warn!(catalogue = %base, %why, "following a catalogue failed"),
            }
        }
        actix_web::rt::time::sleep(tick).await;
    }
}
