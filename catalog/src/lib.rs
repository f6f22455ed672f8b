//! The component catalogue (componentencatalogus): Common Ground components described by their
//! publiccode.yml, each version kept with its OpenAPI spec. Our own components are loaded from
//! `catalog/entries/` and `openapi/` at start-up; suppliers publish theirs through the API.
//!
//! [`Catalog`] is the component as the platform sees it; `api/` handlers call the use cases of
//! `app/`, which apply the rules of `domain/` and store through `store`.

pub mod api;
pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod entries;
pub mod error;
pub mod fetch;
pub mod landscape;
pub mod register;
pub mod store;
pub mod web;

use platform::component::{Component, Context, Platform};
use std::path::PathBuf;
use std::sync::Arc;

pub use config::Config;
pub use platform::clock::{Clock, system_clock};

/// Version of the API.
pub const API_VERSION: &str = "0.1.0";

/// The component.
pub struct Catalog;

/// Shared state: the platform's parts (database, audit log, token checker, clock) and the
/// catalogue's settings.
#[derive(Clone)]
pub struct AppState {
    /// The platform's parts (the state dereferences to them).
    pub platform: Platform,
    /// Whether the built-in entries (Grondwerk's components) are loaded at start-up.
    pub builtin_entries: bool,
    /// Whether the seeded landscape (Open Zaak, Open Notificaties, … with their real files) is
    /// loaded at the first start that does not know it.
    pub landscape: bool,
    /// The catalogues this one follows (base URLs).
    pub follows: Vec<String>,
    /// Folders of more entries loaded at start-up.
    pub entries: Vec<PathBuf>,
    /// Folder of their specs (without it, each entry's own folder).
    pub specs: Option<PathBuf>,
    /// The public base URL of the catalogue.
    pub public_url: String,
    /// The organisation the catalogue's own entries belong to.
    pub organisation: String,
    /// Fetches suppliers' specs by URL, safely.
    pub fetcher: fetch::Fetcher,
    /// The catalogue's settings of each client (the organisation it speaks for).
    pub clients: Arc<platform::auth::ClientSettings<app::usage::CatalogClient>>,
}

platform::component_migrations!();
platform::platform_state!(AppState);

impl Component for Catalog {
    const NAME: &'static str = "catalog";
    const ABOUT: &'static str = "componentencatalogus: publiccode.yml entries with their OpenAPI specs";
    const DEFAULT_PORT: u16 = 8080;
    const API_VERSION: &'static str = API_VERSION;
    const PUBLICCODE: &'static str = include_str!("../entries/catalog.publiccode.yml");
    const ACTIVITIES: &'static [&'static platform::register::Activity] = register::ACTIVITIES;
    const MIGRATIONS: &'static [&'static platform::db::Migrations] = MIGRATIONS;
    // a version's publiccode.yml is served as it was published; the pages are HTML
    const ALSO_PRODUCES: &'static [&'static str] = &["application/yaml", "text/html"];
    type Api = api::ApiDoc;
    type Config = Config;
    type State = AppState;

    async fn build(ctx: Context, config: Config) -> Result<AppState, String> {
        let harvest_interval = config.harvest_interval;
        let follow_interval = config.follow_interval;
        let state = config.state(ctx)?;
        let rebuilt = state
            .db
            .run(|c| Ok::<_, crate::error::Error>(store::check_search_index(c)?))
            .await
            .map_err(app::components::describe)?;
        if rebuilt {
            tracing::warn!("the search index no longer matched the components (a VACUUM?); rebuilt");
        }
        let loaded = app::components::load_entries(&state).await?;
        tracing::info!(new_versions = loaded, "catalogue entries loaded");
        if state.landscape {
            let started = std::time::Instant::now();
            let seeded = landscape::load(&state).await?;
            tracing::info!(
                components = seeded,
                took_ms = started.elapsed().as_millis(),
                "landscape seeded"
            );
        }
        if harvest_interval > 0 {
            actix_web::rt::spawn(app::harvest::harvest_forever(state.clone(), harvest_interval));
        }
        if !state.follows.is_empty() {
            actix_web::rt::spawn(app::follow::follow_forever(state.clone(), follow_interval));
        }
        Ok(state)
    }

    fn routes(_state: &AppState, cfg: &mut actix_web::web::ServiceConfig) {
        web::routes(cfg);
    }
}
